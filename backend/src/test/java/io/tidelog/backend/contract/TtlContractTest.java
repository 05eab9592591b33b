package io.tidelog.backend.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tidelog.backend.BackendException.Kind;
import io.tidelog.backend.BaseItemRow;
import io.tidelog.backend.ItemRow;
import io.tidelog.backend.TableMetadata;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** §7.12 TTL configuration and §8.2 expiredItems. */
class TtlContractTest extends ContractTestBase {

    private static String withExp(String pk, String expMember) {
        return "{\"pk\":{\"S\":\"" + pk + "\"}" + (expMember == null ? "" : ",\"exp\":" + expMember) + "}";
    }

    private static String n(long v) {
        return "{\"N\":\"" + v + "\"}";
    }

    private void ttlTable(String t, String attr) {
        createTable(t);
        backend.updateTtlConfig(t, attr, true);
    }

    private void put(String t, String pk, String json) {
        backend.putItem(t, s(pk), "", json, json.length());
    }

    private List<String> expiredPks(String t, long now, int limit) {
        return backend.expiredItems(t, now, limit).stream().map(ItemRow::pk).collect(Collectors.toList());
    }

    @Test
    void updateTtlConfigSetsBothFieldsExactly() {
        backend.insertTableMetadata(meta(ORDERS));
        backend.updateTtlConfig(ORDERS, "expiresAt", true);
        TableMetadata r = backend.getTableMetadata(ORDERS).orElseThrow();
        assertEquals("expiresAt", r.ttlAttribute());
        assertTrue(r.ttlEnabled());
        backend.updateTtlConfig(ORDERS, "expiresAt", false);
        r = backend.getTableMetadata(ORDERS).orElseThrow();
        assertEquals("expiresAt", r.ttlAttribute(), "stored exactly as given");
        assertFalse(r.ttlEnabled());
        backend.updateTtlConfig(ORDERS, null, false);
        r = backend.getTableMetadata(ORDERS).orElseThrow();
        assertNull(r.ttlAttribute());
        assertFalse(r.ttlEnabled());
        backend.updateTtlConfig(ORDERS, null, true);
        r = backend.getTableMetadata(ORDERS).orElseThrow();
        assertNull(r.ttlAttribute());
        assertTrue(r.ttlEnabled());
    }

    @Test
    void updateTtlConfigWithoutCatalogRowIsANoOp() {
        backend.updateTtlConfig(ORDERS, "exp", true);
        assertFalse(backend.tableExists(ORDERS));
        assertEquals(List.of(), backend.listTtlEnabledTables());
    }

    @Test
    void listTtlEnabledTablesFiltersByFlagInNameOrder() {
        for (String t : List.of("zeta", "Alpha", "\uD83D\uDE00", "\uFFFD", "mid")) {
            backend.insertTableMetadata(meta(t));
        }
        backend.updateTtlConfig("\uD83D\uDE00", "exp", true);
        backend.updateTtlConfig("\uFFFD", "exp", true);
        backend.updateTtlConfig("zeta", "exp", true);
        backend.updateTtlConfig("Alpha", null, true);
        backend.updateTtlConfig("mid", "exp", false);
        assertEquals(List.of("Alpha", "zeta", "\uFFFD", "\uD83D\uDE00"),
                backend.listTtlEnabledTables().stream().map(TableMetadata::tableName).collect(Collectors.toList()));
    }

    @Test
    void expiryIsStrictlyBeforeNow() {
        ttlTable(ORDERS, "exp");
        String json = "{\"pk\":{\"S\":\"a\"},\"exp\":{\"N\":\"100\"}}";
        put(ORDERS, "a", json);
        assertEquals(List.of(), backend.expiredItems(ORDERS, 100, 10));
        assertEquals(List.of(), backend.expiredItems(ORDERS, 99, 10));
        assertEquals(List.of(new ItemRow(s("a"), "", json)), backend.expiredItems(ORDERS, 101, 10));
        assertEquals(List.of(new ItemRow(s("a"), "", json)), backend.expiredItems(ORDERS, Long.MAX_VALUE, 10));
    }

    @Test
    void onlyNonNegativeIntegerNumberStringsWithinLongRangeExpire() {
        ttlTable(ORDERS, "exp");
        put(ORDERS, "int", withExp("int", n(50)));
        put(ORDERS, "zero", withExp("zero", n(0)));
        put(ORDERS, "plus", withExp("plus", "{\"N\":\"+60\"}"));
        put(ORDERS, "leadingZeros", withExp("leadingZeros", "{\"N\":\"0070\"}"));
        put(ORDERS, "minusZero", withExp("minusZero", "{\"N\":\"-0\"}"));
        put(ORDERS, "spaced", "{ \"pk\" : {\"S\":\"spaced\"} , \"exp\" : { \"N\" : \"80\" } }");
        put(ORDERS, "longMax", withExp("longMax", "{\"N\":\"" + Long.MAX_VALUE + "\"}"));
        put(ORDERS, "nearMax", withExp("nearMax", "{\"N\":\"" + (Long.MAX_VALUE - 1) + "\"}"));
        // never expire:
        put(ORDERS, "fraction", withExp("fraction", "{\"N\":\"1.5\"}"));
        put(ORDERS, "fractionZero", withExp("fractionZero", "{\"N\":\"10.0\"}"));
        put(ORDERS, "exponent", withExp("exponent", "{\"N\":\"1e2\"}"));
        put(ORDERS, "negative", withExp("negative", "{\"N\":\"-5\"}"));
        put(ORDERS, "overflow", withExp("overflow", "{\"N\":\"9223372036854775808\"}"));
        put(ORDERS, "empty", withExp("empty", "{\"N\":\"\"}"));
        put(ORDERS, "alpha", withExp("alpha", "{\"N\":\"abc\"}"));
        put(ORDERS, "innerSpace", withExp("innerSpace", "{\"N\":\" 5\"}"));
        put(ORDERS, "string", withExp("string", "{\"S\":\"5\"}"));
        put(ORDERS, "bareNumber", withExp("bareNumber", "{\"N\":5}"));
        put(ORDERS, "twoMembers", withExp("twoMembers", "{\"N\":\"5\",\"S\":\"x\"}"));
        put(ORDERS, "notObject", withExp("notObject", "\"5\""));
        put(ORDERS, "numberSet", withExp("numberSet", "{\"NS\":[\"5\"]}"));
        put(ORDERS, "missing", withExp("missing", null));
        put(ORDERS, "nested", "{\"pk\":{\"S\":\"nested\"},\"m\":{\"M\":{\"exp\":{\"N\":\"5\"}}}}");
        put(ORDERS, "otherCase", "{\"pk\":{\"S\":\"otherCase\"},\"EXP\":{\"N\":\"5\"}}");
        put(ORDERS, "malformed", "{\"pk\":{\"S\":\"malformed\"},\"exp\":{\"N\":\"5\"");
        put(ORDERS, "notJson", "exp N 5");
        put(ORDERS, "array", "[{\"exp\":{\"N\":\"5\"}}]");
        assertEquals(List.of(s("minusZero"), s("zero"), s("int"), s("plus"), s("leadingZeros"), s("spaced")),
                expiredPks(ORDERS, 1000, 100));
        assertEquals(List.of(s("minusZero"), s("zero"), s("int"), s("plus"), s("leadingZeros"), s("spaced"), s("nearMax")),
                expiredPks(ORDERS, Long.MAX_VALUE, 100),
                "Long.MAX_VALUE - 1 < now; Long.MAX_VALUE itself is never < now; 2^63 is out of range");
    }

    @Test
    void orderedByExpiryThenKeysAndLimited() {
        ttlTable(ORDERS, "exp");
        backend.putItem(ORDERS, s("b"), s("2"), withExp("b", n(30)), 1);
        backend.putItem(ORDERS, s("b"), s("1"), withExp("b", n(30)), 1);
        backend.putItem(ORDERS, s("a"), s("9"), withExp("a", n(30)), 1);
        backend.putItem(ORDERS, s("\uD83D\uDE00"), "", withExp("e", n(30)), 1);
        backend.putItem(ORDERS, s("\uFFFD"), "", withExp("r", n(30)), 1);
        backend.putItem(ORDERS, s("z"), "", withExp("z", n(10)), 1);
        backend.putItem(ORDERS, s("y"), "", withExp("y", n(200)), 1);
        List<ItemRow> all = backend.expiredItems(ORDERS, 100, 100);
        assertEquals(List.of(s("z"), s("a"), s("b"), s("b"), s("\uFFFD"), s("\uD83D\uDE00")),
                all.stream().map(ItemRow::pk).collect(Collectors.toList()));
        assertEquals(List.of("", s("9"), s("1"), s("2"), "", ""), all.stream().map(ItemRow::sk).collect(Collectors.toList()));
        assertEquals(all.subList(0, 3), backend.expiredItems(ORDERS, 100, 3));
        assertEquals(List.of(), backend.expiredItems(ORDERS, 100, 0));
        assertKind(Kind.VALIDATION, () -> backend.expiredItems(ORDERS, 100, -1));
    }

    @Test
    void emptyWhenTtlIsOffOrConfigIncompleteOrTablesMissing() {
        createTable(ORDERS);
        put(ORDERS, "a", withExp("a", n(1)));
        assertEquals(List.of(), backend.expiredItems(ORDERS, 1000, 10), "ttl never configured");
        backend.updateTtlConfig(ORDERS, "exp", false);
        assertEquals(List.of(), backend.expiredItems(ORDERS, 1000, 10), "disabled");
        backend.updateTtlConfig(ORDERS, null, true);
        assertEquals(List.of(), backend.expiredItems(ORDERS, 1000, 10), "no attribute");
        backend.updateTtlConfig(ORDERS, "exp", true);
        assertEquals(1, backend.expiredItems(ORDERS, 1000, 10).size());
        assertEquals(List.of(), backend.expiredItems("Ghost", 1000, 10), "no catalog row, no error");
        backend.insertTableMetadata(meta("CatalogOnly"));
        backend.updateTtlConfig("CatalogOnly", "exp", true);
        assertEquals(List.of(), backend.expiredItems("CatalogOnly", 1000, 10), "no data table, no error");
        backend.createDataTable("DataOnly");
        put("DataOnly", "a", withExp("a", n(1)));
        assertEquals(List.of(), backend.expiredItems("DataOnly", 1000, 10), "no catalog row");
    }

    @Test
    void followsAttributeChange() {
        ttlTable(ORDERS, "exp");
        put(ORDERS, "a", "{\"pk\":{\"S\":\"a\"},\"exp\":{\"N\":\"10\"},\"ttl\":{\"N\":\"5000\"}}");
        put(ORDERS, "b", "{\"pk\":{\"S\":\"b\"},\"ttl\":{\"N\":\"20\"}}");
        assertEquals(List.of(s("a")), expiredPks(ORDERS, 1000, 10));
        backend.updateTtlConfig(ORDERS, "ttl", true);
        assertEquals(List.of(s("b")), expiredPks(ORDERS, 1000, 10));
        assertEquals(List.of(s("b"), s("a")), expiredPks(ORDERS, 6000, 10));
        backend.updateTtlConfig(ORDERS, "exp", true);
        assertEquals(List.of(s("a")), expiredPks(ORDERS, 1000, 10));
    }

    @Test
    void followsPutsDeletesAndBaseItemWrites() {
        ttlTable(ORDERS, "exp");
        put(ORDERS, "a", withExp("a", n(10)));
        put(ORDERS, "b", withExp("b", n(20)));
        backend.deleteItem(ORDERS, s("a"), "");
        assertEquals(List.of(s("b")), expiredPks(ORDERS, 1000, 10));
        put(ORDERS, "b", withExp("b", n(5000)));
        assertEquals(List.of(), expiredPks(ORDERS, 1000, 10), "overwrite moved expiry");
        put(ORDERS, "b", withExp("b", null));
        assertEquals(List.of(), expiredPks(ORDERS, 10_000, 10), "attribute removed");
        backend.putItemWithHash(ORDERS, s("c"), "", withExp("c", n(7)), 1, "000000");
        backend.putBaseItems(ORDERS, List.of(new BaseItemRow(s("d"), "", withExp("d", n(3)), 1, 2.0, "000000"),
                new BaseItemRow(s("c"), "", withExp("c", n(8)), 1, null, "000000")));
        assertEquals(List.of(new ItemRow(s("d"), "", withExp("d", n(3))), new ItemRow(s("c"), "", withExp("c", n(8)))),
                backend.expiredItems(ORDERS, 1000, 10));
    }

    @Test
    void followsDropDataTableAndDeleteTableMetadata() {
        ttlTable(ORDERS, "exp");
        put(ORDERS, "a", withExp("a", n(10)));
        backend.dropDataTable(ORDERS);
        assertEquals(List.of(), backend.expiredItems(ORDERS, 1000, 10));
        backend.createDataTable(ORDERS);
        assertEquals(List.of(), backend.expiredItems(ORDERS, 1000, 10), "dropped rows stay gone");
        put(ORDERS, "b", withExp("b", n(10)));
        assertEquals(List.of(s("b")), expiredPks(ORDERS, 1000, 10));
        backend.deleteTableMetadata(ORDERS);
        assertEquals(List.of(), backend.expiredItems(ORDERS, 1000, 10), "TTL settings gone with the catalog row");
        backend.insertTableMetadata(meta(ORDERS));
        assertEquals(List.of(), backend.expiredItems(ORDERS, 1000, 10), "re-inserted row has TTL off");
        backend.updateTtlConfig(ORDERS, "exp", true);
        assertEquals(List.of(s("b")), expiredPks(ORDERS, 1000, 10), "data rows were kept");
    }

    @Test
    void expiredItemsIsAReadThatDeletesNothing() {
        ttlTable(ORDERS, "exp");
        put(ORDERS, "a", withExp("a", n(10)));
        long seq = backend.lastSequence();
        assertEquals(1, backend.expiredItems(ORDERS, 1000, 10).size());
        assertEquals(1, backend.expiredItems(ORDERS, 1000, 10).size());
        assertEquals(1, backend.countItems(ORDERS));
        assertEquals(seq, backend.lastSequence());
    }

    @Test
    void tablesAreIndependent() {
        ttlTable(ORDERS, "exp");
        ttlTable(USERS, "exp");
        put(ORDERS, "o", withExp("o", n(1)));
        put(USERS, "u", withExp("u", n(1)));
        assertEquals(List.of(s("o")), expiredPks(ORDERS, 1000, 10));
        assertEquals(List.of(s("u")), expiredPks(USERS, 1000, 10));
        backend.updateTtlConfig(USERS, "exp", false);
        assertEquals(List.of(s("o")), expiredPks(ORDERS, 1000, 10));
    }

    @Test
    void nowZeroOrNegativeExpiresNothing() {
        ttlTable(ORDERS, "exp");
        put(ORDERS, "zero", withExp("zero", n(0)));
        assertEquals(List.of(), backend.expiredItems(ORDERS, 0, 10));
        assertEquals(List.of(), backend.expiredItems(ORDERS, -100, 10));
        assertEquals(List.of(s("zero")), expiredPks(ORDERS, 1, 10));
    }
}
