package io.tidelog.dynamodb.capacity;

/**
 * DynamoDB's capacity unit arithmetic. A write costs one unit per 1 KB of the item it writes,
 * rounded up, at least one; a write that replaces or deletes an item is sized on the larger of
 * the item before and after it. A strongly consistent read costs one unit per 4 KB, rounded up,
 * at least one; an eventually consistent read half that.
 */
public final class CapacityUnits {
    private CapacityUnits() {}

    public static double write(int bytes) {
        return Math.max(1, Math.ceil(bytes / 1024.0));
    }

    /**
     * The base table's units for one write.
     *
     * @param before the size of the item it replaced or deleted, or null when there was none
     * @param after  the size of the item it wrote, or null for a delete
     */
    public static double tableWrite(Integer before, Integer after) {
        if (before == null && after == null) {
            return write(0); // deleting nothing still costs the one-unit minimum
        }
        double old = before == null ? 0 : write(before);
        double now = after == null ? 0 : write(after);
        return Math.max(old, now);
    }

    public static double read(int bytes, boolean consistent) {
        double strong = Math.max(1, Math.ceil(bytes / 4096.0));
        return consistent ? strong : strong / 2;
    }
}
