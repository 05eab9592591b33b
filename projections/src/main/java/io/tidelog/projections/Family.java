package io.tidelog.projections;

import java.nio.charset.StandardCharsets;

/**
 * The RocksDB column families of the views. Key layouts (documented in docs/storage-format.md)
 * are built only by the view classes through {@link KeyCodec}.
 */
public enum Family {
    /** Applied log sequence and allocator state. */
    META("default"),
    /** Catalog rows with their tags, keyed by raw table name bytes. */
    CATALOG("catalog"),
    /** Which data, GSI and LSI tables exist, and their store ids. */
    TABLES("tables"),
    /** Base rows by (store id, pk, sk). */
    BASE("base"),
    /** Parallel-scan order of base rows: (store id, hashPrefix, pk, sk). */
    BASE_BY_HASH("base_by_hash"),
    GSI("gsi"),
    GSI_BY_BASE("gsi_by_base"),
    LSI("lsi"),
    LSI_BY_BASE("lsi_by_base"),
    /** Rows with a cachedAt: (store id, cachedAt, pk, sk). */
    LRU("lru"),
    /** Rows of TTL-enabled tables by expiry: (store id, expiry, pk, sk). */
    TTL("ttl"),
    /** Stream records: (table, shard, numeric sequence, log sequence, event index) to log position. */
    STREAM("stream"),
    /** Per-table row counts and sizes, and per-table largest stream sequence. */
    COUNTERS("counters");

    private final byte[] rocksName;

    Family(String rocksName) {
        this.rocksName = rocksName.getBytes(StandardCharsets.US_ASCII);
    }

    public byte[] rocksName() {
        return rocksName;
    }
}
