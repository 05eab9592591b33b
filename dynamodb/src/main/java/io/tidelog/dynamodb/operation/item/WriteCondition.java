package io.tidelog.dynamodb.operation.item;

import io.tidelog.dynamodb.error.ConstraintViolations;
import io.tidelog.dynamodb.error.ItemErrors;
import io.tidelog.dynamodb.expression.Condition;
import io.tidelog.dynamodb.expression.ConditionEvaluator;
import io.tidelog.dynamodb.expression.legacy.LegacyConditions;
import io.tidelog.dynamodb.json.Request;
import io.tidelog.dynamodb.value.AttributeValue;
import java.util.Map;

/**
 * The condition an item write is made under, from its {@code ConditionExpression} or its legacy
 * {@code Expected} (with {@code ConditionalOperator}), and whether a failure returns the item it
 * was checked against ({@code ReturnValuesOnConditionCheckFailure: ALL_OLD}).
 *
 * <p>A transaction's actions decide with {@link #holds} and report failures their own way.
 *
 * @param condition null when the write has none
 */
public record WriteCondition(Condition condition, boolean returnItemOnFailure) {

    /** The constraint failures of the legacy members, for the operation's envelope. */
    public static void constrainLegacy(Request request, ConstraintViolations violations) {
        String operator = LegacyConditions.conditionalOperatorFailure(request.string("ConditionalOperator"));
        if (operator != null) {
            violations.add(operator);
        }
        for (String failure : LegacyConditions.constraintFailures(request.structure("Expected"), "expected", false)) {
            violations.add(failure);
        }
    }

    /**
     * The write's condition: {@code expression} (the bound {@code ConditionExpression}, or null)
     * or else the request's {@code Expected}, read with DynamoDB's checks.
     */
    public static WriteCondition of(Request request, Condition expression, String onFailure) {
        Condition condition = expression != null ? expression
                : LegacyConditions.expected(request.structure("Expected"), request.string("ConditionalOperator"));
        return new WriteCondition(condition, "ALL_OLD".equals(onFailure));
    }

    public boolean present() {
        return condition != null;
    }

    /** Whether the condition holds for {@code item} (null: there is none); true without one. */
    public boolean holds(Map<String, AttributeValue> item) {
        return condition == null || ConditionEvaluator.matches(condition, item == null ? Map.of() : item);
    }

    /**
     * Raises DynamoDB's {@code ConditionalCheckFailedException} when the condition does not hold
     * for {@code item} (null: there is none), with the item when asked for and there is one.
     */
    public void check(Map<String, AttributeValue> item) {
        if (!holds(item)) {
            throw ItemErrors.conditionalCheckFailed(returnItemOnFailure ? item : null);
        }
    }
}
