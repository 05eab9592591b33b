package io.tidelog.dynamodb.table;

/**
 * A global or local secondary index of a table.
 *
 * @param global true for a GSI, false for an LSI (whose partition key is the table's)
 */
public record SecondaryIndex(String name, boolean global, KeySchema key, Projection projection) {}
