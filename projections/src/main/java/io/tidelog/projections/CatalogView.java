package io.tidelog.projections;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.rocksdb.RocksIterator;

/**
 * Catalog rows keyed by {@code 'c'} followed by the table name's UTF-8 bytes, so iteration order
 * is the bytewise name order.
 */
public final class CatalogView {
    private CatalogView() {}

    private static byte[] key(String tableName) {
        byte[] name = tableName.getBytes(StandardCharsets.UTF_8);
        byte[] k = new byte[name.length + 1];
        k[0] = 'c';
        System.arraycopy(name, 0, k, 1, name.length);
        return k;
    }

    public static CatalogRow get(ViewReader r, String tableName) {
        byte[] v = r.get(Family.CATALOG, key(tableName));
        return v == null ? null : CatalogRow.decode(v);
    }

    /** Every catalog row in bytewise name order. */
    public static List<CatalogRow> all(ViewReader r) {
        List<CatalogRow> rows = new ArrayList<>();
        try (RocksIterator it = r.iterator(Family.CATALOG)) {
            for (it.seek(new byte[] {'c'}); it.isValid(); it.next()) {
                rows.add(CatalogRow.decode(it.value()));
            }
        }
        return rows;
    }

    static void put(ViewBatch b, CatalogRow row) {
        b.put(Family.CATALOG, key(row.tableName()), row.encode());
    }

    static void delete(ViewBatch b, String tableName) {
        b.delete(Family.CATALOG, key(tableName));
    }
}
