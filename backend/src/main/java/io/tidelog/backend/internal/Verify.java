package io.tidelog.backend.internal;

import io.tidelog.backend.BackendException;
import io.tidelog.backend.BackendException.Kind;
import io.tidelog.log.LogException;
import io.tidelog.log.ReadableLog;
import io.tidelog.projections.ViewDiff;
import io.tidelog.projections.ViewException;
import io.tidelog.projections.Views;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code verify}: checks the log's frames (CRC, sequence continuity, that the log continues the
 * base at the horizon), then rebuilds the views from the base and the log in a temporary
 * directory up to the sequence the store's views hold and compares the two family by family.
 *
 * <p>It takes no lock and writes nothing to the store, so it checks a live store too: the views
 * are opened read-only as the writer last flushed them (RocksDB files are never changed in place,
 * and their write-ahead log is off, so that is one consistent state at one sequence), and the
 * log is read up to that sequence. A writer's compaction can delete a file between the views'
 * manifest being read and the file being opened; the open is then tried again.
 */
public final class Verify {
    private static final int OPEN_ATTEMPTS = 5;

    private Verify() {}

    /**
     * The outcome. {@code diff} is null when the views could not be compared.
     *
     * @param live whether a writer had the store open while it was checked
     */
    public record Report(LogCheck.Result log, long viewsSequence, long logLastSequence, ViewDiff.Result diff,
            String viewsProblem, boolean live) {
        public boolean ok() {
            return log.ok() && viewsProblem == null && diff != null && diff.identical();
        }
    }

    /** The log check, with a problem added when the log does not continue the base without a gap. */
    private static LogCheck.Result joinsBase(LogCheck.Result r, HorizonRecord horizon) {
        long first = r.firstSequence();
        String problem = null;
        if (horizon.sequence() == 0 && first > 1) {
            problem = "the log starts at entry " + first + " but the store keeps no base for the entries before it";
        } else if (horizon.sequence() > 0 && first > horizon.sequence() + 1) {
            problem = "the log starts at entry " + first + " but the base ends at entry " + horizon.sequence();
        }
        if (problem == null) {
            return r;
        }
        List<String> problems = new ArrayList<>(r.problems());
        problems.add(problem);
        return new LogCheck.Result(r.frames(), r.firstSequence(), r.lastSequence(), problems, r.warnings());
    }

    public static Report run(Path dir, int maxReported, Progress progress) {
        Path root = dir.toAbsolutePath().normalize();
        StoreLayout.verify(root);
        boolean live = StoreLock.isHeld(root);
        HorizonRecord horizon = HorizonRecord.read(root);
        LogCheck.Result logResult = joinsBase(LogCheck.check(StoreLayout.log(root), live, progress), horizon);
        Path viewsDir = StoreLayout.views(root);
        if (!Files.isDirectory(viewsDir)) {
            return new Report(logResult, 0, logResult.lastSequence(), null,
                    "the store has no views (the next open or 'rebuild' builds them)", live);
        }
        Path tmp;
        try {
            tmp = Files.createTempDirectory("tidelog-verify-");
        } catch (IOException e) {
            throw new BackendException(Kind.IO, "cannot create a temporary directory: " + e.getMessage(), e);
        }
        if (horizon.sequence() > 0) {
            ViewsStart.base(root, horizon, tmp.resolve("views"));
        }
        try (ReadableLog log = StoreLayout.openLog(root);
                Views views = openViews(viewsDir);
                Views rebuilt = Views.open(tmp.resolve("views"))) {
            long at = views.appliedSequence();
            long last = log.lastSequence();
            if (at > last) {
                return new Report(logResult, at, last, null, "the views claim sequence " + at
                        + " but the log ends at " + last, live);
            }
            if (at < horizon.sequence()) {
                return new Report(logResult, at, last, null, "the views hold sequence " + at + ", before the horizon at "
                        + horizon.sequence() + " (the next open rebuilds them from the base)", live);
            }
            try {
                Rebuild.replay(log, rebuilt, at, progress);
            } catch (LogException e) {
                return new Report(logResult, at, last, null, "the views cannot be compared: "
                        + Errors.storage(e).getMessage(), live);
            }
            progress.start("comparing views", 0);
            ViewDiff.Result diff = ViewDiff.compare(rebuilt, views, maxReported);
            progress.finish();
            return new Report(logResult, at, last, diff, null, live);
        } catch (ViewException | LogException e) {
            throw Errors.storage("verify of " + root + " failed: ", e);
        } finally {
            StoreLayout.deleteRecursively(tmp);
        }
    }

    /** The store's views, read-only; a live writer may delete a file mid-open, so it is tried again. */
    private static Views openViews(Path viewsDir) {
        for (int attempt = 1; ; attempt++) {
            try {
                return Views.openReadOnly(viewsDir);
            } catch (ViewException e) {
                if (attempt == OPEN_ATTEMPTS) {
                    throw e;
                }
                LockSupport.parkNanos(20_000_000L * attempt);
            }
        }
    }
}
