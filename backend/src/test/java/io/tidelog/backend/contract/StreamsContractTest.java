package io.tidelog.backend.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tidelog.backend.BackendException.Kind;
import io.tidelog.backend.SequenceRange;
import io.tidelog.backend.StreamRecord;
import io.tidelog.backend.TableMetadata;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** §7.11 streams and getShardSequenceRange (§7.12). */
class StreamsContractTest extends ContractTestBase {

    static final String KEYS = "{\"customerId\":{\"S\":\"u1\"},\"orderId\":{\"S\":\"o1\"}}";
    static final String NEW_IMAGE = "{\"customerId\":{\"S\":\"u1\"},\"orderId\":{\"S\":\"o1\"},\"total\":{\"N\":\"10\"}}";
    static final String OLD_IMAGE = "{\"customerId\":{\"S\":\"u1\"},\"orderId\":{\"S\":\"o1\"},\"total\":{\"N\":\"5\"}}";
    static final String IDENTITY = "{\"Type\":\"Service\",\"PrincipalId\":\"dynamodb.amazonaws.com\"}";

    private void rec(String table, String shard, String seq) {
        backend.insertStreamRecord(table, "MODIFY", KEYS, NEW_IMAGE, OLD_IMAGE, seq, shard, CREATED_AT);
    }

    private List<String> seqs(String table, String shard, long after, int limit) {
        return backend.getStreamRecords(table, shard, after, limit).stream().map(StreamRecord::sequenceNumber)
                .collect(Collectors.toList());
    }

    private TableMetadata row(String t) {
        return backend.getTableMetadata(t).orElseThrow();
    }

    @Test
    void enableStreamSetsTheThreeFields() {
        backend.insertTableMetadata(meta(ORDERS));
        backend.enableStream(ORDERS, "NEW_AND_OLD_IMAGES", "2024-03-01T12:00:00.123");
        TableMetadata r = row(ORDERS);
        assertTrue(r.streamEnabled());
        assertEquals("NEW_AND_OLD_IMAGES", r.streamViewType());
        assertEquals("2024-03-01T12:00:00.123", r.streamLabel());
        backend.enableStream(ORDERS, "KEYS_ONLY", "label-2");
        assertEquals("KEYS_ONLY", row(ORDERS).streamViewType());
        assertEquals("label-2", row(ORDERS).streamLabel());
    }

    @Test
    void streamSettingChangesWithoutCatalogRowAreNoOps() {
        backend.enableStream(ORDERS, "NEW_IMAGE", "l");
        backend.disableStream(ORDERS);
        assertFalse(backend.tableExists(ORDERS));
        assertEquals(List.of(), backend.listStreamEnabledTables());
    }

    @Test
    void disableStreamKeepsViewTypeLabelAndRecords() {
        backend.insertTableMetadata(meta(ORDERS));
        backend.enableStream(ORDERS, "NEW_IMAGE", "label-1");
        rec(ORDERS, "shard-0", "1");
        backend.disableStream(ORDERS);
        TableMetadata r = row(ORDERS);
        assertFalse(r.streamEnabled());
        assertEquals("NEW_IMAGE", r.streamViewType());
        assertEquals("label-1", r.streamLabel());
        assertEquals(List.of("1"), seqs(ORDERS, "shard-0", 0, 10));
        assertEquals(List.of(), backend.listStreamEnabledTables());
    }

    @Test
    void insertStreamRecordEqualsIdentityNullAndNeedsNoCatalog() {
        backend.insertStreamRecord(ORDERS, "INSERT", KEYS, NEW_IMAGE, null, "1", "shard-0", CREATED_AT);
        backend.insertStreamRecordWithIdentity(ORDERS, "INSERT", KEYS, NEW_IMAGE, null, "2", "shard-0", CREATED_AT, null);
        List<StreamRecord> got = backend.getStreamRecords(ORDERS, "shard-0", 0, 10);
        assertEquals(List.of(new StreamRecord("INSERT", KEYS, NEW_IMAGE, null, "1", CREATED_AT, null),
                new StreamRecord("INSERT", KEYS, NEW_IMAGE, null, "2", CREATED_AT, null)), got);
        assertFalse(backend.tableExists(ORDERS));
    }

    @Test
    void everyFieldRoundTripsIncludingNulls() {
        backend.insertStreamRecordWithIdentity(ORDERS, "MODIFY", KEYS, NEW_IMAGE, OLD_IMAGE, "00042", "shardId-0001",
                -7L, IDENTITY);
        backend.insertStreamRecordWithIdentity(ORDERS, "REMOVE", "", null, OLD_IMAGE, "43", "shardId-0001", Long.MAX_VALUE, null);
        backend.insertStreamRecordWithIdentity(ORDERS, "", KEYS, null, null, "44", "shardId-0001", 0L, "");
        assertEquals(List.of(
                new StreamRecord("MODIFY", KEYS, NEW_IMAGE, OLD_IMAGE, "00042", -7L, IDENTITY),
                new StreamRecord("REMOVE", "", null, OLD_IMAGE, "43", Long.MAX_VALUE, null),
                new StreamRecord("", KEYS, null, null, "44", 0L, "")),
                backend.getStreamRecords(ORDERS, "shardId-0001", 0, 10));
    }

    @Test
    void duplicateSequenceNumbersAreKeptInInsertionOrder() {
        backend.insertStreamRecord(ORDERS, "INSERT", KEYS, "{\"n\":1}", null, "5", "s", CREATED_AT);
        backend.insertStreamRecord(ORDERS, "MODIFY", KEYS, "{\"n\":2}", null, "5", "s", CREATED_AT);
        backend.insertStreamRecord(ORDERS, "REMOVE", KEYS, "{\"n\":3}", null, "005", "s", CREATED_AT);
        List<StreamRecord> got = backend.getStreamRecords(ORDERS, "s", 0, 10);
        assertEquals(List.of("INSERT", "MODIFY", "REMOVE"), got.stream().map(StreamRecord::eventName).collect(Collectors.toList()));
        assertEquals(List.of("5", "5", "005"), got.stream().map(StreamRecord::sequenceNumber).collect(Collectors.toList()));
    }

    @Test
    void nextSequenceNumberIsOneWhenNone() {
        assertEquals(1, backend.nextStreamSequenceNumber(ORDERS));
        rec(USERS, "shard-0", "99");
        assertEquals(1, backend.nextStreamSequenceNumber(ORDERS), "other tables do not count");
    }

    @Test
    void nextSequenceNumberIsNumericMaxPlusOneAcrossShards() {
        rec(ORDERS, "shard-0", "9");
        rec(ORDERS, "shard-1", "10");
        rec(ORDERS, "shard-0", "3");
        assertEquals(11, backend.nextStreamSequenceNumber(ORDERS), "\"10\" beats \"9\" numerically");
    }

    @Test
    void nextSequenceNumberUsesSqlCastSemantics() {
        rec("T1", "s", "007");
        assertEquals(8, backend.nextStreamSequenceNumber("T1"));
        rec("T2", "s", "12abc");
        assertEquals(13, backend.nextStreamSequenceNumber("T2"));
        rec("T3", "s", "1e3");
        assertEquals(2, backend.nextStreamSequenceNumber("T3"));
        rec("T4", "s", "abc");
        assertEquals(1, backend.nextStreamSequenceNumber("T4"));
        rec("T5", "s", "  42");
        rec("T5", "s", "-100");
        assertEquals(43, backend.nextStreamSequenceNumber("T5"));
        rec("T6", "s", "+17");
        assertEquals(18, backend.nextStreamSequenceNumber("T6"));
    }

    @Test
    void numericValueEdgeCases() {
        rec("W", "s", "\t\n 5");
        assertEquals(6, backend.nextStreamSequenceNumber("W"), "leading ASCII whitespace skipped");
        rec("S1", "s", "-");
        rec("S1", "s", "+");
        rec("S1", "s", "- 5");
        rec("S1", "s", "");
        assertEquals(1, backend.nextStreamSequenceNumber("S1"), "no digits: 0");
        rec("N", "s", "-99999999999999999999");
        rec("N", "s", "-3");
        assertEquals(-2, backend.nextStreamSequenceNumber("N"));
        assertEquals(List.of("-3"), seqs("N", "s", Long.MIN_VALUE, 10), "clamped to Long.MIN_VALUE: not > MIN");
        assertEquals(List.of(), seqs("N", "s", Long.MAX_VALUE, 10));
    }

    @Test
    void nextSequenceNumberAtLongMaxIsOther() {
        rec("T1", "s", Long.toString(Long.MAX_VALUE));
        assertKind(Kind.OTHER, () -> backend.nextStreamSequenceNumber("T1"));
        rec("T2", "s", "99999999999999999999999");
        assertKind(Kind.OTHER, () -> backend.nextStreamSequenceNumber("T2")); // clamped to Long.MAX_VALUE
        rec("T3", "s", Long.toString(Long.MAX_VALUE - 1));
        assertEquals(Long.MAX_VALUE, backend.nextStreamSequenceNumber("T3"));
    }

    @Test
    void nextSequenceNumberSurvivesTableDeletionAndRecreation() {
        backend.insertTableMetadata(meta(ORDERS));
        backend.createDataTable(ORDERS);
        backend.enableStream(ORDERS, "NEW_IMAGE", "l");
        rec(ORDERS, "shard-0", "41");
        backend.dropDataTable(ORDERS);
        backend.deleteTableMetadata(ORDERS);
        assertEquals(42, backend.nextStreamSequenceNumber(ORDERS));
        backend.insertTableMetadata(meta(ORDERS));
        backend.createDataTable(ORDERS);
        assertEquals(42, backend.nextStreamSequenceNumber(ORDERS));
        assertEquals(List.of("41"), seqs(ORDERS, "shard-0", 0, 10), "re-created table sees old records");
    }

    @Test
    void getStreamRecordsIsPerTableAndShardStrictlyAfterInNumericOrder() {
        for (String seq : List.of("10", "9", "2", "100", "1")) {
            rec(ORDERS, "shard-0", seq);
        }
        rec(ORDERS, "shard-1", "5");
        rec(USERS, "shard-0", "6");
        rec("orders", "shard-0", "7");
        assertEquals(List.of("1", "2", "9", "10", "100"), seqs(ORDERS, "shard-0", 0, 100));
        assertEquals(List.of("10", "100"), seqs(ORDERS, "shard-0", 9, 100), "strictly after");
        assertEquals(List.of(), seqs(ORDERS, "shard-0", 100, 100));
        assertEquals(List.of("5"), seqs(ORDERS, "shard-1", 0, 100));
        assertEquals(List.of(), seqs(ORDERS, "shard-2", 0, 100));
        assertEquals(List.of("1", "2"), seqs(ORDERS, "shard-0", -5, 2));
        assertEquals(List.of(), seqs(ORDERS, "shard-0", 0, 0));
    }

    @Test
    void getStreamRecordsUsesNumericValueForAfterAndReturnsStoredString() {
        rec(ORDERS, "s", "007");
        rec(ORDERS, "s", "abc");
        rec(ORDERS, "s", "12abc");
        assertEquals(List.of("007", "12abc"), seqs(ORDERS, "s", 0, 10), "\"abc\" has numeric value 0");
        assertEquals(List.of("abc", "007", "12abc"), seqs(ORDERS, "s", -1, 10));
        assertEquals(List.of("12abc"), seqs(ORDERS, "s", 7, 10));
    }

    @Test
    void getStreamRecordsNegativeLimitIsValidation() {
        assertKind(Kind.VALIDATION, () -> backend.getStreamRecords(ORDERS, "s", 0, -1));
    }

    @Test
    void listStreamEnabledTablesFiltersByFlagInNameOrder() {
        for (String t : List.of("b", "A", "\uD83D\uDE00", "\uFFFD", "c")) {
            backend.insertTableMetadata(meta(t));
        }
        backend.enableStream("\uD83D\uDE00", "NEW_IMAGE", "l1");
        backend.enableStream("\uFFFD", "NEW_IMAGE", "l2");
        backend.enableStream("b", "KEYS_ONLY", "l3");
        backend.enableStream("A", "KEYS_ONLY", "l4");
        backend.disableStream("A");
        List<TableMetadata> enabled = backend.listStreamEnabledTables();
        assertEquals(List.of("b", "\uFFFD", "\uD83D\uDE00"),
                enabled.stream().map(TableMetadata::tableName).collect(Collectors.toList()));
        assertEquals(row("b"), enabled.get(0), "full catalog rows");
    }

    @Test
    void shardSequenceRangeIsNullNullWhenEmpty() {
        assertEquals(new SequenceRange(null, null), backend.getShardSequenceRange(ORDERS, "shard-0"));
        rec(ORDERS, "shard-1", "3");
        SequenceRange r = backend.getShardSequenceRange(ORDERS, "shard-0");
        assertNull(r.first());
        assertNull(r.last());
    }

    @Test
    void shardSequenceRangeIsNumericMinAndMax() {
        for (String seq : List.of("9", "10", "2", "1")) {
            rec(ORDERS, "shard-0", seq);
        }
        rec(ORDERS, "shard-1", "1000");
        rec(USERS, "shard-0", "0");
        assertEquals(new SequenceRange("1", "10"), backend.getShardSequenceRange(ORDERS, "shard-0"), "\"10\" beats \"9\"");
    }

    @Test
    void shardSequenceRangeTiesReportEarliestInsertedString() {
        rec(ORDERS, "s", "007");
        rec(ORDERS, "s", "7");
        rec(ORDERS, "s", "3");
        rec(ORDERS, "s", "03");
        assertEquals(new SequenceRange("3", "007"), backend.getShardSequenceRange(ORDERS, "s"));
    }

    @Test
    void recordsSurviveDropAndDeleteOfTheTable() {
        backend.insertTableMetadata(meta(ORDERS));
        backend.createDataTable(ORDERS);
        rec(ORDERS, "shard-0", "1");
        backend.dropDataTable(ORDERS);
        backend.deleteTableMetadata(ORDERS);
        assertEquals(List.of("1"), seqs(ORDERS, "shard-0", 0, 10));
        assertEquals(new SequenceRange("1", "1"), backend.getShardSequenceRange(ORDERS, "shard-0"));
    }
}
