package io.tidelog.dynamodb.table;

import java.util.List;

/**
 * Which attributes an index copies from its table's items: {@code KEYS_ONLY} (the table's and
 * the index's key attributes), {@code INCLUDE} (those and {@code nonKeyAttributes}) or
 * {@code ALL}.
 */
public record Projection(String type, List<String> nonKeyAttributes) {
    public static final String ALL = "ALL";
    public static final String KEYS_ONLY = "KEYS_ONLY";
    public static final String INCLUDE = "INCLUDE";

    public Projection {
        nonKeyAttributes = List.copyOf(nonKeyAttributes);
    }
}
