package io.tidelog.projections;

/**
 * Rows with a cachedAt, oldest first: key (store id, cachedAt as an ordered double, pk, sk),
 * value the row's itemSize. Ties on cachedAt fall to (pk, sk) order by construction.
 */
public final class LruView {
    private LruView() {}

    public static byte[] key(long storeId, double cachedAt, String pk, String sk) {
        return KeyCodec.builder().id(storeId).ordered(cachedAt).string(pk).string(sk).build();
    }

    /** One LRU entry. */
    public record Entry(String pk, String sk, long itemSize) {}

    public static Entry decode(byte[] key, byte[] value) {
        KeyCodec.Reader kr = KeyCodec.reader(key, 16);
        return new Entry(kr.string(), kr.string(), KeyCodec.reader(value, 0).fixedLong());
    }

    static void put(ViewBatch b, long storeId, BaseRow row) {
        if (row.cachedAt() != null) {
            b.put(Family.LRU, key(storeId, row.cachedAt(), row.pk(), row.sk()),
                    KeyCodec.builder().fixedLong(row.itemSize()).build());
        }
    }

    static void delete(ViewBatch b, long storeId, BaseRow row) {
        if (row.cachedAt() != null) {
            b.delete(Family.LRU, key(storeId, row.cachedAt(), row.pk(), row.sk()));
        }
    }
}
