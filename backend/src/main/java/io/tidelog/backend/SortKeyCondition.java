package io.tidelog.backend;

/**
 * A condition on the sort value of a query candidate. Operands are key strings with their type
 * tag; every comparison is bytewise ({@link Keys#KEY_ORDER}).
 */
public sealed interface SortKeyCondition {
    record Eq(String value) implements SortKeyCondition {}

    record Lt(String value) implements SortKeyCondition {}

    record Le(String value) implements SortKeyCondition {}

    record Gt(String value) implements SortKeyCondition {}

    record Ge(String value) implements SortKeyCondition {}

    /** {@code low <= v <= high}; matches nothing when {@code low > high}. */
    record Between(String low, String high) implements SortKeyCondition {}

    /** A literal, case-sensitive byte-prefix test; the prefix itself matches. */
    record BeginsWith(String prefix) implements SortKeyCondition {}
}
