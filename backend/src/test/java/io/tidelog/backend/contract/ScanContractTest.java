package io.tidelog.backend.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tidelog.backend.BackendException.Kind;
import io.tidelog.backend.BaseItemRow;
import io.tidelog.backend.ItemRow;
import io.tidelog.backend.Keys;
import io.tidelog.backend.ScanParams;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** §6.3 scans of base tables, parallel segments (§5.3) and cursors. */
class ScanContractTest extends ContractTestBase {

    /** A stored row as the test knows it. */
    record Row(String pk, String sk, String hp) {
        ItemRow item() {
            return new ItemRow(pk, sk, "{\"pk\":\"" + pk.replace("\\", "\\\\") + "\",\"sk\":\"" + sk + "\"}");
        }
    }

    static final Comparator<Row> PK_SK = Comparator.comparing(Row::pk, BYTEWISE).thenComparing(Row::sk, BYTEWISE);
    static final Comparator<Row> HP_PK_SK = Comparator.comparing(Row::hp, BYTEWISE).thenComparing(PK_SK);

    final List<Row> rows = new ArrayList<>();

    @BeforeEach
    void table() {
        createTable(ORDERS);
    }

    void store(Row... rs) {
        List<BaseItemRow> batch = new ArrayList<>();
        for (Row r : rs) {
            rows.add(r);
            batch.add(new BaseItemRow(r.pk(), r.sk(), r.item().itemJson(), 10, null, r.hp()));
        }
        backend.putBaseItems(ORDERS, batch);
    }

    void storeRealUsers(int n) {
        List<Row> rs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String user = "user#" + i;
            rs.add(new Row(s(user), s("profile"), Keys.hashPrefixOfString(user)));
            if (i % 3 == 0) {
                rs.add(new Row(s(user), s("order#1"), Keys.hashPrefixOfString(user)));
            }
        }
        store(rs.toArray(new Row[0]));
    }

    /** §6.3 step 2: first three characters (whole string if shorter) within [lo, hi] bytewise. */
    static boolean specInSegment(String hp, int seg, int total) {
        long lo = (4096L * seg + total - 1) / total;
        long hi = (4096L * (seg + 1) + total - 1) / total - 1;
        if (lo > hi) {
            return false;
        }
        String h3 = hp.length() >= 3 ? hp.substring(0, 3) : hp;
        return BYTEWISE.compare(h3, String.format("%03x", lo)) >= 0 && BYTEWISE.compare(h3, String.format("%03x", hi)) <= 0;
    }

    List<ItemRow> expectedSegment(int seg, int total) {
        return rows.stream().filter(r -> specInSegment(r.hp(), seg, total)).sorted(HP_PK_SK).map(Row::item)
                .collect(Collectors.toList());
    }

    List<ItemRow> segment(int seg, int total) {
        return backend.scanItems(ORDERS, sc().segment(seg).totalSegments(total).build());
    }

    @Test
    void plainScanIsOrderedByPkThenSkBytewise() {
        store(new Row(s("b"), s("1"), "000000"), new Row(s("a"), s("2"), "fff000"), new Row(s("ab"), s("0"), "111111"),
                new Row(s("a"), s("10"), "222222"), new Row(s("\uD83D\uDE00"), s("x"), "333333"),
                new Row(s("\uFFFD"), s("x"), "444444"), new Row(s("B"), "", ""), new Row(s(""), s("z"), "555555"));
        List<ItemRow> expected = rows.stream().sorted(PK_SK).map(Row::item).collect(Collectors.toList());
        List<ItemRow> got = backend.scanItems(ORDERS, sc().build());
        assertEquals(expected, got);
        assertTrue(pks(got).indexOf(s("\uFFFD")) < pks(got).indexOf(s("\uD83D\uDE00")));
        assertEquals(sortedByKeyOrder(pks(got)), pks(got), "consistent with Keys.KEY_ORDER");
        assertTrue(pks(got).contains(s("B")), "rows with empty hashPrefix are in plain scans");
    }

    @Test
    void plainScanCursorIsExclusiveOnTheTuple() {
        store(new Row(s("a"), s("1"), "000000"), new Row(s("a"), s("2"), "000000"), new Row(s("a"), s("3"), "000000"),
                new Row(s("ab"), s("0"), "000000"), new Row(s("b"), s("0"), "000000"));
        assertEquals(List.of(s("3"), s("0"), s("0")),
                sks(backend.scanItems(ORDERS, sc().exclusiveStartPk(s("a")).exclusiveStartSk(s("2")).build())));
        assertEquals(List.of(s("ab"), s("b")),
                pks(backend.scanItems(ORDERS, sc().exclusiveStartPk(s("a")).exclusiveStartSk(s("9")).build())),
                "cursor row need not exist");
        assertEquals(List.of(s("ab"), s("b")),
                pks(backend.scanItems(ORDERS, sc().exclusiveStartPk(s("ab")).exclusiveStartSk("").build())),
                "(S:ab, S:0) > (S:ab, \"\")");
        assertEquals(List.of(s("b")),
                pks(backend.scanItems(ORDERS, sc().exclusiveStartPk(s("ab")).exclusiveStartSk(s("0")).build())));
    }

    @Test
    void plainScanCursorNeedsBothComponentsAndIgnoresBaseCursor() {
        store(new Row(s("a"), s("1"), "000000"), new Row(s("b"), s("1"), "000000"));
        assertEquals(2, backend.scanItems(ORDERS, sc().exclusiveStartPk(s("a")).build()).size(), "pk alone: no cursor");
        assertEquals(2, backend.scanItems(ORDERS, sc().exclusiveStartSk(s("1")).build()).size(), "sk alone: no cursor");
        assertEquals(List.of(s("b")), pks(backend.scanItems(ORDERS, sc().exclusiveStartPk(s("a")).exclusiveStartSk(s("1"))
                .exclusiveStartBasePk(s("zzz")).exclusiveStartBaseSk(s("zzz")).build())));
        assertEquals(2, backend.scanItems(ORDERS, sc().exclusiveStartBasePk(s("a")).exclusiveStartBaseSk(s("1")).build()).size());
    }

    @Test
    void plainScanPaginationVisitsEveryRowOnce() {
        storeRealUsers(40);
        List<ItemRow> all = backend.scanItems(ORDERS, sc().build());
        assertEquals(rows.size(), all.size());
        List<ItemRow> paged = new ArrayList<>();
        ItemRow last = null;
        for (int i = 0; i < 100; i++) {
            ScanParams.Builder b = sc().limit(7);
            if (last != null) {
                b.exclusiveStartPk(last.pk()).exclusiveStartSk(last.sk());
            }
            List<ItemRow> page = backend.scanItems(ORDERS, b.build());
            paged.addAll(page);
            if (page.size() < 7) {
                break;
            }
            last = page.get(page.size() - 1);
        }
        assertEquals(all, paged);
    }

    @Test
    void limitZeroAndNegative() {
        storeRealUsers(3);
        assertEquals(List.of(), backend.scanItems(ORDERS, sc().limit(0).build()));
        assertEquals(List.of(), backend.scanItems(ORDERS, sc().limit(0).segment(0).totalSegments(1).build()));
        assertEquals(2, backend.scanItems(ORDERS, sc().limit(2).build()).size());
        assertKind(Kind.VALIDATION, () -> backend.scanItems(ORDERS, sc().limit(-1).build()));
    }

    @Test
    void parallelSegmentsOwnTheBucketRangesOfTheSegmentTable() {
        store(new Row(s("r00"), "", "000000"), new Row(s("r01"), "", "3ff999"), new Row(s("r02"), "", "400000"),
                new Row(s("r03"), "", "555fff"), new Row(s("r04"), "", "556000"), new Row(s("r05"), "", "7ff000"),
                new Row(s("r06"), "", "800000"), new Row(s("r07"), "", "aaa123"), new Row(s("r08"), "", "aab000"),
                new Row(s("r09"), "", "bff000"), new Row(s("r10"), "", "c00000"), new Row(s("r11"), "", "fff999"),
                new Row(s("r12"), "", "7f"), new Row(s("r13"), "", "800"), new Row(s("r14"), "", "000000"),
                new Row(s("r15"), "", "ABC123"), new Row(s("r16"), "", "zzz999"), new Row(s("r17"), "", "g00000"));
        assertEquals(List.of(s("r13"), s("r06"), s("r15"), s("r07"), s("r08"), s("r09"), s("r10"), s("r11")),
                pks(segment(1, 2)), "\"800\" sorts before \"800000\"; \"ABC\" is compared bytewise with 800..fff");
        for (int seg = 0; seg < 3; seg++) {
            assertTrue(!pks(segment(seg, 3)).contains(s("r16")) && !pks(segment(seg, 3)).contains(s("r17")),
                    "prefixes above \"fff\" bytewise are in no segment");
        }
        assertEquals(List.of(s("r00"), s("r14"), s("r01"), s("r02"), s("r03")), pks(segment(0, 3)),
                "ordered by (hashPrefix, pk, sk)");
        for (int t = 1; t <= 5; t++) {
            for (int seg = 0; seg < t; seg++) {
                assertEquals(expectedSegment(seg, t), segment(seg, t), "segment " + seg + " of " + t);
            }
        }
    }

    @Test
    void emptyHashPrefixRowsAreInNoSegment() {
        store(new Row(s("a"), "", "000000"));
        backend.putItem(ORDERS, s("legacy"), "", "{}", 1);
        for (int t : new int[] {1, 2, 3, 4}) {
            for (int seg = 0; seg < t; seg++) {
                assertTrue(!pks(segment(seg, t)).contains(s("legacy")));
            }
        }
        assertEquals(2, backend.scanItems(ORDERS, sc().build()).size());
    }

    @Test
    void parallelSegmentsWithRealHashPrefixesAreDisjointAndComplete() {
        storeRealUsers(80);
        Set<ItemRow> everything = new HashSet<>(backend.scanItems(ORDERS, sc().build()));
        for (int t : new int[] {1, 2, 3, 4, 7, 16}) {
            Set<ItemRow> union = new HashSet<>();
            int total = 0;
            for (int seg = 0; seg < t; seg++) {
                List<ItemRow> part = segment(seg, t);
                assertEquals(expectedSegment(seg, t), part, "segment " + seg + "/" + t);
                for (ItemRow r : part) {
                    assertTrue(Keys.hashInSegment(Keys.hashPrefixOfKeyString(r.pk()), seg, t));
                }
                union.addAll(part);
                total += part.size();
            }
            assertEquals(everything, union, "complete for t=" + t);
            assertEquals(everything.size(), total, "disjoint for t=" + t);
        }
    }

    @Test
    void moreSegmentsThanBucketsLeavesEmptySegments() {
        store(new Row(s("four"), "", "004abc"), new Row(s("five"), "", "005abc"));
        assertEquals(List.of(), segment(5, 5000));
        assertEquals(List.of(s("four")), pks(segment(4, 5000)));
        assertEquals(List.of(s("five")), pks(segment(6, 5000)));
    }

    @Test
    void parallelPaginationWithinASegment() {
        storeRealUsers(60);
        for (int seg = 0; seg < 3; seg++) {
            List<ItemRow> full = segment(seg, 3);
            List<ItemRow> paged = new ArrayList<>();
            ItemRow last = null;
            for (int i = 0; i < 100; i++) {
                ScanParams.Builder b = sc().segment(seg).totalSegments(3).limit(4);
                if (last != null) {
                    b.exclusiveStartPk(last.pk()).exclusiveStartSk(last.sk());
                }
                List<ItemRow> page = backend.scanItems(ORDERS, b.build());
                paged.addAll(page);
                if (page.size() < 4) {
                    break;
                }
                last = page.get(page.size() - 1);
            }
            assertEquals(full, paged, "segment " + seg);
        }
    }

    @Test
    void parallelCursorUsesTheHashPrefixStoredOnTheCursorRow() {
        store(new Row(s("a"), "", "100000"), new Row(s("b"), "", "100000"), new Row(s("c"), "", "0f0000"),
                new Row(s("d"), "", "200000"));
        assertEquals(List.of(s("c"), s("a"), s("b"), s("d")), pks(segment(0, 1)));
        assertEquals(List.of(s("b"), s("d")), pks(backend.scanItems(ORDERS,
                sc().segment(0).totalSegments(1).exclusiveStartPk(s("a")).exclusiveStartSk("").build())));
        assertEquals(List.of(s("a"), s("b"), s("d")), pks(backend.scanItems(ORDERS,
                sc().segment(0).totalSegments(1).exclusiveStartPk(s("c")).exclusiveStartSk("").build())));
    }

    @Test
    void parallelCursorWhoseRowWasDeletedContinuesFromTheComputedHashPrefix() {
        storeRealUsers(40);
        List<ItemRow> full = segment(0, 2);
        assertTrue(full.size() > 6);
        List<ItemRow> page1 = backend.scanItems(ORDERS, sc().segment(0).totalSegments(2).limit(5).build());
        assertEquals(full.subList(0, 5), page1);
        ItemRow last = page1.get(4);
        backend.deleteItem(ORDERS, last.pk(), last.sk());
        List<ItemRow> rest = backend.scanItems(ORDERS,
                sc().segment(0).totalSegments(2).exclusiveStartPk(last.pk()).exclusiveStartSk(last.sk()).build());
        assertEquals(full.subList(5, full.size()), rest, "a deleted cursor row must not end the scan early");
    }

    @Test
    void parallelCursorOnMissingRowDecodesNumberAndBinaryKeys() {
        String numPk = n("251");
        String binPk = "B:0102";
        store(new Row(numPk, s("x"), Keys.hashPrefixOfNumber("251")), new Row(n("2388"), s("x"), Keys.hashPrefixOfNumber("2388")),
                new Row(binPk, s("x"), Keys.hashPrefixOfBinary(new byte[] {1, 2})), new Row(n("0"), s("x"), Keys.hashPrefixOfNumber("0")));
        // cursor (numPk, "S:w") does not exist; hc = hashPrefixOfKeyString(numPk) = 001cc6
        List<ItemRow> got = backend.scanItems(ORDERS,
                sc().segment(0).totalSegments(1).exclusiveStartPk(numPk).exclusiveStartSk(s("w")).build());
        List<ItemRow> expected = rows.stream()
                .filter(r -> HP_PK_SK.compare(r, new Row(numPk, s("w"), "001cc6")) > 0)
                .sorted(HP_PK_SK).map(Row::item).collect(Collectors.toList());
        assertEquals(expected, got);
        assertEquals(4, got.size(), "(001cc6, N:251.., S:x) > cursor, so every row remains");
        List<ItemRow> afterBin = backend.scanItems(ORDERS,
                sc().segment(0).totalSegments(1).exclusiveStartPk(binPk).exclusiveStartSk(s("y")).build());
        assertEquals(List.of(n("2388")), pks(afterBin), "after e8b778 only fff5d3 remains");
    }

    @Test
    void parallelCursorOnMissingRowWithMalformedKeyGivesEmptyResult() {
        storeRealUsers(5);
        assertEquals(List.of(), backend.scanItems(ORDERS,
                sc().segment(0).totalSegments(1).exclusiveStartPk("garbage").exclusiveStartSk("").build()));
        assertEquals(List.of(), backend.scanItems(ORDERS,
                sc().segment(0).totalSegments(1).exclusiveStartPk("X:abc").exclusiveStartSk("").build()));
    }

    @Test
    void parallelScanWithOnlyOneCursorComponentHasNoCursor() {
        storeRealUsers(5);
        assertEquals(segment(0, 1), backend.scanItems(ORDERS,
                sc().segment(0).totalSegments(1).exclusiveStartPk(s("user#1")).build()));
    }

    @Test
    void loneSegmentOrTotalSegmentsIsValidation() {
        assertKind(Kind.VALIDATION, () -> backend.scanItems(ORDERS, sc().segment(0).build()));
        assertKind(Kind.VALIDATION, () -> backend.scanItems(ORDERS, sc().totalSegments(2).build()));
    }

    @Test
    void invalidSegmentPairIsValidation() {
        assertKind(Kind.VALIDATION, () -> backend.scanItems(ORDERS, sc().segment(0).totalSegments(0).build()));
        assertKind(Kind.VALIDATION, () -> backend.scanItems(ORDERS, sc().segment(2).totalSegments(2).build()));
        assertKind(Kind.VALIDATION, () -> backend.scanItems(ORDERS, sc().segment(-1).totalSegments(2).build()));
        assertKind(Kind.VALIDATION, () -> backend.scanItems(ORDERS, sc().segment(0).totalSegments(-3).build()));
    }

    @Test
    void scanOfMissingDataTableRaisesOther() {
        assertMissingTable(() -> backend.scanItems("Ghost", sc().build()));
        assertMissingTable(() -> backend.scanItems("Ghost", sc().segment(0).totalSegments(2).build()));
    }

    @Test
    void scanOfEmptyTableIsEmpty() {
        assertEquals(List.of(), backend.scanItems(ORDERS, sc().build()));
        assertEquals(List.of(), segment(0, 4));
    }

    @Test
    void segmentArithmeticIsDoneInLongForHugeTotalSegments() {
        store(new Row(s("b0"), "", "000111"), new Row(s("b1"), "", "001000"), new Row(s("bfff"), "", "fff000"));
        int max = Integer.MAX_VALUE;
        assertEquals(List.of(s("b0")), pks(segment(0, max)), "segment 0 of 2^31-1 owns bucket 0 only");
        assertEquals(List.of(), pks(segment(max - 1, max)), "last segment owns no bucket");
        assertEquals(List.of(s("bfff")), pks(segment(4095, 4096)), "bucket fff is in segment 4095 of 4096");
        assertEquals(List.of(), pks(segment(max / 2, max)), "no overflow in 4096 * segment");
    }
}
