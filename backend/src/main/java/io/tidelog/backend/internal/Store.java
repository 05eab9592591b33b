package io.tidelog.backend.internal;

import io.tidelog.backend.BackendException;
import io.tidelog.backend.BackendException.Kind;
import io.tidelog.backend.Durability;
import io.tidelog.backend.StorageBackend;
import io.tidelog.backend.TidelogOptions;
import io.tidelog.log.Disk;
import io.tidelog.log.LogCorruptException;
import io.tidelog.log.LogException;
import io.tidelog.log.LogLockedException;
import io.tidelog.log.LogOptions;
import io.tidelog.log.Scrubber;
import io.tidelog.log.SyncMode;
import io.tidelog.projections.SnapshotReader;
import io.tidelog.projections.ViewException;
import io.tidelog.projections.Views;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Opening a writable store: lock, recover the log, bring the views up to the log (rebuilding
 * them when they are missing, damaged or ahead of the log), then start taking writes.
 */
public final class Store {
    /** How fast the background scrub of a store's sealed segments reads (see Scrubber). */
    private static final long SCRUB_BYTES_PER_SECOND = 64L << 20;

    private Store() {}

    public static StorageBackend open(Path dir, TidelogOptions options) {
        return open(dir, options, Disk.system(), options.logSegmentBytes());
    }

    /**
     * As {@link #open(Path, TidelogOptions)}, the log written through {@code disk} in segments of
     * {@code segmentBytes}: tests simulate faults on the disk, and small segments make them meet
     * segment creation often.
     */
    public static StorageBackend open(Path dir, TidelogOptions options, Disk disk, long segmentBytes) {
        Path root = dir.toAbsolutePath().normalize();
        StoreLayout.prepare(root);
        StoreLock lock = StoreLock.acquire(root);
        Views views = null;
        LiveLog log = null;
        LiveProjection projection = null;
        try {
            // a rebuild killed before it swapped its views in left them here: they are of no use
            StoreLayout.deleteRecursively(StoreLayout.rebuildInProgress(root));
            LogOptions logOptions = LogOptions.defaults()
                    .withSyncMode(syncMode(options.durability()))
                    .withClock(options.clock())
                    .withSegmentBytes(segmentBytes);
            // The log is recovered first, so the views can be checked against it; nothing is
            // appended before the projection below is in place.
            AtomicReference<LiveProjection> projectionRef = new AtomicReference<>();
            log = new LiveLog(StoreLayout.log(root), logOptions,
                    (entry, position, attachment, endOfBatch) ->
                            projectionRef.get().onCommitted(entry, position, attachment, endOfBatch), disk);
            HorizonRecord horizon = HorizonRecord.read(root);
            Compaction.finishAtOpen(root, log, horizon);
            views = openViews(root, log.lastSequence(), horizon);
            Checkpoints.discardAfter(root, log.lastSequence());
            Object checkpointLock = new Object();
            projection = new LiveProjection(views, new LiveProjection.CheckpointPolicy(
                    root, options.checkpointInterval(), options.checkpointRetention(), checkpointLock));
            projectionRef.set(projection);
            projection.replay(log, Long.MAX_VALUE);
            Schema schema;
            try (SnapshotReader r = views.snapshot()) {
                schema = Schema.load(r);
            }
            StoreRetention retention = new StoreRetention(root, log, views, projection::appliedSequence,
                    new RetentionBounds(options.retentionAge().orElse(null), options.retentionBytes().orElse(0)),
                    options.clock(), checkpointLock, horizon);
            Scrubber scrub = Scrubber.start(StoreLayout.log(root), SCRUB_BYTES_PER_SECOND);
            LiveBackend backend = new LiveBackend(root, options, log, views, projection, schema, retention, () -> {
                try {
                    scrub.close();
                } finally {
                    lock.close();
                }
            });
            retention.start();
            return backend;
        } catch (RuntimeException e) {
            closeQuietly(log);
            if (projection != null) {
                projection.close(); // waits for a checkpoint being taken from the views
            }
            closeQuietly(views);
            lock.close();
            throw translate(e, root);
        }
    }

    /**
     * Opens the views, rebuilding them when they cannot be opened, claim more than the log
     * holds (possible after power loss in ASYNC or NONE: the views' files may have been flushed
     * before the log's tail was) or hold less than the base (a crash after a compaction: the
     * log may no longer have the entries they need). A rebuild starts from the base, or from
     * nothing when the history was never trimmed, and the log replay that follows does the rest.
     */
    private static Views openViews(Path root, long logLast, HorizonRecord horizon) {
        Path dir = StoreLayout.views(root);
        Views views;
        try {
            views = Views.open(dir);
        } catch (ViewException e) {
            return fresh(root, horizon, dir);
        }
        long applied = views.appliedSequence();
        if (applied > logLast || applied < horizon.sequence()) {
            views.close();
            return fresh(root, horizon, dir);
        }
        return views;
    }

    private static Views fresh(Path root, HorizonRecord horizon, Path dir) {
        StoreLayout.deleteRecursively(dir);
        ViewsStart.base(root, horizon, dir);
        return Views.open(dir);
    }

    static SyncMode syncMode(Durability d) {
        return switch (d) {
            case SYNC -> SyncMode.SYNC;
            case ASYNC -> SyncMode.ASYNC;
            case NONE -> SyncMode.NONE;
        };
    }

    static BackendException translate(RuntimeException e, Path dir) {
        if (e instanceof BackendException b) {
            return b;
        }
        if (e instanceof LogLockedException) {
            return new BackendException(Kind.LOCKED, "store " + dir + " is open by another writer"
                    + StoreLock.holder(dir), e);
        }
        if (e instanceof LogException || e instanceof ViewException) {
            return Errors.storage("cannot open store " + dir + ": ", e);
        }
        return new BackendException(Kind.OTHER, "cannot open store " + dir + ": " + e, e);
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception ignored) {
            // already failing; the first error is the one to report
        }
    }
}
