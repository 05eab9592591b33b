package io.tidelog.dynamodb.capacity;

import io.tidelog.dynamodb.item.ItemKey;
import io.tidelog.dynamodb.table.SecondaryIndex;
import io.tidelog.dynamodb.table.TableSchema;
import io.tidelog.dynamodb.value.AttributeValue;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Tallies the capacity one table consumes in one call, over any number of item reads and
 * writes (a batch sums them; an index no write touched is not reported). Each write is rounded
 * on its own before it is added, as DynamoDB does.
 *
 * <p>Not thread-safe: one per table per call.
 */
public final class TableCapacity {
    private final String tableName;
    private double tableUnits;
    private final Map<String, Double> globalIndexes = new LinkedHashMap<>();
    private final Map<String, Double> localIndexes = new LinkedHashMap<>();

    public TableCapacity(String tableName) {
        this.tableName = tableName;
    }

    /**
     * One item write, from {@code before} (null: no item was there) to {@code after} (null: a
     * delete), with their sizes.
     */
    public TableCapacity write(TableSchema table, ItemKey key, Map<String, AttributeValue> before, Integer beforeSize,
            Map<String, AttributeValue> after, Integer afterSize) {
        tableUnits += CapacityUnits.tableWrite(beforeSize, afterSize);
        for (SecondaryIndex index : table.indexes()) {
            Double units = IndexCapacity.units(table, index, key, before, after);
            if (units != null) {
                (index.global() ? globalIndexes : localIndexes).merge(index.name(), units, Double::sum);
            }
        }
        return this;
    }

    /** Units the table itself consumed (a read, a write sized elsewhere). */
    public TableCapacity add(double units) {
        tableUnits += units;
        return this;
    }

    public ConsumedCapacity result() {
        return new ConsumedCapacity(tableName, tableUnits, globalIndexes, localIndexes);
    }
}
