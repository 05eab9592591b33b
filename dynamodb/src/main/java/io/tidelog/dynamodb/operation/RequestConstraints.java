package io.tidelog.dynamodb.operation;

import io.tidelog.dynamodb.capacity.CapacityMode;
import io.tidelog.dynamodb.error.ConstraintErrors;
import io.tidelog.dynamodb.error.Errors;
import java.util.ArrayList;
import java.util.List;

/**
 * The constraint checks DynamoDB runs on a request's members before it looks at any table,
 * gathered so that they are reported together in one {@code N validation errors detected: …}
 * message, in the order they were checked. Each operation checks its members in DynamoDB's
 * order and calls {@link #check()} where DynamoDB stops to report.
 *
 * <p>Not thread-safe: one per call.
 */
public final class RequestConstraints {
    /** The characters a table or index name may hold. */
    private static final String NAME_CHARACTERS =
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-";

    private final List<String> failures = new ArrayList<>(2);

    /**
     * A table name as item operations (reads and writes of items, batches, transactions) check it:
     * present, 1 to 255 characters of {@code [a-zA-Z0-9_.-]}. An empty name is reported as too
     * short only; the pattern is checked on names that have characters. (CreateTable asks for
     * at least 3 characters and reports the pattern for the empty name as well.)
     */
    public RequestConstraints tableName(String name) {
        if (name == null) {
            failures.add(ConstraintErrors.notNull("tableName"));
            return this;
        }
        if (name.isEmpty()) {
            failures.add(ConstraintErrors.minLength("tableName", name, 1));
        } else if (!isValidName(name)) {
            failures.add(ConstraintErrors.namePattern("tableName", name));
        }
        if (name.length() > 255) {
            failures.add(ConstraintErrors.maxLength("tableName", name, 255));
        }
        return this;
    }

    /** Whether a non-empty name uses only the characters table and index names may hold. */
    public static boolean isValidName(String name) {
        for (int i = 0; i < name.length(); i++) {
            if (NAME_CHARACTERS.indexOf(name.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    /** A required member ({@code member} as DynamoDB spells it in the message). */
    public RequestConstraints notNull(String member, Object value) {
        if (value == null) {
            failures.add(ConstraintErrors.notNull(member));
        }
        return this;
    }

    /** A member that, when present, must be one of {@code allowed} (listed in DynamoDB's order). */
    public RequestConstraints oneOf(String member, String value, List<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            failures.add(ConstraintErrors.enumValue(member, value, allowed));
        }
        return this;
    }

    /** {@code ReturnValues}: one of the five names (each operation then allows some of them). */
    public RequestConstraints returnValues(String value) {
        return oneOf("returnValues", value, ReturnValues.NAMES);
    }

    /** {@code ReturnConsumedCapacity}: {@code INDEXES}, {@code TOTAL} or {@code NONE}. */
    public RequestConstraints returnConsumedCapacity(String value) {
        return oneOf("returnConsumedCapacity", value, CapacityMode.NAMES);
    }

    /** {@code ReturnItemCollectionMetrics}: {@code SIZE} or {@code NONE}. */
    public RequestConstraints returnItemCollectionMetrics(String value) {
        return oneOf("returnItemCollectionMetrics", value, List.of("SIZE", "NONE"));
    }

    /** {@code ReturnValuesOnConditionCheckFailure}: {@code ALL_OLD} or {@code NONE}. */
    public RequestConstraints returnValuesOnConditionCheckFailure(String value) {
        return oneOf("returnValuesOnConditionCheckFailure", value, List.of("ALL_OLD", "NONE"));
    }

    /** Adds a failure phrase worded by the caller. */
    public RequestConstraints fail(String phrase) {
        failures.add(phrase);
        return this;
    }

    public boolean failed() {
        return !failures.isEmpty();
    }

    /** Raises the gathered failures, if any, as one {@code ValidationException}. */
    public void check() {
        if (!failures.isEmpty()) {
            throw Errors.constraints(failures);
        }
    }
}
