package io.tidelog.dynamodb.error;

import java.util.List;

/**
 * The phrases DynamoDB uses for a request member that fails its model's constraints: one phrase
 * per failure, reported together in the {@code N validation error(s) detected: …} envelope of
 * {@link Errors#constraints}. Member names are spelled as DynamoDB spells them in these phrases
 * (lower camel case, {@code tableName}, {@code returnValues}), which differs from the request's
 * own member names.
 */
public final class ConstraintErrors {
    private ConstraintErrors() {}

    public static String notNull(String member) {
        return "Value null at '" + member + "' failed to satisfy constraint: Member must not be null";
    }

    public static String minLength(String member, String value, int min) {
        return "Value '" + value + "' at '" + member
                + "' failed to satisfy constraint: Member must have length greater than or equal to " + min;
    }

    public static String maxLength(String member, String value, int max) {
        return "Value '" + value + "' at '" + member
                + "' failed to satisfy constraint: Member must have length less than or equal to " + max;
    }

    /** A list or map member (whose value DynamoDB does not echo) with too few elements. */
    public static String minSize(String member, int min) {
        return "Value at '" + member
                + "' failed to satisfy constraint: Member must have length greater than or equal to " + min;
    }

    /** A list or map member (whose value DynamoDB does not echo) with too many elements. */
    public static String maxSize(String member, int max) {
        return "Value at '" + member
                + "' failed to satisfy constraint: Member must have length less than or equal to " + max;
    }

    public static String namePattern(String member, String value) {
        return "Value '" + value + "' at '" + member
                + "' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+";
    }

    public static String enumValue(String member, String value, List<String> allowed) {
        return "Value '" + value + "' at '" + member
                + "' failed to satisfy constraint: Member must satisfy enum value set: ["
                + String.join(", ", allowed) + "]";
    }
}
