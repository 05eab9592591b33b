package io.tidelog.dynamodb.item;

import io.tidelog.backend.IndexWriteOp;
import io.tidelog.dynamodb.table.KeySchema;
import io.tidelog.dynamodb.table.Projection;
import io.tidelog.dynamodb.table.SecondaryIndex;
import io.tidelog.dynamodb.table.TableSchema;
import io.tidelog.dynamodb.value.AttributeValue;
import io.tidelog.dynamodb.value.AttributeValueJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The secondary-index entries of items, and the index writes that take a table's indexes from
 * an item's old version to its new one.
 *
 * <p>An item has an entry in an index when it holds the index's key attributes with their
 * declared types (indexes are sparse); the entry holds the attributes the index projects. An
 * index whose entry did not change is not written.
 */
public final class IndexEntries {
    private IndexEntries() {}

    /**
     * An item's entry in one index: where it sits (the index's key strings; for an LSI the
     * partition is the table's) and the attributes it holds.
     */
    public record Entry(String pk, String sk, Map<String, AttributeValue> projected) {
        /** Whether the entry sits where {@code other} does (an index key did not change). */
        public boolean samePlace(Entry other) {
            return pk.equals(other.pk) && sk.equals(other.sk);
        }
    }

    /**
     * The index writes for an item changing from {@code before} to {@code after} (either may be
     * null: a new item, a deleted one).
     */
    public static List<IndexWriteOp> changes(TableSchema table, ItemKey key, Map<String, AttributeValue> before,
            Map<String, AttributeValue> after) {
        List<SecondaryIndex> indexes = table.indexes();
        if (indexes.isEmpty()) {
            return List.of();
        }
        List<IndexWriteOp> ops = new ArrayList<>(2 * indexes.size());
        for (SecondaryIndex index : indexes) {
            Entry old = before == null ? null : entry(table, index, key, before);
            Entry now = after == null ? null : entry(table, index, key, after);
            if (Objects.equals(old, now)) {
                continue;
            }
            if (old != null) {
                ops.add(index.global()
                        ? new IndexWriteOp.DeleteGsi(table.name(), index.name(), key.pk(), key.sk())
                        : new IndexWriteOp.DeleteLsi(table.name(), index.name(), key.pk(), key.sk()));
            }
            if (now != null) {
                ops.add(insert(table, index, key, now));
            }
        }
        return ops;
    }

    /** The write that inserts {@code item}'s entry into {@code index}, or null when it has none. */
    public static IndexWriteOp insertion(TableSchema table, SecondaryIndex index, ItemKey key,
            Map<String, AttributeValue> item) {
        Entry e = entry(table, index, key, item);
        return e == null ? null : insert(table, index, key, e);
    }

    private static IndexWriteOp insert(TableSchema table, SecondaryIndex index, ItemKey key, Entry e) {
        String json = AttributeValueJson.itemToJson(e.projected());
        return index.global()
                ? new IndexWriteOp.InsertGsi(table.name(), index.name(), e.pk(), e.sk(), key.pk(), key.sk(), json)
                : new IndexWriteOp.InsertLsi(table.name(), index.name(), e.pk(), e.sk(), key.pk(), key.sk(), json);
    }

    /** The entry of {@code item} in {@code index}, or null when the item is not in it. */
    public static Entry entry(TableSchema table, SecondaryIndex index, ItemKey key, Map<String, AttributeValue> item) {
        KeySchema k = index.key();
        AttributeValue partition = item.get(k.partition().name());
        if (!hasType(partition, k.partition().type())) {
            return null;
        }
        AttributeValue sort = k.hasSort() ? item.get(k.sort().name()) : null;
        if (k.hasSort() && !hasType(sort, k.sort().type())) {
            return null;
        }
        String pk = index.global() ? KeyValues.keyString(partition) : key.pk();
        String sk = sort == null ? "" : KeyValues.keyString(sort);
        return new Entry(pk, sk, project(table, index, item));
    }

    /** The attributes of {@code item} that {@code index} holds. */
    public static Map<String, AttributeValue> project(TableSchema table, SecondaryIndex index,
            Map<String, AttributeValue> item) {
        Projection p = index.projection();
        if (Projection.ALL.equals(p.type())) {
            return item;
        }
        Map<String, AttributeValue> out = new LinkedHashMap<>();
        for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
            String name = e.getKey();
            if (table.key().contains(name) || index.key().contains(name)
                    || (Projection.INCLUDE.equals(p.type()) && p.nonKeyAttributes().contains(name))) {
                out.put(name, e.getValue());
            }
        }
        return out;
    }

    private static boolean hasType(AttributeValue v, String type) {
        return v != null && v.type().equals(type);
    }
}
