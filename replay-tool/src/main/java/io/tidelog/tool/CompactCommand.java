package io.tidelog.tool;

import io.tidelog.backend.Horizon;
import io.tidelog.backend.Retention;
import io.tidelog.backend.StorageBackend;
import io.tidelog.backend.Tidelog;
import io.tidelog.backend.internal.LogCheck;
import io.tidelog.backend.internal.StoreLayout;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "compact", description = {
        "Drop the log's history before a moment: the state then is kept as the base the log continues",
        "from, the segments wholly before it are deleted, and nothing earlier can be opened, restored",
        "or listed any more. The store must not be open by a writer."})
final class CompactCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Option(names = "--before", paramLabel = "INSTANT|SEQ", required = true, description = {
            "The new horizon: a sequence number (the state right after that mutation stays), or an",
            "ISO-8601 instant (the state at that instant stays)."})
    String before;

    @Override
    public Integer call() {
        Path store = common.store();
        Points.Point point = Points.parse(before, "--before");
        List<LogCheck.Segment> segmentsBefore = LogCheck.segments(StoreLayout.log(store));
        Horizon previous;
        Horizon now;
        try (StorageBackend b = Tidelog.open(store)) {
            Retention retention = Retention.of(b);
            previous = retention.horizon();
            now = point.instant() == null ? retention.compactBefore(point.sequence())
                    : retention.compactBefore(point.instant());
        }
        List<LogCheck.Segment> segmentsAfter = LogCheck.segments(StoreLayout.log(store));
        PrintWriter out = spec.commandLine().getOut();
        if (now.equals(previous)) {
            out.println("nothing to drop: the horizon of " + store + " stays at " + now);
        } else {
            long bytes = segmentsBefore.stream().mapToLong(LogCheck.Segment::sizeBytes).sum()
                    - segmentsAfter.stream().mapToLong(LogCheck.Segment::sizeBytes).sum();
            out.println("horizon of " + store + ": " + now + " (previously "
                    + (previous.trimmed() ? previous : "none") + ")");
            out.printf("dropped %d segment(s), %d bytes of log; the log now starts at sequence %d%n",
                    segmentsBefore.size() - segmentsAfter.size(), Math.max(0, bytes), segmentsAfter.get(0).base());
        }
        out.flush();
        return 0;
    }
}
