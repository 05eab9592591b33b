package io.tidelog.dynamodb.expression;

import io.tidelog.backend.Keys;
import io.tidelog.backend.SortKeyCondition;
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
        return keyString(partition);
    }

    /** The backend's condition on sort key strings, or null when there is none. */
    public SortKeyCondition sortKeyCondition() {
        if (sort == null) {
            return null;
        }
        return switch (sort.operator()) {
            case EQ -> new SortKeyCondition.Eq(keyString(sort.values().get(0)));
            case LT -> new SortKeyCondition.Lt(keyString(sort.values().get(0)));
            case LE -> new SortKeyCondition.Le(keyString(sort.values().get(0)));
            case GT -> new SortKeyCondition.Gt(keyString(sort.values().get(0)));
            case GE -> new SortKeyCondition.Ge(keyString(sort.values().get(0)));
            case BETWEEN -> new SortKeyCondition.Between(keyString(sort.values().get(0)),
                    keyString(sort.values().get(1)));
            // A string or binary prefix is a prefix of the key string too: "S:" + text, "B:" + hex.
            case BEGINS_WITH -> new SortKeyCondition.BeginsWith(keyString(sort.values().get(0)));
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

    /** The backend's key string of a key value ({@code S}, {@code N} or {@code B}). */
    public static String keyString(AttributeValue value) {
        if (value instanceof AttributeValue.S s) {
            return Keys.stringKey(s.value());
        } else if (value instanceof AttributeValue.N n) {
            return Keys.numberKey(n.value());
        } else if (value instanceof AttributeValue.B b) {
            return Keys.binaryKey(b.value());
        }
        throw new IllegalArgumentException("not a key type: " + value.type());
    }
}
