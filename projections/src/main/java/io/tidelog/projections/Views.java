package io.tidelog.projections;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.Checkpoint;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.CompactRangeOptions;
import org.rocksdb.DBOptions;
import org.rocksdb.FlushOptions;
import org.rocksdb.LRUCache;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Snapshot;
import org.rocksdb.WriteOptions;

/**
 * The RocksDB database that holds every view, one column family per {@link Family}.
 *
 * <p>The log is the only truth, so RocksDB's own WAL is off: each projector batch is written
 * with {@code disableWAL} and records the applied log sequence in the same batch, and atomic
 * flush keeps all families at the same point. After a crash the views are therefore an exact
 * prefix of the log, and opening replays the rest.
 *
 * <p>Thread-safe; writes come from one projector thread at a time.
 */
public final class Views implements AutoCloseable {
    static {
        RocksLibrary.load(); // one copy per user, not one per process (see there)
    }

    private static final byte[] APPLIED_KEY = {'a'};

    private final Path dir;
    private final RocksDB db;
    private final DBOptions dbOptions;
    private final ColumnFamilyOptions cfOptions;
    private final LRUCache cache;
    private final BloomFilter filter;
    private final Map<Family, ColumnFamilyHandle> handles = new EnumMap<>(Family.class);
    private final List<ColumnFamilyHandle> handleList = new ArrayList<>();
    private final WriteOptions writeOptions;
    private final boolean readOnly;
    private volatile boolean closed;

    private Views(Path dir, boolean readOnly) {
        this.dir = dir;
        this.readOnly = readOnly;
        this.cache = new LRUCache(64L << 20);
        // Every put reads the row it replaces, and for a new key that read finds nothing: a
        // whole-key Bloom filter answers it without searching each level's index.
        this.filter = new BloomFilter(10);
        this.cfOptions = new ColumnFamilyOptions()
                .setTableFormatConfig(new BlockBasedTableConfig().setBlockCache(cache).setFilterPolicy(filter))
                .setWriteBufferSize(16L << 20);
        this.dbOptions = new DBOptions()
                .setCreateIfMissing(true)
                .setCreateMissingColumnFamilies(true)
                .setAtomicFlush(true)
                .setMaxBackgroundJobs(2)
                .setKeepLogFileNum(2)
                .setInfoLogLevel(org.rocksdb.InfoLogLevel.WARN_LEVEL);
        List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
        for (Family f : Family.values()) {
            descriptors.add(new ColumnFamilyDescriptor(f.rocksName(), cfOptions));
        }
        try {
            if (!readOnly) {
                Files.createDirectories(dir);
            }
            db = readOnly
                    ? RocksDB.openReadOnly(dbOptions, dir.toString(), descriptors, handleList)
                    : RocksDB.open(dbOptions, dir.toString(), descriptors, handleList);
        } catch (RocksDBException | java.io.IOException e) {
            closeOptions();
            throw new ViewException("cannot open views at " + dir + ": " + e.getMessage(), e);
        }
        Family[] families = Family.values();
        for (int i = 0; i < families.length; i++) {
            handles.put(families[i], handleList.get(i));
        }
        writeOptions = new WriteOptions().setDisableWAL(true);
    }

    /** Opens (creating if missing) the views in {@code dir}. */
    public static Views open(Path dir) {
        return new Views(dir, false);
    }

    /** Opens views for reading only (a checkpoint copy, for example). */
    public static Views openReadOnly(Path dir) {
        return new Views(dir, true);
    }

    public Path dir() {
        return dir;
    }

    ColumnFamilyHandle handle(Family f) {
        return handles.get(f);
    }

    RocksDB db() {
        return db;
    }

    /** The last log sequence whose effects the views hold; 0 for new views. */
    public long appliedSequence() {
        byte[] v = get(Family.META, APPLIED_KEY);
        return v == null ? 0 : KeyCodec.reader(v, 0).fixedLong();
    }

    /** Reads the latest committed state; each call sees whatever is committed when it runs. */
    public byte[] get(Family family, byte[] key) {
        try {
            return db.get(handles.get(family), key);
        } catch (RocksDBException e) {
            throw new ViewException("view read failed: " + e.getMessage(), e);
        }
    }

    /** A reader that sees one committed state for its whole life. Close it. */
    public SnapshotReader snapshot() {
        return new SnapshotReader(this);
    }

    /** A new batch laid over the committed state; apply events into it and {@link #write} it. */
    public ViewBatch newBatch() {
        return new ViewBatch(this);
    }

    /** Makes {@code batch} visible atomically, recording {@code appliedSequence} with it. */
    public void write(ViewBatch batch, long appliedSequence) {
        batch.put(Family.META, APPLIED_KEY, KeyCodec.builder().fixedLong(appliedSequence).build());
        try {
            db.write(writeOptions, batch.writeBatch());
        } catch (RocksDBException e) {
            throw new ViewException("view write failed: " + e.getMessage(), e);
        }
    }

    /** Flushes every family's memtable at once, so the files hold what was written. */
    public void flush() {
        if (readOnly) {
            return;
        }
        try (FlushOptions fo = new FlushOptions().setWaitForFlush(true)) {
            db.flush(fo, handleList);
        } catch (RocksDBException e) {
            throw new ViewException("view flush failed: " + e.getMessage(), e);
        }
    }

    /** Compacts every family, dropping deleted entries from disk. */
    public void compact() {
        try (CompactRangeOptions o = new CompactRangeOptions()) {
            for (ColumnFamilyHandle h : handleList) {
                db.compactRange(h, null, null, o);
            }
        } catch (RocksDBException e) {
            throw new ViewException("view compaction failed: " + e.getMessage(), e);
        }
    }

    /** Writes a consistent copy of the views (hard links where possible) to {@code target}. */
    public void checkpoint(Path target) {
        try (Checkpoint cp = Checkpoint.create(db)) {
            cp.createCheckpoint(target.toString());
        } catch (RocksDBException e) {
            throw new ViewException("checkpoint to " + target + " failed: " + e.getMessage(), e);
        }
    }

    RocksIterator newIterator(Family family, ReadOptions options) {
        return db.newIterator(handles.get(family), options);
    }

    Snapshot takeSnapshot() {
        return db.getSnapshot();
    }

    void releaseSnapshot(Snapshot s) {
        db.releaseSnapshot(s);
    }

    /** Deletes every key that starts with {@code prefix} in {@code family}, through the batch. */
    static void deletePrefix(ViewBatch b, Family family, byte[] prefix) {
        List<byte[]> keys = new ArrayList<>();
        // Collect first: a batch iterator must not see the batch change under it.
        try (RocksIterator it = b.iterator(family)) {
            for (it.seek(prefix); it.isValid() && KeyCodec.startsWith(it.key(), prefix); it.next()) {
                keys.add(it.key());
            }
        }
        for (byte[] k : keys) {
            b.delete(family, k);
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (!readOnly) {
                flush();
            }
        } finally {
            for (ColumnFamilyHandle h : handleList) {
                h.close();
            }
            db.close();
            writeOptions.close();
            closeOptions();
        }
    }

    private void closeOptions() {
        dbOptions.close();
        cfOptions.close();
        cache.close();
        filter.close();
    }
}
