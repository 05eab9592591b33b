package io.tidelog.dynamodb.operation.table;

/**
 * A requested {@code ProvisionedThroughput}: read and write capacity units, either null when the
 * request left it out.
 */
record Capacity(Long read, Long write) {
    /** DynamoDB's bound on a requested capacity. */
    static final long MAX_UNITS = 1_000_000_000_000L;
}
