package io.tidelog.tool;

import io.tidelog.backend.audit.ChangePosition;
import io.tidelog.backend.audit.ChangeRecord;
import io.tidelog.backend.audit.ChangeStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "tail", description = {
        "Change data capture: the table's stream records from the log, one DynamoDB Streams record",
        "(JSON) per line. With --checkpoint FILE a restarted consumer resumes after the last record",
        "it printed."})
final class TailCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    @Option(names = "--table", paramLabel = "T", required = true, description = "The table.")
    String table;

    @Option(names = "--from", paramLabel = "trim-horizon|latest|SEQ", defaultValue = "trim-horizon",
            description = "Where to start when there is no checkpoint (default ${DEFAULT-VALUE}).")
    String from;

    @Option(names = "--follow", description = "Keep reading as other processes write to the store.")
    boolean follow;

    @Option(names = "--checkpoint", paramLabel = "FILE",
            description = "Resume after the position in FILE; record each printed record's position there.")
    Path checkpoint;

    @Option(names = "--limit", paramLabel = "N", description = "Stop after N records.")
    Long limit;

    @Option(names = "--format", defaultValue = "jsonl", description = "jsonl (the only format).")
    String format;

    @Override
    public Integer call() throws Exception {
        if (!"jsonl".equals(format)) {
            throw new ToolException("--format: only jsonl is supported");
        }
        if (limit != null && limit < 0) {
            throw new ParameterException(spec.commandLine(), "--limit must not be negative: " + limit);
        }
        Path store = common.store();
        ChangeStream.Start start = startOf(from);
        Path ckpt = checkpoint == null ? null : checkpoint.toAbsolutePath();
        if (ckpt != null && !Files.isDirectory(ckpt.getParent())) {
            throw new ToolException("--checkpoint: the directory " + ckpt.getParent() + " of " + ckpt.getFileName()
                    + " does not exist");
        }
        if (ckpt != null && Files.exists(ckpt)) {
            String text = Files.readString(ckpt, StandardCharsets.UTF_8);
            try {
                start = ChangeStream.Start.after(ChangePosition.parse(text));
                if (common.verbose) {
                    spec.commandLine().getErr().println("tail: resuming after " + text.strip());
                    spec.commandLine().getErr().flush();
                }
            } catch (IllegalArgumentException e) {
                throw new ToolException("checkpoint " + ckpt + " is damaged: " + e.getMessage());
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        long emitted = 0;
        try (ChangeStream stream = ChangeStream.open(store, table, start)) {
            // without --follow: the log as it ends now, whatever a live writer adds meanwhile
            long end = stream.logLastSequence();
            if (common.verbose && !follow) {
                spec.commandLine().getErr().println("tail: reading up to entry " + end + ", where the log ends now");
                spec.commandLine().getErr().flush();
            }
            while (limit == null || emitted < limit) {
                Optional<ChangeRecord> r = stream.poll(Duration.ofMillis(follow ? 500 : 20));
                if (r.isEmpty()) {
                    if (!follow && stream.nextLogSequence() > end) {
                        break;
                    }
                    continue;
                }
                ChangeRecord rec = r.get();
                if (!follow && rec.position().logSequence() > end) {
                    break;
                }
                Path tmp = ckpt == null ? null : prepare(ckpt, rec.position());
                out.print(rec.toJson() + "\n");
                out.flush();
                if (out.checkError()) {
                    return TidelogCli.FAILED; // the reader went away; the record was not delivered
                }
                if (tmp != null) {
                    commit(tmp, ckpt);
                }
                emitted++;
            }
        }
        return 0;
    }

    static ChangeStream.Start startOf(String from) {
        return switch (from) {
            case "trim-horizon", "TRIM_HORIZON" -> ChangeStream.Start.trimHorizon();
            case "latest", "LATEST" -> ChangeStream.Start.latest();
            default -> {
                if (!from.matches("\\d+")) {
                    throw new ToolException("--from: expected trim-horizon, latest or a sequence number: '" + from + "'");
                }
                yield ChangeStream.Start.atSequence(Long.parseLong(from));
            }
        };
    }

    /**
     * Writes and forces the next checkpoint under a temporary name before the record is printed,
     * so that after printing only an atomic rename remains: a kill before the rename re-emits
     * the record (it was never printed or is being printed), a kill after it never does.
     */
    static Path prepare(Path ckpt, ChangePosition pos) throws IOException {
        Path tmp = ckpt.resolveSibling(ckpt.getFileName() + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ch.write(ByteBuffer.wrap((pos + "\n").getBytes(StandardCharsets.UTF_8)));
            ch.force(true);
        }
        return tmp;
    }

    static void commit(Path tmp, Path ckpt) throws IOException {
        try {
            Files.move(tmp, ckpt, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, ckpt, StandardCopyOption.REPLACE_EXISTING);
        }
        Path dir = ckpt.getParent();
        if (dir != null) {
            try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
                d.force(true);
            } catch (IOException ignored) {
                // some platforms cannot open a directory; the rename is still atomic
            }
        }
    }
}
