package io.tidelog.backend.internal;

import io.tidelog.log.CommitListener;
import io.tidelog.log.LogPosition;
import io.tidelog.log.ReadableLog;
import io.tidelog.log.StoredEntry;
import io.tidelog.projections.Projector;
import io.tidelog.projections.SnapshotReader;
import io.tidelog.projections.TableKind;
import io.tidelog.projections.TableRegistry;
import io.tidelog.projections.ViewBatch;
import io.tidelog.projections.Views;
import io.tidelog.schemas.DataTableCreated;
import io.tidelog.schemas.DataTableDropped;
import io.tidelog.schemas.GsiTableCreated;
import io.tidelog.schemas.GsiTableDropped;
import io.tidelog.schemas.LogEntry;
import io.tidelog.schemas.LsiTableCreated;
import io.tidelog.schemas.LsiTableDropped;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The single-threaded processor after the journaler: applies each durable entry to the views.
 * Entries of one ring batch go into one view batch, written atomically with the applied sequence
 * at the end of the batch; only then do their producers' futures complete, so a write that has
 * returned is visible to every later read.
 *
 * <p>It also publishes an in-memory copy of the table registry for cheap reads
 * ({@link #registry}): a table that a batch drops leaves the copy before the batch is written,
 * a table it creates joins the copy after, so a reader that saw the same copy before and after
 * its read never mixed a table's rows with another incarnation's existence.
 *
 * <p>Threading: {@link #onCommitted} runs on the log's apply thread; {@link #replay} runs before
 * the log accepts appends. {@link #appliedSequence} and {@link #registry} may be read from any
 * thread.
 */
final class LiveProjection implements CommitListener {
    private static final int REPLAY_BATCH = 2_000;

    /**
     * When and where the live projection takes checkpoints; {@code lock} is held while one is
     * taken, and by retention while it removes checkpoints.
     */
    record CheckpointPolicy(Path root, long interval, int retain, Object lock) {}

    /** One change to the registry copy: a put (id >= 0) or a removal (id < 0). */
    private record RegistryChange(ByteBuffer key, long storeId) {}

    private final Views views;
    private final Projector projector = new Projector();
    private final List<PendingWrite> batchWrites = new ArrayList<>();
    private final List<RegistryChange> batchRegistryChanges = new ArrayList<>();
    private final CheckpointPolicy checkpoints;
    private ViewBatch batch;
    private long batchLast;
    private long lastCheckpoint;
    private volatile Thread checkpointer;
    private volatile long applied;
    private volatile Map<ByteBuffer, byte[]> registry;
    private volatile RuntimeException checkpointFailure;
    /**
     * Set when a batch could not be written to the views. From then on nothing more is applied
     * (the views would no longer be a prefix of the log) and every write fails; reopening the
     * store replays the log from the last applied sequence.
     */
    private volatile RuntimeException failure;

    LiveProjection(Views views, CheckpointPolicy checkpoints) {
        this.views = views;
        this.applied = views.appliedSequence();
        this.checkpoints = checkpoints;
        if (checkpoints != null) {
            List<Long> existing = Checkpoints.list(checkpoints.root());
            lastCheckpoint = existing.isEmpty() ? 0 : existing.get(existing.size() - 1);
        }
        Map<ByteBuffer, byte[]> reg = new HashMap<>();
        try (SnapshotReader r = views.snapshot()) {
            for (TableRegistry.Entry e : TableRegistry.all(r)) {
                reg.put(ByteBuffer.wrap(TableRegistry.key(e.kind(), e.tableName(), e.indexName())),
                        TableRegistry.value(e.storeId()));
            }
        }
        registry = Map.copyOf(reg);
    }

    long appliedSequence() {
        return applied;
    }

    /** The registry as of the views' committed state; an immutable map, replaced on change. */
    Map<ByteBuffer, byte[]> registry() {
        return registry;
    }

    /** Why batches are no longer applied to the views, or null while they are. */
    RuntimeException failure() {
        return failure;
    }

    /** The last checkpoint failure, or null. */
    RuntimeException checkpointFailure() {
        return checkpointFailure;
    }

    @Override
    public void onCommitted(LogEntry entry, LogPosition position, Object attachment,
            boolean endOfBatch) {
        PendingWrite write = attachment instanceof PendingWrite w ? w : null;
        if (failure != null) {
            if (write != null) {
                write.failure = failure;
            }
            return;
        }
        try {
            List<String> results = applyOne(entry, position);
            if (write != null) {
                write.results = results;
                batchWrites.add(write);
            }
        } catch (RuntimeException e) {
            if (write != null) {
                write.failure = e;
            }
        }
        if (endOfBatch) {
            flushBatch();
        }
    }

    /**
     * Applies the entries after the views' applied sequence up to {@code upTo}; returns how many.
     * Reading and decoding the log runs on a second thread ({@link LogPrefetcher}), so a rebuild
     * uses both decoding and applying at once.
     */
    long replay(ReadableLog log, long upTo) {
        long count = 0;
        try (LogPrefetcher entries = new LogPrefetcher(log, applied + 1, upTo)) {
            StoredEntry e;
            while ((e = entries.next()) != null) {
                applyOne(e.entry(), e.position());
                count++;
                if (count % REPLAY_BATCH == 0 || batch.count() >= REPLAY_BATCH * 4) {
                    flushBatch();
                }
            }
        }
        flushBatch();
        return count;
    }

    /** Applies one entry to the current batch; a failing entry leaves the batch as it was. */
    private List<String> applyOne(LogEntry entry, LogPosition position) {
        if (batch == null) {
            batch = views.newBatch();
        }
        batch.mark();
        try {
            List<String> results = projector.apply(batch, entry, position);
            batchLast = entry.getSequence();
            collectRegistryChanges(entry);
            return results;
        } catch (RuntimeException e) {
            batch.rollbackToMark();
            projector.abandonEntry();
            batchLast = entry.getSequence();
            throw e;
        }
    }

    private void collectRegistryChanges(LogEntry entry) {
        for (Object e : entry.getEvents()) {
            if (e instanceof DataTableCreated c) {
                change(TableKind.DATA, c.getTableName(), "", c.getStoreId());
            } else if (e instanceof DataTableDropped d) {
                change(TableKind.DATA, d.getTableName(), "", -1);
            } else if (e instanceof GsiTableCreated c) {
                change(TableKind.GSI, c.getTableName(), c.getIndexName(), c.getStoreId());
            } else if (e instanceof GsiTableDropped d) {
                change(TableKind.GSI, d.getTableName(), d.getIndexName(), -1);
            } else if (e instanceof LsiTableCreated c) {
                change(TableKind.LSI, c.getTableName(), c.getIndexName(), c.getStoreId());
            } else if (e instanceof LsiTableDropped d) {
                change(TableKind.LSI, d.getTableName(), d.getIndexName(), -1);
            }
        }
    }

    private void change(TableKind kind, String table, String index, long storeId) {
        batchRegistryChanges.add(new RegistryChange(
                ByteBuffer.wrap(TableRegistry.key(kind, table, index)), storeId));
    }

    private void flushBatch() {
        if (batch == null || batchLast == 0) {
            batchWrites.clear();
            return;
        }
        Map<ByteBuffer, byte[]> previous = registry;
        Map<ByteBuffer, byte[]> after = null;
        if (!batchRegistryChanges.isEmpty()) {
            Map<ByteBuffer, byte[]> before = new HashMap<>(registry);
            after = new HashMap<>(registry);
            for (RegistryChange c : batchRegistryChanges) {
                if (c.storeId() < 0) {
                    before.remove(c.key());
                    after.remove(c.key());
                } else {
                    after.put(c.key(), TableRegistry.value(c.storeId()));
                }
            }
            registry = Map.copyOf(before); // drops leave before the rows do
        }
        try {
            projector.finish(batch);
            views.write(batch, batchLast);
            applied = batchLast;
            if (after != null) {
                registry = Map.copyOf(after); // creations appear once their writes are visible
            }
            maybeCheckpoint();
        } catch (RuntimeException e) {
            registry = previous;
            failure = e;
            for (PendingWrite w : batchWrites) {
                w.failure = e;
            }
            throw e;
        } finally {
            batch.clear();
            batchWrites.clear();
            batchRegistryChanges.clear();
        }
    }

    /**
     * Starts a checkpoint on a thread of its own once {@code interval} entries were applied
     * since the last one. Taking one flushes the memtables and links files, tens of
     * milliseconds, and on this thread every write would wait for it. One that comes due while
     * the previous one is still being taken is skipped: the next is due an interval later.
     */
    private void maybeCheckpoint() {
        if (checkpoints == null || checkpoints.interval() <= 0
                || applied - lastCheckpoint < checkpoints.interval()) {
            return;
        }
        lastCheckpoint = applied;
        if (checkpointer != null && checkpointer.isAlive()) {
            return;
        }
        checkpointer = new Thread(this::takeCheckpoint, "tidelog-checkpoint " + checkpoints.root().getFileName());
        checkpointer.setDaemon(true);
        checkpointer.start();
    }

    private void takeCheckpoint() {
        try {
            Checkpoints.take(checkpoints.root(), views, checkpoints.retain(), checkpoints.lock());
        } catch (RuntimeException e) {
            // Checkpoints only speed up point-in-time opens; a failed one loses nothing and
            // must not fail any write.
            checkpointFailure = e;
        }
    }

    /** Waits for a checkpoint being taken; the views must stay open until it is done. */
    private void awaitCheckpoint() {
        Thread t = checkpointer;
        if (t == null) {
            return;
        }
        boolean interrupted = false;
        while (true) {
            try {
                t.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits for a checkpoint being taken, then frees the batch; before the views close. */
    void close() {
        awaitCheckpoint();
        if (batch != null) {
            batch.close();
            batch = null;
        }
    }
}
