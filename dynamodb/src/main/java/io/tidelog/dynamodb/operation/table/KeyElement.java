package io.tidelog.dynamodb.operation.table;

/**
 * One element of a requested key schema. Both members may be null until the request's
 * constraints have been checked.
 *
 * @param keyType {@code HASH} or {@code RANGE} once checked
 */
record KeyElement(String attributeName, String keyType) {
    static final String HASH = "HASH";
    static final String RANGE = "RANGE";

    boolean isHash() {
        return HASH.equals(keyType);
    }

    boolean isRange() {
        return RANGE.equals(keyType);
    }
}
