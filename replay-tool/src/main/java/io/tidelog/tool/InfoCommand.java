package io.tidelog.tool;

import io.tidelog.backend.DatabaseInfo;
import io.tidelog.backend.Horizon;
import io.tidelog.backend.StorageBackend;
import io.tidelog.backend.TableInfoEntry;
import io.tidelog.backend.Tidelog;
import io.tidelog.backend.audit.AuditHistory;
import io.tidelog.backend.internal.Checkpoints;
import io.tidelog.backend.internal.LogCheck;
import io.tidelog.backend.internal.StoreLayout;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "info", description = "The store's databaseInfo, the log's segments, size, first and last sequence and time, its horizon, the checkpoints.")
final class InfoCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Path store = common.store();
        PrintWriter out = spec.commandLine().getOut();
        long first;
        long last;
        try (AuditHistory h = AuditHistory.open(store)) {
            first = h.firstSequence();
            last = h.lastSequence();
            out.println("store:       " + store);
            if (last == 0) {
                out.println("log:         empty");
            } else {
                out.printf("log:         sequences %d..%d, first at %s, last at %s%n", first, last,
                        h.timeOf(first), h.timeOf(last));
            }
            Horizon horizon = h.horizon();
            out.println("horizon:     " + (horizon.trimmed()
                    ? horizon + " (the earliest state still available; retention dropped the history before it)"
                    : "none (the whole history is kept: every state from sequence 0 is available)"));
        }
        List<LogCheck.Segment> segments = LogCheck.segments(StoreLayout.log(store));
        long total = segments.stream().mapToLong(LogCheck.Segment::sizeBytes).sum();
        out.printf("segments:    %d, %d bytes%n", segments.size(), total);
        for (LogCheck.Segment s : segments) {
            out.printf("  %s  %12d bytes  from sequence %d%n", s.path().getFileName(), s.sizeBytes(), s.base());
        }
        List<Long> cps = Checkpoints.list(store);
        out.println("checkpoints: " + (cps.isEmpty() ? "none" : cps.toString()));
        // a read-only view of the newest state: works beside a live writer, never writes
        try (StorageBackend b = Tidelog.openAt(store, last)) {
            DatabaseInfo info = b.databaseInfo();
            out.printf("databaseInfo: path=%s sizeBytes=%d tableCount=%d%n", info.path(), info.sizeBytes(),
                    info.tableCount());
            for (TableInfoEntry t : info.tables()) {
                var m = t.metadata();
                out.printf("  table %s: %d items, %d bytes%s%s%n", t.stats().tableName(), t.stats().itemCount(),
                        t.stats().sizeBytes(),
                        m != null && m.streamEnabled() ? ", stream " + m.streamViewType() : "",
                        m != null && m.ttlEnabled() ? ", TTL on " + m.ttlAttribute() : "");
            }
        }
        out.flush();
        return 0;
    }
}
