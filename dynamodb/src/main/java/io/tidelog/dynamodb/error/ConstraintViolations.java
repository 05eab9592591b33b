package io.tidelog.dynamodb.error;

import java.util.ArrayList;
import java.util.List;

/**
 * The request-shape failures of one call, collected in the order DynamoDB checks the members and
 * reported together in its envelope: {@code 2 validation errors detected: Value '…' at 'path'
 * failed to satisfy constraint: Member must …; Value null at …}. DynamoDB reports at most ten.
 *
 * <p>A path names the member the way DynamoDB's messages do: lower camel case, list elements as
 * {@code keySchema.1.member.keyType} (1-based).
 *
 * <p>Not thread-safe: one per call.
 */
public final class ConstraintViolations {
    /** How many failures DynamoDB reports in one envelope. */
    public static final int MAX_REPORTED = 10;
    /** The pattern of table and index names. */
    public static final String NAME_PATTERN = "[a-zA-Z0-9_.-]+";

    private final List<String> failures = new ArrayList<>();

    public boolean isEmpty() {
        return failures.isEmpty();
    }

    public int size() {
        return failures.size();
    }

    /** Raises the envelope of the failures collected so far; does nothing when there are none. */
    public void throwIfAny() {
        if (!failures.isEmpty()) {
            throw Errors.constraints(failures.size() > MAX_REPORTED ? failures.subList(0, MAX_REPORTED) : failures);
        }
    }

    public ConstraintViolations notNull(String path) {
        return add(null, path, "Member must not be null");
    }

    /** {@code value} rendered as DynamoDB renders it ({@code [a, b]} for a list), or null. */
    public ConstraintViolations pattern(String path, String value, String pattern) {
        return add(value, path, "Member must satisfy regular expression pattern: " + pattern);
    }

    public ConstraintViolations minLength(String path, String value, int min) {
        return add(value, path, "Member must have length greater than or equal to " + min);
    }

    public ConstraintViolations maxLength(String path, String value, int max) {
        return add(value, path, "Member must have length less than or equal to " + max);
    }

    public ConstraintViolations minValue(String path, String value, long min) {
        return add(value, path, "Member must have value greater than or equal to " + min);
    }

    public ConstraintViolations maxValue(String path, String value, long max) {
        return add(value, path, "Member must have value less than or equal to " + max);
    }

    /** {@code values} in the order DynamoDB lists them in the message. */
    public ConstraintViolations oneOf(String path, String value, List<String> values) {
        return add(value, path, "Member must satisfy enum value set: [" + String.join(", ", values) + "]");
    }

    /**
     * A failure worded where it was found ({@code LegacyErrors} for legacy parameters,
     * {@code BatchErrors} for batch request lists), reported with the others.
     */
    public ConstraintViolations add(String failure) {
        failures.add(failure);
        return this;
    }

    private ConstraintViolations add(String value, String path, String constraint) {
        failures.add("Value " + (value == null ? "null" : "'" + value + "'") + " at '" + path
                + "' failed to satisfy constraint: " + constraint);
        return this;
    }
}
