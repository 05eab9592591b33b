package io.tidelog.backend.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tidelog.backend.BackendException.Kind;
import io.tidelog.backend.ItemRow;
import io.tidelog.backend.QueryParams;
import io.tidelog.backend.SortKeyCondition;
import io.tidelog.backend.SortKeyCondition.BeginsWith;
import io.tidelog.backend.SortKeyCondition.Between;
import io.tidelog.backend.SortKeyCondition.Eq;
import io.tidelog.backend.SortKeyCondition.Ge;
import io.tidelog.backend.SortKeyCondition.Gt;
import io.tidelog.backend.SortKeyCondition.Le;
import io.tidelog.backend.SortKeyCondition.Lt;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** §6.1 sort-key conditions and §6.2 queries of base tables. */
class QueryContractTest extends ContractTestBase {

    static final String ARTIST = s("artist#42");
    static final String EMOJI = s("\uD83D\uDE00");
    static final String REPLACEMENT = s("\uFFFD");
    static final List<String> SKS = List.of(s(""), s("%_\\x"), s("A"), s("Ab"), s("ABc"), s("ab"), s("abc"), s("abd"),
            s("b"), s("\u00e9"), REPLACEMENT, EMOJI, s("\uD83D\uDE00z"));

    @BeforeEach
    void data() {
        createTable(ORDERS);
        List<String> shuffled = new ArrayList<>(SKS);
        Collections.shuffle(shuffled, new java.util.Random(7));
        for (String sk : shuffled) {
            backend.putItem(ORDERS, ARTIST, sk, json(sk), 10);
        }
        // neighbours in other partitions must never leak in
        backend.putItem(ORDERS, s("artist#4"), s("ab"), "{\"other\":1}", 1);
        backend.putItem(ORDERS, s("artist#420"), s("ab"), "{\"other\":2}", 1);
        backend.putItem(ORDERS, s("Artist#42"), s("ab"), "{\"other\":3}", 1);
    }

    private static String json(String sk) {
        return "{\"artist\":{\"S\":\"artist#42\"},\"song\":{\"S\":\"" + sk.replace("\\", "\\\\") + "\"}}";
    }

    private List<String> query(QueryParams p) {
        List<ItemRow> rows = backend.queryItems(ORDERS, ARTIST, p);
        for (ItemRow r : rows) {
            assertEquals(ARTIST, r.pk());
            assertEquals(json(r.sk()), r.itemJson());
        }
        return sks(rows);
    }

    private static List<String> expected(Predicate<String> keep, boolean forward) {
        List<String> out = SKS.stream().filter(keep).sorted(BYTEWISE).collect(Collectors.toList());
        if (!forward) {
            Collections.reverse(out);
        }
        return out;
    }

    private List<String> cond(SortKeyCondition c) {
        return query(q().skCondition(c).build());
    }

    @Test
    void noConditionReturnsWholePartitionInBytewiseOrderBothDirections() {
        assertEquals(expected(x -> true, true), query(q().forward(true).build()));
        assertEquals(expected(x -> true, false), query(q().forward(false).build()));
    }

    @Test
    void builderDefaultsToForward() {
        assertEquals(expected(x -> true, true), query(q().build()));
    }

    @Test
    void supplementaryCharactersSortAfterBmpPrivateUseAndReplacementCharacter() {
        List<String> all = query(q().build());
        assertTrue(all.indexOf(REPLACEMENT) < all.indexOf(EMOJI), "U+FFFD before U+1F600 (UTF-8 order)");
        assertTrue(REPLACEMENT.compareTo(EMOJI) > 0, "String.compareTo would get it wrong");
        assertEquals(sortedByKeyOrder(SKS), all, "agrees with Keys.KEY_ORDER");
        assertEquals(List.of(EMOJI, s("\uD83D\uDE00z")), cond(new Gt(REPLACEMENT)));
        assertTrue(cond(new Lt(EMOJI)).contains(REPLACEMENT));
        assertEquals(List.of(REPLACEMENT, EMOJI), cond(new Between(REPLACEMENT, EMOJI)));
    }

    @Test
    void eqMatchesExactlyOne() {
        assertEquals(List.of(s("ab")), cond(new Eq(s("ab"))));
        assertEquals(List.of(), cond(new Eq(s("aB"))));
        assertEquals(List.of(s("")), cond(new Eq(s(""))));
    }

    @Test
    void ltLeGtGeAreBytewise() {
        String pivot = s("ab");
        assertEquals(expected(v -> BYTEWISE.compare(v, pivot) < 0, true), cond(new Lt(pivot)));
        assertEquals(expected(v -> BYTEWISE.compare(v, pivot) <= 0, true), cond(new Le(pivot)));
        assertEquals(expected(v -> BYTEWISE.compare(v, pivot) > 0, true), cond(new Gt(pivot)));
        assertEquals(expected(v -> BYTEWISE.compare(v, pivot) >= 0, true), cond(new Ge(pivot)));
        assertTrue(cond(new Lt(pivot)).contains(s("ABc")), "uppercase sorts before lowercase");
        assertTrue(cond(new Gt(pivot)).contains(s("abc")), "prefix sorts first");
        assertEquals(expected(v -> BYTEWISE.compare(v, s("zzz")) > 0, false),
                query(q().skCondition(new Gt(s("zzz"))).forward(false).build()));
    }

    @Test
    void betweenIsInclusiveAndEmptyWhenLowAboveHigh() {
        assertEquals(List.of(s("ab"), s("abc"), s("abd"), s("b")), cond(new Between(s("ab"), s("b"))));
        assertEquals(List.of(s("abc")), cond(new Between(s("abc"), s("abc"))));
        assertEquals(List.of(), cond(new Between(s("b"), s("ab"))), "lo > hi matches nothing");
        assertEquals(List.of(s("abc"), s("abd")), cond(new Between(s("abb"), s("abz"))));
    }

    @Test
    void beginsWithIsACaseSensitiveLiteralPrefixTest() {
        assertEquals(List.of(s("ab"), s("abc"), s("abd")), cond(new BeginsWith(s("ab"))), "no S:ABc, no S:Ab");
        assertEquals(List.of(s("A"), s("ABc"), s("Ab")), cond(new BeginsWith(s("A"))));
        assertEquals(List.of(s("ABc")), cond(new BeginsWith(s("AB"))));
        assertEquals(List.of(s("%_\\x")), cond(new BeginsWith(s("%"))), "% is literal");
        assertEquals(List.of(), cond(new BeginsWith(s("_"))), "_ is literal");
        assertEquals(List.of(s("%_\\x")), cond(new BeginsWith(s("%_\\"))), "backslash is literal");
        assertEquals(List.of(), cond(new BeginsWith(s("a%"))));
        assertEquals(List.of(s("abc")), cond(new BeginsWith(s("abc"))), "the prefix itself matches");
        assertEquals(expected(x -> true, true), cond(new BeginsWith(s(""))));
        assertEquals(List.of(EMOJI, s("\uD83D\uDE00z")), cond(new BeginsWith(EMOJI)));
        assertEquals(List.of(), cond(new BeginsWith(s("abcd"))));
        assertEquals(expected(x -> x.startsWith(s("ab")), false),
                query(q().skCondition(new BeginsWith(s("ab"))).forward(false).build()));
    }

    @Test
    void beginsWithOnBinaryKeysIsAByteprefixTest() {
        createTable("Blobs");
        for (String sk : List.of("B:", "B:0a", "B:0a00", "B:0aff", "B:0b", "B:a0", "B:0A")) {
            backend.putItem("Blobs", s("p"), sk, "{}", 1);
        }
        assertEquals(List.of("B:0a", "B:0a00", "B:0aff"),
                sks(backend.queryItems("Blobs", s("p"), q().skCondition(new BeginsWith("B:0a")).build())));
        assertEquals(List.of("B:", "B:0A", "B:0a", "B:0a00", "B:0aff", "B:0b", "B:a0"),
                sks(backend.queryItems("Blobs", s("p"), q().build())));
    }

    @Test
    void numberSortKeysQueryNumerically() {
        createTable("Scores");
        for (String v : List.of("100", "-5", "2", "0", "10", "2.5", "-0.5")) {
            backend.putItem("Scores", s("player"), n(v), "{\"score\":{\"N\":\"" + v + "\"}}", 1);
        }
        assertEquals(List.of(n("-5"), n("-0.5"), n("0"), n("2"), n("2.5"), n("10"), n("100")),
                sks(backend.queryItems("Scores", s("player"), q().build())));
        assertEquals(List.of(n("2"), n("2.5"), n("10")),
                sks(backend.queryItems("Scores", s("player"), q().skCondition(new Between(n("1"), n("50"))).build())));
        assertEquals(List.of(n("-0.5"), n("-5")),
                sks(backend.queryItems("Scores", s("player"), q().skCondition(new Lt(n("0"))).forward(false).build())));
    }

    @Test
    void exclusiveStartSkForwardAndBackward() {
        String c = s("abc");
        assertEquals(expected(v -> BYTEWISE.compare(v, c) > 0, true), query(q().exclusiveStartSk(c).build()));
        assertEquals(expected(v -> BYTEWISE.compare(v, c) < 0, false),
                query(q().exclusiveStartSk(c).forward(false).build()));
    }

    @Test
    void cursorNeedNotNameAnExistingRow() {
        String c = s("abb");
        assertEquals(expected(v -> BYTEWISE.compare(v, c) > 0, true), query(q().exclusiveStartSk(c).build()));
        assertEquals(expected(v -> BYTEWISE.compare(v, c) < 0, false),
                query(q().exclusiveStartSk(c).forward(false).build()));
        assertEquals(List.of(s("abc"), s("abd")),
                query(q().skCondition(new BeginsWith(s("ab"))).exclusiveStartSk(s("ab")).build()));
    }

    @Test
    void baseCursorComponentsAreIgnoredForBaseTables() {
        String c = s("abc");
        List<String> plain = query(q().exclusiveStartSk(c).build());
        assertEquals(plain, query(q().exclusiveStartSk(c).exclusiveStartBasePk(s("zzz")).exclusiveStartBaseSk(s("zzz")).build()));
        assertEquals(plain, query(q().exclusiveStartSk(c).exclusiveStartBasePk(ARTIST).build()));
        assertEquals(expected(x -> true, true),
                query(q().exclusiveStartBasePk(ARTIST).exclusiveStartBaseSk(s("ab")).build()),
                "without exclusiveStartSk there is no cursor");
    }

    @Test
    void limitZeroNullAndN() {
        assertEquals(List.of(), query(q().limit(0).build()));
        assertEquals(SKS.size(), query(q().limit(null).build()).size());
        assertEquals(expected(x -> true, true).subList(0, 3), query(q().limit(3).build()));
        assertEquals(expected(x -> true, false).subList(0, 3), query(q().limit(3).forward(false).build()));
        assertEquals(SKS.size(), query(q().limit(1000).build()).size());
        assertEquals(List.of(s("ab"), s("abc")), query(q().skCondition(new Ge(s("ab"))).limit(2).build()));
    }

    @Test
    void paginationWithCursorVisitsEveryRowOnceInBothDirections() {
        for (boolean forward : new boolean[] {true, false}) {
            List<String> all = new ArrayList<>();
            String cursor = null;
            for (int page = 0; page < 50; page++) {
                List<String> got = query(q().forward(forward).limit(4).exclusiveStartSk(cursor).build());
                all.addAll(got);
                if (got.size() < 4) {
                    break;
                }
                cursor = got.get(got.size() - 1);
            }
            assertEquals(expected(x -> true, forward), all, "forward=" + forward);
        }
    }

    @Test
    void unknownPartitionGivesEmptyList() {
        assertEquals(List.of(), backend.queryItems(ORDERS, s("nobody"), q().build()));
        assertEquals(List.of(), backend.queryItems(ORDERS, s("artist"), q().build()), "no prefix matching on pk");
    }

    @Test
    void hashOnlyTableUsesEmptySortKey() {
        createTable(USERS);
        backend.putItem(USERS, s("alice"), "", "{\"userId\":{\"S\":\"alice\"}}", 1);
        assertEquals(List.of(new ItemRow(s("alice"), "", "{\"userId\":{\"S\":\"alice\"}}")),
                backend.queryItems(USERS, s("alice"), q().build()));
        assertEquals(List.of(), backend.queryItems(USERS, s("alice"), q().exclusiveStartSk("").build()));
    }

    @Test
    void queryOnMissingDataTableRaisesOther() {
        assertMissingTable(() -> backend.queryItems("Ghost", ARTIST, q().build()));
    }

    @Test
    void negativeLimitIsValidation() {
        assertKind(Kind.VALIDATION, () -> backend.queryItems(ORDERS, ARTIST, q().limit(-1).build()));
    }

    @Test
    void resultListIsASnapshot() {
        List<ItemRow> before = backend.queryItems(ORDERS, ARTIST, q().build());
        List<ItemRow> copy = new ArrayList<>(before);
        backend.deleteItem(ORDERS, ARTIST, s("ab"));
        backend.putItem(ORDERS, ARTIST, s("new"), "{}", 1);
        assertEquals(copy, before);
    }
}
