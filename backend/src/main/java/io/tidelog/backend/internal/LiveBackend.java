package io.tidelog.backend.internal;

import io.tidelog.backend.AtomicWriter;
import io.tidelog.backend.BackendException;
import io.tidelog.backend.BaseItemRow;
import io.tidelog.backend.CreateTableMetadata;
import io.tidelog.backend.GsiItemRow;
import io.tidelog.backend.IndexWriteOp;
import io.tidelog.backend.Tag;
import io.tidelog.backend.Write;
import io.tidelog.backend.WriteResult;
import io.tidelog.backend.TidelogOptions;
import io.tidelog.log.Log;
import io.tidelog.log.SyncMode;
import io.tidelog.projections.LatestReader;
import io.tidelog.projections.SnapshotReader;
import io.tidelog.projections.TableKind;
import io.tidelog.projections.ViewReader;
import io.tidelog.projections.Views;
import io.tidelog.schemas.BaseItem;
import io.tidelog.schemas.BaseItemsPut;
import io.tidelog.schemas.CachedAtTouched;
import io.tidelog.schemas.ItemDeleted;
import io.tidelog.schemas.ItemPut;
import io.tidelog.schemas.StreamRecordInserted;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The writable backend: reads from the views ({@link ReadSide}), writes through the log
 * ({@link WritePath}, {@link Decisions}).
 *
 * <p>Every call runs {@link #guarded}, so {@code close()} never frees native resources under a
 * running call.
 */
final class LiveBackend extends ReadSide implements AtomicWriter {
    private final TidelogOptions options;
    private final Log writableLog;
    private final Views views;
    private final LiveProjection projection;
    private final WritePath writes;
    private final Runnable onClose;

    LiveBackend(Path dir, TidelogOptions options, Log log, Views views, LiveProjection projection,
            Schema schema, Runnable onClose) {
        super(dir, log);
        this.options = options;
        this.writableLog = log;
        this.views = views;
        this.projection = projection;
        this.writes = new WritePath(log, views, schema, options.lockTimeout());
        this.onClose = onClose;
    }

    @Override
    public Clock clock() {
        return options.clock();
    }

    @Override
    protected <T> T read(Function<ViewReader, T> query) {
        return guarded(() -> {
            Transaction own = writes.ownTransaction();
            if (own != null) {
                return query.apply(own.batch);
            }
            try (SnapshotReader snapshot = views.snapshot()) {
                return query.apply(snapshot);
            }
        });
    }

    /**
     * Without a snapshot, the table looked up in the projection's registry copy; if that copy
     * changed during the read, the read might have seen a table's rows across its creation or
     * drop, so it is answered again from a snapshot.
     */
    @Override
    protected <T> T readOne(Function<ViewReader, T> query) {
        return guarded(() -> {
            Transaction own = writes.ownTransaction();
            if (own != null) {
                return query.apply(own.batch);
            }
            Map<ByteBuffer, byte[]> registry = projection.registry();
            try {
                T result = query.apply(new LatestReader(views, registry));
                if (projection.registry() == registry) {
                    return result;
                }
            } catch (BackendException e) {
                if (projection.registry() == registry) {
                    throw e;
                }
            }
            try (SnapshotReader snapshot = views.snapshot()) {
                return query.apply(snapshot);
            }
        });
    }

    private Outcome mutate(Mutation m) {
        return guarded(() -> writes.mutate(m));
    }

    private void control(Runnable r) {
        guarded(() -> {
            r.run();
            return null;
        });
    }

    // 7.2 Table metadata

    @Override
    public void insertTableMetadata(CreateTableMetadata m) {
        ensureOpen();
        Decisions.validate(m);
        mutate(s -> Decisions.insertTableMetadata(s, m));
    }

    @Override
    public boolean deleteTableMetadata(String tableName) {
        ensureOpen();
        Args.str("tableName", tableName);
        return (Boolean) mutate(s -> Decisions.deleteTableMetadata(s, tableName)).value();
    }

    @Override
    public void updateTableMetadata(String tableName, String attributeDefinitions, String gsiDefinitions) {
        ensureOpen();
        Args.str("tableName", tableName);
        Args.str("attributeDefinitions", attributeDefinitions);
        Args.nullable("gsiDefinitions", gsiDefinitions);
        mutate(s -> Decisions.ifCatalogRow(s, tableName, () -> Decisions.tableMetadataUpdated(
                tableName, attributeDefinitions, gsiDefinitions)));
    }

    @Override
    public void updateProvisionedThroughput(String tableName, String provisionedThroughput) {
        ensureOpen();
        Args.str("tableName", tableName);
        Args.str("provisionedThroughput", provisionedThroughput);
        mutate(s -> Decisions.provisionedThroughput(s, tableName, provisionedThroughput));
    }

    @Override
    public void clearProvisionedThroughput(String tableName) {
        ensureOpen();
        Args.str("tableName", tableName);
        mutate(s -> Decisions.provisionedThroughput(s, tableName, null));
    }

    @Override
    public void updateBillingMode(String tableName, String billingMode) {
        ensureOpen();
        Args.str("tableName", tableName);
        Args.str("billingMode", billingMode);
        mutate(s -> Decisions.billingMode(s, tableName, billingMode));
    }

    @Override
    public void updateTableClass(String tableName, String tableClass) {
        ensureOpen();
        Args.str("tableName", tableName);
        Args.str("tableClass", tableClass);
        mutate(s -> Decisions.tableClass(s, tableName, tableClass));
    }

    @Override
    public void updateOnDemandThroughput(String tableName, String onDemandThroughput) {
        ensureOpen();
        Args.str("tableName", tableName);
        Args.str("onDemandThroughput", onDemandThroughput);
        mutate(s -> Decisions.onDemandThroughput(s, tableName, onDemandThroughput));
    }

    @Override
    public void clearOnDemandThroughput(String tableName) {
        ensureOpen();
        Args.str("tableName", tableName);
        mutate(s -> Decisions.onDemandThroughput(s, tableName, null));
    }

    @Override
    public void setTags(String tableName, List<Tag> newTags) {
        ensureOpen();
        Args.str("tableName", tableName);
        Decisions.validateTags(newTags);
        mutate(s -> Decisions.setTags(s, tableName, newTags));
    }

    @Override
    public void updateDeletionProtection(String tableName, boolean enabled) {
        ensureOpen();
        Args.str("tableName", tableName);
        mutate(s -> Decisions.deletionProtection(s, tableName, enabled));
    }

    @Override
    public void removeTags(String tableName, List<String> keys) {
        ensureOpen();
        Args.str("tableName", tableName);
        Args.list("keys", keys).forEach(k -> Args.str("keys[]", k));
        mutate(s -> Decisions.removeTags(s, tableName, keys));
    }

    // 7.3 Data and index tables

    @Override
    public void createDataTable(String tableName) {
        ensureOpen();
        Args.str("tableName", tableName);
        mutate(s -> Decisions.createTable(s, TableKind.DATA, tableName, ""));
    }

    @Override
    public void dropDataTable(String tableName) {
        ensureOpen();
        Args.str("tableName", tableName);
        mutate(s -> Decisions.dropTable(s, TableKind.DATA, tableName, ""));
    }

    @Override
    public void createGsiTable(String tableName, String indexName) {
        ensureOpen();
        tableAndIndex(tableName, indexName);
        mutate(s -> Decisions.createTable(s, TableKind.GSI, tableName, indexName));
    }

    @Override
    public void dropGsiTable(String tableName, String indexName) {
        ensureOpen();
        tableAndIndex(tableName, indexName);
        mutate(s -> Decisions.dropTable(s, TableKind.GSI, tableName, indexName));
    }

    @Override
    public void createLsiTable(String tableName, String indexName) {
        ensureOpen();
        tableAndIndex(tableName, indexName);
        mutate(s -> Decisions.createTable(s, TableKind.LSI, tableName, indexName));
    }

    @Override
    public void dropLsiTable(String tableName, String indexName) {
        ensureOpen();
        tableAndIndex(tableName, indexName);
        mutate(s -> Decisions.dropTable(s, TableKind.LSI, tableName, indexName));
    }

    // 7.4 - 7.6 Index items

    @Override
    public void insertGsiItem(String tableName, String indexName, String gsiPk, String gsiSk,
            String tablePk, String tableSk, String itemJson) {
        applyIndexWrites(List.of(new IndexWriteOp.InsertGsi(tableName, indexName, gsiPk, gsiSk,
                tablePk, tableSk, itemJson)));
    }

    @Override
    public void insertGsiItems(String tableName, String indexName, List<GsiItemRow> rows) {
        ensureOpen();
        tableAndIndex(tableName, indexName);
        Args.list("rows", rows);
        List<IndexWriteOp> ops = new ArrayList<>(rows.size());
        for (GsiItemRow r : rows) {
            ops.add(new IndexWriteOp.InsertGsi(tableName, indexName, r.gsiPk(), r.gsiSk(),
                    r.tablePk(), r.tableSk(), r.itemJson()));
        }
        Decisions.validateIndexWrites(ops);
        mutate(s -> {
            Decisions.require(s, TableKind.GSI, tableName, indexName);
            return Decisions.indexWrites(s, ops);
        });
    }

    @Override
    public void deleteGsiItem(String tableName, String indexName, String tablePk, String tableSk) {
        applyIndexWrites(List.of(new IndexWriteOp.DeleteGsi(tableName, indexName, tablePk, tableSk)));
    }

    @Override
    public void insertLsiItem(String tableName, String indexName, String pk, String sk,
            String basePk, String baseSk, String itemJson) {
        applyIndexWrites(List.of(new IndexWriteOp.InsertLsi(tableName, indexName, pk, sk, basePk,
                baseSk, itemJson)));
    }

    @Override
    public void deleteLsiItem(String tableName, String indexName, String basePk, String baseSk) {
        applyIndexWrites(List.of(new IndexWriteOp.DeleteLsi(tableName, indexName, basePk, baseSk)));
    }

    @Override
    public void applyIndexWrites(List<IndexWriteOp> ops) {
        ensureOpen();
        Args.list("ops", ops);
        Decisions.validateIndexWrites(ops);
        mutate(s -> Decisions.indexWrites(s, ops));
    }

    // 7.7 Transactions, 7.8 Bulk loading

    @Override
    public void beginTransaction() {
        control(writes::begin);
    }

    @Override
    public void commit() {
        control(writes::commit);
    }

    @Override
    public void rollback() {
        control(writes::rollback);
    }

    @Override
    public void enableBulkLoading() {
        control(() -> writableLog.syncMode(SyncMode.NONE));
    }

    @Override
    public void disableBulkLoading() {
        control(() -> {
            writableLog.syncMode(Store.syncMode(options.durability()));
            writableLog.force();
        });
    }

    // 7.9 Items

    @Override
    public Optional<String> putItem(String tableName, String pk, String sk, String itemJson, int itemSize) {
        return putItemWithHash(tableName, pk, sk, itemJson, itemSize, "");
    }

    @Override
    public Optional<String> putItemWithHash(String tableName, String pk, String sk, String itemJson,
            int itemSize, String hashPrefix) {
        ensureOpen();
        Args.str("tableName", tableName);
        Args.str("pk", pk);
        Args.str("sk", sk);
        Args.str("itemJson", itemJson);
        Args.itemSize(itemSize);
        Args.str("hashPrefix", hashPrefix);
        Outcome o = mutate(s -> Decided.of(new ItemPut(tableName, Decisions.requireData(s, tableName),
                pk, sk, itemJson, itemSize, hashPrefix)));
        return Optional.ofNullable(o.result(0));
    }

    @Override
    public void putBaseItems(String tableName, List<BaseItemRow> rows) {
        ensureOpen();
        Args.str("tableName", tableName);
        Args.list("rows", rows);
        List<BaseItem> items = new ArrayList<>(rows.size());
        for (BaseItemRow r : rows) {
            items.add(new BaseItem(Args.str("rows[].pk", r.pk()), Args.str("rows[].sk", r.sk()),
                    Args.str("rows[].itemJson", r.itemJson()), Args.itemSize(r.itemSize()),
                    r.cachedAt() == null ? null : Args.notNaN("rows[].cachedAt", r.cachedAt()),
                    Args.str("rows[].hashPrefix", r.hashPrefix())));
        }
        mutate(s -> {
            long id = Decisions.requireData(s, tableName);
            return items.isEmpty() ? Decided.nothing() : Decided.of(new BaseItemsPut(tableName, id, items));
        });
    }

    @Override
    public Optional<String> deleteItem(String tableName, String pk, String sk) {
        ensureOpen();
        Args.str("tableName", tableName);
        Args.str("pk", pk);
        Args.str("sk", sk);
        Outcome o = mutate(s -> Decided.of(new ItemDeleted(tableName, Decisions.requireData(s, tableName), pk, sk)));
        return Optional.ofNullable(o.result(0));
    }

    // Tidelog extension: atomic multi-writes

    @Override
    public WriteResult write(List<Write> writes) {
        ensureOpen();
        Args.list("writes", writes);
        for (Write w : writes) {
            validate(w);
        }
        Outcome o = guarded(() -> this.writes.mutate((s, place) -> {
            List<Object> events = new ArrayList<>(writes.size());
            List<String> numbers = new ArrayList<>();
            for (Write w : writes) {
                if (w instanceof Write.Put p) {
                    events.add(new ItemPut(p.tableName(), Decisions.requireData(s, p.tableName()), p.pk(), p.sk(),
                            p.itemJson(), p.itemSize(), p.hashPrefix()));
                } else if (w instanceof Write.Delete d) {
                    events.add(new ItemDeleted(d.tableName(), Decisions.requireData(s, d.tableName()), d.pk(),
                            d.sk()));
                } else if (w instanceof Write.Index i) {
                    events.addAll(Decisions.indexWrites(s, List.of(i.op())).events());
                } else if (w instanceof Write.Stream r) {
                    String number = StreamNumbers.of(place.sequence(), place.firstEventIndex() + events.size());
                    numbers.add(number);
                    events.add(new StreamRecordInserted(r.tableName(), r.shardId(), r.eventName(), r.keysJson(),
                            r.newImage(), r.oldImage(), number, r.createdAt(), r.userIdentity()));
                }
            }
            return new Decided(List.copyOf(events), List.copyOf(numbers));
        }));
        List<String> previous = new ArrayList<>(writes.size());
        int event = 0;
        for (Write w : writes) {
            previous.add(w instanceof Write.Put || w instanceof Write.Delete ? o.result(event) : null);
            event++;
        }
        @SuppressWarnings("unchecked")
        List<String> numbers = (List<String>) o.value();
        return new WriteResult(o.sequence(), Collections.unmodifiableList(previous), numbers);
    }

    private static void validate(Write w) {
        Args.notNull("writes[]", w);
        if (w instanceof Write.Put p) {
            Args.str("tableName", p.tableName());
            Args.str("pk", p.pk());
            Args.str("sk", p.sk());
            Args.str("itemJson", p.itemJson());
            Args.itemSize(p.itemSize());
            Args.str("hashPrefix", p.hashPrefix());
        } else if (w instanceof Write.Delete d) {
            Args.str("tableName", d.tableName());
            Args.str("pk", d.pk());
            Args.str("sk", d.sk());
        } else if (w instanceof Write.Index i) {
            Decisions.validateIndexWrites(List.of(Args.notNull("op", i.op())));
        } else if (w instanceof Write.Stream r) {
            Args.str("tableName", r.tableName());
            Args.str("shardId", r.shardId());
            Args.str("eventName", r.eventName());
            Args.str("keysJson", r.keysJson());
            Args.nullable("newImage", r.newImage());
            Args.nullable("oldImage", r.oldImage());
            Args.nullable("userIdentity", r.userIdentity());
        }
    }

    // 7.10 Introspection

    @Override
    public void vacuum() {
        control(() -> {
            writes.awaitExclusive("vacuum");
            views.compact();
        });
    }

    // 7.11 Streams, 7.12 TTL, 7.13 Cache tracking

    @Override
    public void enableStream(String tableName, String viewType, String label) {
        ensureOpen();
        Args.str("tableName", tableName);
        Args.str("viewType", viewType);
        Args.str("label", label);
        mutate(s -> Decisions.enableStream(s, tableName, viewType, label));
    }

    @Override
    public void disableStream(String tableName) {
        ensureOpen();
        Args.str("tableName", tableName);
        mutate(s -> Decisions.disableStream(s, tableName));
    }

    @Override
    public void insertStreamRecord(String tableName, String eventName, String keysJson, String newImage,
            String oldImage, String sequenceNumber, String shardId, long createdAt) {
        insertStreamRecordWithIdentity(tableName, eventName, keysJson, newImage, oldImage,
                sequenceNumber, shardId, createdAt, null);
    }

    @Override
    public void insertStreamRecordWithIdentity(String tableName, String eventName, String keysJson,
            String newImage, String oldImage, String sequenceNumber, String shardId, long createdAt,
            String userIdentity) {
        ensureOpen();
        StreamRecordInserted e = new StreamRecordInserted(Args.str("tableName", tableName),
                Args.str("shardId", shardId), Args.str("eventName", eventName),
                Args.str("keysJson", keysJson), Args.nullable("newImage", newImage),
                Args.nullable("oldImage", oldImage), Args.str("sequenceNumber", sequenceNumber),
                createdAt, Args.nullable("userIdentity", userIdentity));
        mutate(s -> Decided.of(e));
    }

    @Override
    public void updateTtlConfig(String tableName, String attributeName, boolean enabled) {
        ensureOpen();
        Args.str("tableName", tableName);
        Args.nullable("attributeName", attributeName);
        mutate(s -> Decisions.ttlConfig(s, tableName, attributeName, enabled));
    }

    @Override
    public void touchCachedAt(String tableName, String pk, String sk, double timestamp) {
        ensureOpen();
        Args.str("tableName", tableName);
        Args.str("pk", pk);
        Args.str("sk", sk);
        Args.notNaN("timestamp", timestamp);
        mutate(s -> Decided.of(new CachedAtTouched(tableName, Decisions.requireData(s, tableName), pk, sk,
                timestamp)));
    }

    // 8. Beyond the trait

    @Override
    public long lastSequence() {
        return guarded(projection::appliedSequence);
    }

    @Override
    public void close() {
        if (isClosed()) {
            return;
        }
        writes.abandonTransaction();
        closeOnce(() -> {
            try {
                writableLog.close();
            } finally {
                projection.close();
                views.close();
                onClose.run();
            }
        });
    }
}
