package io.tidelog.projections;

/**
 * Rows of TTL-enabled tables by expiry: key (store id, expiry as an ordered long, pk, sk), empty
 * value. Holds an entry for a row exactly when the table's catalog row has TTL enabled with an
 * attribute and the row has an expiry under it ({@link TtlExpiry}); the projector keeps it so
 * on every item write and every catalog change that affects TTL.
 */
public final class TtlView {
    private TtlView() {}

    public static byte[] key(long storeId, long expiry, String pk, String sk) {
        return KeyCodec.builder().id(storeId).ordered(expiry).string(pk).string(sk).build();
    }

    /** (expiry, pk, sk) of an entry. */
    public record Entry(long expiry, String pk, String sk) {}

    public static Entry decode(byte[] key) {
        KeyCodec.Reader kr = KeyCodec.reader(key, 8);
        long expiry = kr.ordered();
        return new Entry(expiry, kr.string(), kr.string());
    }

    static void put(ViewBatch b, long storeId, BaseRow row, String attribute) {
        long expiry = TtlExpiry.of(row.itemJson(), attribute);
        if (expiry >= 0) {
            b.put(Family.TTL, key(storeId, expiry, row.pk(), row.sk()), new byte[0]);
        }
    }

    static void delete(ViewBatch b, long storeId, BaseRow row, String attribute) {
        long expiry = TtlExpiry.of(row.itemJson(), attribute);
        if (expiry >= 0) {
            b.delete(Family.TTL, key(storeId, expiry, row.pk(), row.sk()));
        }
    }
}
