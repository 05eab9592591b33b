package io.tidelog.log;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;

/**
 * A position in the log by sequence, reading entries one after the other across segments with
 * its own file handle. The shared part of {@link LogReader} and {@link LogTailer}.
 *
 * <p>It reads only up to the extent its segment is known to hold and is only asked for
 * sequences the log already has, so it never meets a frame that is still being written. An
 * index entry is checked against the frame it points to; if they disagree the segment's index
 * is rebuilt from the frames before trying again.
 *
 * <p>Not thread-safe.
 */
final class SegmentCursor implements AutoCloseable {
    private final SegmentCatalog catalog;
    private long next;

    private LogSegment segment;
    private FileChannel channel;
    private SegmentScanner scanner;
    private long expected;
    private boolean rebuiltIndex;

    SegmentCursor(SegmentCatalog catalog, long from) {
        this.catalog = catalog;
        this.next = from;
    }

    long nextSequence() {
        return next;
    }

    /** Reads the entry {@link #nextSequence()}, which the caller knows the log holds. */
    StoredEntry read() {
        try {
            if (scanner == null || next < segment.base()) {
                position();
            }
            while (true) {
                scanner.limit(segment.extent().endOffset());
                SegmentScanner.Status status = scanner.next();
                if (status == SegmentScanner.Status.OK) {
                    if (scanner.sequence() != expected) {
                        unexpected(scanner.sequence());
                        continue;
                    }
                    expected++;
                    if (scanner.sequence() == next) {
                        next++;
                        return catalog.decode(segment, scanner);
                    }
                } else if (status == SegmentScanner.Status.END) {
                    LogSegment following = catalog.segmentFor(next);
                    if (following == null || following == segment) {
                        throw new LogException("entry " + next + " is not in " + segment.path()
                                + " although the log holds it");
                    }
                    position();
                } else {
                    throw new LogCorruptException(segment.path(), scanner.frameOffset(), scanner.problem());
                }
            }
        } catch (IOException e) {
            throw new LogException("cannot read entry " + next + ": " + e, e);
        }
    }

    /** Starts reading at the index entry at or before {@link #next}. */
    private void position() throws IOException {
        LogSegment s = catalog.segmentFor(next);
        if (s == null) {
            throw new LogException("entry " + next + " is before the start of the log");
        }
        if (s != segment) {
            closeChannel();
            channel = FileChannel.open(s.path(), StandardOpenOption.READ);
            segment = s;
            rebuiltIndex = false;
        }
        SegmentIndex.Entry start = s.index().floor(next);
        long offset = start == null ? FrameFormat.SEGMENT_HEADER_BYTES : start.offset();
        expected = start == null ? s.base() : start.sequence();
        scanner = new SegmentScanner(channel, s.layout(), offset, s.extent().endOffset());
    }

    /** A frame whose sequence is not the one expected: a wrong index, or a damaged segment. */
    private void unexpected(long found) throws IOException {
        if (!rebuiltIndex) {
            rebuiltIndex = true;
            segment.rebuildIndex();
            position();
            return;
        }
        throw new LogCorruptException(segment.path(), scanner.frameOffset(),
                "expected entry " + expected + ", found " + found);
    }

    private void closeChannel() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // a read-only handle: closing cannot lose anything
            }
            channel = null;
        }
    }

    @Override
    public void close() {
        closeChannel();
        scanner = null;
        segment = null;
    }
}
