package io.tidelog.projections;

import java.util.ArrayList;
import java.util.List;
import org.rocksdb.RocksIterator;

/**
 * Which data and index tables exist, and the store id of each. Key: kind tag, table name,
 * index name ("" for data tables); value: the 8-byte store id. Store ids are chosen when the
 * creating event is decided, never reused, and prefix every key of that table's rows, so a
 * re-created table never sees an old incarnation's rows.
 */
public final class TableRegistry {
    private TableRegistry() {}

    /** One registered table. */
    public record Entry(TableKind kind, String tableName, String indexName, long storeId) {}

    private static final byte[] MAX_ID_KEY = {'n'};

    public static byte[] key(TableKind kind, String table, String index) {
        return KeyCodec.builder().tag(kind.tag).string(table).string(index).build();
    }

    /** The value stored for a store id. */
    public static byte[] value(long storeId) {
        return KeyCodec.builder().fixedLong(storeId).build();
    }

    /** The store id of the table, or -1 when it does not exist. */
    public static long storeId(ViewReader r, TableKind kind, String table, String index) {
        byte[] v = r.get(Family.TABLES, key(kind, table, index));
        return v == null ? -1 : KeyCodec.reader(v, 0).fixedLong();
    }

    public static List<Entry> all(ViewReader r) {
        List<Entry> out = new ArrayList<>();
        try (RocksIterator it = r.iterator(Family.TABLES)) {
            for (it.seekToFirst(); it.isValid(); it.next()) {
                byte[] k = it.key();
                TableKind kind = switch (k[0]) {
                    case 'D' -> TableKind.DATA;
                    case 'G' -> TableKind.GSI;
                    case 'L' -> TableKind.LSI;
                    default -> throw new ViewException("unknown table registry tag " + k[0]);
                };
                KeyCodec.Reader kr = KeyCodec.reader(k, 1);
                String table = kr.string();
                String index = kr.string();
                out.add(new Entry(kind, table, index, KeyCodec.reader(it.value(), 0).fixedLong()));
            }
        }
        return out;
    }

    /** The largest store id ever allocated, 0 when none. */
    public static long maxStoreId(ViewReader r) {
        byte[] v = r.get(Family.META, MAX_ID_KEY);
        return v == null ? 0 : KeyCodec.reader(v, 0).fixedLong();
    }

    static void put(ViewBatch b, TableKind kind, String table, String index, long storeId) {
        b.put(Family.TABLES, key(kind, table, index), KeyCodec.builder().fixedLong(storeId).build());
        if (storeId > maxStoreId(b)) {
            b.put(Family.META, MAX_ID_KEY, KeyCodec.builder().fixedLong(storeId).build());
        }
    }

    static void delete(ViewBatch b, TableKind kind, String table, String index) {
        b.delete(Family.TABLES, key(kind, table, index));
    }
}
