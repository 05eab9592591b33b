package io.tidelog.dynamodb.item;

import io.tidelog.backend.StorageBackend;
import io.tidelog.dynamodb.error.ItemErrors;
import io.tidelog.dynamodb.table.SecondaryIndex;
import io.tidelog.dynamodb.table.TableSchema;
import io.tidelog.dynamodb.value.AttributeValue;
import io.tidelog.dynamodb.value.AttributeValueJson;
import io.tidelog.dynamodb.value.ItemSize;
import java.util.Map;

/**
 * Item collections: on a table with local secondary indexes, the items of one partition key
 * together with their LSI entries. DynamoDB reports a collection's size after a write
 * ({@code ReturnItemCollectionMetrics: SIZE}) and refuses a write that would take it past 10 GB
 * ({@code ItemCollectionSizeLimitExceededException}). Tables without LSIs have no collections:
 * no metrics, no limit.
 *
 * <p>A collection's size is the backend's partition size (the items' DynamoDB sizes) plus, per
 * LSI, its entries' size ({@link StorageBackend#getLsiPartitionSize}). Both are sums over the
 * partition, so the limit costs a read of the partition for each write that grows a collection.
 * Writes to different items of one partition do not lock each other, so two that together cross
 * the limit may both pass: like DynamoDB's estimate, the limit is not exact to the byte.
 */
public final class ItemCollections {
    private static final double GB = 1024.0 * 1024 * 1024;

    private ItemCollections() {}

    /** Whether writes to {@code table} have item collections. */
    public static boolean apply(TableSchema table) {
        return !table.localIndexes().isEmpty();
    }

    /** The bytes of the item collection of partition {@code pk} (a key string) now. */
    public static long size(StorageBackend backend, TableSchema table, String pk) {
        long bytes = backend.getPartitionSize(table.name(), pk);
        for (SecondaryIndex lsi : table.localIndexes()) {
            bytes += backend.getLsiPartitionSize(table.name(), lsi.name(), pk);
        }
        return bytes;
    }

    /** The metrics of the collection {@code key} belongs to, as it is now. */
    public static ItemCollectionMetrics metrics(StorageBackend backend, TableSchema table, ItemKey key,
            Map<String, AttributeValue> itemOrKey) {
        String partition = table.key().partition().name();
        return new ItemCollectionMetrics(Map.of(partition, itemOrKey.get(partition)),
                size(backend, table, key.pk()) / GB);
    }

    /**
     * Refuses a change of the item at {@code key} from {@code before} to {@code after} (either
     * null) that would take its collection past {@code limit} bytes. A change that does not
     * grow the collection is always allowed.
     */
    public static void checkLimit(StorageBackend backend, TableSchema table, ItemKey key,
            Map<String, AttributeValue> before, Map<String, AttributeValue> after, long limit) {
        if (!apply(table)) {
            return;
        }
        long growth = footprint(table, key, after) - footprint(table, key, before);
        if (growth > 0 && size(backend, table, key.pk()) + growth > limit) {
            throw ItemErrors.collectionSizeExceeded();
        }
    }

    /** What an item adds to its collection: its size and its LSI entries' (in characters). */
    private static long footprint(TableSchema table, ItemKey key, Map<String, AttributeValue> item) {
        if (item == null) {
            return 0;
        }
        long bytes = ItemSize.of(item);
        for (SecondaryIndex lsi : table.localIndexes()) {
            IndexEntries.Entry e = IndexEntries.entry(table, lsi, key, item);
            if (e != null) {
                String json = AttributeValueJson.itemToJson(e.projected());
                bytes += json.codePointCount(0, json.length());
            }
        }
        return bytes;
    }
}
