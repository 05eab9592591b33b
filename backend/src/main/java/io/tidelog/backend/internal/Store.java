package io.tidelog.backend.internal;

import io.tidelog.backend.BackendException;
import io.tidelog.backend.BackendException.Kind;
import io.tidelog.backend.Durability;
import io.tidelog.backend.StorageBackend;
import io.tidelog.backend.TidelogOptions;
import io.tidelog.log.Disk;
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
        return open(dir, options, Disk.system(), LogOptions.DEFAULT_SEGMENT_BYTES);
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
            views = openViews(root, log.lastSequence());
            Checkpoints.discardAfter(root, log.lastSequence());
            projection = new LiveProjection(views, new LiveProjection.CheckpointPolicy(
                    root, options.checkpointInterval(), options.checkpointRetention()));
            projectionRef.set(projection);
            projection.replay(log, Long.MAX_VALUE);
            Schema schema;
            try (SnapshotReader r = views.snapshot()) {
                schema = Schema.load(r);
            }
            Scrubber scrub = Scrubber.start(StoreLayout.log(root), SCRUB_BYTES_PER_SECOND);
            return new LiveBackend(root, options, log, views, projection, schema, () -> {
                try {
                    scrub.close();
                } finally {
                    lock.close();
                }
            });
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
     * Opens the views, rebuilding them from nothing when they cannot be opened or claim more
     * than the log holds (possible after power loss in ASYNC or NONE: the views' files may have
     * been flushed before the log's tail was).
     */
    private static Views openViews(Path root, long logLast) {
        Path dir = StoreLayout.views(root);
        Views views;
        try {
            views = Views.open(dir);
        } catch (ViewException e) {
            StoreLayout.deleteRecursively(dir);
            return Views.open(dir);
        }
        if (views.appliedSequence() > logLast) {
            views.close();
            StoreLayout.deleteRecursively(dir);
            return Views.open(dir);
        }
        return views;
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
