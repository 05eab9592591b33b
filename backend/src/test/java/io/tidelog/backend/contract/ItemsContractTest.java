package io.tidelog.backend.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tidelog.backend.BackendException.Kind;
import io.tidelog.backend.BaseItemRow;
import io.tidelog.backend.ItemRow;
import io.tidelog.backend.Keys;
import io.tidelog.backend.LruItem;
import io.tidelog.backend.TableStats;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** §7.9 items: put variants, get, delete, partition sizes, count. */
class ItemsContractTest extends ContractTestBase {

    @BeforeEach
    void table() {
        createTable(ORDERS);
    }

    private List<ItemRow> parallelAll() {
        return backend.scanItems(ORDERS, sc().segment(0).totalSegments(1).build());
    }

    @Test
    void putItemReturnsPreviousItemJson() {
        assertEquals(Optional.empty(), backend.putItem(ORDERS, s("u1"), s("o1"), "{\"v\":{\"N\":\"1\"}}", 10));
        assertEquals(Optional.of("{\"v\":{\"N\":\"1\"}}"), backend.putItem(ORDERS, s("u1"), s("o1"), "{\"v\":{\"N\":\"2\"}}", 11));
        assertEquals(Optional.of("{\"v\":{\"N\":\"2\"}}"), backend.getItem(ORDERS, s("u1"), s("o1")));
        assertEquals(1, backend.countItems(ORDERS));
        assertEquals(11, backend.getPartitionSize(ORDERS, s("u1")), "itemSize replaced");
    }

    @Test
    void putItemKeepsCachedAt() {
        backend.putItem(ORDERS, s("u1"), s("o1"), "{}", 10);
        backend.touchCachedAt(ORDERS, s("u1"), s("o1"), 123.5);
        backend.putItem(ORDERS, s("u1"), s("o1"), "{\"new\":true}", 42);
        assertEquals(List.of(new LruItem(s("u1"), s("o1"), 42)), backend.getLruItems(ORDERS, 10));
        backend.putItem(ORDERS, s("u2"), s("o1"), "{}", 1);
        assertEquals(1, backend.getLruItems(ORDERS, 10).size(), "a new row has null cachedAt");
    }

    @Test
    void putItemResetsHashPrefixToEmptyTakingTheRowOutOfParallelScans() {
        backend.putItemWithHash(ORDERS, s("u1"), s("o1"), "{}", 10, Keys.hashPrefixOfString("u1"));
        assertEquals(1, parallelAll().size());
        backend.putItem(ORDERS, s("u1"), s("o1"), "{\"v\":2}", 10);
        assertEquals(List.of(), parallelAll(), "empty hashPrefix is in no segment");
        assertEquals(List.of(new ItemRow(s("u1"), s("o1"), "{\"v\":2}")), backend.scanItems(ORDERS, sc().build()),
                "still visible to non-parallel scans");
    }

    @Test
    void putItemWithHashReturnsPreviousAndStoresHashPrefix() {
        assertEquals(Optional.empty(), backend.putItemWithHash(ORDERS, s("u1"), s("o1"), "{\"a\":1}", 10, "0aa000"));
        assertEquals(Optional.of("{\"a\":1}"), backend.putItemWithHash(ORDERS, s("u1"), s("o1"), "{\"a\":2}", 10, "fff000"));
        assertEquals(List.of(), backend.scanItems(ORDERS, sc().segment(0).totalSegments(2).build()));
        assertEquals(1, backend.scanItems(ORDERS, sc().segment(1).totalSegments(2).build()).size());
    }

    @Test
    void putItemWithHashKeepsCachedAtOfExistingRowAndNullForNewRow() {
        backend.putItemWithHash(ORDERS, s("u1"), s("o1"), "{}", 10, "000000");
        assertEquals(List.of(), backend.getLruItems(ORDERS, 10), "new row: cachedAt null");
        backend.touchCachedAt(ORDERS, s("u1"), s("o1"), 5.0);
        backend.putItemWithHash(ORDERS, s("u1"), s("o1"), "{}", 20, "111111");
        assertEquals(List.of(new LruItem(s("u1"), s("o1"), 20)), backend.getLruItems(ORDERS, 10));
    }

    @Test
    void negativeItemSizeIsRejected() {
        long seq = backend.lastSequence();
        assertKind(Kind.VALIDATION, () -> backend.putItem(ORDERS, s("u1"), s("o1"), "{}", -1));
        assertKind(Kind.VALIDATION, () -> backend.putItemWithHash(ORDERS, s("u1"), s("o1"), "{}", -5, "000000"));
        assertKind(Kind.VALIDATION, () -> backend.putBaseItems(ORDERS,
                List.of(new BaseItemRow(s("u1"), s("o1"), "{}", Integer.MIN_VALUE, null, "000000"))));
        assertEquals(0, backend.countItems(ORDERS));
        assertEquals(seq, backend.lastSequence());
        backend.putItem(ORDERS, s("u1"), s("o1"), "{}", 0); // zero is fine
        assertEquals(0, backend.getPartitionSize(ORDERS, s("u1")));
    }

    @Test
    void itemMethodsOnMissingDataTableRaiseOther() {
        createGhostCatalogOnly();
        assertMissingTable(() -> backend.putItem("Ghost", s("a"), "", "{}", 1));
        assertMissingTable(() -> backend.putItemWithHash("Ghost", s("a"), "", "{}", 1, "000000"));
        assertMissingTable(() -> backend.putBaseItems("Ghost", List.of(new BaseItemRow(s("a"), "", "{}", 1, null, ""))));
        assertMissingTable(() -> backend.putBaseItems("Ghost", List.of()));
        assertMissingTable(() -> backend.getItem("Ghost", s("a"), ""));
        assertMissingTable(() -> backend.getPartitionSize("Ghost", s("a")));
        assertMissingTable(() -> backend.deleteItem("Ghost", s("a"), ""));
        assertMissingTable(() -> backend.queryItems("Ghost", s("a"), q().build()));
        assertMissingTable(() -> backend.scanItems("Ghost", sc().build()));
        assertMissingTable(() -> backend.countItems("Ghost"));
        assertMissingTable(() -> backend.countItems("orders"));
    }

    private void createGhostCatalogOnly() {
        backend.insertTableMetadata(meta("Ghost"));
    }

    @Test
    void putBaseItemsWritesCachedAtVerbatimIncludingNullClearing() {
        backend.putItem(ORDERS, s("a"), "", "{}", 1);
        backend.touchCachedAt(ORDERS, s("a"), "", 100.0);
        backend.putBaseItems(ORDERS, List.of(
                new BaseItemRow(s("a"), "", "{\"a\":2}", 2, null, "000000"),
                new BaseItemRow(s("b"), "", "{\"b\":1}", 3, 7.25, "800000"),
                new BaseItemRow(s("c"), "", "{\"c\":1}", 4, -1.5, "")));
        assertEquals(List.of(new LruItem(s("c"), "", 4), new LruItem(s("b"), "", 3)), backend.getLruItems(ORDERS, 10),
                "null cleared a's cachedAt; others verbatim and ordered numerically");
        assertEquals(Optional.of("{\"a\":2}"), backend.getItem(ORDERS, s("a"), ""));
        assertEquals(List.of(s("a")), pks(backend.scanItems(ORDERS, sc().segment(0).totalSegments(2).build())));
        assertEquals(List.of(s("b")), pks(backend.scanItems(ORDERS, sc().segment(1).totalSegments(2).build())));
        assertEquals(3, backend.countItems(ORDERS));
        assertEquals(List.of(new TableStats(ORDERS, 3, 9)), backend.tableStats());
    }

    @Test
    void putBaseItemsLaterDuplicateWins() {
        backend.putBaseItems(ORDERS, List.of(
                new BaseItemRow(s("a"), s("1"), "{\"v\":1}", 1, 1.0, "000000"),
                new BaseItemRow(s("a"), s("1"), "{\"v\":2}", 2, 2.0, "fff000")));
        assertEquals(Optional.of("{\"v\":2}"), backend.getItem(ORDERS, s("a"), s("1")));
        assertEquals(2, backend.getPartitionSize(ORDERS, s("a")));
        assertEquals(1, backend.countItems(ORDERS));
        assertEquals(List.of(), backend.scanItems(ORDERS, sc().segment(0).totalSegments(2).build()));
    }

    @Test
    void putBaseItemsIsAtomicWhenARowIsInvalid() {
        backend.putItem(ORDERS, s("keep"), "", "{\"keep\":1}", 1);
        long seq = backend.lastSequence();
        assertKind(Kind.VALIDATION, () -> backend.putBaseItems(ORDERS, Arrays.asList(
                new BaseItemRow(s("a"), "", "{}", 1, null, "000000"),
                new BaseItemRow(s("keep"), "", "{\"keep\":2}", 1, null, "000000"),
                null)));
        assertKind(Kind.VALIDATION, () -> backend.putBaseItems(ORDERS, List.of(
                new BaseItemRow(s("a"), "", "{}", 1, null, "000000"),
                new BaseItemRow(s("b"), "", "{}", 1, Double.NaN, "000000"))));
        assertKind(Kind.VALIDATION, () -> backend.putBaseItems(ORDERS, List.of(
                new BaseItemRow(s("a"), "", "{}", 1, null, "000000"),
                new BaseItemRow(s("b"), null, "{}", 1, null, "000000"))));
        assertEquals(List.of(new ItemRow(s("keep"), "", "{\"keep\":1}")), backend.scanItems(ORDERS, sc().build()));
        assertEquals(seq, backend.lastSequence());
    }

    @Test
    void putBaseItemsEmptyListIsANoOpOnAnExistingTable() {
        backend.putBaseItems(ORDERS, List.of());
        assertEquals(0, backend.countItems(ORDERS));
    }

    @Test
    void getItemReturnsExactStoredStringOrEmpty() {
        String weird = "  {\"pk\" : {\"S\":\"caf\u00e9 \uD83D\uDE00\"},\n\t\"n\":{\"N\":\"1.50\"}}  ";
        backend.putItem(ORDERS, s("caf\u00e9"), s("\uD83D\uDE00"), weird, weird.length());
        assertEquals(Optional.of(weird), backend.getItem(ORDERS, s("caf\u00e9"), s("\uD83D\uDE00")));
        assertEquals(Optional.empty(), backend.getItem(ORDERS, s("caf\u00e9"), s("\uD83D\uDE01")));
        assertEquals(Optional.empty(), backend.getItem(ORDERS, s("CAF\u00c9"), s("\uD83D\uDE00")));
        backend.putItem(ORDERS, "", "", "", 0);
        assertEquals(Optional.of(""), backend.getItem(ORDERS, "", ""), "empty strings are ordinary values");
        backend.putItem(ORDERS, s("x"), "", "not json at all", 3);
        assertEquals(Optional.of("not json at all"), backend.getItem(ORDERS, s("x"), ""));
    }

    @Test
    void getPartitionSizeSumsItemSizeOfOnePartitionOnly() {
        backend.putItem(ORDERS, s("u1"), s("a"), "{}", 100);
        backend.putItem(ORDERS, s("u1"), s("b"), "{}", 250);
        backend.putItem(ORDERS, s("u1x"), s("a"), "{}", 7);
        backend.putItem(ORDERS, s("u"), s("a"), "{}", 9);
        assertEquals(350, backend.getPartitionSize(ORDERS, s("u1")));
        assertEquals(0, backend.getPartitionSize(ORDERS, s("nobody")));
        backend.deleteItem(ORDERS, s("u1"), s("a"));
        assertEquals(250, backend.getPartitionSize(ORDERS, s("u1")));
    }

    @Test
    void partitionSizeDoesNotOverflowInt() {
        backend.putItem(ORDERS, s("big"), s("1"), "{}", Integer.MAX_VALUE);
        backend.putItem(ORDERS, s("big"), s("2"), "{}", Integer.MAX_VALUE);
        assertEquals(2L * Integer.MAX_VALUE, backend.getPartitionSize(ORDERS, s("big")));
        backend.putItem(ORDERS, s("big2"), s("1"), "{}", Integer.MAX_VALUE);
        assertEquals(List.of(new TableStats(ORDERS, 3, 3L * Integer.MAX_VALUE)), backend.tableStats());
    }

    @Test
    void deleteItemReturnsPreviousAndAbsentGivesEmpty() {
        backend.putItem(ORDERS, s("u1"), s("o1"), "{\"x\":1}", 1);
        long seq = backend.lastSequence();
        assertEquals(Optional.of("{\"x\":1}"), backend.deleteItem(ORDERS, s("u1"), s("o1")));
        assertEquals(Optional.empty(), backend.getItem(ORDERS, s("u1"), s("o1")));
        assertEquals(0, backend.countItems(ORDERS));
        assertEquals(true, backend.lastSequence() > seq);
        assertEquals(Optional.empty(), backend.deleteItem(ORDERS, s("u1"), s("o1")));
        assertEquals(0, backend.countItems(ORDERS));
    }

    @Test
    void deleteItemLeavesIndexEntriesAlone() {
        backend.createGsiTable(ORDERS, BYSTATUS);
        backend.createLsiTable(ORDERS, BYDATE);
        backend.putItem(ORDERS, s("u1"), s("o1"), "{}", 1);
        backend.insertGsiItem(ORDERS, BYSTATUS, s("OPEN"), "", s("u1"), s("o1"), "{}");
        backend.insertLsiItem(ORDERS, BYDATE, s("u1"), s("d"), s("u1"), s("o1"), "{}");
        backend.deleteItem(ORDERS, s("u1"), s("o1"));
        assertEquals(1, backend.scanGsiItems(ORDERS, BYSTATUS, sc().build()).size());
        assertEquals(1, backend.scanLsiItems(ORDERS, BYDATE, sc().build()).size());
    }

    @Test
    void deleteItemRemovesRowFromLruView() {
        backend.putItem(ORDERS, s("u1"), s("o1"), "{}", 1);
        backend.touchCachedAt(ORDERS, s("u1"), s("o1"), 1.0);
        backend.deleteItem(ORDERS, s("u1"), s("o1"));
        assertEquals(List.of(), backend.getLruItems(ORDERS, 10));
        backend.putItem(ORDERS, s("u1"), s("o1"), "{}", 1);
        assertEquals(List.of(), backend.getLruItems(ORDERS, 10), "re-put after delete starts with null cachedAt");
    }

    @Test
    void countItemsIsZeroThenN() {
        assertEquals(0, backend.countItems(ORDERS));
        List<BaseItemRow> rows = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            rows.add(new BaseItemRow(s("u" + (i % 4)), s("o" + i), "{}", 1, null, Keys.hashPrefixOfString("u" + (i % 4))));
        }
        backend.putBaseItems(ORDERS, rows);
        assertEquals(25, backend.countItems(ORDERS));
        backend.putItem(ORDERS, s("u0"), s("o0"), "{}", 1); // replace, not add
        assertEquals(25, backend.countItems(ORDERS));
    }

    @Test
    void tableNamespacesAreSeparateForItems() {
        createTable(USERS);
        backend.putItem(ORDERS, s("u1"), s("o1"), "{\"t\":\"orders\"}", 1);
        backend.putItem(USERS, s("u1"), s("o1"), "{\"t\":\"users\"}", 1);
        assertEquals(Optional.of("{\"t\":\"orders\"}"), backend.getItem(ORDERS, s("u1"), s("o1")));
        assertEquals(Optional.of("{\"t\":\"users\"}"), backend.getItem(USERS, s("u1"), s("o1")));
        backend.deleteItem(USERS, s("u1"), s("o1"));
        assertEquals(1, backend.countItems(ORDERS));
    }

    @Test
    void keysWithEmbeddedNulAndMaximalCodePointsStayDistinct() {
        backend.putItem(ORDERS, "S:a\u0000", "S:x", "{\"v\":1}", 1);
        backend.putItem(ORDERS, "S:a", "\u0000S:x", "{\"v\":2}", 2);
        backend.putItem(ORDERS, "S:a", "S:\u0000x", "{\"v\":3}", 3);
        backend.putItem(ORDERS, "S:a\u0000S:x", "", "{\"v\":4}", 4);
        backend.putItem(ORDERS, "S:\uDBFF\uDFFF", "S:\uFFFF", "{\"v\":5}", 5);
        assertEquals(5, backend.countItems(ORDERS));
        assertEquals(Optional.of("{\"v\":1}"), backend.getItem(ORDERS, "S:a\u0000", "S:x"));
        assertEquals(Optional.of("{\"v\":2}"), backend.getItem(ORDERS, "S:a", "\u0000S:x"));
        assertEquals(Optional.of("{\"v\":3}"), backend.getItem(ORDERS, "S:a", "S:\u0000x"));
        assertEquals(Optional.of("{\"v\":4}"), backend.getItem(ORDERS, "S:a\u0000S:x", ""));
        assertEquals(5, backend.getPartitionSize(ORDERS, "S:a"));
        assertEquals(1, backend.getPartitionSize(ORDERS, "S:a\u0000"));
        assertEquals(List.of("\u0000S:x", "S:\u0000x"), sks(backend.queryItems(ORDERS, "S:a", q().build())));
        assertEquals(List.of("S:a", "S:a", "S:a\u0000", "S:a\u0000S:x", "S:\uDBFF\uDFFF"),
                pks(backend.scanItems(ORDERS, sc().build())));
    }
}
