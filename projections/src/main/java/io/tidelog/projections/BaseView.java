package io.tidelog.projections;

import java.util.function.Consumer;
import org.rocksdb.RocksIterator;

/**
 * Base rows. {@link Family#BASE} key: store id, pk, sk (so one iterator answers a partition
 * query or a table scan in (pk, sk) order); value: itemSize, cachedAt, hashPrefix, itemJson.
 * {@link Family#BASE_BY_HASH} key: store id, hashPrefix, pk, sk, for rows with a non-empty hash
 * prefix only (an empty prefix is in no parallel-scan segment).
 */
public final class BaseView {
    private BaseView() {}

    public static KeyCodec.Builder tablePrefix(long storeId) {
        return KeyCodec.builder().id(storeId);
    }

    public static KeyCodec.Builder partitionPrefix(long storeId, String pk) {
        return KeyCodec.builder().id(storeId).string(pk);
    }

    public static byte[] key(long storeId, String pk, String sk) {
        return KeyCodec.builder().id(storeId).string(pk).string(sk).build();
    }

    public static KeyCodec.Builder hashKey(long storeId, String hashPrefix, String pk, String sk) {
        return KeyCodec.builder().id(storeId).string(hashPrefix).string(pk).string(sk);
    }

    public static BaseRow get(ViewReader r, long storeId, String pk, String sk) {
        byte[] v = r.get(Family.BASE, key(storeId, pk, sk));
        return v == null ? null : BaseRow.decode(pk, sk, v);
    }

    /** Decodes a {@link Family#BASE} entry. */
    public static BaseRow decode(byte[] key, byte[] value) {
        KeyCodec.Reader kr = KeyCodec.reader(key, 8);
        String pk = kr.string();
        String sk = kr.string();
        return BaseRow.decode(pk, sk, value);
    }

    /** The (pk, sk) of a {@link Family#BASE_BY_HASH} key, with its hash prefix first. */
    public static String[] decodeHashKey(byte[] key) {
        KeyCodec.Reader kr = KeyCodec.reader(key, 8);
        return new String[] {kr.string(), kr.string(), kr.string()};
    }

    static void put(ViewBatch b, long storeId, BaseRow row) {
        b.put(Family.BASE, key(storeId, row.pk(), row.sk()), row.encodeValue());
        if (!row.hashPrefix().isEmpty()) {
            b.put(Family.BASE_BY_HASH, hashKey(storeId, row.hashPrefix(), row.pk(), row.sk()).build(),
                    new byte[0]);
        }
    }

    static void delete(ViewBatch b, long storeId, BaseRow row) {
        b.delete(Family.BASE, key(storeId, row.pk(), row.sk()));
        if (!row.hashPrefix().isEmpty()) {
            b.delete(Family.BASE_BY_HASH, hashKey(storeId, row.hashPrefix(), row.pk(), row.sk()).build());
        }
    }

    /** Calls {@code action} for every row of the table, in key order. */
    static void forEach(ViewReader r, long storeId, Consumer<BaseRow> action) {
        byte[] prefix = tablePrefix(storeId).build();
        try (RocksIterator it = r.iterator(Family.BASE)) {
            for (it.seek(prefix); it.isValid() && KeyCodec.startsWith(it.key(), prefix); it.next()) {
                action.accept(decode(it.key(), it.value()));
            }
        }
    }
}
