package io.tidelog.backend.internal;

import io.tidelog.backend.BackendException;
import io.tidelog.backend.DatabaseInfo;
import io.tidelog.backend.ItemRow;
import io.tidelog.backend.LruItem;
import io.tidelog.backend.QueryParams;
import io.tidelog.backend.ScanParams;
import io.tidelog.backend.SequenceRange;
import io.tidelog.backend.StorageBackend;
import io.tidelog.backend.StreamRecord;
import io.tidelog.backend.TableInfoEntry;
import io.tidelog.backend.TableMetadata;
import io.tidelog.backend.TableStats;
import io.tidelog.backend.Tag;
import io.tidelog.log.LogException;
import io.tidelog.log.ReadableLog;
import io.tidelog.projections.BaseRow;
import io.tidelog.projections.BaseView;
import io.tidelog.projections.CatalogRow;
import io.tidelog.projections.CatalogView;
import io.tidelog.projections.Counters;
import io.tidelog.projections.Family;
import io.tidelog.projections.IndexView;
import io.tidelog.projections.KeyCodec;
import io.tidelog.projections.LruView;
import io.tidelog.projections.TableKind;
import io.tidelog.projections.TableRegistry;
import io.tidelog.projections.TtlView;
import io.tidelog.projections.ValueCodec;
import io.tidelog.projections.ViewException;
import io.tidelog.projections.ViewReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.function.Supplier;
import org.rocksdb.RocksIterator;

/**
 * Every read method of the interface, answered from the views (and, for stream records, the
 * log). Subclasses decide which state a call sees ({@link #read}) and add the writes.
 */
abstract class ReadSide implements StorageBackend {
    protected final Path dir;
    protected final ReadableLog log;
    private final StreamReads streams;
    private final ReentrantReadWriteLock guard = new ReentrantReadWriteLock();
    private volatile boolean closed;

    ReadSide(Path dir, ReadableLog log) {
        this.dir = dir;
        this.log = log;
        this.streams = new StreamReads(dir, log);
    }

    /**
     * Runs {@code query} against one consistent state: committed state, or on the thread that
     * owns the open transaction, committed state with that transaction's writes. Raises the
     * closed error after {@code close()}.
     */
    protected abstract <T> T read(Function<ViewReader, T> query);

    /**
     * As {@link #read}, for a query that makes at most one RocksDB access besides looking up its
     * table (one get, or one iterator); implementations may answer it without a snapshot.
     */
    protected <T> T readOne(Function<ViewReader, T> query) {
        return read(query);
    }

    /** Raises the closed error; checked before any argument (§8.3, error precedence). */
    protected final void ensureOpen() {
        if (closed) {
            throw Errors.closed();
        }
    }

    protected final boolean isClosed() {
        return closed;
    }

    /**
     * Runs {@code call} under the read side of {@link #guard}, so that {@link #closeOnce} never
     * frees native resources under a running call; view and log failures become {@code IO}.
     */
    protected final <T> T guarded(Supplier<T> call) {
        guard.readLock().lock();
        try {
            ensureOpen();
            return call.get();
        } catch (ViewException | LogException e) {
            throw Errors.storage(e);
        } finally {
            guard.readLock().unlock();
        }
    }

    /**
     * Runs {@code work} with no other call running, unless the backend is closed; returns
     * whether it ran.
     */
    protected final boolean exclusively(Runnable work) {
        guard.writeLock().lock();
        try {
            if (closed) {
                return false;
            }
            work.run();
            return true;
        } finally {
            guard.writeLock().unlock();
        }
    }

    /** Marks the backend closed and runs {@code release} once, after every running call ended. */
    protected final void closeOnce(Runnable release) {
        guard.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            release.run();
        } finally {
            guard.writeLock().unlock();
        }
    }

    // 7.2 Table metadata

    @Override
    public Optional<TableMetadata> getTableMetadata(String tableName) {
        ensureOpen();
        Args.str("tableName", tableName);
        return readOne(r -> Optional.ofNullable(CatalogView.get(r, tableName)).map(Conversions::metadata));
    }

    @Override
    public List<Tag> getTags(String tableName) {
        ensureOpen();
        Args.str("tableName", tableName);
        return readOne(r -> Conversions.tags(catalogRow(r, tableName)));
    }

    @Override
    public List<String> listTableNames() {
        ensureOpen();
        return readOne(r -> CatalogView.all(r).stream().map(CatalogRow::tableName).toList());
    }

    @Override
    public boolean tableExists(String tableName) {
        ensureOpen();
        Args.str("tableName", tableName);
        return readOne(r -> CatalogView.get(r, tableName) != null);
    }

    // 7.4, 7.5 Index items

    @Override
    public List<ItemRow> queryGsiItems(String tableName, String indexName, String gsiPk,
            QueryParams params) {
        ensureOpen();
        tableAndIndex(tableName, indexName);
        Args.str("gsiPk", gsiPk);
        Queries.validate(params);
        return readOne(r -> Queries.queryIndex(r, IndexView.GSI, storeId(r, TableKind.GSI, tableName, indexName), gsiPk, params));
    }

    @Override
    public List<ItemRow> scanGsiItems(String tableName, String indexName, ScanParams params) {
        ensureOpen();
        tableAndIndex(tableName, indexName);
        Queries.validate(params);
        return readOne(r -> Queries.scanIndex(r, IndexView.GSI, storeId(r, TableKind.GSI, tableName, indexName), params));
    }

    @Override
    public List<ItemRow> queryLsiItems(String tableName, String indexName, String pk,
            QueryParams params) {
        ensureOpen();
        tableAndIndex(tableName, indexName);
        Args.str("pk", pk);
        Queries.validate(params);
        return readOne(r -> Queries.queryIndex(r, IndexView.LSI, storeId(r, TableKind.LSI, tableName, indexName), pk, params));
    }

    @Override
    public List<ItemRow> scanLsiItems(String tableName, String indexName, ScanParams params) {
        ensureOpen();
        tableAndIndex(tableName, indexName);
        Queries.validate(params);
        return readOne(r -> Queries.scanIndex(r, IndexView.LSI, storeId(r, TableKind.LSI, tableName, indexName), params));
    }

    // 7.9 Items

    @Override
    public Optional<String> getItem(String tableName, String pk, String sk) {
        ensureOpen();
        Args.str("tableName", tableName);
        Args.str("pk", pk);
        Args.str("sk", sk);
        return readOne(r -> {
            BaseRow row = BaseView.get(r, data(r, tableName), pk, sk);
            return Optional.ofNullable(row == null ? null : row.itemJson());
        });
    }

    @Override
    public long getPartitionSize(String tableName, String pk) {
        ensureOpen();
        Args.str("tableName", tableName);
        Args.str("pk", pk);
        return readOne(r -> {
            byte[] prefix = BaseView.partitionPrefix(data(r, tableName), pk).build();
            long sum = 0;
            try (RocksIterator it = r.iterator(Family.BASE)) {
                for (it.seek(prefix); it.isValid() && KeyCodec.startsWith(it.key(), prefix); it.next()) {
                    sum += ValueCodec.in(it.value()).i32();
                }
            }
            return sum;
        });
    }

    @Override
    public long getLsiPartitionSize(String tableName, String indexName, String pk) {
        ensureOpen();
        tableAndIndex(tableName, indexName);
        Args.str("pk", pk);
        return readOne(r -> {
            byte[] prefix = KeyCodec.builder().id(storeId(r, TableKind.LSI, tableName, indexName)).string(pk).build();
            long sum = 0;
            try (RocksIterator it = r.iterator(Family.LSI)) {
                for (it.seek(prefix); it.isValid() && KeyCodec.startsWith(it.key(), prefix); it.next()) {
                    String json = IndexView.decode(it.key(), it.value()).itemJson();
                    sum += json.codePointCount(0, json.length());
                }
            }
            return sum;
        });
    }

    @Override
    public List<ItemRow> queryItems(String tableName, String pk, QueryParams params) {
        ensureOpen();
        Args.str("tableName", tableName);
        Args.str("pk", pk);
        Queries.validate(params);
        return readOne(r -> Queries.queryBase(r, data(r, tableName), pk, params));
    }

    @Override
    public List<ItemRow> scanItems(String tableName, ScanParams params) {
        ensureOpen();
        Args.str("tableName", tableName);
        Queries.validate(params);
        Function<ViewReader, List<ItemRow>> scan = r -> Queries.scanBase(r, data(r, tableName), params);
        return params.segment() == null ? readOne(scan) : read(scan);
    }

    @Override
    public long countItems(String tableName) {
        ensureOpen();
        Args.str("tableName", tableName);
        return readOne(r -> Counters.totals(r, data(r, tableName)).count());
    }

    // 7.10 Introspection

    @Override
    public long dbSizeBytes() {
        ensureOpen();
        return read(r -> directorySize());
    }

    @Override
    public long tableCount() {
        ensureOpen();
        return readOne(r -> (long) CatalogView.all(r).size());
    }

    @Override
    public List<TableStats> tableStats() {
        ensureOpen();
        return read(r -> stats(r, CatalogView.all(r)));
    }

    @Override
    public DatabaseInfo databaseInfo() {
        ensureOpen();
        return read(r -> {
            List<CatalogRow> rows = CatalogView.all(r);
            List<TableStats> stats = stats(r, rows);
            List<TableInfoEntry> entries = new ArrayList<>(rows.size());
            for (int i = 0; i < rows.size(); i++) {
                entries.add(new TableInfoEntry(stats.get(i), Conversions.metadata(rows.get(i))));
            }
            return new DatabaseInfo(dir.toAbsolutePath().normalize().toString(), directorySize(),
                    rows.size(), List.copyOf(entries));
        });
    }

    private static List<TableStats> stats(ViewReader r, List<CatalogRow> rows) {
        List<TableStats> out = new ArrayList<>(rows.size());
        for (CatalogRow row : rows) {
            Counters.TableTotals t = Counters.totals(r, data(r, row.tableName()));
            out.add(new TableStats(row.tableName(), t.count(), t.sizeBytes()));
        }
        return List.copyOf(out);
    }

    // 7.11 Streams, 7.12 TTL

    @Override
    public long nextStreamSequenceNumber(String tableName) {
        ensureOpen();
        Args.str("tableName", tableName);
        return readOne(r -> StreamReads.next(r, tableName));
    }

    @Override
    public List<StreamRecord> getStreamRecords(String tableName, String shardId, long afterSequence,
            int limit) {
        ensureOpen();
        Args.str("tableName", tableName);
        Args.str("shardId", shardId);
        Args.limit(limit);
        return readOne(r -> streams.records(r, tableName, shardId, afterSequence, limit));
    }

    @Override
    public List<TableMetadata> listStreamEnabledTables() {
        ensureOpen();
        return readOne(r -> CatalogView.all(r).stream().filter(CatalogRow::streamEnabled)
                .map(Conversions::metadata).toList());
    }

    @Override
    public List<TableMetadata> listTtlEnabledTables() {
        ensureOpen();
        return readOne(r -> CatalogView.all(r).stream().filter(CatalogRow::ttlEnabled)
                .map(Conversions::metadata).toList());
    }

    @Override
    public SequenceRange getShardSequenceRange(String tableName, String shardId) {
        ensureOpen();
        Args.str("tableName", tableName);
        Args.str("shardId", shardId);
        return readOne(r -> streams.range(r, tableName, shardId));
    }

    // 7.13 Cache tracking

    @Override
    public List<LruItem> getLruItems(String tableName, int limit) {
        ensureOpen();
        Args.str("tableName", tableName);
        Args.limit(limit);
        return readOne(r -> {
            byte[] prefix = KeyCodec.builder().id(data(r, tableName)).build();
            List<LruItem> out = new ArrayList<>();
            if (limit == 0) {
                return out;
            }
            try (RocksIterator it = r.iterator(Family.LRU)) {
                for (it.seek(prefix); it.isValid() && KeyCodec.startsWith(it.key(), prefix); it.next()) {
                    LruView.Entry e = LruView.decode(it.key(), it.value());
                    out.add(new LruItem(e.pk(), e.sk(), e.itemSize()));
                    if (out.size() >= limit) {
                        break;
                    }
                }
            }
            return out;
        });
    }

    // 8. Beyond the trait

    @Override
    public List<ItemRow> expiredItems(String tableName, long nowUnixSecs, int limit) {
        ensureOpen();
        Args.str("tableName", tableName);
        Args.limit(limit);
        return read(r -> {
            List<ItemRow> out = new ArrayList<>();
            CatalogRow row = CatalogView.get(r, tableName);
            long storeId = TableRegistry.storeId(r, TableKind.DATA, tableName, "");
            if (limit == 0 || row == null || row.activeTtlAttribute() == null || storeId < 0) {
                return out;
            }
            byte[] prefix = KeyCodec.builder().id(storeId).build();
            try (RocksIterator it = r.iterator(Family.TTL)) {
                for (it.seek(prefix); it.isValid() && KeyCodec.startsWith(it.key(), prefix); it.next()) {
                    TtlView.Entry e = TtlView.decode(it.key());
                    if (e.expiry() >= nowUnixSecs) {
                        break;
                    }
                    BaseRow base = BaseView.get(r, storeId, e.pk(), e.sk());
                    out.add(new ItemRow(e.pk(), e.sk(), base.itemJson()));
                    if (out.size() >= limit) {
                        break;
                    }
                }
            }
            return out;
        });
    }

    // helpers

    static CatalogRow catalogRow(ViewReader r, String tableName) {
        CatalogRow row = CatalogView.get(r, tableName);
        if (row == null) {
            throw Errors.noCatalogRow(tableName);
        }
        return row;
    }

    static long data(ViewReader r, String table) {
        return storeId(r, TableKind.DATA, table, "");
    }

    /** The store id of an existing table, else the missing-table error. */
    static long storeId(ViewReader r, TableKind kind, String table, String index) {
        long id = TableRegistry.storeId(r, kind, table, index);
        if (id < 0) {
            throw Errors.noTable(kind, table, index);
        }
        return id;
    }

    static void tableAndIndex(String tableName, String indexName) {
        Args.str("tableName", tableName);
        Args.str("indexName", indexName);
    }

    /** §7.10: every regular file under the store directory, measured now. */
    long directorySize() {
        long[] total = {0};
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile()) {
                        total[0] += attrs.size();
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                    if (e instanceof NoSuchFileException) {
                        return FileVisitResult.CONTINUE; // removed by a compaction meanwhile
                    }
                    throw e;
                }
            });
        } catch (IOException | UncheckedIOException e) {
            throw new BackendException(BackendException.Kind.IO,
                    "cannot measure store directory " + dir + ": " + e.getMessage(), e);
        }
        return total[0];
    }
}
