package io.tidelog.dynamodb.operation;

import java.util.List;

/**
 * What a write returns of the item it changed ({@code ReturnValues}). Every write operation's
 * request accepts all five names; each operation then allows only some of them (PutItem and
 * DeleteItem: {@code NONE} and {@code ALL_OLD}).
 */
public enum ReturnValues {
    NONE, ALL_OLD, UPDATED_OLD, ALL_NEW, UPDATED_NEW;

    /** The names in the order DynamoDB lists them in its constraint message. */
    public static final List<String> NAMES = List.of("ALL_NEW", "UPDATED_OLD", "ALL_OLD", "NONE", "UPDATED_NEW");

    /** The member's value, or {@link #NONE} when absent. Call after the constraint check. */
    public static ReturnValues of(String value) {
        return value == null ? NONE : valueOf(value);
    }
}
