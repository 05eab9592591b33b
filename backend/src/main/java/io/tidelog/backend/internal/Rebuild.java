package io.tidelog.backend.internal;

import io.tidelog.backend.BackendException;
import io.tidelog.backend.BackendException.Kind;
import io.tidelog.log.LogException;
import io.tidelog.log.ReadableLog;
import io.tidelog.projections.ViewException;
import io.tidelog.projections.Views;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Rebuilding views from the log: {@link #replay} applies log entries to views through the live
 * projection's own replay, with progress; {@link #rebuildStore} drops a store's views and rebuilds
 * them under the writer lock, from the base at the horizon when retention trimmed the log.
 */
public final class Rebuild {
    private static final long CHUNK = 20_000;

    private Rebuild() {}

    /** What a rebuild did. */
    public record Result(long entries, long appliedSequence) {}

    /**
     * Applies the entries after {@code views.appliedSequence()} up to {@code upTo} to
     * {@code views}; returns how many were applied.
     */
    public static long replay(ReadableLog log, Views views, long upTo, Progress progress) {
        long from = views.appliedSequence() + 1;
        long last = Math.min(upTo, log.lastSequence());
        long total = Math.max(0, last - from + 1);
        progress.start("replaying log", total);
        // The live projection's own replay, in chunks for progress: the rebuilt views are exactly
        // what the live backend's open would build.
        LiveProjection projection = new LiveProjection(views, null);
        long count = 0;
        try {
            for (long to = Math.min(last, from - 1 + CHUNK); count < total; to = Math.min(last, to + CHUNK)) {
                long n = projection.replay(log, to);
                count += n;
                progress.advance(count);
                if (n == 0) {
                    break;
                }
            }
        } finally {
            projection.close();
        }
        progress.finish();
        views.flush();
        return count;
    }

    /**
     * Drops the views of the store at {@code dir} and rebuilds them from its log. Takes the
     * writer lock, so it fails with {@code LOCKED} while a writable backend has the store open.
     */
    public static Result rebuildStore(Path dir, Progress progress) {
        Path root = dir.toAbsolutePath().normalize();
        StoreLayout.verify(root);
        StoreLock held;
        try {
            held = StoreLock.acquire(root);
        } catch (BackendException e) {
            if (e.kind() != Kind.LOCKED) {
                throw e;
            }
            throw new BackendException(Kind.LOCKED, e.getMessage() + "; rebuild replaces the views that writer"
                    + " is using, so stop it first ('verify' checks a live store)", e);
        }
        try (StoreLock lock = held; ReadableLog log = StoreLayout.openLog(root)) {
            Path views = StoreLayout.views(root);
            Path fresh = StoreLayout.rebuildInProgress(root);
            StoreLayout.deleteRecursively(fresh);
            ViewsStart.base(root, HorizonRecord.read(root), fresh);
            long applied;
            long n;
            try (Views v = Views.open(fresh)) {
                n = replay(log, v, Long.MAX_VALUE, progress);
                applied = v.appliedSequence();
            }
            // swap: the old views go only once the new ones are complete
            StoreLayout.deleteRecursively(views);
            try {
                Files.move(fresh, views);
            } catch (java.io.IOException e) {
                throw new BackendException(Kind.IO, "cannot move rebuilt views into place: " + e.getMessage(), e);
            }
            return new Result(n, applied);
        } catch (ViewException | LogException e) {
            throw Errors.storage("rebuild of " + root + " failed: ", e);
        }
    }
}
