package io.tidelog.log;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * What opening a log does to find where it ends and whether it can be trusted.
 *
 * <p>Every segment's header is checked, and sequences must continue from one segment to the
 * next. Segments before the last were forced before their successor was created, so their
 * frames are not all re-read (that would make opening a large log slow): only the first frame
 * and the frames after the last index entry, which also proves the index entry; damage found
 * there is corruption. The last segment is read frame by frame. Where it stops being good,
 * the frames after the damage decide (see {@link SegmentScanner#scanBeyond}):
 *
 * <ul>
 *   <li>no plausible complete frame with a matching checksum follows: the rest is a torn
 *       tail, what a crash left of the last writes;
 *   <li>frames follow, but none vouches (by its forced-through mark) that the damaged entry
 *       had been forced: a power loss kept some unforced writes and lost others, out of
 *       order. None of that was ever forced, so none of it was acknowledged in SYNC mode;
 *   <li>a frame follows that vouches the damaged entry had been forced: forced data is
 *       damaged, which no crash produces. Opening fails with {@link LogCorruptException}
 *       naming the file and offset, and nothing is changed.
 * </ul>
 *
 * In the first two cases the writer truncates the segment at the damage and reports what it
 * cut ({@link RecoveryReport}); a read-only open reads up to it. A frame whose checksum
 * matches but whose sequence or time is wrong cannot be a torn write either, and is
 * corruption. A read-only open retries a bad frame before judging, since the writer may be
 * completing it at that moment.
 */
final class Recovery {
    private static final System.Logger LOG = System.getLogger(Recovery.class.getName());
    private static final int RETRIES_WHILE_WRITTEN = 3;

    record Result(List<LogSegment> segments, RecoveryReport report) {}

    /** How a scan over good frames ended. */
    private record ScanEnd(long lastSequence, long firstTime, long lastTime, long endOffset) {}

    private final LogDirectory directory;
    private final SchemaStore schemas;
    private final int indexIntervalBytes;
    private final boolean writable;
    private boolean indexesRebuilt;

    private Recovery(LogDirectory directory, SchemaStore schemas, int indexIntervalBytes, boolean writable) {
        this.directory = directory;
        this.schemas = schemas;
        this.indexIntervalBytes = indexIntervalBytes;
        this.writable = writable;
    }

    /** @param writable whether to repair (writer) or only to look (read-only) */
    static Result run(LogDirectory directory, SchemaStore schemas, int indexIntervalBytes, boolean writable)
            throws IOException {
        return new Recovery(directory, schemas, indexIntervalBytes, writable).run();
    }

    private Result run() throws IOException {
        if (writable) {
            directory.deleteTemporaryFiles();
        }
        List<Long> bases = directory.segmentBases();
        List<LogSegment> segments = new ArrayList<>();
        long lastSequence = -1;
        long lastTime = LogSegment.NO_TIME;
        for (int i = 0; i < bases.size() - 1; i++) {
            LogSegment s = recoverSealed(bases.get(i), lastSequence, lastTime);
            segments.add(s);
            lastSequence = s.extent().lastSequence();
            lastTime = s.extent().lastTimeMicros();
        }
        if (bases.isEmpty()) {
            return new Result(segments, new RecoveryReport(null, 0, 0, 0, 0, false));
        }
        return recoverLast(bases.get(bases.size() - 1), lastSequence, lastTime, segments);
    }

    private LogSegment recoverSealed(long base, long previousLast, long previousTime) throws IOException {
        Path path = directory.segmentPath(base);
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            long size = ch.size();
            String[] problem = new String[1];
            FrameFormat.SegmentHeader header = header(ch, path, base, previousLast, problem);
            if (header == null) {
                throw new LogCorruptException(path, 0, problem[0]);
            }
            FrameFormat.Layout layout = header.layout();
            SegmentScanner first = new SegmentScanner(ch, layout, FrameFormat.SEGMENT_HEADER_BYTES, size, 4096);
            SegmentScanner.Status status = first.next();
            if (status != SegmentScanner.Status.OK) {
                throw new LogCorruptException(path, FrameFormat.SEGMENT_HEADER_BYTES,
                        status == SegmentScanner.Status.END ? "a segment other than the last is empty"
                                : first.problem());
            }
            checkOrder(path, first, base, previousTime);

            List<SegmentIndex.Entry> stored = SegmentIndex.read(directory.indexPath(base), base);
            SegmentIndex.Entry from = provenLast(ch, layout, stored, base, size);
            SegmentIndex rebuilt = from == null ? new SegmentIndex(base, indexIntervalBytes) : null;
            SegmentScanner rest = from == null
                    ? new SegmentScanner(ch, layout, FrameFormat.SEGMENT_HEADER_BYTES, size)
                    : new SegmentScanner(ch, layout, from.offset(), size);
            long expected = from == null ? base : from.sequence();
            ScanEnd end = scanGood(rest, path, expected, from == null ? previousTime : from.timeMicros(), rebuilt);
            if (end.endOffset() != size) {
                throw new LogCorruptException(path, end.endOffset(), "segment other than the last is damaged: "
                        + rest.problem());
            }
            LogSegment segment = new LogSegment(directory, header, indexIntervalBytes,
                    new LogSegment.Extent(end.lastSequence(), first.timeMicros(), end.lastTime(), size));
            if (rebuilt != null) {
                saveRebuiltIndex(rebuilt, directory.indexPath(base));
                segment.cacheIndex(rebuilt);
            } else {
                segment.cacheIndex(SegmentIndex.of(base, indexIntervalBytes, stored));
            }
            return segment;
        }
    }

    /** The index's last entry if the index is well formed and that entry matches the frame it names. */
    private static SegmentIndex.Entry provenLast(FileChannel ch, FrameFormat.Layout layout,
            List<SegmentIndex.Entry> stored, long base, long size) throws IOException {
        if (stored == null || stored.isEmpty() || !SegmentIndex.wellFormed(stored, base)) {
            return null;
        }
        SegmentIndex.Entry last = stored.get(stored.size() - 1);
        if (last.offset() >= size) {
            return null;
        }
        SegmentScanner frame = new SegmentScanner(ch, layout, last.offset(), size, 4096);
        boolean matches = frame.next() == SegmentScanner.Status.OK && frame.sequence() == last.sequence()
                && frame.timeMicros() == last.timeMicros();
        return matches ? last : null;
    }

    private Result recoverLast(long base, long previousLast, long previousTime, List<LogSegment> segments)
            throws IOException {
        Path path = directory.segmentPath(base);
        Path indexPath = directory.indexPath(base);
        long lastBefore = Math.max(previousLast, 0);
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            long size = ch.size();
            String[] problem = new String[1];
            FrameFormat.SegmentHeader header = header(ch, path, base, previousLast, problem);
            if (header == null) {
                long found = SegmentScanner.findFrame(ch, FrameFormat.Layout.current(),
                        FrameFormat.SEGMENT_HEADER_BYTES, FrameFormat.SEGMENT_HEADER_BYTES - 1, size, base - 1,
                        previousTime);
                if (found < 0) {
                    found = SegmentScanner.findFrame(ch, FrameFormat.Layout.V1, FrameFormat.SEGMENT_HEADER_BYTES,
                            FrameFormat.SEGMENT_HEADER_BYTES - 1, size, base - 1, previousTime);
                }
                if (found >= 0) {
                    throw new LogCorruptException(path, 0, problem[0] + "; a valid frame follows at offset " + found);
                }
                if (writable) {
                    directory.disk().deleteIfExists(path);
                    directory.disk().deleteIfExists(indexPath);
                    directory.forceDirectory(directory.path());
                    LOG.log(System.Logger.Level.WARNING, "removed " + path + ", whose creation was cut short: "
                            + problem[0]);
                }
                return new Result(segments, new RecoveryReport(path, 0, size, 0, lastBefore, indexesRebuilt));
            }

            FrameFormat.Layout layout = header.layout();
            SegmentIndex index = new SegmentIndex(base, indexIntervalBytes);
            SegmentScanner scanner = new SegmentScanner(ch, layout, FrameFormat.SEGMENT_HEADER_BYTES, size);
            ScanEnd end = scanGood(scanner, path, base, previousTime, index);
            SegmentScanner.Beyond beyond = null;
            for (int attempt = 0; end.endOffset() < size; attempt++) {
                long bad = end.endOffset();
                beyond = SegmentScanner.scanBeyond(ch, layout, bad, size, end.lastSequence(), end.lastTime());
                if (!beyond.vouched()) {
                    break;
                }
                if (writable || attempt == RETRIES_WHILE_WRITTEN) {
                    throw new LogCorruptException(path, bad, scanner.problem() + "; the frame at offset "
                            + beyond.vouchingFrame() + " says entries up to " + beyond.vouchedThrough()
                            + " had been forced, and entry " + (end.lastSequence() + 1) + " belongs here");
                }
                // a live writer may have completed the frame since it was read: look again
                LockSupport.parkNanos(1_000_000);
                size = ch.size();
                scanner.limit(size);
                ScanEnd more = scanGood(scanner, path, end.lastSequence() + 1, end.lastTime(), index);
                end = new ScanEnd(more.lastSequence(), end.firstTime() == LogSegment.NO_TIME ? more.firstTime()
                        : end.firstTime(), more.lastTime(), more.endOffset());
                beyond = null;
            }
            long valid = end.endOffset();
            long cut = size - valid;
            int discarded = beyond == null ? 0 : beyond.frames();
            if (cut > 0 && writable) {
                try (DiskFile file = directory.disk().open(path, Disk.Mode.EXISTING)) {
                    file.truncate(valid);
                    file.force(true);
                }
                LOG.log(System.Logger.Level.WARNING, "truncated " + cut + " bytes at offset " + valid + " of " + path
                        + " (" + scanner.problem() + (discarded == 0 ? "; a torn tail"
                        : "; " + discarded + " complete frame(s) after it, none of them written after entry "
                                + (end.lastSequence() + 1) + " was forced: writes a power loss kept out of order")
                        + ")");
            }
            if (writable) {
                if (!index.entries().equals(SegmentIndex.read(indexPath, base))) {
                    saveRebuiltIndex(index, indexPath);
                }
            }
            LogSegment segment = new LogSegment(directory, header, indexIntervalBytes,
                    new LogSegment.Extent(end.lastSequence(), end.firstTime(), end.lastTime(), valid));
            segment.pinIndex(index);
            segment.markedThrough(scanner.lastMark());
            segments.add(segment);
            long last = segment.hasEntries() ? end.lastSequence() : lastBefore;
            return new Result(segments, new RecoveryReport(path, valid, cut, discarded, last, indexesRebuilt));
        }
    }

    /**
     * Reads good frames from the scanner's position until one is not good or the data ends,
     * requiring consecutive sequences from {@code expected} and times that never go back.
     */
    private static ScanEnd scanGood(SegmentScanner scanner, Path path, long expected, long previousTime,
            SegmentIndex index) throws IOException {
        long time = previousTime;
        long firstTime = LogSegment.NO_TIME;
        SegmentScanner.Status status;
        while ((status = scanner.next()) == SegmentScanner.Status.OK) {
            checkOrder(path, scanner, expected, time);
            if (index != null) {
                index.offer(scanner.sequence(), scanner.frameOffset(), scanner.timeMicros());
            }
            if (firstTime == LogSegment.NO_TIME) {
                firstTime = scanner.timeMicros();
            }
            time = scanner.timeMicros();
            expected++;
        }
        if (status == SegmentScanner.Status.MALFORMED) {
            throw new LogCorruptException(path, scanner.frameOffset(), scanner.problem());
        }
        // only good frames (entries and force marks) move the cursor: it is where they end
        return new ScanEnd(expected - 1, firstTime, time, scanner.offset());
    }

    private static void checkOrder(Path path, SegmentScanner frame, long expected, long previousTime) {
        if (frame.sequence() != expected) {
            throw new LogCorruptException(path, frame.frameOffset(),
                    "expected entry " + expected + ", found entry " + frame.sequence());
        }
        if (frame.timeMicros() < previousTime) {
            throw new LogCorruptException(path, frame.frameOffset(),
                    "entry " + expected + " has a commit time before its predecessor's");
        }
    }

    /**
     * Reads and checks a segment header.
     *
     * @return the header, or null with {@code problem[0]} set when the bytes are not a header
     * @throws LogCorruptException when it is a header but does not fit where the file is
     */
    private FrameFormat.SegmentHeader header(FileChannel ch, Path path, long base, long previousLast,
            String[] problem) throws IOException {
        byte[] bytes = new byte[FrameFormat.SEGMENT_HEADER_BYTES];
        int n = SegmentScanner.readFully(ch, bytes, 0, bytes.length);
        FrameFormat.SegmentHeader header = FrameFormat.decodeSegmentHeader(bytes, n, problem);
        if (header == null) {
            return null;
        }
        if (header.baseSequence() != base) {
            throw new LogCorruptException(path, 8, "header names base sequence " + header.baseSequence());
        }
        if (previousLast >= 0 && base != previousLast + 1) {
            throw new LogCorruptException(path, 0, "sequence gap: the previous segment ends at entry " + previousLast);
        }
        schemas.get(header.schemaFingerprint(), path);
        return header;
    }

    private void saveRebuiltIndex(SegmentIndex index, Path indexPath) throws IOException {
        indexesRebuilt = true;
        if (writable) {
            index.writeTo(directory, indexPath);
            LOG.log(System.Logger.Level.INFO, "rebuilt " + indexPath);
        }
    }
}
