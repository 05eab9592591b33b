package io.tidelog.dynamodb.item;

import io.tidelog.backend.AtomicWriter;
import io.tidelog.backend.IndexWriteOp;
import io.tidelog.backend.StorageBackend;
import io.tidelog.backend.Write;
import io.tidelog.backend.WriteResult;
import io.tidelog.dynamodb.stream.StreamShards;
import io.tidelog.dynamodb.table.TableSchema;
import io.tidelog.dynamodb.value.AttributeValue;
import io.tidelog.dynamodb.value.AttributeValueJson;
import io.tidelog.dynamodb.value.ItemSize;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The writes of one call, gathered and applied as one atomic backend write (one log entry): for
 * each item put or deleted, its row, its secondary-index entries and, while the table's stream
 * is enabled, its stream record with the images the view type asks for.
 *
 * <p>Callers hold the items' {@link ItemLocks} from the reads their decisions used until
 * {@link #apply} returns. A change that leaves an item as it was writes nothing: no row, no
 * index entry, no stream record (DynamoDB writes no stream record for such a write).
 *
 * <p>Not thread-safe: one per call.
 */
public final class ItemWrites {
    /** The userIdentity of changes DynamoDB itself makes (TTL deletions). */
    public static final String SERVICE_IDENTITY =
            "{\"type\":\"Service\",\"principalId\":\"dynamodb.amazonaws.com\"}";

    private final Clock clock;
    private final List<Write> writes = new ArrayList<>();

    public ItemWrites(Clock clock) {
        this.clock = clock;
    }

    /** Puts {@code after} in place of {@code before} (null: no item there). */
    public void put(TableSchema table, ItemKey key, Map<String, AttributeValue> before,
            Map<String, AttributeValue> after) {
        put(table, key, before, after, ItemSize.of(after), null);
    }

    /** As {@link #put}, with the item's size already known and a stream {@code userIdentity}. */
    public void put(TableSchema table, ItemKey key, Map<String, AttributeValue> before,
            Map<String, AttributeValue> after, int size, String userIdentity) {
        if (after.equals(before)) {
            return;
        }
        String json = AttributeValueJson.itemToJson(after);
        writes.add(new Write.Put(table.name(), key.pk(), key.sk(), json, size, key.hashPrefix()));
        indexes(table, key, before, after);
        stream(table, before == null ? "INSERT" : "MODIFY", before, after, json, userIdentity);
    }

    /**
     * Puts {@code after} without having read what it replaces, for a table whose writes derive
     * nothing from the previous version: no secondary index (whose entries must be moved or
     * removed) and no stream (whose record carries the old image and tells INSERT from MODIFY).
     * The write is made even when it leaves the item as it was, which costs a log entry but
     * changes nothing a reader can see. The replaced item comes back in the {@link WriteResult}
     * at the returned position of {@link WriteResult#previousItems()}.
     *
     * @throws IllegalStateException when the table has an index or an enabled stream
     */
    public int putUnread(TableSchema table, ItemKey key, Map<String, AttributeValue> after, int size) {
        if (!derivesNothing(table)) {
            throw new IllegalStateException("a put to " + table.name()
                    + " must read the item it replaces: the table has an index or a stream");
        }
        writes.add(new Write.Put(table.name(), key.pk(), key.sk(), AttributeValueJson.itemToJson(after), size,
                key.hashPrefix()));
        return writes.size() - 1;
    }

    /**
     * Whether writes to {@code table} derive nothing from an item's previous version, so that
     * {@link #putUnread} may be used.
     */
    public static boolean derivesNothing(TableSchema table) {
        return table.globalIndexes().isEmpty() && table.localIndexes().isEmpty() && table.streamViewType() == null;
    }

    /** Deletes the item {@code before} (null: nothing is there, nothing is written). */
    public void delete(TableSchema table, ItemKey key, Map<String, AttributeValue> before, String userIdentity) {
        if (before == null) {
            return;
        }
        writes.add(new Write.Delete(table.name(), key.pk(), key.sk()));
        indexes(table, key, before, null);
        stream(table, "REMOVE", before, null, null, userIdentity);
    }

    public boolean isEmpty() {
        return writes.isEmpty();
    }

    /** Applies every gathered write as one mutation; null when there was nothing to write. */
    public WriteResult apply(StorageBackend backend) {
        return writes.isEmpty() ? null : AtomicWriter.of(backend).write(List.copyOf(writes));
    }

    private void indexes(TableSchema table, ItemKey key, Map<String, AttributeValue> before,
            Map<String, AttributeValue> after) {
        for (IndexWriteOp op : IndexEntries.changes(table, key, before, after)) {
            writes.add(new Write.Index(op));
        }
    }

    private void stream(TableSchema table, String eventName, Map<String, AttributeValue> before,
            Map<String, AttributeValue> after, String afterJson, String userIdentity) {
        String viewType = table.streamViewType();
        if (viewType == null) {
            return;
        }
        Map<String, AttributeValue> keys = ItemKey.attributes(table.key(), after != null ? after : before);
        boolean newImage = after != null && (viewType.equals("NEW_IMAGE") || viewType.equals("NEW_AND_OLD_IMAGES"));
        boolean oldImage = before != null && (viewType.equals("OLD_IMAGE") || viewType.equals("NEW_AND_OLD_IMAGES"));
        writes.add(new Write.Stream(table.name(), StreamShards.shardId(table.name(), table.metadata().streamLabel()),
                eventName, AttributeValueJson.itemToJson(keys),
                newImage ? afterJson : null,
                oldImage ? AttributeValueJson.itemToJson(before) : null,
                clock.instant().getEpochSecond(), userIdentity));
    }
}
