package io.tidelog.dynamodb.capacity;

import java.util.List;

/**
 * How much of the capacity a call consumed its reply reports ({@code ReturnConsumedCapacity}):
 * nothing, the total per table, or the total with the table's and each index's share.
 */
public enum CapacityMode {
    NONE, TOTAL, INDEXES;

    /** The names in the order DynamoDB lists them in its constraint message. */
    public static final List<String> NAMES = List.of("INDEXES", "TOTAL", "NONE");

    /** The member's value, or {@link #NONE} when absent. Call after the constraint check. */
    public static CapacityMode of(String value) {
        return value == null ? NONE : valueOf(value);
    }

    /** Whether the reply reports anything, so the figures are worth computing. */
    public boolean wanted() {
        return this != NONE;
    }
}
