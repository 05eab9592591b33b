package io.tidelog.dynamodb.expression;

import static io.tidelog.dynamodb.expression.Values.bs;
import static io.tidelog.dynamodb.expression.Values.l;
import static io.tidelog.dynamodb.expression.Values.m;
import static io.tidelog.dynamodb.expression.Values.map;
import static io.tidelog.dynamodb.expression.Values.n;
import static io.tidelog.dynamodb.expression.Values.names;
import static io.tidelog.dynamodb.expression.Values.ns;
import static io.tidelog.dynamodb.expression.Values.s;
import static io.tidelog.dynamodb.expression.Values.ss;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tidelog.dynamodb.error.DynamoDbException;
import io.tidelog.dynamodb.table.KeyAttribute;
import io.tidelog.dynamodb.table.KeySchema;
import io.tidelog.dynamodb.value.AttributeValue;
import io.tidelog.dynamodb.value.ItemSize;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** DynamoDB's semantics of applying update expressions to items. */
class UpdateEvaluatorTest {
    private static final String MISSING = "The provided expression refers to an attribute that does not exist in the item";
    private static final String DATA_TYPE = "An operand in the update expression has an incorrect data type";
    private static final String PATH = "The document path provided in the update expression is invalid for update";

    private static Update update(String expression, Map<String, AttributeValue> values) {
        return RequestExpressions.builder(new ExpressionCache(4)).values(values.isEmpty() ? null : values)
                .names(expression.contains("#1") ? names("#1", "1") : null).update(expression).bind().update();
    }

    private static Map<String, AttributeValue> apply(String expression, Map<String, AttributeValue> values,
            Map<String, AttributeValue> item) {
        return UpdateEvaluator.apply(update(expression, values), item).after();
    }

    private static String error(String expression, Map<String, AttributeValue> values, Map<String, AttributeValue> item) {
        return assertThrows(DynamoDbException.class, () -> apply(expression, values, item)).getMessage();
    }

    @Test
    void setWritesTopLevelAttributesAndKeysOfExistingMaps() {
        Map<String, AttributeValue> item = map("pk", s("k"), "m", m("old", s("v")));
        assertEquals(map("pk", s("k"), "m", m("old", s("v"), "added", n("1")), "top", s("t")),
                apply("SET top = :t, m.added = :n", map(":t", s("t"), ":n", n("1")), item));
        // the item given is not changed
        assertEquals(map("pk", s("k"), "m", m("old", s("v"))), item);
    }

    @Test
    void setValuesAreComputedFromTheItemAsItWas() {
        assertEquals(map("a", s("NEW"), "b", s("OLD")), apply("SET a = :v, b = a", map(":v", s("NEW")), map("a", s("OLD"))));
        assertEquals(map("n", n("15")), apply("SET n = n + :inc", map(":inc", n("5")), map("n", n("10"))));
        assertEquals(map("n", n("7")), apply("SET n = (n - :v)", map(":v", n("3")), map("n", n("10"))));
        assertEquals(map("c", n("100000000000000000001")),
                apply("SET c = c + :v", map(":v", n("1")), map("c", n("100000000000000000000"))));
        assertEquals(map("h", n("0")), apply("SET h = if_not_exists(h, :z)", map(":z", n("0")), map()));
        assertEquals(map("h", n("3")), apply("SET h = if_not_exists(h, :z)", map(":z", n("0")), map("h", n("3"))));
        assertEquals(map("e", l(s("a"), s("b"))), apply("SET e = list_append(e, :n)", map(":n", l(s("b"))), map("e", l(s("a")))));
        assertEquals(map("e", l(s("b"), s("a"))), apply("SET e = list_append(:n, e)", map(":n", l(s("b"))), map("e", l(s("a")))));
        assertEquals(map("e", l(s("x"))),
                apply("SET e = list_append(if_not_exists(e, :empty), :n)", map(":empty", l(), ":n", l(s("x"))), map()));
        assertEquals(map("a", n("1"), "b", n("2")), apply("SET b = if_not_exists(a, :z) + a", map(":z", n("0")), map("a", n("1"))));
    }

    @Test
    void readingAnAttributeTheItemLacksIsRefused() {
        assertEquals(MISSING, error("SET c = b", map(), map("a", s("k"))));
        assertEquals(MISSING, error("SET e = list_append(b, c)", map(), map()));
        assertEquals(MISSING, error("SET n = n + :one", map(":one", n("1")), map()));
        assertEquals(MISSING, error("SET x = m.nope", map(), map("m", m())));
    }

    @Test
    void operandsOfTheWrongTypeAreRefused() {
        Map<String, AttributeValue> item = map("b", m("a", ss("1")), "c", n("1"), "d", ns("1"), "s", s("x"));
        assertEquals(DATA_TYPE, error("SET e = s + :a", map(":a", n("1")), item));
        assertEquals(DATA_TYPE, error("SET e = b - :a", map(":a", n("1")), item));
        assertEquals(DATA_TYPE, error("SET e = list_append(d, if_not_exists(f, :a))", map(":a", l()), item));
        assertEquals(DATA_TYPE, error("SET e = list_append(:a, c)", map(":a", l()), item));
        assertEquals(DATA_TYPE, error("DELETE d :a", map(":a", ss("1")), item));
        assertEquals(DATA_TYPE, error("DELETE b :a", map(":a", ns("1")), item));
        assertEquals(DATA_TYPE, error("DELETE b.a :a", map(":a", ns("1")), item));
        assertEquals(DATA_TYPE, error("DELETE c :a", map(":a", ns("1")), item));
        assertEquals(DATA_TYPE, error("ADD b :a", map(":a", ns("1")), item));
        assertEquals(DATA_TYPE, error("ADD d :a", map(":a", n("1")), item));
        assertEquals(DATA_TYPE, error("ADD s :a", map(":a", n("1")), item));
    }

    @Test
    void pathsThroughMissingOrScalarOrWronglyShapedParentsAreInvalid() {
        Map<String, AttributeValue> item = map("a", s("k"), "b", s("k"), "c", m("1", s("a")), "d", l(s("a"), s("b")));
        Map<String, AttributeValue> values = map(":a", ss("a"));
        String[] invalid = {
            "SET b.a = :a, #1 = :a", "SET b[1] = :a, #1 = :a", "SET y.a = :a, #1 = :a", "SET y[1] = :a, #1 = :a",
            "SET c[1] = :a, #1 = :a", "SET d.#1 = :a", "REMOVE b.a SET #1 = :a", "REMOVE b[1] SET #1 = :a",
            "REMOVE y.a SET #1 = :a", "REMOVE y[1] SET #1 = :a", "REMOVE c[1] SET #1 = :a", "REMOVE d.#1 SET #1 = :a",
            "DELETE b.a :a SET #1 = :a", "DELETE b[1] :a SET #1 = :a", "DELETE y.a :a SET #1 = :a",
            "DELETE y[1] :a SET #1 = :a", "DELETE c[1] :a SET #1 = :a", "DELETE d.#1 :a", "ADD b.a :a SET #1 = :a",
            "ADD b[1] :a SET #1 = :a", "ADD y.a :a SET #1 = :a", "ADD y[1] :a SET #1 = :a", "ADD c[1] :a SET #1 = :a",
            "ADD d.#1 :a", "SET c.x.y = :a", "SET d[5].x = :a"};
        for (String e : invalid) {
            assertEquals(PATH, error(e, values, item), e);
        }
        // a missing key of an existing map, or a missing element, is nothing to remove
        assertEquals(item, apply("REMOVE c.zz, d[7], nothing", map(), item));
    }

    @Test
    void listIndexesReferToTheListAsItWas() {
        Map<String, AttributeValue> item = map("l", l(s("a"), s("b"), s("c"), s("d")));
        assertEquals(map("l", l(s("a"), s("d"))), apply("REMOVE l[1], l[2]", map(), item));
        assertEquals(map("l", l(s("a"), s("c"), s("d"))), apply("REMOVE l[1]", map(), item));
        assertEquals(map("l", l(s("a"), s("X"), s("d"))), apply("REMOVE l[2] SET l[1] = :x", map(":x", s("X")), item));
        // beyond the end, SET appends, in index order
        assertEquals(map("l", l(s("a"), s("b"), s("c"), s("d"), s("y"), s("z"))),
                apply("SET l[20] = :z, l[10] = :y", map(":y", s("y"), ":z", s("z")), item));
        assertEquals(map("l", l(s("a"), m("k", s("v")))),
                apply("SET l[1].k = :v", map(":v", s("v")), map("l", l(s("a"), m()))));
        assertEquals(map("l", l(n("2"))), apply("ADD l[0] :one", map(":one", n("1")), map("l", l(n("1")))));
        assertEquals(map("l", l(n("1"), n("5"))), apply("ADD l[4] :five", map(":five", n("5")), map("l", l(n("1")))));
    }

    @Test
    void addAddsToNumbersAndSetsCreatingThemWhenAbsent() {
        assertEquals(map("n", n("15")), apply("ADD n :v", map(":v", n("5")), map("n", n("10"))));
        assertEquals(map("n", n("-0.5")), apply("ADD n :v", map(":v", n("-0.5")), map()));
        assertEquals(map("s", ss("red", "blue", "green")),
                apply("ADD s :v", map(":v", ss("blue", "green")), map("s", ss("red", "blue"))));
        assertEquals(map("s", ns("1", "2")), apply("ADD s :v", map(":v", ns("2", "1.0")), map("s", ns("1"))));
        assertEquals(map("s", bs(new byte[] {1}, new byte[] {2})),
                apply("ADD s :v", map(":v", bs(new byte[] {2}, new byte[] {1})), map("s", bs(new byte[] {1}))));
        assertEquals(map("m", m("c", n("1"))), apply("ADD m.c :v", map(":v", n("1")), map("m", m())));
        assertEquals("Number overflow. Attempting to store a number with magnitude larger than supported range",
                error("ADD n :v", map(":v", n("9E125")), map("n", n("9E125"))));
    }

    @Test
    void deleteRemovesSetElementsAndASetLeftEmpty() {
        assertEquals(map("s", ss("red")), apply("DELETE s :v", map(":v", ss("blue", "gold")), map("s", ss("red", "blue"))));
        assertEquals(map(), apply("DELETE s :v", map(":v", ss("red", "blue")), map("s", ss("red", "blue"))));
        assertEquals(map("s", ns("2")), apply("DELETE s :v", map(":v", ns("1.0")), map("s", ns("1", "2"))));
        assertEquals(map("s", bs(new byte[] {2})),
                apply("DELETE s :v", map(":v", bs(new byte[] {1})), map("s", bs(new byte[] {1}, new byte[] {2}))));
        assertEquals(map(), apply("DELETE s :v", map(":v", ss("x")), map()));
    }

    @Test
    void updatedValuesAreTheUpdatedPathsBeforeAndAfter() {
        Map<String, AttributeValue> item = map("pk", s("k"), "p", m("c", n("1"), "other", n("2")), "x", s("x"), "r", s("gone"));
        UpdateOutcome o = UpdateEvaluator.apply(update("SET p.c = :v, y = :v REMOVE r ADD z :v",
                map(":v", n("5"))), item);
        assertEquals(map("p", m("c", n("1")), "r", s("gone")), o.updatedOld());
        assertEquals(map("p", m("c", n("5")), "y", n("5"), "z", n("5")), o.updatedNew());
        assertEquals(item, o.before());
        assertEquals(map("pk", s("k"), "p", m("c", n("5"), "other", n("2")), "x", s("x"), "y", n("5"), "z", n("5")), o.after());
        UpdateOutcome removeOnly = UpdateEvaluator.apply(update("REMOVE x", map()), item);
        assertEquals(map(), removeOnly.updatedNew());
    }

    @Test
    void anUpdateIsHeldToTheItemSizeLimitWithItsOverheadAndWithoutItsKey() {
        KeySchema key = new KeySchema(new KeyAttribute("pk", "S"), null);
        Update set = update("SET v = :v", map(":v", s("x")));
        int overhead = set.sizeOverhead();
        assertEquals(3 + 19, overhead);
        String pk = "k";
        // the largest value a standalone update can write: item - key + overhead = 400 KB
        int fits = ItemSize.MAX_ITEM_BYTES - overhead - 1;
        UpdateOutcome ok = UpdateEvaluator.apply(update("SET v = :v", map(":v", s("x".repeat(fits)))), map("pk", s(pk)));
        ok.requireWithinSizeLimit(key, true);
        UpdateOutcome over = UpdateEvaluator.apply(update("SET v = :v", map(":v", s("x".repeat(fits + 1)))), map("pk", s(pk)));
        assertEquals("Item size to update has exceeded the maximum allowed size",
                assertThrows(DynamoDbException.class, () -> over.requireWithinSizeLimit(key, true)).getMessage());
        // inside a transaction the same item is measured as it is, key included
        over.requireWithinSizeLimit(key, false);
        UpdateOutcome huge = UpdateEvaluator.apply(update("SET v = :v", map(":v", s("x".repeat(ItemSize.MAX_ITEM_BYTES)))),
                map("pk", s(pk)));
        assertThrows(DynamoDbException.class, () -> huge.requireWithinSizeLimit(key, false));
    }
}
