package io.tidelog.dynamodb.expression;

import static io.tidelog.dynamodb.expression.Values.map;
import static io.tidelog.dynamodb.expression.Values.n;
import static io.tidelog.dynamodb.expression.Values.ns;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tidelog.dynamodb.error.DynamoDbException;
import io.tidelog.dynamodb.table.KeyAttribute;
import io.tidelog.dynamodb.table.KeySchema;
import io.tidelog.dynamodb.value.AttributeValue;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KeyAttributeChecksTest {
    private static final KeySchema HASH = new KeySchema(new KeyAttribute("a", "S"), null);
    private static final KeySchema RANGE = new KeySchema(new KeyAttribute("a", "S"), new KeyAttribute("b", "S"));

    private static Update update(String expression, Map<String, AttributeValue> values) {
        return RequestExpressions.builder(new ExpressionCache(4)).values(values).update(expression).bind().update();
    }

    @Test
    void anUpdateMayNotTouchAKeyAttributeEvenBelowIt() {
        Object[][] cases = {
            {"add a.b :a", map(":a", n("1"))}, {"delete a :a", map(":a", ns("1"))},
            {"remove d set b = :a, a = :a", map(":a", n("1"))}, {"delete b :a remove a", map(":a", ns("1"))},
            {"set a = a.b + a[1]", null}};
        for (Object[] c : cases) {
            @SuppressWarnings("unchecked")
            Update u = update((String) c[0], (Map<String, AttributeValue>) c[1]);
            assertEquals("One or more parameter values were invalid: Cannot update attribute a. This attribute is part of the key",
                    assertThrows(DynamoDbException.class, () -> KeyAttributeChecks.requireKeyNotUpdated(u, HASH)).getMessage());
        }
        Update sort = update("set d[1] = :a add b.b :a", map(":a", n("1")));
        assertEquals("One or more parameter values were invalid: Cannot update attribute b. This attribute is part of the key",
                assertThrows(DynamoDbException.class, () -> KeyAttributeChecks.requireKeyNotUpdated(sort, RANGE)).getMessage());
        KeyAttributeChecks.requireKeyNotUpdated(update("set c = a", null), RANGE);
    }

    @Test
    void expressionsMayNotLookInsideKeyAttributes() {
        Update update = update("set e = list_append(x, y), f = d[1]", null);
        assertEquals("Key attributes must be scalars; list random access '[]' and map lookup '.' are not allowed: IndexKey: d",
                assertThrows(DynamoDbException.class, () -> KeyAttributeChecks.requireScalarKeyAccess(
                        ExpressionPaths.of(update), RANGE, List.of("c", "d"))).getMessage());
        Condition filter = RequestExpressions.builder(new ExpressionCache(4)).filter("attribute_exists(d.x) OR size(b[0]) > e")
                .bind().filter();
        assertEquals("Key attributes must be scalars; list random access '[]' and map lookup '.' are not allowed: Key: b",
                assertThrows(DynamoDbException.class, () -> KeyAttributeChecks.requireScalarKeyAccess(
                        ExpressionPaths.of(filter), RANGE, List.of("d"))).getMessage());
        KeyAttributeChecks.requireScalarKeyAccess(List.of(Path.of("a"), Path.of("d")), RANGE, List.of("d"));
    }

    @Test
    void aQueryFilterMayNotUseTheQueriedKey() {
        Condition filter = RequestExpressions.builder(new ExpressionCache(4)).filter("x = y AND begins_with(b, z)").bind().filter();
        assertEquals("Filter Expression can only contain non-primary key attributes: Primary key attribute: b",
                assertThrows(DynamoDbException.class,
                        () -> KeyAttributeChecks.requireNoKeyInFilter(filter, RANGE, "Filter Expression")).getMessage());
        KeyAttributeChecks.requireNoKeyInFilter(filter, HASH, "Filter Expression");
    }
}
