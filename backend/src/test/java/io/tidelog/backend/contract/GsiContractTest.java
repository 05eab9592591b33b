package io.tidelog.backend.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tidelog.backend.BackendException.Kind;
import io.tidelog.backend.GsiItemRow;
import io.tidelog.backend.ItemRow;
import io.tidelog.backend.Keys;
import io.tidelog.backend.QueryParams;
import io.tidelog.backend.ScanParams;
import io.tidelog.backend.SortKeyCondition.BeginsWith;
import io.tidelog.backend.SortKeyCondition.Between;
import io.tidelog.backend.SortKeyCondition.Gt;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** §7.4 GSI items, §6.2 GSI queries, §6.4 GSI scans, §6.5 pagination example. */
class GsiContractTest extends ContractTestBase {

    static final String IDX = "byCustomerDate";

    /** One GSI entry: position (gsiPk, gsiSk, tablePk, tableSk). */
    record E(String gsiPk, String gsiSk, String tablePk, String tableSk) {
        String json() {
            return "{\"orderId\":{\"S\":\"" + tablePk + "|" + tableSk + "\"},\"date\":{\"S\":\"" + gsiSk + "\"}}";
        }

        ItemRow row() {
            return new ItemRow(gsiPk, gsiSk, json());
        }
    }

    static final Comparator<E> QUERY_POS = Comparator.comparing(E::gsiSk, BYTEWISE)
            .thenComparing(E::tablePk, BYTEWISE).thenComparing(E::tableSk, BYTEWISE);
    static final Comparator<E> SCAN_POS = Comparator.comparing(E::gsiPk, BYTEWISE).thenComparing(QUERY_POS);

    final List<E> entries = new ArrayList<>();
    static final String CUST = s("cust#1");

    @BeforeEach
    void index() {
        backend.createGsiTable(ORDERS, IDX);
    }

    void insert(E... es) {
        for (E e : es) {
            entries.add(e);
            backend.insertGsiItem(ORDERS, IDX, e.gsiPk(), e.gsiSk(), e.tablePk(), e.tableSk(), e.json());
        }
    }

    void standardEntries() {
        List<E> es = new ArrayList<>();
        for (String date : List.of("2024-01-01", "2024-01-02", "2024-02-01")) {
            for (String order : List.of("o1", "o2", "o10")) {
                es.add(new E(CUST, s(date), s(order), s("line#1")));
            }
        }
        es.add(new E(CUST, s("2024-01-02"), s("o2"), s("line#0")));
        es.add(new E(CUST, s("\uFFFD"), s("o5"), ""));
        es.add(new E(CUST, s("\uD83D\uDE00"), s("o6"), ""));
        es.add(new E(s("cust#2"), s("2024-01-01"), s("o9"), s("line#1")));
        es.add(new E(s("cust#10"), s("2024-01-01"), s("o9"), s("line#2")));
        Collections.shuffle(es, new java.util.Random(3));
        insert(es.toArray(new E[0]));
    }

    List<ItemRow> expectQuery(String gsiPk, Predicate<E> keep, boolean forward) {
        List<E> out = entries.stream().filter(e -> e.gsiPk().equals(gsiPk)).filter(keep).sorted(QUERY_POS)
                .collect(Collectors.toList());
        if (!forward) {
            Collections.reverse(out);
        }
        return out.stream().map(E::row).collect(Collectors.toList());
    }

    List<ItemRow> query(QueryParams p) {
        return backend.queryGsiItems(ORDERS, IDX, CUST, p);
    }

    static int cmp3(E e, String c, String b1, String b2) {
        return QUERY_POS.compare(e, new E(e.gsiPk(), c, b1, b2));
    }

    // ------------------------------------------------------------------ writes

    @Test
    void insertGsiItemUpsertsOnTheFourKeys() {
        backend.insertGsiItem(ORDERS, IDX, CUST, s("d"), s("o1"), "", "{\"v\":1}");
        backend.insertGsiItem(ORDERS, IDX, CUST, s("d"), s("o1"), "", "{\"v\":2}");
        assertEquals(List.of(new ItemRow(CUST, s("d"), "{\"v\":2}")), backend.scanGsiItems(ORDERS, IDX, sc().build()));
        backend.insertGsiItem(ORDERS, IDX, CUST, s("d"), s("o1"), s("x"), "{\"v\":3}");
        assertEquals(2, backend.scanGsiItems(ORDERS, IDX, sc().build()).size(), "different tableSk: another entry");
    }

    @Test
    void otherGsiKeysOfTheSameBaseItemAreKept() {
        backend.insertGsiItem(ORDERS, IDX, s("OPEN"), "", s("o1"), "", "{\"status\":\"OPEN\"}");
        backend.insertGsiItem(ORDERS, IDX, s("SHIPPED"), "", s("o1"), "", "{\"status\":\"SHIPPED\"}");
        assertEquals(List.of(new ItemRow(s("OPEN"), "", "{\"status\":\"OPEN\"}"),
                new ItemRow(s("SHIPPED"), "", "{\"status\":\"SHIPPED\"}")), backend.scanGsiItems(ORDERS, IDX, sc().build()));
    }

    @Test
    void insertGsiItemsAppliesInOrderAndLaterDuplicateWins() {
        backend.insertGsiItems(ORDERS, IDX, List.of(
                new GsiItemRow(CUST, s("d1"), s("o1"), "", "{\"v\":1}"),
                new GsiItemRow(CUST, s("d2"), s("o2"), "", "{\"v\":1}"),
                new GsiItemRow(CUST, s("d1"), s("o1"), "", "{\"v\":2}")));
        assertEquals(List.of(new ItemRow(CUST, s("d1"), "{\"v\":2}"), new ItemRow(CUST, s("d2"), "{\"v\":1}")),
                backend.scanGsiItems(ORDERS, IDX, sc().build()));
    }

    @Test
    void insertGsiItemsIsAtomicOnFailure() {
        backend.insertGsiItem(ORDERS, IDX, CUST, s("d0"), s("o0"), "", "{\"keep\":1}");
        List<ItemRow> before = backend.scanGsiItems(ORDERS, IDX, sc().build());
        long seq = backend.lastSequence();
        assertKind(Kind.VALIDATION, () -> backend.insertGsiItems(ORDERS, IDX, Arrays.asList(
                new GsiItemRow(CUST, s("d1"), s("o1"), "", "{}"),
                new GsiItemRow(CUST, s("d0"), s("o0"), "", "{\"keep\":2}"),
                null)));
        assertKind(Kind.VALIDATION, () -> backend.insertGsiItems(ORDERS, IDX, List.of(
                new GsiItemRow(CUST, s("d1"), s("o1"), "", "{}"),
                new GsiItemRow(CUST, s("d2"), null, "", "{}"))));
        assertKind(Kind.VALIDATION, () -> backend.insertGsiItems(ORDERS, IDX, List.of(
                new GsiItemRow(CUST, s("d1"), s("o1"), "", "{}"),
                new GsiItemRow(CUST, s("d2"), s("o2"), "", "{\"bad\":\"\uD800\"}"))));
        assertEquals(before, backend.scanGsiItems(ORDERS, IDX, sc().build()));
        assertEquals(seq, backend.lastSequence());
    }

    @Test
    void insertGsiItemsEmptyListNeedsTheTable() {
        backend.insertGsiItems(ORDERS, IDX, List.of());
        assertEquals(List.of(), backend.scanGsiItems(ORDERS, IDX, sc().build()));
        assertMissingTable(() -> backend.insertGsiItems(ORDERS, "missing", List.of()));
    }

    @Test
    void deleteGsiItemRemovesEveryEntryOfTheBaseKey() {
        insert(new E(s("OPEN"), "", s("o1"), ""), new E(s("SHIPPED"), s("x"), s("o1"), ""),
                new E(s("OPEN"), "", s("o2"), ""), new E(s("OPEN"), "", s("o1"), s("line")));
        backend.deleteGsiItem(ORDERS, IDX, s("o1"), "");
        assertEquals(List.of(new E(s("OPEN"), "", s("o1"), s("line")).row(), new E(s("OPEN"), "", s("o2"), "").row()),
                backend.scanGsiItems(ORDERS, IDX, sc().build()));
        backend.deleteGsiItem(ORDERS, IDX, s("nobody"), "");
        assertEquals(2, backend.scanGsiItems(ORDERS, IDX, sc().build()).size());
    }

    @Test
    void gsiMethodsOnMissingIndexRaiseOther() {
        backend.createLsiTable(ORDERS, "lsiOnly");
        backend.createDataTable(ORDERS);
        for (String idx : List.of("missing", "lsiOnly")) {
            assertMissingTable(() -> backend.insertGsiItem(ORDERS, idx, CUST, "", s("o"), "", "{}"));
            assertMissingTable(() -> backend.insertGsiItems(ORDERS, idx, List.of(new GsiItemRow(CUST, "", s("o"), "", "{}"))));
            assertMissingTable(() -> backend.deleteGsiItem(ORDERS, idx, s("o"), ""));
            assertMissingTable(() -> backend.queryGsiItems(ORDERS, idx, CUST, q().build()));
            assertMissingTable(() -> backend.scanGsiItems(ORDERS, idx, sc().build()));
        }
        assertMissingTable(() -> backend.scanGsiItems("orders", IDX, sc().build()));
    }

    // ------------------------------------------------------------------ query

    @Test
    void queryReturnsGsiKeysAndOrdersTiesByBaseKeys() {
        standardEntries();
        List<ItemRow> got = query(q().build());
        assertEquals(expectQuery(CUST, e -> true, true), got);
        assertEquals(expectQuery(CUST, e -> true, false), query(q().forward(false).build()), "descending on every component");
        for (ItemRow r : got) {
            assertEquals(CUST, r.pk());
        }
        List<String> jsonsOfDay2 = jsons(query(q().skCondition(new io.tidelog.backend.SortKeyCondition.Eq(s("2024-01-02"))).build()));
        assertEquals(List.of(new E(CUST, s("2024-01-02"), s("o1"), s("line#1")).json(),
                new E(CUST, s("2024-01-02"), s("o10"), s("line#1")).json(),
                new E(CUST, s("2024-01-02"), s("o2"), s("line#0")).json(),
                new E(CUST, s("2024-01-02"), s("o2"), s("line#1")).json()), jsonsOfDay2);
    }

    @Test
    void queryConditionAppliesToGsiSortKeyInBytewiseOrder() {
        standardEntries();
        assertEquals(expectQuery(CUST, e -> e.gsiSk().startsWith(s("2024-01")), true),
                query(q().skCondition(new BeginsWith(s("2024-01"))).build()));
        assertEquals(expectQuery(CUST, e -> BYTEWISE.compare(e.gsiSk(), s("2024-01-02")) >= 0
                && BYTEWISE.compare(e.gsiSk(), s("2024-02-01")) <= 0, false),
                query(q().skCondition(new Between(s("2024-01-02"), s("2024-02-01"))).forward(false).build()));
        List<ItemRow> afterReplacement = query(q().skCondition(new Gt(s("\uFFFD"))).build());
        assertEquals(List.of(s("\uD83D\uDE00")), sks(afterReplacement), "U+1F600 sorts after U+FFFD");
    }

    @Test
    void threePartCursorForwardAndBackward() {
        standardEntries();
        String c = s("2024-01-02");
        String b1 = s("o2");
        String b2 = s("line#0");
        assertEquals(expectQuery(CUST, e -> cmp3(e, c, b1, b2) > 0, true),
                query(q().exclusiveStartSk(c).exclusiveStartBasePk(b1).exclusiveStartBaseSk(b2).build()));
        assertEquals(expectQuery(CUST, e -> cmp3(e, c, b1, b2) < 0, false),
                query(q().exclusiveStartSk(c).exclusiveStartBasePk(b1).exclusiveStartBaseSk(b2).forward(false).build()));
        List<ItemRow> fwd = query(q().exclusiveStartSk(c).exclusiveStartBasePk(b1).exclusiveStartBaseSk(b2).limit(1).build());
        assertEquals(List.of(new E(CUST, c, s("o2"), s("line#1")).row()), fwd, "next tie of the same gsiSk comes first");
    }

    @Test
    void onePartFallbackWhenABaseCursorComponentIsMissing() {
        standardEntries();
        String c = s("2024-01-02");
        List<ItemRow> afterC = expectQuery(CUST, e -> BYTEWISE.compare(e.gsiSk(), c) > 0, true);
        List<ItemRow> beforeC = expectQuery(CUST, e -> BYTEWISE.compare(e.gsiSk(), c) < 0, false);
        assertEquals(afterC, query(q().exclusiveStartSk(c).build()));
        assertEquals(afterC, query(q().exclusiveStartSk(c).exclusiveStartBasePk(s("o1")).build()));
        assertEquals(afterC, query(q().exclusiveStartSk(c).exclusiveStartBaseSk(s("line#1")).build()));
        assertEquals(beforeC, query(q().exclusiveStartSk(c).forward(false).build()));
        assertEquals(beforeC, query(q().exclusiveStartSk(c).exclusiveStartBasePk(s("o1")).forward(false).build()));
        assertEquals(expectQuery(CUST, e -> true, true),
                query(q().exclusiveStartBasePk(s("o1")).exclusiveStartBaseSk(s("line#1")).build()), "no c: no cursor");
    }

    @Test
    void cursorCombinesWithConditionAndNeedNotExist() {
        standardEntries();
        assertEquals(expectQuery(CUST, e -> e.gsiSk().startsWith(s("2024-01")) && cmp3(e, s("2024-01-01"), s("o11"), "") > 0, true),
                query(q().skCondition(new BeginsWith(s("2024-01"))).exclusiveStartSk(s("2024-01-01"))
                        .exclusiveStartBasePk(s("o11")).exclusiveStartBaseSk("").build()));
    }

    @Test
    void threePartPaginationVisitsEveryEntryOnceInBothDirections() {
        standardEntries();
        for (boolean forward : new boolean[] {true, false}) {
            List<E> mine = entries.stream().filter(e -> e.gsiPk().equals(CUST)).sorted(QUERY_POS).collect(Collectors.toList());
            if (!forward) {
                Collections.reverse(mine);
            }
            List<ItemRow> paged = new ArrayList<>();
            E last = null;
            for (int i = 0; i < 50; i++) {
                QueryParams.Builder b = q().forward(forward).limit(3);
                if (last != null) {
                    b.exclusiveStartSk(last.gsiSk()).exclusiveStartBasePk(last.tablePk()).exclusiveStartBaseSk(last.tableSk());
                }
                List<ItemRow> page = query(b.build());
                paged.addAll(page);
                if (page.size() < 3) {
                    break;
                }
                last = mine.get(paged.size() - 1);
                assertEquals(last.row(), paged.get(paged.size() - 1));
            }
            assertEquals(mine.stream().map(E::row).collect(Collectors.toList()), paged, "forward=" + forward);
        }
    }

    @Test
    void queryLimitZeroNullAndUnknownPartition() {
        standardEntries();
        assertEquals(List.of(), query(q().limit(0).build()));
        assertEquals(expectQuery(CUST, e -> true, true), query(q().limit(null).build()));
        assertEquals(expectQuery(CUST, e -> true, true).subList(0, 2), query(q().limit(2).build()));
        assertEquals(List.of(), backend.queryGsiItems(ORDERS, IDX, s("cust#3"), q().build()));
        assertEquals(expectQuery(s("cust#10"), e -> true, true), backend.queryGsiItems(ORDERS, IDX, s("cust#10"), q().build()));
        assertKind(Kind.VALIDATION, () -> query(q().limit(-1).build()));
    }

    @Test
    void paginationExampleOfSection65() {
        backend.createGsiTable("Orders65", "byStatus");
        for (String o : List.of("o3", "o1", "o2")) {
            backend.insertGsiItem("Orders65", "byStatus", "S:OPEN", "", "S:" + o, "", "{\"id\":{\"S\":\"" + o + "\"}}");
        }
        String j1 = "{\"id\":{\"S\":\"o1\"}}";
        String j2 = "{\"id\":{\"S\":\"o2\"}}";
        String j3 = "{\"id\":{\"S\":\"o3\"}}";
        assertEquals(List.of(new ItemRow("S:OPEN", "", j1), new ItemRow("S:OPEN", "", j2)),
                backend.queryGsiItems("Orders65", "byStatus", "S:OPEN", q().limit(2).forward(true).build()));
        assertEquals(List.of(new ItemRow("S:OPEN", "", j3)), backend.queryGsiItems("Orders65", "byStatus", "S:OPEN",
                q().forward(true).exclusiveStartSk("").exclusiveStartBasePk("S:o2").exclusiveStartBaseSk("").build()));
        assertEquals(List.of(new ItemRow("S:OPEN", "", j1)), backend.queryGsiItems("Orders65", "byStatus", "S:OPEN",
                q().forward(false).exclusiveStartSk("").exclusiveStartBasePk("S:o2").exclusiveStartBaseSk("").build()));
        assertEquals(List.of(), backend.queryGsiItems("Orders65", "byStatus", "S:OPEN",
                q().forward(true).exclusiveStartSk("").build()), "gsiSk > \"\" excludes all three");
    }

    // ------------------------------------------------------------------ scan

    List<ItemRow> expectScan(Predicate<E> keep) {
        return entries.stream().filter(keep).sorted(SCAN_POS).map(E::row).collect(Collectors.toList());
    }

    static int cmp4(E e, String cp, String cs, String b1, String b2) {
        return SCAN_POS.compare(e, new E(cp, cs, b1, b2));
    }

    @Test
    void scanIsOrderedByTheFourKeys() {
        standardEntries();
        assertEquals(expectScan(e -> true), backend.scanGsiItems(ORDERS, IDX, sc().build()));
        List<String> gsiPks = pks(backend.scanGsiItems(ORDERS, IDX, sc().build()));
        assertEquals(sortedBytewise(gsiPks), gsiPks);
        assertTrue(gsiPks.indexOf(s("cust#10")) < gsiPks.indexOf(s("cust#2")), "bytewise, not numeric");
    }

    @Test
    void scanFourPartCursor() {
        standardEntries();
        String cp = CUST;
        String cs = s("2024-01-02");
        String b1 = s("o10");
        String b2 = s("line#1");
        assertEquals(expectScan(e -> cmp4(e, cp, cs, b1, b2) > 0),
                backend.scanGsiItems(ORDERS, IDX, sc().exclusiveStartPk(cp).exclusiveStartSk(cs)
                        .exclusiveStartBasePk(b1).exclusiveStartBaseSk(b2).build()));
    }

    @Test
    void scanTwoPartCursorSkipsEveryEntrySharingTheFirstTwoKeys() {
        standardEntries();
        String cp = CUST;
        String cs = s("2024-01-02");
        List<ItemRow> expected = expectScan(e -> {
            int c = BYTEWISE.compare(e.gsiPk(), cp);
            return c > 0 || (c == 0 && BYTEWISE.compare(e.gsiSk(), cs) > 0);
        });
        assertEquals(expected, backend.scanGsiItems(ORDERS, IDX, sc().exclusiveStartPk(cp).exclusiveStartSk(cs).build()));
        assertEquals(expected, backend.scanGsiItems(ORDERS, IDX,
                sc().exclusiveStartPk(cp).exclusiveStartSk(cs).exclusiveStartBasePk(s("o1")).build()), "3 of 4: two-part");
        assertEquals(expected, backend.scanGsiItems(ORDERS, IDX,
                sc().exclusiveStartPk(cp).exclusiveStartSk(cs).exclusiveStartBaseSk(s("line#1")).build()));
        assertEquals(expectScan(e -> true), backend.scanGsiItems(ORDERS, IDX, sc().exclusiveStartPk(cp).build()),
                "pk alone: no cursor");
    }

    @Test
    void scanPaginationWithFourPartCursorVisitsEveryEntryOnce() {
        standardEntries();
        List<E> all = entries.stream().sorted(SCAN_POS).collect(Collectors.toList());
        List<ItemRow> paged = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            ScanParams.Builder b = sc().limit(4);
            if (!paged.isEmpty()) {
                E last = all.get(paged.size() - 1);
                b.exclusiveStartPk(last.gsiPk()).exclusiveStartSk(last.gsiSk())
                        .exclusiveStartBasePk(last.tablePk()).exclusiveStartBaseSk(last.tableSk());
            }
            List<ItemRow> page = backend.scanGsiItems(ORDERS, IDX, b.build());
            paged.addAll(page);
            if (page.size() < 4) {
                break;
            }
        }
        assertEquals(all.stream().map(E::row).collect(Collectors.toList()), paged);
    }

    @Test
    void fnvSegmentsOverTablePkAreDisjointAndComplete() {
        List<E> es = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            es.add(new E(s("status#" + (i % 4)), s("d" + (i % 7)), s("order#" + i), i % 2 == 0 ? "" : s("line")));
        }
        insert(es.toArray(new E[0]));
        Set<ItemRow> everything = new HashSet<>(backend.scanGsiItems(ORDERS, IDX, sc().build()));
        assertEquals(60, everything.size());
        for (int t : new int[] {1, 2, 3, 4, 7}) {
            Set<ItemRow> union = new HashSet<>();
            int count = 0;
            for (int seg = 0; seg < t; seg++) {
                int fs = seg;
                int ft = t;
                List<ItemRow> part = backend.scanGsiItems(ORDERS, IDX, sc().segment(seg).totalSegments(t).build());
                assertEquals(expectScan(e -> Keys.fnv1a32(e.tablePk()) % ft == fs), part, "segment " + seg + "/" + t);
                union.addAll(part);
                count += part.size();
            }
            assertEquals(everything, union);
            assertEquals(60, count);
        }
    }

    @Test
    void fnvUsesTheWholeKeyStringIncludingTypeTag() {
        // "S:a" hashes to segment 3 of 4 (§5.4)
        insert(new E(s("x"), "", "S:a", ""));
        for (int seg = 0; seg < 4; seg++) {
            assertEquals(seg == 3 ? 1 : 0, backend.scanGsiItems(ORDERS, IDX, sc().segment(seg).totalSegments(4).build()).size());
        }
    }

    @Test
    void parallelScanCombinesWithCursorAndLimit() {
        standardEntries();
        List<ItemRow> seg = expectScan(e -> Keys.fnv1a32(e.tablePk()) % 2 == 0);
        assertEquals(seg.subList(0, Math.min(2, seg.size())),
                backend.scanGsiItems(ORDERS, IDX, sc().segment(0).totalSegments(2).limit(2).build()));
        String cp = CUST;
        String cs = s("2024-01-01");
        assertEquals(expectScan(e -> Keys.fnv1a32(e.tablePk()) % 2 == 0 && (BYTEWISE.compare(e.gsiPk(), cp) > 0
                        || (e.gsiPk().equals(cp) && BYTEWISE.compare(e.gsiSk(), cs) > 0))),
                backend.scanGsiItems(ORDERS, IDX, sc().segment(0).totalSegments(2).exclusiveStartPk(cp).exclusiveStartSk(cs).build()));
    }

    @Test
    void scanValidatesSegmentsAndLimit() {
        assertKind(Kind.VALIDATION, () -> backend.scanGsiItems(ORDERS, IDX, sc().segment(1).build()));
        assertKind(Kind.VALIDATION, () -> backend.scanGsiItems(ORDERS, IDX, sc().totalSegments(1).build()));
        assertKind(Kind.VALIDATION, () -> backend.scanGsiItems(ORDERS, IDX, sc().segment(3).totalSegments(3).build()));
        assertKind(Kind.VALIDATION, () -> backend.scanGsiItems(ORDERS, IDX, sc().segment(0).totalSegments(0).build()));
        assertKind(Kind.VALIDATION, () -> backend.scanGsiItems(ORDERS, IDX, sc().segment(-1).totalSegments(2).build()));
        assertKind(Kind.VALIDATION, () -> backend.scanGsiItems(ORDERS, IDX, sc().limit(-2).build()));
        assertEquals(List.of(), backend.scanGsiItems(ORDERS, IDX, sc().limit(0).build()));
    }
}
