package io.tidelog.projections;

/** A base item row as stored. {@code cachedAt} is null when the row was never touched. */
public record BaseRow(String pk, String sk, String itemJson, int itemSize, Double cachedAt,
        String hashPrefix) {

    byte[] encodeValue() {
        return ValueCodec.out().i32(itemSize).nullableF64(cachedAt).str(hashPrefix).str(itemJson)
                .bytes();
    }

    static BaseRow decode(String pk, String sk, byte[] value) {
        ValueCodec.In in = ValueCodec.in(value);
        int size = in.i32();
        Double cachedAt = in.nullableF64();
        String hash = in.str();
        return new BaseRow(pk, sk, in.str(), size, cachedAt, hash);
    }
}
