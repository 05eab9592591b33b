package io.tidelog.tool;

import io.tidelog.backend.audit.AuditHistory;
import io.tidelog.backend.internal.HorizonRecord;
import io.tidelog.backend.internal.Restore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "restore", description = "Write a new standalone store holding the log prefix (and its views) as of a moment.")
final class RestoreCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    static final class Point {
        @Option(names = "--at", paramLabel = "INSTANT", required = true,
                description = "ISO-8601 instant: the state after the last mutation committed at or before it.")
        String at;

        @Option(names = "--seq", paramLabel = "N", required = true,
                description = "Log sequence: the state right after mutation N.")
        Long seq;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Point point;

    @Option(names = "--to", paramLabel = "NEWDIR", required = true,
            description = "Directory of the new store; must not exist or be empty.")
    Path to;

    @Override
    public Integer call() {
        Path store = common.store();
        long seq = resolve(store, point.at, point.seq);
        Restore.Result r = Restore.restore(store, seq, to, TerminalProgress.forConsole());
        var out = spec.commandLine().getOut();
        out.printf("restored %s as of sequence %d (committed %s) to %s%n", store, r.sequence(), r.commitTime(),
                to.toAbsolutePath().normalize());
        out.printf("copied %d segment(s), %d bytes of log; the new store opens normally and takes writes%n",
                r.segmentsCopied(), r.bytesCopied());
        out.flush();
        return 0;
    }

    /** The sequence to restore; refuses points before the first entry or the horizon, and past the end. */
    static long resolve(Path store, String at, Long seq) {
        HorizonRecord horizon = HorizonRecord.read(store);
        try (AuditHistory h = AuditHistory.open(store)) {
            long last = h.lastSequence();
            if (last == 0) {
                throw new ToolException("the store " + store + " has no entries: nothing to restore");
            }
            if (seq != null) {
                if (seq < 1) {
                    throw new ToolException("--seq " + seq + " is before the first entry (1); restoring an empty"
                            + " store is almost always a mistake");
                }
                if (seq > last) {
                    throw new ToolException("--seq " + seq + " is past the end of the log (last sequence " + last + ")");
                }
                return seq;
            }
            Instant t = Points.instant(at, "--at");
            if (horizon.sequence() > 0 && HorizonRecord.floorMicros(t) < horizon.timeMicros()) {
                throw horizon.unavailable(store, "--at " + t);
            }
            long s = Math.max(horizon.sequence(), h.sequenceAtOrBefore(t));
            if (s < 1) {
                throw new ToolException("--at " + t + " is before the first entry of the log (committed "
                        + h.timeOf(Math.max(1, h.firstSequence())) + "); restoring an empty store is almost always a mistake");
            }
            return s;
        }
    }
}
