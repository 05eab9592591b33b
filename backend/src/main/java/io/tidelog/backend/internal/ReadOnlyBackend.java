package io.tidelog.backend.internal;

import io.tidelog.backend.BaseItemRow;
import io.tidelog.backend.CreateTableMetadata;
import io.tidelog.backend.GsiItemRow;
import io.tidelog.backend.IndexWriteOp;
import io.tidelog.backend.Tag;
import io.tidelog.log.ReadableLog;
import io.tidelog.projections.SnapshotReader;
import io.tidelog.projections.ViewReader;
import io.tidelog.projections.Views;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A read-only backend over private views that show the store at one past sequence (§8.3). Every
 * mutating and control method raises UNSUPPORTED before looking at its arguments.
 */
final class ReadOnlyBackend extends ReadSide {
    private final Views views;
    private final long sequence;
    private final Runnable onClose;

    ReadOnlyBackend(Path dir, ReadableLog log, Views views, long sequence, Runnable onClose) {
        super(dir, log);
        this.views = views;
        this.sequence = sequence;
        this.onClose = onClose;
    }

    @Override
    public Clock clock() {
        return Clock.systemUTC();
    }

    @Override
    protected <T> T read(Function<ViewReader, T> query) {
        return guarded(() -> {
            try (SnapshotReader r = views.snapshot()) {
                return query.apply(r);
            }
        });
    }

    private RuntimeException unsupported(String method) {
        ensureOpen();
        return Errors.readOnly(method);
    }

    @Override
    public long lastSequence() {
        ensureOpen();
        return sequence;
    }

    @Override
    public void close() {
        closeOnce(() -> {
            try {
                views.close();
                log.close();
            } finally {
                onClose.run();
            }
        });
    }

    @Override public void insertTableMetadata(CreateTableMetadata m) { throw unsupported("insertTableMetadata"); }
    @Override public boolean deleteTableMetadata(String t) { throw unsupported("deleteTableMetadata"); }
    @Override public void updateTableMetadata(String t, String a, String g) { throw unsupported("updateTableMetadata"); }
    @Override public void updateProvisionedThroughput(String t, String v) { throw unsupported("updateProvisionedThroughput"); }
    @Override public void clearProvisionedThroughput(String t) { throw unsupported("clearProvisionedThroughput"); }
    @Override public void updateBillingMode(String t, String v) { throw unsupported("updateBillingMode"); }
    @Override public void updateTableClass(String t, String v) { throw unsupported("updateTableClass"); }
    @Override public void updateOnDemandThroughput(String t, String v) { throw unsupported("updateOnDemandThroughput"); }
    @Override public void clearOnDemandThroughput(String t) { throw unsupported("clearOnDemandThroughput"); }
    @Override public void setTags(String t, List<Tag> tags) { throw unsupported("setTags"); }
    @Override public void updateDeletionProtection(String t, boolean e) { throw unsupported("updateDeletionProtection"); }
    @Override public void removeTags(String t, List<String> k) { throw unsupported("removeTags"); }
    @Override public void createDataTable(String t) { throw unsupported("createDataTable"); }
    @Override public void dropDataTable(String t) { throw unsupported("dropDataTable"); }
    @Override public void createGsiTable(String t, String i) { throw unsupported("createGsiTable"); }
    @Override public void dropGsiTable(String t, String i) { throw unsupported("dropGsiTable"); }
    @Override public void createLsiTable(String t, String i) { throw unsupported("createLsiTable"); }
    @Override public void dropLsiTable(String t, String i) { throw unsupported("dropLsiTable"); }
    @Override public void insertGsiItem(String t, String i, String a, String b, String c, String d, String j) { throw unsupported("insertGsiItem"); }
    @Override public void insertGsiItems(String t, String i, List<GsiItemRow> rows) { throw unsupported("insertGsiItems"); }
    @Override public void deleteGsiItem(String t, String i, String a, String b) { throw unsupported("deleteGsiItem"); }
    @Override public void insertLsiItem(String t, String i, String a, String b, String c, String d, String j) { throw unsupported("insertLsiItem"); }
    @Override public void deleteLsiItem(String t, String i, String a, String b) { throw unsupported("deleteLsiItem"); }
    @Override public void applyIndexWrites(List<IndexWriteOp> ops) { throw unsupported("applyIndexWrites"); }
    @Override public void beginTransaction() { throw unsupported("beginTransaction"); }
    @Override public void commit() { throw unsupported("commit"); }
    @Override public void rollback() { throw unsupported("rollback"); }
    @Override public void enableBulkLoading() { throw unsupported("enableBulkLoading"); }
    @Override public void disableBulkLoading() { throw unsupported("disableBulkLoading"); }
    @Override public Optional<String> putItem(String t, String p, String s, String j, int n) { throw unsupported("putItem"); }
    @Override public Optional<String> putItemWithHash(String t, String p, String s, String j, int n, String h) { throw unsupported("putItemWithHash"); }
    @Override public void putBaseItems(String t, List<BaseItemRow> rows) { throw unsupported("putBaseItems"); }
    @Override public Optional<String> deleteItem(String t, String p, String s) { throw unsupported("deleteItem"); }
    @Override public void vacuum() { throw unsupported("vacuum"); }
    @Override public void enableStream(String t, String v, String l) { throw unsupported("enableStream"); }
    @Override public void disableStream(String t) { throw unsupported("disableStream"); }
    @Override public void insertStreamRecord(String t, String e, String k, String n, String o, String s, String sh, long c) { throw unsupported("insertStreamRecord"); }
    @Override public void insertStreamRecordWithIdentity(String t, String e, String k, String n, String o, String s, String sh, long c, String u) { throw unsupported("insertStreamRecordWithIdentity"); }
    @Override public void updateTtlConfig(String t, String a, boolean e) { throw unsupported("updateTtlConfig"); }
    @Override public void touchCachedAt(String t, String p, String s, double ts) { throw unsupported("touchCachedAt"); }
}
