package io.tidelog.projections;

/**
 * Small aggregates kept so that statistics never scan a table: per data table (store id) its
 * row count and summed item sizes ({@code 'S'}, id → count, size), and per table name the
 * largest numeric stream sequence ({@code 'M'}, name → value).
 */
public final class Counters {
    private Counters() {}

    /** Row count and summed itemSize of one data table. */
    public record TableTotals(long count, long sizeBytes) {}

    private static byte[] totalsKey(long storeId) {
        return KeyCodec.builder().tag((byte) 'S').id(storeId).build();
    }

    private static byte[] maxKey(String table) {
        return KeyCodec.builder().tag((byte) 'M').string(table).build();
    }

    public static TableTotals totals(ViewReader r, long storeId) {
        byte[] v = r.get(Family.COUNTERS, totalsKey(storeId));
        if (v == null) {
            return new TableTotals(0, 0);
        }
        KeyCodec.Reader kr = KeyCodec.reader(v, 0);
        return new TableTotals(kr.fixedLong(), kr.fixedLong());
    }

    static void put(ViewBatch b, long storeId, long count, long sizeBytes) {
        b.put(Family.COUNTERS, totalsKey(storeId), KeyCodec.builder().fixedLong(count)
                .fixedLong(sizeBytes).build());
    }

    static void deleteTotals(ViewBatch b, long storeId) {
        b.delete(Family.COUNTERS, totalsKey(storeId));
    }

    /** The largest numeric stream sequence of {@code table}, or null when it has no records. */
    public static Long maxStreamSequence(ViewReader r, String table) {
        byte[] v = r.get(Family.COUNTERS, maxKey(table));
        return v == null ? null : KeyCodec.reader(v, 0).ordered();
    }

    static void putMaxStreamSequence(ViewBatch b, String table, long value) {
        b.put(Family.COUNTERS, maxKey(table), KeyCodec.builder().ordered(value).build());
    }
}
