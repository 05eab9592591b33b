package io.tidelog.dynamodb.operation.table;

import io.tidelog.backend.BackendException;
import io.tidelog.backend.ItemRow;
import io.tidelog.backend.ScanParams;
import io.tidelog.backend.StorageBackend;
import io.tidelog.backend.TableStats;
import io.tidelog.dynamodb.item.ItemKey;
import io.tidelog.dynamodb.table.SecondaryIndex;
import io.tidelog.dynamodb.table.TableSchema;
import io.tidelog.dynamodb.value.AttributeValue;
import io.tidelog.dynamodb.value.AttributeValueJson;
import io.tidelog.dynamodb.value.ItemSize;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How many items a table and each of its indexes hold and their size in bytes, as DynamoDB
 * accounts item sizes. DynamoDB refreshes these figures every few hours; here they are live.
 *
 * <p>The table's figures come from the backend's counters. An index has no counter: its entries
 * are read page by page and sized, so describing a table costs a pass over its indexes.
 */
public record TableCounts(long itemCount, long sizeBytes, Map<String, Index> indexes) {
    public static final TableCounts NONE = new TableCounts(0, 0, Map.of());
    static final int PAGE = 1000;

    /** An index's figures. */
    public record Index(long itemCount, long sizeBytes) {
        static final Index NONE = new Index(0, 0);
    }

    Index index(String name) {
        return indexes.getOrDefault(name, Index.NONE);
    }

    public static TableCounts live(StorageBackend backend, TableSchema table) {
        long count = 0;
        long size = 0;
        boolean found = false;
        try {
            for (TableStats s : backend.tableStats()) {
                if (s.tableName().equals(table.name())) {
                    count = s.itemCount();
                    size = s.sizeBytes();
                    found = true;
                    break;
                }
            }
        } catch (BackendException e) {
            // Another table's catalog row without a data table fails tableStats as a whole; this
            // table's own count still answers.
            found = false;
        }
        if (!found) {
            count = backend.countItems(table.name());
        }
        Map<String, Index> indexes = new HashMap<>();
        for (SecondaryIndex i : table.indexes()) {
            indexes.put(i.name(), index(backend, table, i));
        }
        return new TableCounts(count, size, Map.copyOf(indexes));
    }

    private static Index index(StorageBackend backend, TableSchema table, SecondaryIndex index) {
        long count = 0;
        long size = 0;
        ScanParams.Builder params = ScanParams.builder().limit(PAGE);
        while (true) {
            ScanParams p = params.build();
            List<ItemRow> rows = index.global()
                    ? backend.scanGsiItems(table.name(), index.name(), p)
                    : backend.scanLsiItems(table.name(), index.name(), p);
            Map<String, AttributeValue> item = null;
            for (ItemRow row : rows) {
                item = AttributeValueJson.readItem(row.itemJson());
                count++;
                size += ItemSize.of(item);
            }
            if (rows.size() < PAGE) {
                return new Index(count, size);
            }
            // The entry's table key continues the scan after exactly this entry, even among
            // entries that share its index key.
            ItemRow last = rows.get(rows.size() - 1);
            ItemKey base = ItemKey.of(table.key(), item);
            params = ScanParams.builder().limit(PAGE).exclusiveStartPk(last.pk()).exclusiveStartSk(last.sk())
                    .exclusiveStartBasePk(base.pk()).exclusiveStartBaseSk(base.sk());
        }
    }
}
