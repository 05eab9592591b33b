package io.tidelog.backend.internal;

import io.tidelog.log.CommitListener;
import io.tidelog.log.LogPosition;
import io.tidelog.log.LogReader;
import io.tidelog.log.ReadableLog;
import io.tidelog.log.StoredEntry;
import io.tidelog.projections.Projector;
import io.tidelog.projections.ViewBatch;
import io.tidelog.projections.Views;
import io.tidelog.schemas.LogEntry;
import java.util.ArrayList;
import java.util.List;

/**
 * The single-threaded processor after the journaler: applies each durable entry to the views.
 * Entries of one ring batch go into one view batch, written atomically with the applied sequence
 * at the end of the batch; only then do their producers' futures complete, so a write that has
 * returned is visible to every later read.
 *
 * <p>Threading: {@link #onCommitted} runs on the log's apply thread; {@link #replay} runs before
 * the log accepts appends. {@link #appliedSequence} may be read from any thread.
 */
final class LiveProjection implements CommitListener {
    private static final int REPLAY_BATCH = 2_000;

    private final Views views;
    private final Projector projector = new Projector();
    private final List<PendingWrite> batchWrites = new ArrayList<>();
    private ViewBatch batch;
    private long batchLast;
    private volatile long applied;
    private final CheckpointPolicy checkpoints;
    private long lastCheckpoint;
    private volatile RuntimeException checkpointFailure;

    /** When and where the live projection takes checkpoints; null for none. */
    record CheckpointPolicy(java.nio.file.Path root, long interval, int retain) {}

    LiveProjection(Views views, CheckpointPolicy checkpoints) {
        this.views = views;
        this.applied = views.appliedSequence();
        this.checkpoints = checkpoints;
        if (checkpoints != null) {
            java.util.List<Long> existing = Checkpoints.list(checkpoints.root());
            lastCheckpoint = existing.isEmpty() ? 0 : existing.get(existing.size() - 1);
        }
    }

    /** The last checkpoint failure, or null. */
    RuntimeException checkpointFailure() {
        return checkpointFailure;
    }

    long appliedSequence() {
        return applied;
    }

    @Override
    public void onCommitted(LogEntry entry, LogPosition position, Object attachment,
            boolean endOfBatch) {
        PendingWrite write = attachment instanceof PendingWrite w ? w : null;
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

    /** Applies the entries after the views' applied sequence up to {@code upTo}; returns how many. */
    long replay(ReadableLog log, long upTo) {
        long count = 0;
        try (LogReader reader = log.read(applied + 1)) {
            while (reader.hasNext()) {
                StoredEntry e = reader.next();
                if (e.sequence() > upTo) {
                    break;
                }
                applyOne(e.entry(), e.position());
                count++;
                if (batch.count() >= REPLAY_BATCH * 4 || count % REPLAY_BATCH == 0) {
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
            return results;
        } catch (RuntimeException e) {
            batch.rollbackToMark();
            batchLast = entry.getSequence();
            throw e;
        }
    }

    private void flushBatch() {
        if (batch == null || batchLast == 0) {
            batchWrites.clear();
            return;
        }
        try {
            views.write(batch, batchLast);
            applied = batchLast;
            if (checkpoints != null && checkpoints.interval() > 0
                    && applied - lastCheckpoint >= checkpoints.interval()) {
                lastCheckpoint = applied;
                try {
                    Checkpoints.take(checkpoints.root(), views, applied, checkpoints.retain());
                } catch (RuntimeException e) {
                    // Checkpoints only speed up point-in-time opens; a failed one loses nothing
                    // and must not fail the writes that were just made visible.
                    checkpointFailure = e;
                }
            }
        } catch (RuntimeException e) {
            for (PendingWrite w : batchWrites) {
                w.failure = e;
            }
            throw e;
        } finally {
            batch.clear();
            batchWrites.clear();
        }
    }

    void close() {
        if (batch != null) {
            batch.close();
            batch = null;
        }
    }
}
