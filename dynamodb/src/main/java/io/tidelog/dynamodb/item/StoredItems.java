package io.tidelog.dynamodb.item;

import io.tidelog.backend.StorageBackend;
import io.tidelog.dynamodb.table.TableSchema;
import io.tidelog.dynamodb.value.AttributeValue;
import io.tidelog.dynamodb.value.AttributeValueJson;
import java.util.Map;

/** Reading an item's stored version. */
public final class StoredItems {
    private StoredItems() {}

    /** The item at {@code key}, or null when there is none. */
    public static Map<String, AttributeValue> get(StorageBackend backend, TableSchema table, ItemKey key) {
        String json = backend.getItem(table.name(), key.pk(), key.sk()).orElse(null);
        return json == null ? null : AttributeValueJson.readItem(json);
    }

    /** The stored JSON of the item at {@code key}, or null: for replies that return it unchanged. */
    public static String json(StorageBackend backend, TableSchema table, ItemKey key) {
        return backend.getItem(table.name(), key.pk(), key.sk()).orElse(null);
    }
}
