package io.tidelog.log;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A log opened for reading only, possibly while a writer in another process appends to it. It
 * takes no lock and writes no file, not even an index: what recovery would repair it only works
 * around (a torn tail is not read; a missing index is rebuilt in memory).
 *
 * <p>It follows the writer by looking at the files again whenever a reader asks where the log
 * ends: it reads new frames at the end of the last segment and picks up the next segment once
 * one named after the entry that follows exists. A frame that is incomplete or does not match
 * its checksum counts as not written yet. Because the writer finishes a segment before
 * creating the next, the old segment is read to its end before the new one is taken on.
 */
final class ReadOnlyLog implements ReadableLog {
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(2);

    private final LogDirectory directory;
    private final SchemaStore schemas;
    private final SegmentCatalog catalog;
    private final int indexIntervalBytes = LogOptions.defaults().indexIntervalBytes();
    private final LogHead head = new FollowingHead();
    private volatile boolean closed;

    private LogSegment followed;
    private SegmentScanner follower;

    private ReadOnlyLog(LogDirectory directory, SchemaStore schemas, SegmentCatalog catalog) {
        this.directory = directory;
        this.schemas = schemas;
        this.catalog = catalog;
    }

    static ReadOnlyLog open(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new LogException("no log directory at " + dir);
        }
        EntryCodec codec = EntryCodec.current();
        LogDirectory directory = new LogDirectory(dir, Disk.system()); // never written through
        SchemaStore schemas = new SchemaStore(dir, codec);
        try {
            Recovery.Result recovered = Recovery.run(directory, schemas,
                    LogOptions.defaults().indexIntervalBytes(), false);
            return new ReadOnlyLog(directory, schemas, new SegmentCatalog(schemas, codec, recovered.segments()));
        } catch (IOException e) {
            throw new LogException("cannot open " + dir + " for reading: " + e, e);
        }
    }

    @Override
    public long firstSequence() {
        long first = catalog.firstSequence();
        if (first == 0 && refresh() > 0) {
            first = catalog.firstSequence();
        }
        return first;
    }

    @Override
    public long lastSequence() {
        return refresh();
    }

    @Override
    public LogReader read(long fromSequence) {
        long until = refresh();
        return new SegmentReader(catalog, FileLog.startAt(fromSequence, catalog.firstSequence()), until);
    }

    @Override
    public StoredEntry readAt(LogPosition position) {
        return catalog.readAt(position, refresh());
    }

    @Override
    public long seekByTime(Instant time) {
        return catalog.seekByTime(time, refresh());
    }

    @Override
    public LogTailer tail(long fromSequence) {
        refresh();
        return new Tailer(catalog, head, FileLog.startAt(fromSequence, catalog.firstSequence()));
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            catalog.close();
        }
    }

    /** Catches up with the files; returns the newest sequence they hold complete. */
    private synchronized long refresh() {
        if (closed) {
            throw new LogException("log is closed");
        }
        try {
            while (true) {
                LogSegment last = catalog.last();
                if (last == null) {
                    List<Long> bases = directory.segmentBases();
                    if (bases.isEmpty() || !adopt(bases.get(0))) {
                        return 0;
                    }
                    continue;
                }
                if (!last.hasEntries()) {
                    last = reloadIfReplaced(last);
                }
                follow(last);
                long nextBase = last.extent().lastSequence() + 1;
                if (nextBase == last.base() || !Files.exists(directory.segmentPath(nextBase))) {
                    return last.extent().lastSequence();
                }
                follow(last);
                if (last.extent().lastSequence() + 1 == nextBase) {
                    if (!adopt(nextBase)) {
                        return last.extent().lastSequence();
                    }
                    last.unpinIndex();
                }
            }
        } catch (IOException e) {
            throw new LogException("cannot read " + directory.path() + ": " + e, e);
        }
    }

    /** Reads the frames written to {@code segment} since the last look. */
    private void follow(LogSegment segment) throws IOException {
        LogSegment.Extent e = segment.extent();
        if (followed != segment) {
            followed = segment;
            follower = new SegmentScanner(segment.reader(), segment.layout(), e.endOffset(), e.endOffset());
        }
        follower.limit(segment.reader().size());
        SegmentIndex index = segment.index();
        long last = e.lastSequence();
        long first = e.firstTimeMicros();
        long time = e.lastTimeMicros();
        boolean moved = false;
        while (follower.next() == SegmentScanner.Status.OK) {
            if (follower.sequence() != last + 1 || follower.timeMicros() < time) {
                throw new LogCorruptException(segment.path(), follower.frameOffset(),
                        "expected entry " + (last + 1) + " in time order, found entry " + follower.sequence());
            }
            index.offer(follower.sequence(), follower.frameOffset(), follower.timeMicros());
            last++;
            time = follower.timeMicros();
            if (first == LogSegment.NO_TIME) {
                first = time;
            }
            moved = true;
        }
        if (moved) {
            segment.extent(new LogSegment.Extent(last, first, time, follower.offset()));
        }
    }

    /** Takes on the segment starting at {@code base}, unless its file is not complete yet. */
    private boolean adopt(long base) throws IOException {
        Path path = directory.segmentPath(base);
        FrameFormat.SegmentHeader header = readHeader(path);
        if (header == null || header.baseSequence() != base) {
            return false;
        }
        schemas.get(header.schemaFingerprint(), path);
        LogSegment segment = new LogSegment(directory, header, indexIntervalBytes, LogSegment.Extent.empty(base));
        segment.pinIndex(new SegmentIndex(base, indexIntervalBytes));
        catalog.add(segment);
        return true;
    }

    /**
     * A writer that opens a log whose last segment is empty but was created with an older
     * schema or format version replaces that file with one for the current ones; follow the
     * new file.
     */
    private LogSegment reloadIfReplaced(LogSegment last) throws IOException {
        FrameFormat.SegmentHeader header = readHeader(last.path());
        if (header == null || header.baseSequence() != last.base()
                || (header.schemaFingerprint() == last.schemaFingerprint() && header.layout() == last.layout())) {
            return last;
        }
        schemas.get(header.schemaFingerprint(), last.path());
        LogSegment fresh = new LogSegment(directory, header, indexIntervalBytes, LogSegment.Extent.empty(last.base()));
        fresh.pinIndex(new SegmentIndex(last.base(), indexIntervalBytes));
        catalog.replaceLast(fresh);
        last.close();
        followed = null;
        return fresh;
    }

    private static FrameFormat.SegmentHeader readHeader(Path path) throws IOException {
        byte[] bytes;
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            bytes = new byte[FrameFormat.SEGMENT_HEADER_BYTES];
            int n = SegmentScanner.readFully(ch, bytes, 0, bytes.length);
            return FrameFormat.decodeSegmentHeader(bytes, n, new String[1]);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /** Polls the files, since another process cannot signal this one. */
    private final class FollowingHead implements LogHead {
        @Override
        public long lastSequence() {
            return refresh();
        }

        @Override
        public boolean awaitSequence(long sequence, long timeoutNanos) throws InterruptedException {
            long start = System.nanoTime();
            while (true) {
                if (refresh() >= sequence) {
                    return true;
                }
                long remaining = timeoutNanos - (System.nanoTime() - start);
                if (remaining <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.sleep(Math.min(remaining, POLL_NANOS));
            }
        }
    }
}
