package io.tidelog.dynamodb.operation.table;

import io.tidelog.backend.GsiItemRow;
import io.tidelog.backend.IndexWriteOp;
import io.tidelog.backend.ItemRow;
import io.tidelog.backend.ScanParams;
import io.tidelog.backend.StorageBackend;
import io.tidelog.dynamodb.item.IndexEntries;
import io.tidelog.dynamodb.item.ItemKey;
import io.tidelog.dynamodb.table.SecondaryIndex;
import io.tidelog.dynamodb.table.TableSchema;
import io.tidelog.dynamodb.value.AttributeValueJson;
import java.util.ArrayList;
import java.util.List;

/**
 * Fills a new GSI with the entries of a table's existing items. The caller holds the table's
 * write lock, so no item changes meanwhile, and lists the index in the catalog only after the
 * fill: a crash part-way leaves an index table no catalog row names, which the next creation of
 * that index drops first.
 *
 * <p>Items are read and their entries written a page at a time, one backend write per page, so a
 * large table never has to fit in memory.
 */
final class IndexBackfill {
    static final int PAGE = 1000;

    private IndexBackfill() {}

    /**
     * Creates {@code index}'s table and inserts an entry for every item of {@code table} that
     * belongs in it; {@code table} is the schema that already includes the index.
     *
     * @return how many entries were written
     */
    static long fill(StorageBackend backend, TableSchema table, SecondaryIndex index) {
        backend.dropGsiTable(table.name(), index.name());
        backend.createGsiTable(table.name(), index.name());
        long written = 0;
        ScanParams page = ScanParams.builder().limit(PAGE).build();
        while (true) {
            List<ItemRow> rows = backend.scanItems(table.name(), page);
            List<GsiItemRow> entries = new ArrayList<>(rows.size());
            for (ItemRow row : rows) {
                IndexWriteOp op = IndexEntries.insertion(table, index, new ItemKey(row.pk(), row.sk(), ""),
                        AttributeValueJson.readItem(row.itemJson()));
                if (op instanceof IndexWriteOp.InsertGsi g) {
                    entries.add(new GsiItemRow(g.gsiPk(), g.gsiSk(), g.tablePk(), g.tableSk(), g.itemJson()));
                }
            }
            if (!entries.isEmpty()) {
                backend.insertGsiItems(table.name(), index.name(), entries);
                written += entries.size();
            }
            if (rows.size() < PAGE) {
                return written;
            }
            ItemRow last = rows.get(rows.size() - 1);
            page = ScanParams.builder().limit(PAGE).exclusiveStartPk(last.pk()).exclusiveStartSk(last.sk()).build();
        }
    }
}
