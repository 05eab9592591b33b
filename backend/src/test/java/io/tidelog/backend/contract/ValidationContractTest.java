package io.tidelog.backend.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tidelog.backend.BackendException;
import io.tidelog.backend.BackendException.Kind;
import io.tidelog.backend.BaseItemRow;
import io.tidelog.backend.CreateTableMetadata;
import io.tidelog.backend.GsiItemRow;
import io.tidelog.backend.IndexWriteOp;
import io.tidelog.backend.QueryParams;
import io.tidelog.backend.SortKeyCondition;
import io.tidelog.backend.Tag;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** §2.5 general rules: nulls, unpaired surrogates, numbers, segment pairs; always before any effect. */
class ValidationContractTest extends ContractTestBase {

    static final String LONE_HIGH = "S:\uD800";

    long seqBefore;
    Map<String, Object> stateBefore;

    @BeforeEach
    void fixture() {
        createStandardFixture(backend);
        backend.insertTableMetadata(meta(USERS));
        backend.createDataTable(USERS);
        seqBefore = backend.lastSequence();
        stateBefore = snapshot(backend);
    }

    private void assertNoEffect() {
        assertEquals(seqBefore, backend.lastSequence(), "a call that raised advanced lastSequence");
        assertEquals(stateBefore, snapshot(backend), "a call that raised changed state");
    }

    private static String describe(Object v) {
        if (v instanceof String str) {
            return "\"" + str.replace("\uD800", "\\uD800") + "\"";
        }
        return String.valueOf(v);
    }

    private static void expectValidation(List<String> wrong, String label, Executable call) {
        try {
            call.execute();
            wrong.add(label + " returned normally");
        } catch (BackendException e) {
            if (e.kind() != Kind.VALIDATION || e.getMessage() == null || e.getMessage().isEmpty()) {
                wrong.add(label + " raised " + e);
            }
        } catch (Throwable t) {
            wrong.add(label + " threw " + t);
        }
    }

    @Test
    void nullForEveryNonNullableParameterIsValidationWithoutEffect() {
        Map<String, Object[]> args = validArgs();
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (Method m : interfaceMethods()) {
            if (m.getName().equals("close")) {
                continue;
            }
            Class<?>[] types = m.getParameterTypes();
            Set<Integer> nullable = NULLABLE_PARAMS.getOrDefault(m.getName(), Set.of());
            for (int i = 0; i < types.length; i++) {
                if (types[i].isPrimitive() || nullable.contains(i)) {
                    continue;
                }
                Object[] a = args.get(m.getName()).clone();
                a[i] = null;
                checked++;
                expectValidation(wrong, m.getName() + " with null parameter #" + i, () -> invoke(backend, m, a));
            }
        }
        assertEquals(List.of(), wrong);
        assertEquals(true, checked > 50, "checked " + checked);
        assertNoEffect();
    }

    @Test
    void nullableParametersAcceptNull() {
        backend.updateTableMetadata(ORDERS, ATTR_DEFS, null);
        backend.insertStreamRecord(ORDERS, "INSERT", "{}", null, null, "1", "s", 1L);
        backend.insertStreamRecordWithIdentity(ORDERS, "INSERT", "{}", null, null, "2", "s", 1L, null);
        backend.updateTtlConfig(ORDERS, null, false);
        backend.putBaseItems(ORDERS, List.of(new BaseItemRow(s("n"), "", "{}", 1, null, "")));
        backend.insertTableMetadata(new CreateTableMetadata("AllNulls", KEY_SCHEMA, ATTR_DEFS, null, null, null, 0L,
                null, null, false, null, null));
        assertEquals(2, backend.getStreamRecords(ORDERS, "s", 0, 10).size());
        assertEquals(1, backend.queryItems(ORDERS, s("u1"),
                new QueryParams(null, true, null, null, null, null)).size());
        assertEquals(2, backend.scanItems(ORDERS, sc().build()).size());
    }

    @Test
    void nullListElementsAndRecordComponentsAreValidationWithoutEffect() {
        List<String> wrong = new ArrayList<>();
        String j = "{}";
        expectValidation(wrong, "setTags null element", () -> backend.setTags(ORDERS, Arrays.asList(new Tag("a", "b"), null)));
        expectValidation(wrong, "setTags null key", () -> backend.setTags(ORDERS, List.of(new Tag(null, "b"))));
        expectValidation(wrong, "setTags null value", () -> backend.setTags(ORDERS, List.of(new Tag("a", null))));
        expectValidation(wrong, "removeTags null element", () -> backend.removeTags(ORDERS, Arrays.asList("a", null)));
        for (int i = 0; i < 3; i++) {
            String[] c = {"Fresh", KEY_SCHEMA, ATTR_DEFS};
            c[i] = null;
            expectValidation(wrong, "CreateTableMetadata component " + i, () -> backend.insertTableMetadata(
                    new CreateTableMetadata(c[0], c[1], c[2], null, null, null, 0L, null, null, false, null, null)));
        }
        for (int i = 0; i < 4; i++) {
            String[] c = {s("p"), "", j, "000000"};
            c[i] = null;
            expectValidation(wrong, "BaseItemRow component " + i, () -> backend.putBaseItems(ORDERS,
                    List.of(new BaseItemRow(c[0], c[1], c[2], 1, null, c[3]))));
        }
        expectValidation(wrong, "putBaseItems null element", () -> backend.putBaseItems(ORDERS, Arrays.asList((BaseItemRow) null)));
        for (int i = 0; i < 5; i++) {
            String[] c = {s("G"), "", s("p"), "", j};
            c[i] = null;
            expectValidation(wrong, "GsiItemRow component " + i, () -> backend.insertGsiItems(ORDERS, BYSTATUS,
                    List.of(new GsiItemRow(c[0], c[1], c[2], c[3], c[4]))));
        }
        expectValidation(wrong, "insertGsiItems null element", () -> backend.insertGsiItems(ORDERS, BYSTATUS, Arrays.asList((GsiItemRow) null)));
        for (int i = 0; i < 7; i++) {
            String[] c = {ORDERS, BYSTATUS, s("G"), "", s("p"), "", j};
            c[i] = null;
            expectValidation(wrong, "InsertGsi component " + i, () -> backend.applyIndexWrites(
                    List.of(new IndexWriteOp.InsertGsi(c[0], c[1], c[2], c[3], c[4], c[5], c[6]))));
            String[] l = {ORDERS, BYDATE, s("p"), s("d"), s("p"), "", j};
            l[i] = null;
            expectValidation(wrong, "InsertLsi component " + i, () -> backend.applyIndexWrites(
                    List.of(new IndexWriteOp.InsertLsi(l[0], l[1], l[2], l[3], l[4], l[5], l[6]))));
        }
        for (int i = 0; i < 4; i++) {
            String[] c = {ORDERS, BYSTATUS, s("u1"), s("o1")};
            c[i] = null;
            expectValidation(wrong, "DeleteGsi component " + i, () -> backend.applyIndexWrites(
                    List.of(new IndexWriteOp.DeleteGsi(c[0], c[1], c[2], c[3]))));
            String[] d = {ORDERS, BYDATE, s("u1"), s("o1")};
            d[i] = null;
            expectValidation(wrong, "DeleteLsi component " + i, () -> backend.applyIndexWrites(
                    List.of(new IndexWriteOp.DeleteLsi(d[0], d[1], d[2], d[3]))));
        }
        for (SortKeyCondition c : List.of(new SortKeyCondition.Eq(null), new SortKeyCondition.Lt(null),
                new SortKeyCondition.Le(null), new SortKeyCondition.Gt(null), new SortKeyCondition.Ge(null),
                new SortKeyCondition.Between(null, s("z")), new SortKeyCondition.Between(s("a"), null),
                new SortKeyCondition.BeginsWith(null))) {
            expectValidation(wrong, "query condition " + c, () -> backend.queryItems(ORDERS, s("u1"), q().skCondition(c).build()));
            expectValidation(wrong, "gsi query condition " + c, () -> backend.queryGsiItems(ORDERS, BYSTATUS, s("OPEN"), q().skCondition(c).build()));
            expectValidation(wrong, "lsi query condition " + c, () -> backend.queryLsiItems(ORDERS, BYDATE, s("u1"), q().skCondition(c).build()));
        }
        assertEquals(List.of(), wrong);
        assertNoEffect();
    }

    @Test
    void unpairedSurrogateInAnyStringParameterIsValidationWithoutEffect() {
        Map<String, Object[]> args = validArgs();
        List<String> wrong = new ArrayList<>();
        for (Method m : interfaceMethods()) {
            Class<?>[] types = m.getParameterTypes();
            for (int i = 0; i < types.length; i++) {
                if (types[i] != String.class) {
                    continue;
                }
                Object[] a = args.get(m.getName()).clone();
                a[i] = LONE_HIGH;
                expectValidation(wrong, m.getName() + " with " + describe(LONE_HIGH) + " at #" + i, () -> invoke(backend, m, a));
            }
        }
        assertEquals(List.of(), wrong);
        assertNoEffect();
    }

    @Test
    void everyKindOfUnpairedSurrogateIsRejected() {
        List<String> wrong = new ArrayList<>();
        for (String bad : List.of("S:\uD800", "S:\uDC00", "S:\uDC00\uD800", "S:abc\uD83D", "\uDE00S:x", "S:\uD83D\uD83D\uDE00\uDE00")) {
            expectValidation(wrong, "putItem pk " + bad.length(), () -> backend.putItem(ORDERS, bad, "", "{}", 1));
            expectValidation(wrong, "getItem sk " + bad.length(), () -> backend.getItem(ORDERS, s("u1"), bad));
            expectValidation(wrong, "tableExists", () -> backend.tableExists(bad));
        }
        assertEquals(List.of(), wrong);
        assertNoEffect();
        backend.putItem(ORDERS, "S:\uD83D\uDE00", "", "{\"e\":\"\uD83D\uDE00\"}", 1);
        assertEquals(Optional.of("{\"e\":\"\uD83D\uDE00\"}"), backend.getItem(ORDERS, "S:\uD83D\uDE00", ""));
    }

    @Test
    void unpairedSurrogatesInsideRecordsAndListsAreRejected() {
        List<String> wrong = new ArrayList<>();
        String bad = "x\uDBFF";
        expectValidation(wrong, "tag key", () -> backend.setTags(ORDERS, List.of(new Tag(bad, "v"))));
        expectValidation(wrong, "tag value", () -> backend.setTags(ORDERS, List.of(new Tag("k", bad))));
        expectValidation(wrong, "removeTags key", () -> backend.removeTags(ORDERS, List.of(bad)));
        expectValidation(wrong, "metadata keySchema", () -> backend.insertTableMetadata(new CreateTableMetadata("Fresh", bad,
                ATTR_DEFS, null, null, null, 0L, null, null, false, null, null)));
        expectValidation(wrong, "metadata optional", () -> backend.insertTableMetadata(new CreateTableMetadata("Fresh", KEY_SCHEMA,
                ATTR_DEFS, null, null, null, 0L, bad, null, false, null, null)));
        expectValidation(wrong, "base row itemJson", () -> backend.putBaseItems(ORDERS,
                List.of(new BaseItemRow(s("p"), "", bad, 1, null, ""))));
        expectValidation(wrong, "base row hashPrefix", () -> backend.putBaseItems(ORDERS,
                List.of(new BaseItemRow(s("p"), "", "{}", 1, null, bad))));
        expectValidation(wrong, "gsi row", () -> backend.insertGsiItems(ORDERS, BYSTATUS,
                List.of(new GsiItemRow(s("G"), bad, s("p"), "", "{}"))));
        expectValidation(wrong, "index op", () -> backend.applyIndexWrites(
                List.of(new IndexWriteOp.DeleteLsi(ORDERS, BYDATE, s("p"), bad))));
        expectValidation(wrong, "condition", () -> backend.queryItems(ORDERS, s("u1"),
                q().skCondition(new SortKeyCondition.BeginsWith(bad)).build()));
        expectValidation(wrong, "query cursor", () -> backend.queryItems(ORDERS, s("u1"), q().exclusiveStartSk(bad).build()));
        expectValidation(wrong, "gsi query base cursor", () -> backend.queryGsiItems(ORDERS, BYSTATUS, s("OPEN"),
                q().exclusiveStartSk("").exclusiveStartBasePk(bad).exclusiveStartBaseSk("").build()));
        expectValidation(wrong, "scan cursor", () -> backend.scanItems(ORDERS, sc().exclusiveStartPk(bad).exclusiveStartSk("").build()));
        expectValidation(wrong, "lsi scan cursor", () -> backend.scanLsiItems(ORDERS, BYDATE,
                sc().exclusiveStartPk(s("u1")).exclusiveStartSk(bad).build()));
        assertEquals(List.of(), wrong);
        assertNoEffect();
    }

    @Test
    void negativeItemSizesAndLimitsAndNaNTimestampsAreValidation() {
        List<String> wrong = new ArrayList<>();
        expectValidation(wrong, "putItem size", () -> backend.putItem(ORDERS, s("a"), "", "{}", -1));
        expectValidation(wrong, "putItemWithHash size", () -> backend.putItemWithHash(ORDERS, s("a"), "", "{}", -1, ""));
        expectValidation(wrong, "putBaseItems size", () -> backend.putBaseItems(ORDERS,
                List.of(new BaseItemRow(s("a"), "", "{}", -1, null, ""))));
        expectValidation(wrong, "putBaseItems NaN", () -> backend.putBaseItems(ORDERS,
                List.of(new BaseItemRow(s("a"), "", "{}", 1, Double.NaN, ""))));
        expectValidation(wrong, "touch NaN", () -> backend.touchCachedAt(ORDERS, s("u1"), s("o1"), Double.NaN));
        expectValidation(wrong, "queryItems limit", () -> backend.queryItems(ORDERS, s("u1"), q().limit(-1).build()));
        expectValidation(wrong, "queryGsi limit", () -> backend.queryGsiItems(ORDERS, BYSTATUS, s("OPEN"), q().limit(-1).build()));
        expectValidation(wrong, "queryLsi limit", () -> backend.queryLsiItems(ORDERS, BYDATE, s("u1"), q().limit(-1).build()));
        expectValidation(wrong, "scanItems limit", () -> backend.scanItems(ORDERS, sc().limit(-1).build()));
        expectValidation(wrong, "scanGsi limit", () -> backend.scanGsiItems(ORDERS, BYSTATUS, sc().limit(-1).build()));
        expectValidation(wrong, "scanLsi limit", () -> backend.scanLsiItems(ORDERS, BYDATE, sc().limit(Integer.MIN_VALUE).build()));
        expectValidation(wrong, "getStreamRecords limit", () -> backend.getStreamRecords(ORDERS, "s", 0, -1));
        expectValidation(wrong, "getLruItems limit", () -> backend.getLruItems(ORDERS, -1));
        expectValidation(wrong, "expiredItems limit", () -> backend.expiredItems(ORDERS, 0, -1));
        assertEquals(List.of(), wrong);
        assertNoEffect();
    }

    @Test
    void loneOrInvalidSegmentArgumentsAreValidationForEveryScan() {
        List<String> wrong = new ArrayList<>();
        List<Integer[]> bad = List.of(new Integer[] {0, null}, new Integer[] {null, 1}, new Integer[] {0, 0},
                new Integer[] {1, 1}, new Integer[] {-1, 4}, new Integer[] {0, -1}, new Integer[] {5, 4});
        for (Integer[] p : bad) {
            String label = "segment=" + p[0] + " totalSegments=" + p[1];
            expectValidation(wrong, "scanItems " + label, () -> backend.scanItems(ORDERS, sc().segment(p[0]).totalSegments(p[1]).build()));
            expectValidation(wrong, "scanGsiItems " + label, () -> backend.scanGsiItems(ORDERS, BYSTATUS, sc().segment(p[0]).totalSegments(p[1]).build()));
            expectValidation(wrong, "scanLsiItems " + label, () -> backend.scanLsiItems(ORDERS, BYDATE, sc().segment(p[0]).totalSegments(p[1]).build()));
        }
        assertEquals(List.of(), wrong);
        assertNoEffect();
        // valid extremes: with 4096 segments each owns one bucket; the fixture row's prefix a1b2c3 is bucket 0xa1b
        assertEquals(1, backend.scanItems(ORDERS, sc().segment(0xa1b).totalSegments(4096).build()).size());
        assertEquals(0, backend.scanItems(ORDERS, sc().segment(0xa1c).totalSegments(4096).build()).size());
    }

    @Test
    void emptyStringsAreOrdinaryArguments() {
        backend.insertTableMetadata(meta(""));
        backend.createDataTable("");
        backend.createGsiTable("", "");
        backend.createLsiTable("", "");
        backend.putItemWithHash("", "", "", "", 0, "");
        backend.insertGsiItem("", "", "", "", "", "", "");
        backend.insertLsiItem("", "", "", "", "", "", "");
        backend.setTags("", List.of(new Tag("", "")));
        backend.insertStreamRecordWithIdentity("", "", "", "", "", "", "", 0L, "");
        assertEquals(Optional.of(""), backend.getItem("", "", ""));
        assertEquals(List.of(new Tag("", "")), backend.getTags(""));
        assertEquals(1, backend.queryGsiItems("", "", "", q().build()).size());
        assertEquals(1, backend.queryLsiItems("", "", "", q().build()).size());
        assertEquals(1, backend.getStreamRecords("", "", -1, 10).size());
    }
}
