package io.tidelog.dynamodb.expression;

import static io.tidelog.dynamodb.expression.Values.b;
import static io.tidelog.dynamodb.expression.Values.bool;
import static io.tidelog.dynamodb.expression.Values.bs;
import static io.tidelog.dynamodb.expression.Values.l;
import static io.tidelog.dynamodb.expression.Values.m;
import static io.tidelog.dynamodb.expression.Values.map;
import static io.tidelog.dynamodb.expression.Values.n;
import static io.tidelog.dynamodb.expression.Values.names;
import static io.tidelog.dynamodb.expression.Values.ns;
import static io.tidelog.dynamodb.expression.Values.nul;
import static io.tidelog.dynamodb.expression.Values.s;
import static io.tidelog.dynamodb.expression.Values.ss;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tidelog.dynamodb.value.AttributeValue;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** DynamoDB's semantics of conditions on items. */
class ConditionEvaluatorTest {
    private static final Map<String, AttributeValue> ITEM = map(
            "s", s("hello world"), "n", n("42"), "b", b(0x01, 0xff, 0x10), "t", bool(true), "z", nul(),
            "ss", ss("red", "blue"), "ns", ns("1", "2.5"), "bs", bs(new byte[] {1}, new byte[] {2}),
            "l", l(s("a"), n("1"), m("role", s("admin"))),
            "m", m("label", s("Alice"), "nested", m("deep", n("7")), "nums", l(n("10"), n("20"))),
            "status", s("active"), "u", s("\uD83D\uDE00"));

    private static boolean matches(String expression, Map<String, AttributeValue> values) {
        return matches(expression, values, ITEM);
    }

    private static boolean matches(String expression, Map<String, AttributeValue> values, Map<String, AttributeValue> item) {
        Condition c = RequestExpressions.builder(new ExpressionCache(4)).values(values.isEmpty() ? null : values)
                .names(expression.contains("#st") ? names("#st", "status") : null)
                .condition(expression).bind().condition();
        return ConditionEvaluator.matches(c, item);
    }

    private static boolean matches(String expression) {
        return matches(expression, Map.of());
    }

    @Test
    void numbersCompareNumerically() {
        assertTrue(matches("n > :v", map(":v", n("9"))));
        assertTrue(matches("n = :v", map(":v", n("42.0"))));
        assertTrue(matches("n < :v", map(":v", n("1E2"))));
        assertFalse(matches("n <= :v", map(":v", n("-100"))));
        assertTrue(matches("n >= :v", map(":v", n("42"))));
        assertTrue(matches("x > :v", map(":v", n("1")), map("x", n("10000000000000000000000000000000000001"))));
        assertFalse(matches("x > :v", map(":v", n("10000000000000000000000000000000000002")),
                map("x", n("10000000000000000000000000000000000001"))));
    }

    @Test
    void stringsCompareByUtf8BytesAndBinariesByUnsignedBytes() {
        assertTrue(matches("s > :v", map(":v", s("hello"))));
        assertTrue(matches("s < :v", map(":v", s("hellp"))));
        assertTrue(matches("#st < :v", map(":v", s("b"))));
        // U+1F600 sorts after U+FFFD in UTF-8, though its UTF-16 surrogates sort before it
        assertTrue(matches("u > :v", map(":v", s("\uFFFD"))));
        assertTrue(matches("b > :v", map(":v", b(0x01, 0x7f))));
        assertTrue(matches("b < :v", map(":v", b(0x02))));
    }

    @Test
    void valuesOfDifferentTypesAreNeitherEqualNorOrdered() {
        assertFalse(matches("n = :v", map(":v", s("42"))));
        assertTrue(matches("n <> :v", map(":v", s("42"))));
        assertFalse(matches("n < :v", map(":v", s("42"))));
        assertFalse(matches("n >= :v", map(":v", s("42"))));
        // booleans, nulls, sets and documents have equality but no order
        assertTrue(matches("t = :v", map(":v", bool(true))));
        assertFalse(matches("t > :v", map(":v", bool(false))));
        assertTrue(matches("z = :v", map(":v", nul())));
        assertFalse(matches("z <= :v", map(":v", nul())));
    }

    @Test
    void aMissingAttributeMakesEveryComparisonFalseButNotEqual() {
        for (String op : new String[] {"=", "<", "<=", ">", ">="}) {
            assertFalse(matches("absent " + op + " :v", map(":v", s("x"))), op);
        }
        assertTrue(matches("absent <> :v", map(":v", s("x"))));
        assertFalse(matches("absent BETWEEN :a AND :b", map(":a", s("a"), ":b", s("z"))));
        assertFalse(matches("absent IN (:a)", map(":a", s("a"))));
        assertFalse(matches("begins_with(absent, :a)", map(":a", s("a"))));
        assertFalse(matches("contains(absent, :a)", map(":a", s("a"))));
        assertTrue(matches("NOT contains(absent, :a)", map(":a", s("a"))));
        assertFalse(matches("size(absent) >= :z", map(":z", n("0"))));
        assertFalse(matches("attribute_type(absent, :t)", map(":t", s("S"))));
        assertTrue(matches("absent.deeper[3] <> :v", map(":v", s("x"))));
    }

    @Test
    void setsAreEqualInAnyOrderListsInOrderMapsByEntries() {
        assertTrue(matches("ss = :v", map(":v", ss("blue", "red"))));
        assertFalse(matches("ss = :v", map(":v", ss("blue"))));
        assertTrue(matches("ns = :v", map(":v", ns("2.50", "1.0"))));
        assertTrue(matches("bs = :v", map(":v", bs(new byte[] {2}, new byte[] {1}))));
        assertTrue(matches("l = :v", map(":v", l(s("a"), n("1.0"), m("role", s("admin"))))));
        assertFalse(matches("l = :v", map(":v", l(n("1"), s("a"), m("role", s("admin"))))));
        assertTrue(matches("m.nested = :v", map(":v", m("deep", n("7.00")))));
        assertFalse(matches("m.nested = :v", map(":v", m("deep", s("7")))));
        assertTrue(matches("m.nested <> :v", map(":v", m("deep", n("7"), "more", n("1")))));
        assertFalse(matches("l < :v", map(":v", l())));
    }

    @Test
    void betweenIsInclusiveAndInMatchesAnyCandidate() {
        assertTrue(matches("n BETWEEN :a AND :b", map(":a", n("42"), ":b", n("42"))));
        assertTrue(matches("n BETWEEN :a AND :b", map(":a", n("1"), ":b", n("100"))));
        assertFalse(matches("n BETWEEN :a AND :b", map(":a", n("43"), ":b", n("100"))));
        assertFalse(matches("n BETWEEN :a AND :b", map(":a", s("1"), ":b", s("9"))));
        assertTrue(matches("#st IN (:a, :b)", map(":a", s("closed"), ":b", s("active"))));
        assertFalse(matches("#st IN (:a)", map(":a", s("closed"))));
        assertTrue(matches("m.nested IN (:a)", map(":a", m("deep", n("7")))));
    }

    @Test
    void existenceAndTypeFunctions() {
        assertTrue(matches("attribute_exists(m.nested.deep)"));
        assertTrue(matches("attribute_exists(m.nums[1])"));
        assertFalse(matches("attribute_exists(m.nums[2])"));
        assertFalse(matches("attribute_exists(s.x)"));
        assertTrue(matches("attribute_not_exists(nothing)"));
        assertTrue(matches("attribute_exists(z)"));
        String[][] types = {{"s", "S"}, {"n", "N"}, {"b", "B"}, {"t", "BOOL"}, {"z", "NULL"}, {"ss", "SS"},
            {"ns", "NS"}, {"bs", "BS"}, {"l", "L"}, {"m", "M"}};
        for (String[] t : types) {
            assertTrue(matches("attribute_type(" + t[0] + ", :t)", map(":t", s(t[1]))), t[0]);
            assertFalse(matches("attribute_type(" + t[0] + ", :t)", map(":t", s(t[0].equals("s") ? "N" : "S"))), t[0]);
        }
    }

    @Test
    void beginsWithOnStringsAndBinaries() {
        assertTrue(matches("begins_with(s, :p)", map(":p", s("hello"))));
        assertTrue(matches("begins_with(s, :p)", map(":p", s(""))));
        assertFalse(matches("begins_with(s, :p)", map(":p", s("world"))));
        assertTrue(matches("begins_with(b, :p)", map(":p", b(0x01, 0xff))));
        assertFalse(matches("begins_with(b, :p)", map(":p", b(0xff))));
        assertFalse(matches("begins_with(b, :p)", map(":p", b(0x01, 0xff, 0x10, 0x00))));
        assertFalse(matches("begins_with(s, :p)", map(":p", b(0x68))));
        assertFalse(matches("begins_with(ss, :p)", map(":p", s("red"))));
    }

    @Test
    void containsOnStringsBinariesSetsAndLists() {
        assertTrue(matches("contains(s, :v)", map(":v", s("lo wo"))));
        assertFalse(matches("contains(s, :v)", map(":v", s("bye"))));
        assertTrue(matches("contains(b, :v)", map(":v", b(0xff, 0x10))));
        assertFalse(matches("contains(b, :v)", map(":v", b(0x10, 0xff))));
        assertTrue(matches("contains(ss, :v)", map(":v", s("red"))));
        assertFalse(matches("contains(ss, :v)", map(":v", s("re"))));
        assertTrue(matches("contains(ns, :v)", map(":v", n("2.50"))));
        assertFalse(matches("contains(ns, :v)", map(":v", s("1"))));
        assertTrue(matches("contains(bs, :v)", map(":v", b(0x02))));
        assertTrue(matches("contains(l, :v)", map(":v", s("a"))));
        assertTrue(matches("contains(l, :v)", map(":v", n("1.0"))));
        assertTrue(matches("contains(l, :v)", map(":v", m("role", s("admin")))));
        assertFalse(matches("contains(l, :v)", map(":v", m("role", s("viewer")))));
        assertFalse(matches("contains(n, :v)", map(":v", n("4"))));
        assertFalse(matches("contains(m, :v)", map(":v", s("label"))));
    }

    @Test
    void sizeOfEachType() {
        Object[][] sizes = {{"s", "11"}, {"b", "3"}, {"ss", "2"}, {"ns", "2"}, {"bs", "2"}, {"l", "3"}, {"m", "3"},
            {"u", "2"}, {"m.nums", "2"}};
        for (Object[] c : sizes) {
            assertTrue(matches("size(" + c[0] + ") = :n", map(":n", n((String) c[1]))), (String) c[0]);
        }
        // numbers, booleans and nulls have no size: every comparison but <> is false
        for (String a : new String[] {"n", "t", "z"}) {
            assertFalse(matches("size(" + a + ") >= :n", map(":n", n("0"))), a);
            assertTrue(matches("size(" + a + ") <> :n", map(":n", n("0"))), a);
        }
        assertTrue(matches("size(:v) = :n", map(":v", s("abc"), ":n", n("3"))));
    }

    @Test
    void logicalOperatorsAndPrecedence() {
        Map<String, AttributeValue> v = map(":x", s("x"), ":a", s("active"));
        assertTrue(matches("#st = :a OR #st = :x AND #st = :x", v));
        assertFalse(matches("(#st = :a OR #st = :x) AND #st = :x", v));
        assertTrue(matches("NOT #st = :x AND #st = :a", v));
        assertTrue(matches("NOT NOT #st = :a", map(":a", s("active"))));
        assertFalse(matches("NOT (#st = :a AND attribute_exists(s))", map(":a", s("active"))));
        assertTrue(matches("attribute_exists(s) AND NOT attribute_exists(q) AND #st IN (:x, :a)", v));
    }

    @Test
    void againstNoItemOnlyAbsenceHolds() {
        Map<String, AttributeValue> none = Map.of();
        assertTrue(matches("attribute_not_exists(pk)", Map.of(), none));
        assertFalse(matches("attribute_exists(pk)", Map.of(), none));
        assertTrue(matches("pk <> :v", map(":v", s("x")), none));
        assertEquals(false, matches("pk = :v", map(":v", s("x")), none));
    }
}
