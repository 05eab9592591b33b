package io.tidelog.dynamodb.table;

/**
 * The key of a table or an index: a partition (HASH) attribute and an optional sort (RANGE)
 * attribute.
 *
 * @param sort null when the table or index has no sort key
 */
public record KeySchema(KeyAttribute partition, KeyAttribute sort) {

    public boolean hasSort() {
        return sort != null;
    }

    /** Whether {@code attribute} is one of this key's attributes. */
    public boolean contains(String attribute) {
        return partition.name().equals(attribute) || (sort != null && sort.name().equals(attribute));
    }
}
