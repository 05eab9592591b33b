package io.tidelog.dynamodb.expression;

import io.tidelog.backend.SortKeyCondition;
import io.tidelog.dynamodb.item.KeyValues;
import io.tidelog.dynamodb.table.KeySchema;
import io.tidelog.dynamodb.value.AttributeValue;
import java.util.Map;
import java.util.Objects;

/**
 * A key condition fitted to the key schema it queries (see {@link KeyCondition#against}): the
 * partition key's value and, optionally, a condition on the sort key, ready to be handed to the
 * storage backend as key strings.
 *
 * @param sort null when the query names only the partition key
 */
public record KeyQuery(KeySchema key, AttributeValue partition, KeyTerm sort) {

    public KeyQuery {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(partition, "partition");
    }

    /** The backend's key string of the partition value. */
    public String partitionKey() {
        return KeyValues.keyString(partition);
    }

    /** The backend's condition on sort key strings, or null when there is none. */
    public SortKeyCondition sortKeyCondition() {
        if (sort == null) {
            return null;
        }
        String first = KeyValues.keyString(sort.values().get(0));
        return switch (sort.operator()) {
            case EQ -> new SortKeyCondition.Eq(first);
            case LT -> new SortKeyCondition.Lt(first);
            case LE -> new SortKeyCondition.Le(first);
            case GT -> new SortKeyCondition.Gt(first);
            case GE -> new SortKeyCondition.Ge(first);
            case BETWEEN -> new SortKeyCondition.Between(first, KeyValues.keyString(sort.values().get(1)));
            // A string or binary prefix is a prefix of the key string too: "S:" + text, "B:" + hex.
            case BEGINS_WITH -> new SortKeyCondition.BeginsWith(first);
            default -> throw new IllegalStateException("not a key operator: " + sort.operator());
        };
    }

    /**
     * Whether an item with these key attributes is one the condition selects (an
     * {@code ExclusiveStartKey}, for instance).
     */
    public boolean selects(Map<String, AttributeValue> keyAttributes) {
        AttributeValue p = keyAttributes.get(key.partition().name());
        if (p == null || !ValueComparison.compare(p, Comparator.EQ, partition)) {
            return false;
        }
        return sort == null || sort.matches(keyAttributes.get(key.sort().name()));
    }
}
