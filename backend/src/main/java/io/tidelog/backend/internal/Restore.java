package io.tidelog.backend.internal;

import io.tidelog.backend.BackendException;
import io.tidelog.backend.BackendException.Kind;
import io.tidelog.backend.StorageBackend;
import io.tidelog.backend.Tidelog;
import io.tidelog.log.LogException;
import io.tidelog.log.LogPosition;
import io.tidelog.log.LogReader;
import io.tidelog.log.ReadableLog;
import io.tidelog.log.StoredEntry;
import io.tidelog.projections.Views;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code restore}: a new standalone store holding the log prefix up to a sequence (byte for byte,
 * so sequences, commit times, transaction ids and identities are preserved), its views, and the
 * checkpoints of the prefix; for a trimmed source, also its base and archived stream records, so
 * the new store has the same horizon. Reads the source without a lock, so it works beside a live
 * writer; a sequence before the horizon is refused.
 */
public final class Restore {
    private Restore() {}

    public record Result(long sequence, Instant commitTime, long segmentsCopied, long bytesCopied) {}

    /** Resolves an instant to the newest sequence committed at or before it (0 when none). */
    public static long sequenceAt(Path dir, Instant time) {
        Path root = dir.toAbsolutePath().normalize();
        StoreLayout.verify(root);
        try (ReadableLog log = StoreLayout.openLog(root)) {
            return PointInTime.sequenceAt(log, time);
        }
    }

    public static Result restore(Path source, long sequence, Path target, Progress progress) {
        Path root = source.toAbsolutePath().normalize();
        Path to = target.toAbsolutePath().normalize();
        StoreLayout.verify(root);
        if (to.equals(root)) {
            throw new BackendException(Kind.VALIDATION, "the target is the source store itself");
        }
        checkEmptyTarget(to);
        Instant time;
        long segments = 0;
        long bytes = 0;
        HorizonRecord horizon = HorizonRecord.read(root);
        try (ReadableLog log = StoreLayout.openLog(root)) {
            long last = log.lastSequence();
            if (sequence < 1 || sequence > last) {
                throw new BackendException(Kind.VALIDATION, "sequence " + sequence
                        + " is outside the log, which holds " + (last == 0 ? "no entries" : "1 to " + last));
            }
            if (sequence < horizon.sequence()) {
                throw horizon.unavailable(root, "sequence " + sequence);
            }
            StoredEntry at;
            try (LogReader r = log.read(sequence)) {
                if (!r.hasNext()) {
                    throw new BackendException(Kind.IO, "entry " + sequence + " cannot be read");
                }
                at = r.next();
            }
            if (at.sequence() != sequence) {
                throw new BackendException(Kind.IO, "log returned entry " + at.sequence() + " for " + sequence);
            }
            time = Instant.EPOCH.plusNanos(at.entry().getTimeMicros() * 1000L);
            LogPosition pos = at.position();
            Path srcLog = StoreLayout.log(root);
            Path dstLog = StoreLayout.log(to);
            Files.createDirectories(dstLog);
            Files.writeString(to.resolve(StoreLayout.MARKER), StoreLayout.MARKER_CONTENT);
            copyTree(srcLog.resolve("schemas"), dstLog.resolve("schemas"));
            long cutEnd = LogCheck.frameEnd(segmentPath(srcLog, pos.segment()), pos.offset());
            var all = needed(LogCheck.segments(srcLog), horizon);
            long totalBytes = 0;
            for (LogCheck.Segment s : all) {
                if (s.base() < pos.segment()) {
                    totalBytes += s.sizeBytes();
                }
            }
            totalBytes += cutEnd;
            progress.start("copying log", totalBytes);
            for (LogCheck.Segment s : all) {
                if (s.base() > pos.segment()) {
                    continue;
                }
                long limit = s.base() == pos.segment() ? cutEnd : s.sizeBytes();
                copyPrefix(s.path(), dstLog.resolve(s.path().getFileName()), limit);
                bytes += limit;
                segments++;
                progress.advance(bytes);
            }
            progress.finish();
        } catch (IOException e) {
            throw new BackendException(Kind.IO, "restore to " + to + " failed: " + e.getMessage(), e);
        } catch (LogException e) {
            throw Errors.storage("cannot read the log of " + root + ": ", e);
        }
        copyBase(root, to, horizon);
        copyCheckpoints(root, to, horizon, sequence);
        // Build the views with progress, then a normal open finds them current and recovers the log.
        ViewsStart.base(to, horizon, StoreLayout.views(to));
        try (ReadableLog copied = StoreLayout.openLog(to); Views v = Views.open(StoreLayout.views(to))) {
            Rebuild.replay(copied, v, sequence, progress);
        }
        try (StorageBackend b = Tidelog.open(to)) {
            if (b.lastSequence() != sequence) {
                throw new BackendException(Kind.OTHER, "the restored store ends at " + b.lastSequence()
                        + ", not " + sequence);
            }
        }
        return new Result(sequence, time, segments, bytes);
    }

    static void checkEmptyTarget(Path to) {
        if (!Files.exists(to)) {
            return;
        }
        if (!Files.isDirectory(to)) {
            throw new BackendException(Kind.VALIDATION, "the target " + to + " is a file");
        }
        try (Stream<Path> s = Files.list(to)) {
            if (s.findAny().isPresent()) {
                throw new BackendException(Kind.VALIDATION, "the target " + to
                        + " exists and is not empty; restore writes only to a new or empty directory");
            }
        } catch (IOException e) {
            throw new BackendException(Kind.IO, "cannot list " + to + ": " + e.getMessage(), e);
        }
    }

    private static Path segmentPath(Path logDir, long base) {
        String digits = Long.toString(base);
        return logDir.resolve("0".repeat(20 - digits.length()) + digits + ".log");
    }

    private static void copyPrefix(Path from, Path to, long limit) throws IOException {
        try (FileChannel in = FileChannel.open(from, StandardOpenOption.READ);
                FileChannel out = FileChannel.open(to, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            long done = 0;
            while (done < limit) {
                long n = in.transferTo(done, limit - done, out);
                if (n <= 0) {
                    throw new IOException(from + " is shorter than " + limit + " bytes");
                }
                done += n;
            }
            out.force(true);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path dst = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dst);
                } else if (!p.getFileName().toString().endsWith(".tmp")) {
                    try (InputStream in = Files.newInputStream(p); OutputStream out = Files.newOutputStream(dst)) {
                        in.transferTo(out);
                    }
                }
            }
        }
    }

    /** The segments a restore copies: not those wholly before the horizon, whose entries the base holds. */
    private static List<LogCheck.Segment> needed(List<LogCheck.Segment> all, HorizonRecord horizon) {
        List<LogCheck.Segment> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            boolean whollyBefore = i + 1 < all.size() && all.get(i + 1).base() <= horizon.sequence() + 1;
            if (!whollyBefore) {
                out.add(all.get(i));
            }
        }
        return out;
    }

    /**
     * Copies what stands for the history retention dropped: the base at the horizon, the
     * archived stream records, and the horizon record last, once what it names is in place.
     */
    private static void copyBase(Path root, Path to, HorizonRecord horizon) {
        if (horizon.sequence() == 0) {
            return;
        }
        Path base = BaseDirectory.views(root, horizon.sequence());
        if (!Checkpoints.copyViews(base, BaseDirectory.views(to, horizon.sequence()))) {
            throw new BackendException(Kind.IO, "cannot copy the base " + base + " of " + root
                    + " (a compaction may have replaced it; try again)");
        }
        try {
            copyTree(BaseDirectory.streams(root), BaseDirectory.streams(to));
        } catch (IOException e) {
            throw new BackendException(Kind.IO, "cannot copy the stream archive of " + root + ": " + e.getMessage(), e);
        }
        horizon.write(to);
    }

    /** Copies the source's checkpoints from the horizon to {@code sequence}: valid for the prefix. */
    private static void copyCheckpoints(Path root, Path to, HorizonRecord horizon, long sequence) {
        for (long s : Checkpoints.list(root)) {
            if (s <= sequence && s >= horizon.sequence()) {
                Checkpoints.copy(root, s, StoreLayout.checkpoints(to).resolve(Checkpoints.name(s)));
            }
        }
    }
}
