package io.tidelog.dynamodb.operation.table;

/**
 * One requested attribute definition: a key attribute's name and scalar type. Both members may
 * be null until the request's constraints have been checked.
 *
 * @param type {@code S}, {@code N} or {@code B} once checked
 */
record AttributeDefinition(String name, String type) {}
