package io.tidelog.projections;

import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatchWithIndex;

/**
 * Pending view writes laid over the committed state: reads through it see the committed state
 * with these writes applied (RocksDB's WriteBatchWithIndex). A projector batch and an open
 * transaction each own one. Not thread-safe.
 */
public final class ViewBatch implements ViewReader, AutoCloseable {
    private final Views views;
    private final WriteBatchWithIndex batch = new WriteBatchWithIndex(true);
    private final ReadOptions readOptions = new ReadOptions();

    ViewBatch(Views views) {
        this.views = views;
    }

    @Override
    public byte[] get(Family family, byte[] key) {
        try {
            return batch.getFromBatchAndDB(views.db(), views.handle(family), readOptions, key);
        } catch (RocksDBException e) {
            throw new ViewException("view read failed: " + e.getMessage(), e);
        }
    }

    @Override
    public RocksIterator iterator(Family family) {
        RocksIterator base = views.newIterator(family, readOptions);
        return batch.newIteratorWithBase(views.handle(family), base, readOptions);
    }

    public void put(Family family, byte[] key, byte[] value) {
        try {
            batch.put(views.handle(family), key, value);
        } catch (RocksDBException e) {
            throw new ViewException("view batch put failed: " + e.getMessage(), e);
        }
    }

    public void delete(Family family, byte[] key) {
        try {
            batch.delete(views.handle(family), key);
        } catch (RocksDBException e) {
            throw new ViewException("view batch delete failed: " + e.getMessage(), e);
        }
    }

    /** Marks the current state, so a failing event can be undone without losing the batch. */
    public void mark() {
        batch.setSavePoint();
    }

    /** Undoes every write since the last {@link #mark}. */
    public void rollbackToMark() {
        try {
            batch.rollbackToSavePoint();
        } catch (RocksDBException e) {
            throw new ViewException("view batch rollback failed: " + e.getMessage(), e);
        }
    }

    public int count() {
        return batch.count();
    }

    public void clear() {
        batch.clear();
    }

    WriteBatchWithIndex writeBatch() {
        return batch;
    }

    @Override
    public void close() {
        batch.close();
        readOptions.close();
    }
}
