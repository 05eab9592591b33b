package io.tidelog.projections;

import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Snapshot;

/** A {@link ViewReader} over one RocksDB snapshot. Not thread-safe; close it when done. */
public final class SnapshotReader implements ViewReader, AutoCloseable {
    private final Views views;
    private final Snapshot snapshot;
    private final ReadOptions options;

    SnapshotReader(Views views) {
        this.views = views;
        this.snapshot = views.takeSnapshot();
        this.options = new ReadOptions().setSnapshot(snapshot);
    }

    @Override
    public byte[] get(Family family, byte[] key) {
        try {
            return views.db().get(views.handle(family), options, key);
        } catch (RocksDBException e) {
            throw new ViewException("view read failed: " + e.getMessage(), e);
        }
    }

    @Override
    public RocksIterator iterator(Family family) {
        return views.newIterator(family, options);
    }

    @Override
    public void close() {
        options.close();
        views.releaseSnapshot(snapshot);
    }
}
