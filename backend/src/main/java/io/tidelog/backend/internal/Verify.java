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

/**
 * {@code verify}: checks the log's frames (CRC, sequence continuity, that the log continues the
 * base at the horizon), then rebuilds the views from the base and the log in a temporary
 * directory up to the sequence the live views hold and compares the two family by family. Takes the writer lock for its duration, so the views do not change under
 * it (a store open by a writer: {@code LOCKED}).
 */
public final class Verify {
    private Verify() {}

    /** The outcome. {@code diff} is null when the views could not be compared. */
    public record Report(LogCheck.Result log, long viewsSequence, long logLastSequence, ViewDiff.Result diff,
            String viewsProblem) {
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
        try (StoreLock lock = StoreLock.acquire(root)) {
            HorizonRecord horizon = HorizonRecord.read(root);
            LogCheck.Result logResult = joinsBase(LogCheck.check(StoreLayout.log(root), progress), horizon);
            Path viewsDir = StoreLayout.views(root);
            if (!Files.isDirectory(viewsDir)) {
                return new Report(logResult, 0, logResult.lastSequence(), null,
                        "the store has no views (the next open or 'rebuild' builds them)");
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
                    Views live = Views.openReadOnly(viewsDir);
                    Views rebuilt = Views.open(tmp.resolve("views"))) {
                long at = live.appliedSequence();
                long last = log.lastSequence();
                if (at > last) {
                    return new Report(logResult, at, last, null, "the views claim sequence " + at
                            + " but the log ends at " + last);
                }
                if (at < horizon.sequence()) {
                    return new Report(logResult, at, last, null, "the views hold sequence " + at
                            + ", before the horizon at " + horizon.sequence() + " (the next open rebuilds them from the base)");
                }
                Rebuild.replay(log, rebuilt, at, progress);
                progress.start("comparing views", 0);
                ViewDiff.Result diff = ViewDiff.compare(rebuilt, live, maxReported);
                progress.finish();
                return new Report(logResult, at, last, diff, null);
            } catch (ViewException | LogException e) {
                throw new BackendException(Kind.IO, "verify of " + root + " failed: " + e.getMessage(), e);
            } finally {
                StoreLayout.deleteRecursively(tmp);
            }
        }
    }
}
