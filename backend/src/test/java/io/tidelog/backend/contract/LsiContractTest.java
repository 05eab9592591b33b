package io.tidelog.backend.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tidelog.backend.BackendException.Kind;
import io.tidelog.backend.ItemRow;
import io.tidelog.backend.Keys;
import io.tidelog.backend.QueryParams;
import io.tidelog.backend.SortKeyCondition.BeginsWith;
import io.tidelog.backend.SortKeyCondition.Le;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** §7.5 LSI items, §6.2 LSI queries, §6.4 LSI scans, getLsiPartitionSize (§7.9). */
class LsiContractTest extends ContractTestBase {

    /** One LSI entry: position (pk, sk, basePk, baseSk). */
    record E(String pk, String sk, String basePk, String baseSk) {
        String json() {
            return "{\"customerId\":{\"S\":\"" + pk + "\"},\"orderId\":{\"S\":\"" + baseSk + "\"},\"createdAt\":{\"S\":\"" + sk + "\"}}";
        }

        ItemRow row() {
            return new ItemRow(pk, sk, json());
        }
    }

    static final Comparator<E> QUERY_POS = Comparator.comparing(E::sk, BYTEWISE)
            .thenComparing(E::basePk, BYTEWISE).thenComparing(E::baseSk, BYTEWISE);
    static final Comparator<E> SCAN_POS = Comparator.comparing(E::pk, BYTEWISE).thenComparing(QUERY_POS);
    static final String C1 = s("cust#1");

    final List<E> entries = new ArrayList<>();

    @BeforeEach
    void index() {
        backend.createLsiTable(ORDERS, BYDATE);
    }

    void insert(E... es) {
        for (E e : es) {
            entries.add(e);
            backend.insertLsiItem(ORDERS, BYDATE, e.pk(), e.sk(), e.basePk(), e.baseSk(), e.json());
        }
    }

    void standardEntries() {
        List<E> es = new ArrayList<>();
        for (String d : List.of("2024-01-01", "2024-01-02", "2024-03-01")) {
            for (String o : List.of("o1", "o2", "o10")) {
                es.add(new E(C1, s(d), C1, s(o)));
            }
        }
        es.add(new E(C1, s("\uFFFD"), C1, s("o7")));
        es.add(new E(C1, s("\uD83D\uDE00"), C1, s("o8")));
        es.add(new E(s("cust#2"), s("2024-01-01"), s("cust#2"), s("o1")));
        Collections.shuffle(es, new java.util.Random(11));
        insert(es.toArray(new E[0]));
    }

    List<ItemRow> expectQuery(String pk, Predicate<E> keep, boolean forward) {
        List<E> out = entries.stream().filter(e -> e.pk().equals(pk)).filter(keep).sorted(QUERY_POS).collect(Collectors.toList());
        if (!forward) {
            Collections.reverse(out);
        }
        return out.stream().map(E::row).collect(Collectors.toList());
    }

    List<ItemRow> expectScan(Predicate<E> keep) {
        return entries.stream().filter(keep).sorted(SCAN_POS).map(E::row).collect(Collectors.toList());
    }

    List<ItemRow> query(QueryParams p) {
        return backend.queryLsiItems(ORDERS, BYDATE, C1, p);
    }

    @Test
    void insertLsiItemUpsertsOnTheFourKeys() {
        backend.insertLsiItem(ORDERS, BYDATE, C1, s("d"), C1, s("o1"), "{\"v\":1}");
        backend.insertLsiItem(ORDERS, BYDATE, C1, s("d"), C1, s("o1"), "{\"v\":2}");
        assertEquals(List.of(new ItemRow(C1, s("d"), "{\"v\":2}")), backend.scanLsiItems(ORDERS, BYDATE, sc().build()));
        backend.insertLsiItem(ORDERS, BYDATE, C1, s("e"), C1, s("o1"), "{\"v\":3}");
        assertEquals(2, backend.scanLsiItems(ORDERS, BYDATE, sc().build()).size(), "different index sk: another entry");
    }

    @Test
    void deleteLsiItemRemovesEveryEntryOfTheBaseKey() {
        insert(new E(C1, s("d1"), C1, s("o1")), new E(C1, s("d2"), C1, s("o1")), new E(C1, s("d1"), C1, s("o2")));
        backend.deleteLsiItem(ORDERS, BYDATE, C1, s("o1"));
        assertEquals(List.of(new E(C1, s("d1"), C1, s("o2")).row()), backend.scanLsiItems(ORDERS, BYDATE, sc().build()));
        backend.deleteLsiItem(ORDERS, BYDATE, C1, s("nothing"));
        assertEquals(1, backend.scanLsiItems(ORDERS, BYDATE, sc().build()).size());
    }

    @Test
    void lsiMethodsOnMissingIndexRaiseOther() {
        backend.createGsiTable(ORDERS, "gsiOnly");
        for (String idx : List.of("missing", "gsiOnly")) {
            assertMissingTable(() -> backend.insertLsiItem(ORDERS, idx, C1, s("d"), C1, s("o"), "{}"));
            assertMissingTable(() -> backend.deleteLsiItem(ORDERS, idx, C1, s("o")));
            assertMissingTable(() -> backend.queryLsiItems(ORDERS, idx, C1, q().build()));
            assertMissingTable(() -> backend.scanLsiItems(ORDERS, idx, sc().build()));
            assertMissingTable(() -> backend.getLsiPartitionSize(ORDERS, idx, C1));
        }
    }

    @Test
    void queryOrdersBySkThenBaseKeysBothDirections() {
        standardEntries();
        assertEquals(expectQuery(C1, e -> true, true), query(q().build()));
        assertEquals(expectQuery(C1, e -> true, false), query(q().forward(false).build()));
        List<String> sks = sks(query(q().build()));
        assertEquals(sks.indexOf(s("\uFFFD")) + 1, sks.indexOf(s("\uD83D\uDE00")), "U+FFFD then U+1F600");
    }

    @Test
    void queryConditionAppliesToIndexSortKey() {
        standardEntries();
        assertEquals(expectQuery(C1, e -> e.sk().startsWith(s("2024-01")), true),
                query(q().skCondition(new BeginsWith(s("2024-01"))).build()));
        assertEquals(expectQuery(C1, e -> BYTEWISE.compare(e.sk(), s("2024-01-02")) <= 0, false),
                query(q().skCondition(new Le(s("2024-01-02"))).forward(false).build()));
    }

    @Test
    void queryThreePartCursorAndOnePartFallback() {
        standardEntries();
        String c = s("2024-01-02");
        String b1 = C1;
        String b2 = s("o10");
        E pivot = new E(C1, c, b1, b2);
        assertEquals(expectQuery(C1, e -> QUERY_POS.compare(e, pivot) > 0, true),
                query(q().exclusiveStartSk(c).exclusiveStartBasePk(b1).exclusiveStartBaseSk(b2).build()));
        assertEquals(expectQuery(C1, e -> QUERY_POS.compare(e, pivot) < 0, false),
                query(q().exclusiveStartSk(c).exclusiveStartBasePk(b1).exclusiveStartBaseSk(b2).forward(false).build()));
        assertEquals(expectQuery(C1, e -> BYTEWISE.compare(e.sk(), c) > 0, true),
                query(q().exclusiveStartSk(c).exclusiveStartBasePk(b1).build()));
        assertEquals(expectQuery(C1, e -> BYTEWISE.compare(e.sk(), c) < 0, false),
                query(q().exclusiveStartSk(c).forward(false).build()));
    }

    @Test
    void queryLimitAndValidation() {
        standardEntries();
        assertEquals(List.of(), query(q().limit(0).build()));
        assertEquals(expectQuery(C1, e -> true, false).subList(0, 4), query(q().limit(4).forward(false).build()));
        assertEquals(List.of(), backend.queryLsiItems(ORDERS, BYDATE, s("nobody"), q().build()));
        assertKind(Kind.VALIDATION, () -> query(q().limit(-1).build()));
    }

    @Test
    void scanOrderedByFourKeysWithFourAndTwoPartCursors() {
        standardEntries();
        assertEquals(expectScan(e -> true), backend.scanLsiItems(ORDERS, BYDATE, sc().build()));
        E pivot = new E(C1, s("2024-01-02"), C1, s("o10"));
        assertEquals(expectScan(e -> SCAN_POS.compare(e, pivot) > 0), backend.scanLsiItems(ORDERS, BYDATE,
                sc().exclusiveStartPk(pivot.pk()).exclusiveStartSk(pivot.sk()).exclusiveStartBasePk(pivot.basePk())
                        .exclusiveStartBaseSk(pivot.baseSk()).build()));
        List<ItemRow> twoPart = expectScan(e -> {
            int c = BYTEWISE.compare(e.pk(), pivot.pk());
            return c > 0 || (c == 0 && BYTEWISE.compare(e.sk(), pivot.sk()) > 0);
        });
        assertEquals(twoPart, backend.scanLsiItems(ORDERS, BYDATE,
                sc().exclusiveStartPk(pivot.pk()).exclusiveStartSk(pivot.sk()).build()));
        assertEquals(twoPart, backend.scanLsiItems(ORDERS, BYDATE,
                sc().exclusiveStartPk(pivot.pk()).exclusiveStartSk(pivot.sk()).exclusiveStartBasePk(C1).build()));
        assertEquals(expectScan(e -> true), backend.scanLsiItems(ORDERS, BYDATE, sc().exclusiveStartSk(pivot.sk()).build()));
    }

    @Test
    void fnvSegmentsOverBasePkAreDisjointAndComplete() {
        List<E> es = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String cust = s("cust#" + (i % 17));
            es.add(new E(cust, s("d" + (i % 5)), cust, s("o" + i)));
        }
        insert(es.toArray(new E[0]));
        Set<ItemRow> everything = new HashSet<>(backend.scanLsiItems(ORDERS, BYDATE, sc().build()));
        for (int t : new int[] {1, 2, 3, 5}) {
            Set<ItemRow> union = new HashSet<>();
            int count = 0;
            for (int seg = 0; seg < t; seg++) {
                int fs = seg;
                int ft = t;
                List<ItemRow> part = backend.scanLsiItems(ORDERS, BYDATE, sc().segment(seg).totalSegments(t).build());
                assertEquals(expectScan(e -> Keys.fnv1a32(e.basePk()) % ft == fs), part, seg + "/" + t);
                union.addAll(part);
                count += part.size();
            }
            assertEquals(everything, union);
            assertEquals(everything.size(), count);
        }
    }

    @Test
    void scanValidatesSegmentsAndLimit() {
        assertKind(Kind.VALIDATION, () -> backend.scanLsiItems(ORDERS, BYDATE, sc().segment(0).build()));
        assertKind(Kind.VALIDATION, () -> backend.scanLsiItems(ORDERS, BYDATE, sc().totalSegments(4).build()));
        assertKind(Kind.VALIDATION, () -> backend.scanLsiItems(ORDERS, BYDATE, sc().segment(4).totalSegments(4).build()));
        assertKind(Kind.VALIDATION, () -> backend.scanLsiItems(ORDERS, BYDATE, sc().segment(0).totalSegments(0).build()));
        assertKind(Kind.VALIDATION, () -> backend.scanLsiItems(ORDERS, BYDATE, sc().limit(-1).build()));
    }

    @Test
    void lsiPartitionSizeCountsUnicodeCodePointsOfItemJson() {
        String ascii = "{\"a\":{\"S\":\"xyz\"}}";
        String accented = "{\"a\":{\"S\":\"caf\u00e9\"}}";
        String emoji = "{\"a\":{\"S\":\"\u00e9\uD83D\uDE00\"}}";
        backend.insertLsiItem(ORDERS, BYDATE, C1, s("1"), C1, s("o1"), ascii);
        backend.insertLsiItem(ORDERS, BYDATE, C1, s("2"), C1, s("o2"), accented);
        backend.insertLsiItem(ORDERS, BYDATE, C1, s("3"), C1, s("o3"), emoji);
        backend.insertLsiItem(ORDERS, BYDATE, s("cust#2"), s("1"), s("cust#2"), s("o1"), "{\"ignored\":true}");
        long expected = ascii.length() + accented.length() + emoji.codePointCount(0, emoji.length());
        assertEquals(ascii.length() + accented.length() + (emoji.length() - 1), expected, "sanity: emoji is one code point");
        assertEquals(expected, backend.getLsiPartitionSize(ORDERS, BYDATE, C1));
        assertEquals(0, backend.getLsiPartitionSize(ORDERS, BYDATE, s("nobody")));
        backend.insertLsiItem(ORDERS, BYDATE, C1, s("3"), C1, s("o3"), "");
        assertEquals(ascii.length() + accented.length(), backend.getLsiPartitionSize(ORDERS, BYDATE, C1));
    }

    @Test
    void lsiPartitionSizeOfEmojiOnlyJson() {
        backend.insertLsiItem(ORDERS, BYDATE, C1, s("1"), C1, s("o1"), "\u00e9\uD83D\uDE00");
        assertEquals(2, backend.getLsiPartitionSize(ORDERS, BYDATE, C1), "\"é😀\" counts 2");
    }
}
