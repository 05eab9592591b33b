package io.tidelog.dynamodb.table;

/**
 * One attribute of a primary key or an index key: its name and scalar type ({@code S}, {@code N}
 * or {@code B}, from the table's attribute definitions).
 */
public record KeyAttribute(String name, String type) {}
