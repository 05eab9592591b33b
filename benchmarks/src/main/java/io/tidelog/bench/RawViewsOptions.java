package io.tidelog.bench;

import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.DBOptions;
import org.rocksdb.InfoLogLevel;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;

/**
 * The RocksDB settings the views use ({@code io.tidelog.projections.Views}), for the raw
 * benchmarks: a 64 MiB block cache, a whole-key Bloom filter, 16 MiB write buffers, two
 * background jobs. A raw limit measured with other settings would not be the same work.
 */
final class RawViewsOptions implements AutoCloseable {
    private final LRUCache cache = new LRUCache(64L << 20);
    private final BloomFilter filter = new BloomFilter(10);

    private BlockBasedTableConfig tableConfig() {
        return new BlockBasedTableConfig().setBlockCache(cache).setFilterPolicy(filter);
    }

    /** Options for a database with only the default column family; close them after it. */
    Options single() {
        return new Options().setCreateIfMissing(true).setTableFormatConfig(tableConfig())
                .setWriteBufferSize(16L << 20).setMaxBackgroundJobs(2).setInfoLogLevel(InfoLogLevel.WARN_LEVEL);
    }

    /** Options for each column family of a multi-family database. */
    ColumnFamilyOptions family() {
        return new ColumnFamilyOptions().setTableFormatConfig(tableConfig()).setWriteBufferSize(16L << 20);
    }

    /** Options for a multi-family database, flushed atomically as the views are. */
    DBOptions database() {
        return new DBOptions().setCreateIfMissing(true).setCreateMissingColumnFamilies(true)
                .setAtomicFlush(true).setMaxBackgroundJobs(2).setInfoLogLevel(InfoLogLevel.WARN_LEVEL);
    }

    @Override
    public void close() {
        cache.close();
        filter.close();
    }
}
