package io.tidelog.dynamodb.item;

import io.tidelog.dynamodb.table.KeySchema;
import io.tidelog.dynamodb.value.AttributeValue;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where an item lives in its table: the key strings of its partition and sort key ({@code ""}
 * without a sort key) and the hash prefix of its partition key.
 */
public record ItemKey(String pk, String sk, String hashPrefix) {

    /** The key of an item (or of a Key map) whose key attributes have been validated. */
    public static ItemKey of(KeySchema key, Map<String, AttributeValue> item) {
        AttributeValue partition = item.get(key.partition().name());
        String sk = key.hasSort() ? KeyValues.keyString(item.get(key.sort().name())) : "";
        return new ItemKey(KeyValues.keyString(partition), sk, KeyValues.hashPrefix(partition));
    }

    /** The key attributes of {@code item}, in key schema order. */
    public static Map<String, AttributeValue> attributes(KeySchema key, Map<String, AttributeValue> item) {
        Map<String, AttributeValue> out = new LinkedHashMap<>(4);
        out.put(key.partition().name(), item.get(key.partition().name()));
        if (key.hasSort()) {
            out.put(key.sort().name(), item.get(key.sort().name()));
        }
        return out;
    }
}
