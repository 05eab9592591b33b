package io.tidelog.dynamodb.expression;

import static io.tidelog.dynamodb.expression.Values.b;
import static io.tidelog.dynamodb.expression.Values.bool;
import static io.tidelog.dynamodb.expression.Values.map;
import static io.tidelog.dynamodb.expression.Values.n;
import static io.tidelog.dynamodb.expression.Values.names;
import static io.tidelog.dynamodb.expression.Values.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tidelog.backend.Keys;
import io.tidelog.backend.SortKeyCondition;
import io.tidelog.dynamodb.error.DynamoDbException;
import io.tidelog.dynamodb.table.KeyAttribute;
import io.tidelog.dynamodb.table.KeySchema;
import io.tidelog.dynamodb.value.AttributeValue;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KeyConditionTest {
    private static final KeySchema COMPOSITE = new KeySchema(new KeyAttribute("pk", "S"), new KeyAttribute("sk", "S"));
    private static final KeySchema HASH_ONLY = new KeySchema(new KeyAttribute("pk", "S"), null);
    private static final KeySchema NUMERIC = new KeySchema(new KeyAttribute("pk", "S"), new KeyAttribute("sk", "N"));
    private static final KeySchema BINARY = new KeySchema(new KeyAttribute("pk", "S"), new KeyAttribute("sk", "B"));

    private static KeyCondition bind(String expression, Map<String, String> names, Map<String, AttributeValue> values) {
        return RequestExpressions.builder(new ExpressionCache(8)).names(names).values(values).keyCondition(expression)
                .bind().keyCondition();
    }

    private static KeyCondition bind(String expression, Map<String, AttributeValue> values) {
        return bind(expression, null, values);
    }

    private static String error(String expression, Map<String, AttributeValue> values) {
        return assertThrows(DynamoDbException.class, () -> bind(expression, values)).getMessage();
    }

    private static final Map<String, AttributeValue> AB = map(":a", s("1"), ":b", s("2"));
    private static final Map<String, AttributeValue> A = map(":a", s("1"));

    @Test
    void termsComeFromEqualityAndSortKeyComparisons() {
        KeyCondition c = bind("pk = :a AND sk BETWEEN :a AND :b", AB);
        assertEquals(List.of(new KeyTerm("pk", ComparisonOperator.EQ, List.of(s("1"))),
                new KeyTerm("sk", ComparisonOperator.BETWEEN, List.of(s("1"), s("2")))), c.terms());
        c = bind("(#p = :a) AND (begins_with(#s, :b))", names("#p", "pk", "#s", "sk"), AB);
        assertEquals(ComparisonOperator.BEGINS_WITH, c.term("sk").operator());
        c = bind("(pk = :a AND sk <= :b)", AB);
        assertEquals(ComparisonOperator.LE, c.term("sk").operator());
    }

    @Test
    void aValueOnTheLeftTurnsTheComparisonAround() {
        assertEquals(ComparisonOperator.GT, bind("pk = :a AND :b < sk", AB).term("sk").operator());
        assertEquals(ComparisonOperator.GE, bind("pk = :a AND :b <= sk", AB).term("sk").operator());
        assertEquals(ComparisonOperator.LT, bind("pk = :a AND :b > sk", AB).term("sk").operator());
        assertEquals(ComparisonOperator.LE, bind("pk = :a AND :b >= sk", AB).term("sk").operator());
        assertEquals(ComparisonOperator.EQ, bind(":a = pk", A).term("pk").operator());
    }

    @Test
    void onlyAndJoinsConditions() {
        String[][] cases = {
            {"a > b and size(b) > c or a > c", "OR"}, {"a in (b, size(c), d)", "IN"},
            {"attribute_exists(a)", "attribute_exists"}, {"attribute_not_exists(a)", "attribute_not_exists"},
            {"contains(a.d, b)", "contains"}, {"not a > b", "NOT"}, {"a <> b", "<>"}};
        for (String[] c : cases) {
            assertEquals("Invalid KeyConditionExpression: Invalid operator used in KeyConditionExpression: " + c[1], error(c[0], null), c[0]);
        }
        assertEquals("Invalid KeyConditionExpression: Invalid operator used in KeyConditionExpression: attribute_type",
                error("attribute_type(a, :a)", map(":a", s("S"))));
    }

    @Test
    void theKeyAttributeComesFirstInBetweenAndBeginsWith() {
        Map<String, AttributeValue> values = map(":a", s("1"), ":b", s("1"));
        assertEquals("Invalid KeyConditionExpression: Invalid condition in KeyConditionExpression: BETWEEN operator must have the key attribute as its "
                + "first operand", error(":a between size(b) and size(a) and b > :b", values));
        assertEquals("Invalid KeyConditionExpression: Invalid condition in KeyConditionExpression: begins_with operator must have the key attribute as "
                + "its first operand", error("begins_with(:a, b) and a > :b", values));
    }

    @Test
    void eachConditionNamesOneTopLevelAttributeComparedWithValues() {
        for (String e : new String[] {"size(b) > a AND a.b > b AND b > c", "a > size(b.d)", "a between size(b) and size(a)"}) {
            assertEquals("Invalid KeyConditionExpression: KeyConditionExpressions cannot contain nested operations", error(e, null), e);
        }
        for (String e : new String[] {"b > a.b", "b between c[1] and d", "a between b and size(a)", "begins_with(a, b)"}) {
            assertEquals("Invalid KeyConditionExpression: Invalid condition in KeyConditionExpression: Multiple attribute names used in one condition",
                    error(e, null), e);
        }
        for (String e : new String[] {"b.d > a AND c.d > e.f", "a.d > c", "b[0] > a"}) {
            assertEquals("Invalid KeyConditionExpression: KeyConditionExpressions cannot have conditions on nested attributes", error(e, null), e);
        }
        Map<String, AttributeValue> numbers = map(":a", n("1"), ":b", n("1"));
        for (String e : new String[] {":b > :a AND a < :b", ":a > b AND :a < :b"}) {
            assertEquals("Invalid KeyConditionExpression: Invalid condition in KeyConditionExpression: No key attribute specified", error(e, numbers), e);
        }
    }

    @Test
    void eachAttributeOnceAndOneOrTwoInAll() {
        Map<String, AttributeValue> a = map(":a", n("1"));
        assertEquals("Invalid KeyConditionExpression: KeyConditionExpressions must only contain one condition per key",
                error("b > :a AND b < :a and c = :a and d = :a", a));
        assertEquals("Invalid KeyConditionExpression: KeyConditionExpressions must only contain one condition per key",
                error("(a > :a and b > :a) and (b > :a and c > :a)", a));
        assertEquals("Conditions can be of length 1 or 2 only", error(":a = a and b = :a and :a = c", a));
        assertEquals("Conditions can be of length 1 or 2 only",
                error("(a > :a and b > :a) and (c > :a and d > :a) and (e > :a and f > :a)", a));
    }

    @Test
    void termsAreHeldToTheRulesOfTheLegacyConditions() {
        assertEquals("One or more parameter values were invalid: ComparisonOperator LT is not valid for BOOL AttributeValue type",
                error("pk = :a AND sk < :t", map(":a", s("1"), ":t", bool(true))));
        assertEquals("Invalid KeyConditionExpression: Incorrect operand type for operator or function; operator or "
                + "function: begins_with, operand type: N", error("pk = :a AND begins_with(sk, :n)", map(":a", s("1"), ":n", n("1"))));
        assertEquals("Invalid KeyConditionExpression: The BETWEEN operator requires same data type for lower and upper "
                + "bounds; lower bound operand: AttributeValue: {N:1}, upper bound operand: AttributeValue: {S:a}",
                error("a between :b and :a", map(":a", s("a"), ":b", n("1"))));
    }

    @Test
    void conditionChecksAndUnusedValuesComeBeforeTheShape() {
        assertEquals("Invalid KeyConditionExpression: Syntax error; token: \"4\", near: \"> 4\"", error("a > 4", null));
        assertEquals("Invalid KeyConditionExpression: The expression can not be empty;", error("", null));
        assertEquals("Value provided in ExpressionAttributeValues unused in expressions: keys: {:z}",
                error("a <> :a", map(":a", s("1"), ":z", s("2"))));
    }

    @Test
    void fittedToAKeySchemaTheConditionGivesKeyStrings() {
        KeyQuery q = bind("pk = :a AND sk BETWEEN :a AND :b", AB).against(COMPOSITE);
        assertEquals(Keys.stringKey("1"), q.partitionKey());
        assertEquals(new SortKeyCondition.Between(Keys.stringKey("1"), Keys.stringKey("2")), q.sortKeyCondition());
        q = bind("pk = :a AND begins_with(sk, :b)", AB).against(COMPOSITE);
        assertEquals(new SortKeyCondition.BeginsWith("S:2"), q.sortKeyCondition());
        q = bind("pk = :a AND sk > :n", map(":a", s("1"), ":n", n("1.5"))).against(NUMERIC);
        assertEquals(new SortKeyCondition.Gt(Keys.numberKey("1.5")), q.sortKeyCondition());
        q = bind("pk = :a AND begins_with(sk, :b)", map(":a", s("1"), ":b", b(0xab, 0x01))).against(BINARY);
        assertEquals(new SortKeyCondition.BeginsWith("B:ab01"), q.sortKeyCondition());
        q = bind("pk = :a", A).against(COMPOSITE);
        assertNull(q.sortKeyCondition());
        for (String op : new String[] {"=", "<", "<=", ">", ">="}) {
            SortKeyCondition c = bind("pk = :a AND sk " + op + " :b", AB).against(COMPOSITE).sortKeyCondition();
            assertEquals("S:2", switch (op) {
                case "=" -> ((SortKeyCondition.Eq) c).value();
                case "<" -> ((SortKeyCondition.Lt) c).value();
                case "<=" -> ((SortKeyCondition.Le) c).value();
                case ">" -> ((SortKeyCondition.Gt) c).value();
                default -> ((SortKeyCondition.Ge) c).value();
            });
        }
    }

    @Test
    void theKeySchemaDecidesWhichConditionsAreQueries() {
        assertEquals("Query condition missed key schema element: pk",
                assertThrows(DynamoDbException.class, () -> bind("sk = :a", A).against(COMPOSITE)).getMessage());
        assertEquals("Query condition missed key schema element: pk",
                assertThrows(DynamoDbException.class, () -> bind("attr1 = :a", A).against(COMPOSITE)).getMessage());
        assertEquals("Query condition missed key schema element: sk",
                assertThrows(DynamoDbException.class, () -> bind("pk = :a AND attr2 = :b", AB).against(COMPOSITE)).getMessage());
        assertEquals("Query key condition not supported",
                assertThrows(DynamoDbException.class, () -> bind("pk = :a AND sk = :b", AB).against(HASH_ONLY)).getMessage());
        assertEquals("Query key condition not supported",
                assertThrows(DynamoDbException.class, () -> bind("pk > :a", A).against(COMPOSITE)).getMessage());
        assertEquals("One or more parameter values were invalid: Condition parameter type does not match schema type",
                assertThrows(DynamoDbException.class, () -> bind("pk = :a AND sk = :n", map(":a", s("1"), ":n", n("1")))
                        .against(COMPOSITE)).getMessage());
        KeyCondition legacy = new KeyCondition(List.of(new KeyTerm("pk", ComparisonOperator.EQ, List.of(s("1"))),
                new KeyTerm("sk", ComparisonOperator.NE, List.of(s("1")))));
        assertEquals("Attempted conditional constraint is not an indexable operation",
                assertThrows(DynamoDbException.class, () -> legacy.against(COMPOSITE)).getMessage());
    }

    @Test
    void aQuerySelectsTheKeysItsConditionMatches() {
        KeyQuery q = bind("pk = :a AND sk >= :b", AB).against(COMPOSITE);
        assertTrue(q.selects(map("pk", s("1"), "sk", s("2"))));
        assertTrue(q.selects(map("pk", s("1"), "sk", s("3"))));
        assertFalse(q.selects(map("pk", s("1"), "sk", s("10"))));
        assertFalse(q.selects(map("pk", s("2"), "sk", s("3"))));
        assertFalse(q.selects(map("pk", s("1"))));
    }
}
