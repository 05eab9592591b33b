package io.tidelog.dynamodb.operation;

import io.tidelog.dynamodb.capacity.CapacityMode;
import io.tidelog.dynamodb.error.ConstraintViolations;
import java.util.List;

/**
 * The constraints on the Return* members of item requests: each, when present, must name one of
 * its values (listed in the order DynamoDB lists them). Each operation then allows what it
 * offers of them.
 */
public final class ReturnOptions {
    public static final List<String> ITEM_COLLECTION_METRICS = List.of("SIZE", "NONE");
    public static final List<String> ON_CONDITION_CHECK_FAILURE = List.of("ALL_OLD", "NONE");

    private ReturnOptions() {}

    public static void returnValues(String value, ConstraintViolations violations) {
        oneOf("returnValues", value, ReturnValues.NAMES, violations);
    }

    public static void returnConsumedCapacity(String value, ConstraintViolations violations) {
        oneOf("returnConsumedCapacity", value, CapacityMode.NAMES, violations);
    }

    public static void returnItemCollectionMetrics(String value, ConstraintViolations violations) {
        oneOf("returnItemCollectionMetrics", value, ITEM_COLLECTION_METRICS, violations);
    }

    public static void returnValuesOnConditionCheckFailure(String value, ConstraintViolations violations) {
        oneOf("returnValuesOnConditionCheckFailure", value, ON_CONDITION_CHECK_FAILURE, violations);
    }

    /** Whether {@code ReturnItemCollectionMetrics} asks for the metrics. */
    public static boolean wantsMetrics(String value) {
        return "SIZE".equals(value);
    }

    private static void oneOf(String member, String value, List<String> names, ConstraintViolations violations) {
        if (value != null && !names.contains(value)) {
            violations.oneOf(member, value, names);
        }
    }
}
