package io.tidelog.tool;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tidelog.backend.Horizon;
import io.tidelog.backend.Keys;
import io.tidelog.backend.audit.AuditHistory;
import io.tidelog.backend.audit.AuditQuery;
import io.tidelog.backend.audit.AuditRecord;
import io.tidelog.backend.internal.HorizonRecord;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "history", description = {
        "The audit trail: every mutation with sequence, time, transaction id, identity, operation",
        "and the before and after images of items."})
final class HistoryCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    enum Format { text, jsonl }

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Option(names = "--table", paramLabel = "T", description = "Only this table.")
    String table;

    @Option(names = "--key", paramLabel = "PK[,SK]", description = {
            "Only this item (or partition). Key strings as stored (S:..., N:..., B:...);",
            "a value without a type prefix is taken as a string (S:)."})
    String key;

    @Option(names = "--from", paramLabel = "X", description = "First sequence number or ISO-8601 instant (inclusive).")
    String from;

    @Option(names = "--to", paramLabel = "Y", description = "Last sequence number or ISO-8601 instant (inclusive).")
    String to;

    @Option(names = "--all", description = "Also index maintenance (GSI/LSI entries), cache touches and stream records.")
    boolean all;

    @Option(names = "--format", defaultValue = "text", description = "text or jsonl (default ${DEFAULT-VALUE}).")
    Format format;

    @Override
    public Integer call() {
        Path store = common.store();
        PrintWriter out = spec.commandLine().getOut();
        try (AuditHistory h = AuditHistory.open(store)) {
            AuditQuery q = AuditQuery.all().table(table).withAll(all);
            if (key != null) {
                String[] parts = key.split(",", 2);
                q = q.key(keyString(parts[0]), parts.length > 1 ? keyString(parts[1]) : null);
            }
            if (from != null) {
                Points.Point p = Points.parse(from, "--from");
                Horizon horizon = h.horizon();
                if (p.instant() != null && horizon.trimmed() && !p.instant().isAfter(horizon.time())) {
                    // mutations at or after that instant include some the log no longer holds
                    throw HorizonRecord.read(store).unavailable(store, "--from " + p.instant());
                }
                q = q.from(p.instant() == null ? p.sequence() : h.sequenceAtOrAfter(p.instant()));
            }
            if (to != null) {
                Points.Point p = Points.parse(to, "--to");
                q = q.to(p.instant() == null ? p.sequence() : h.sequenceAtOrBefore(p.instant()));
            }
            if (q.fromSequence() > h.lastSequence() + 1 && from != null && Points.parse(from, "--from").instant() == null) {
                throw new ToolException("--from " + q.fromSequence() + " is past the end of the log (last sequence "
                        + h.lastSequence() + ")");
            }
            int[] count = {0};
            h.forEach(q, r -> {
                out.println(format == Format.jsonl ? json(r) : text(r));
                count[0]++;
            });
            if (format == Format.text && count[0] == 0) {
                out.println("(no mutations match)");
            }
        }
        out.flush();
        return 0;
    }

    static String keyString(String s) {
        if (s.startsWith("S:") || s.startsWith("B:") || s.isEmpty()) {
            return s;
        }
        if (s.startsWith("N:")) {
            try {
                return Keys.numberKey(s.substring(2));
            } catch (IllegalArgumentException e) {
                throw new ToolException("--key: not a DynamoDB number: " + s.substring(2));
            }
        }
        return Keys.stringKey(s);
    }

    static String text(AuditRecord r) {
        StringBuilder sb = new StringBuilder();
        sb.append('#').append(r.sequence());
        if (r.eventIndex() > 0) {
            sb.append('.').append(r.eventIndex());
        }
        sb.append("  ").append(r.time());
        sb.append("  by ").append(r.identity() == null ? "-" : r.identity());
        if (r.transactionId() != null) {
            sb.append("  txn ").append(r.transactionId());
        }
        sb.append("  ").append(r.operation());
        if (r.change() != null) {
            sb.append(' ').append(r.change());
        }
        sb.append("  ").append(r.tableName());
        if (r.indexName() != null) {
            sb.append('/').append(r.indexName());
        }
        if (r.pk() != null) {
            sb.append("  [").append(r.pk());
            if (r.sk() != null && !r.sk().isEmpty()) {
                sb.append(", ").append(r.sk());
            }
            sb.append(']');
        }
        if (r.change() != null) {
            sb.append("\n    before: ").append(r.before() == null ? "(none)" : r.before());
            sb.append("\n    after:  ").append(r.after() == null ? "(none)" : r.after());
        } else if (r.details() != null) {
            sb.append("\n    ").append(r.details());
        }
        return sb.toString();
    }

    static String json(AuditRecord r) {
        ObjectNode n = JSON.createObjectNode();
        n.put("sequence", r.sequence());
        n.put("eventIndex", r.eventIndex());
        n.put("time", r.time().toString());
        n.put("transactionId", r.transactionId());
        n.put("identity", r.identity());
        n.put("operation", r.operation());
        n.put("change", r.change());
        n.put("table", r.tableName());
        if (r.indexName() != null) {
            n.put("index", r.indexName());
        }
        n.put("pk", r.pk());
        n.put("sk", r.sk());
        n.set("before", parse(r.before()));
        n.set("after", parse(r.after()));
        if (r.details() != null) {
            n.set("details", parse(r.details()));
        }
        try {
            return JSON.writeValueAsString(n);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parse(String s) {
        if (s == null) {
            return JSON.nullNode();
        }
        try {
            return JSON.readTree(s);
        } catch (JsonProcessingException e) {
            return JSON.getNodeFactory().textNode(s);
        }
    }
}
