package io.tidelog.backend.internal;

import io.tidelog.projections.CatalogRow;
import io.tidelog.projections.CatalogView;
import io.tidelog.projections.TableKind;
import io.tidelog.projections.TableRegistry;
import io.tidelog.projections.ViewReader;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The decided shape of the store: which catalog rows exist (with their tag keys) and which data
 * and index tables exist under which store id. Writers check every precondition against it
 * before an event enters the log, so the log holds only calls that succeed. It runs ahead of the
 * views by the writes that are decided but not applied yet; that is why it lives in memory and
 * not in the views.
 *
 * <p>Guarded by the write path's lock; a transaction works on its own copy.
 */
final class Schema {
    /** Catalog rows that exist, with the keys of their tags. */
    private final Map<String, Set<String>> catalog;
    private final Map<TableName, Long> tables;
    private long maxStoreId;

    /** A data table (index ""), GSI or LSI. */
    record TableName(TableKind kind, String table, String index) {}

    private Schema(Map<String, Set<String>> catalog, Map<TableName, Long> tables, long maxStoreId) {
        this.catalog = catalog;
        this.tables = tables;
        this.maxStoreId = maxStoreId;
    }

    static Schema load(ViewReader r) {
        Map<String, Set<String>> catalog = new HashMap<>();
        for (CatalogRow row : CatalogView.all(r)) {
            Set<String> keys = new HashSet<>();
            row.tags().forEach(t -> keys.add(t.key()));
            catalog.put(row.tableName(), keys);
        }
        Map<TableName, Long> tables = new HashMap<>();
        for (TableRegistry.Entry e : TableRegistry.all(r)) {
            tables.put(new TableName(e.kind(), e.tableName(), e.indexName()), e.storeId());
        }
        return new Schema(catalog, tables, TableRegistry.maxStoreId(r));
    }

    Schema copy() {
        Map<String, Set<String>> c = new HashMap<>();
        catalog.forEach((k, v) -> c.put(k, new HashSet<>(v)));
        return new Schema(c, new HashMap<>(tables), maxStoreId);
    }

    boolean hasCatalogRow(String table) {
        return catalog.containsKey(table);
    }

    Set<String> tagKeys(String table) {
        return catalog.get(table);
    }

    void addCatalogRow(String table) {
        catalog.put(table, new HashSet<>());
    }

    void removeCatalogRow(String table) {
        catalog.remove(table);
    }

    /** The store id, or -1. */
    long storeId(TableKind kind, String table, String index) {
        Long id = tables.get(new TableName(kind, table, index));
        return id == null ? -1 : id;
    }

    long createTable(TableKind kind, String table, String index) {
        long id = ++maxStoreId;
        tables.put(new TableName(kind, table, index), id);
        return id;
    }

    void dropTable(TableKind kind, String table, String index) {
        tables.remove(new TableName(kind, table, index));
    }
}
