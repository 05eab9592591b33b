package io.tidelog.log;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;

/**
 * The segments of an open log in sequence order, and the lookups readers share: which segment
 * holds a sequence, where an instant falls, and decoding a frame into an entry.
 *
 * <p>The list is replaced, never changed, so readers use a consistent snapshot without
 * locking; only the journaler (or a read-only log's refresh) adds to it, and only retention
 * ({@link FileLog#dropSegmentsBefore}) takes from its start.
 */
final class SegmentCatalog {
    private final SchemaStore schemas;
    private final EntryCodec codec;
    private volatile List<LogSegment> segments;

    SegmentCatalog(SchemaStore schemas, EntryCodec codec, List<LogSegment> segments) {
        this.schemas = schemas;
        this.codec = codec;
        this.segments = List.copyOf(segments);
    }

    List<LogSegment> segments() {
        return segments;
    }

    LogSegment last() {
        List<LogSegment> s = segments;
        return s.isEmpty() ? null : s.get(s.size() - 1);
    }

    synchronized void add(LogSegment segment) {
        List<LogSegment> next = new ArrayList<>(segments);
        next.add(segment);
        segments = List.copyOf(next);
    }

    synchronized void replaceLast(LogSegment segment) {
        List<LogSegment> next = new ArrayList<>(segments);
        next.set(next.size() - 1, segment);
        segments = List.copyOf(next);
    }

    /**
     * Takes the segments before the one starting at {@code base} out of the catalog and returns
     * them, oldest first; readers that already hold one keep reading it.
     *
     * @throws IllegalArgumentException when no segment starts at {@code base}
     */
    synchronized List<LogSegment> removeBefore(long base) {
        List<LogSegment> current = segments;
        int keep = -1;
        for (int i = 0; i < current.size(); i++) {
            if (current.get(i).base() == base) {
                keep = i;
                break;
            }
        }
        if (keep < 0) {
            throw new IllegalArgumentException("no segment of the log starts at entry " + base);
        }
        segments = List.copyOf(current.subList(keep, current.size()));
        return List.copyOf(current.subList(0, keep));
    }

    /** The segment that holds {@code sequence} if the log has it: the last one starting at or before it. */
    LogSegment segmentFor(long sequence) {
        List<LogSegment> s = segments;
        int lo = 0;
        int hi = s.size() - 1;
        LogSegment found = null;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (s.get(mid).base() <= sequence) {
                found = s.get(mid);
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }

    LogSegment segment(long base) {
        LogSegment s = segmentFor(base);
        return s != null && s.base() == base ? s : null;
    }

    long firstSequence() {
        for (LogSegment s : segments) {
            if (s.hasEntries()) {
                return s.base();
            }
        }
        return 0;
    }

    long lastSequence() {
        LogSegment last = last();
        return last == null ? 0 : last.extent().lastSequence();
    }

    long lastTimeMicros() {
        List<LogSegment> s = segments;
        for (int i = s.size() - 1; i >= 0; i--) {
            if (s.get(i).hasEntries()) {
                return s.get(i).extent().lastTimeMicros();
            }
        }
        return LogSegment.NO_TIME;
    }

    /** Decodes the frame the scanner just read. */
    StoredEntry decode(LogSegment segment, SegmentScanner frame) {
        Schema writer = schemas.get(segment.schemaFingerprint(), segment.path());
        try {
            var entry = codec.decode(frame.payloadArray(), frame.payloadStart(), frame.payloadLength(), writer);
            if (entry.getSequence() != frame.sequence()) {
                throw new IOException("decoded sequence " + entry.getSequence() + " differs from the frame's");
            }
            return new StoredEntry(entry, new LogPosition(segment.base(), frame.frameOffset()));
        } catch (IOException e) {
            throw new LogCorruptException(segment.path(), frame.frameOffset(), e.getMessage());
        }
    }

    StoredEntry readAt(LogPosition position, long visible) {
        LogSegment segment = segment(position.segment());
        long offset = position.offset();
        if (segment == null || offset < FrameFormat.SEGMENT_HEADER_BYTES || offset >= segment.extent().endOffset()) {
            throw new LogException("no entry at " + position);
        }
        try {
            SegmentScanner frame = segment.frameAt(offset);
            SegmentScanner.Status status = frame.next();
            if (status != SegmentScanner.Status.OK && status != SegmentScanner.Status.END) {
                // a frame the log holds (the offset is inside what it has checked) is damaged
                throw new LogCorruptException(segment.path(), offset, "the entry at " + position + " is damaged: "
                        + frame.problem());
            }
            if (status != SegmentScanner.Status.OK || frame.sequence() > visible) {
                throw new LogException("no entry at " + position);
            }
            return decode(segment, frame);
        } catch (IOException e) {
            throw new LogException("cannot read " + segment.path() + ": " + e, e);
        }
    }

    /**
     * Sequence of the first entry at or after {@code time}. Times never decrease along the
     * log, so the answer is in the last segment that starts before {@code time}, after the
     * last index entry before it, or else it is the next segment's first entry.
     */
    long seekByTime(Instant time, long visible) {
        long micros = ceilMicros(time);
        List<LogSegment> s = new ArrayList<>();
        for (LogSegment seg : segments) {
            if (seg.hasEntries() && seg.base() <= visible) {
                s.add(seg);
            }
        }
        int lo = 0;
        int hi = s.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (s.get(mid).extent().firstTimeMicros() < micros) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        if (lo == 0) {
            return s.isEmpty() ? visible + 1 : s.get(0).base();
        }
        LogSegment segment = s.get(lo - 1);
        try {
            SegmentIndex.Entry start = segment.index().lastBefore(micros);
            long offset = start == null ? FrameFormat.SEGMENT_HEADER_BYTES : start.offset();
            SegmentScanner scanner = new SegmentScanner(segment.reader(), segment.layout(), offset,
                    segment.extent().endOffset());
            SegmentScanner.Status status;
            while ((status = scanner.next()) == SegmentScanner.Status.OK && scanner.sequence() <= visible) {
                if (scanner.timeMicros() >= micros) {
                    return scanner.sequence();
                }
            }
            if (status != SegmentScanner.Status.OK && status != SegmentScanner.Status.END) {
                throw new LogCorruptException(segment.path(), scanner.frameOffset(), scanner.problem());
            }
        } catch (IOException e) {
            throw new LogException("cannot read " + segment.path() + ": " + e, e);
        }
        return lo < s.size() ? s.get(lo).base() : visible + 1;
    }

    /** The smallest whole microsecond at or after {@code time}, saturating at the ends. */
    static long ceilMicros(Instant time) {
        try {
            long micros = Math.multiplyExact(time.getEpochSecond(), 1_000_000L);
            return Math.addExact(micros, (time.getNano() + 999) / 1_000);
        } catch (ArithmeticException e) {
            return time.getEpochSecond() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    void close() {
        for (LogSegment s : segments) {
            try {
                s.close();
            } catch (IOException ignored) {
                // read handles only; nothing to lose
            }
        }
    }
}
