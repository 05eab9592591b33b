package io.tidelog.log;

import java.io.IOException;
import java.lang.ref.SoftReference;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * One segment file: entries with consecutive sequences starting at the base its name gives.
 *
 * <p>File layout of {@code <base>.log} (big-endian):
 *
 * <pre>
 *   0   u32  magic 0x544C4F47 ("TLOG")
 *   4   u16  format version (2; version 1 is still read)
 *   6   u16  header length (32)
 *   8   u64  base sequence: the first entry's sequence, equal to the file name
 *   16  u64  schema fingerprint: CRC-64-AVRO parsing fingerprint of the writer schema,
 *            stored in schemas/&lt;fingerprint&gt;.avsc
 *   24  u32  CRC32C of bytes 0..23
 *   28  u32  reserved (0)
 *   32  frames, back to back to the end of the file, in the layout the version names:
 *         version 2: u32 payload length, u32 CRC32C (of the length, the mark and the
 *                    payload), u64 forced-through mark, payload
 *         version 1: u32 payload length, u32 CRC32C of the payload, payload
 *         payload: one Avro binary LogEntry of the writer schema (see EntryCodec)
 * </pre>
 *
 * (Details in {@link FrameFormat.Layout}.) A segment is created complete with its header
 * under a temporary name and renamed into place, so a segment file never exists without a
 * header. Only the last segment is ever appended to, and only in the current format version;
 * a segment is forced before the next one is created, so after a crash only the last segment
 * can hold damage, and only in writes that were never forced.
 *
 * <p>Reading is thread-safe. Writing ({@link #write}) is for the one journaler thread;
 * {@link #force} and {@link #seal} may come from any thread.
 */
final class LogSegment {
    static final long NO_TIME = Long.MIN_VALUE;

    /** What the segment is known to hold: the entries up to {@code endOffset}. */
    record Extent(long lastSequence, long firstTimeMicros, long lastTimeMicros, long endOffset) {
        static Extent empty(long base) {
            return new Extent(base - 1, NO_TIME, NO_TIME, FrameFormat.SEGMENT_HEADER_BYTES);
        }
    }

    private final LogDirectory directory;
    private final Path path;
    private final Path indexPath;
    private final long base;
    private final long schemaFingerprint;
    private final FrameFormat.Layout layout;
    private final int indexIntervalBytes;
    private volatile Extent extent;

    /** Holds the index strongly while the segment is appended to or followed. */
    private SegmentIndex pinnedIndex;
    private SoftReference<SegmentIndex> cachedIndex = new SoftReference<>(null);
    private FileChannel readChannel;
    private volatile DiskFile writeFile;
    private long size;
    /** The newest entry a force mark in the file vouches for, or -1. */
    private volatile long markedThrough = -1;
    /** Whether {@link #seal} forced everything written (and not that it gave up). */
    private volatile boolean sealed;
    private boolean closed;

    LogSegment(LogDirectory dir, FrameFormat.SegmentHeader header, int indexIntervalBytes, Extent extent) {
        this.directory = dir;
        this.path = dir.segmentPath(header.baseSequence());
        this.indexPath = dir.indexPath(header.baseSequence());
        this.base = header.baseSequence();
        this.schemaFingerprint = header.schemaFingerprint();
        this.layout = header.layout();
        this.indexIntervalBytes = indexIntervalBytes;
        this.extent = extent;
    }

    /** Creates an empty segment in the current format, durably, ready for {@link #openForAppend}. */
    static LogSegment create(LogDirectory dir, long base, long schemaFingerprint, int indexIntervalBytes)
            throws IOException {
        FrameFormat.SegmentHeader header =
                new FrameFormat.SegmentHeader(base, schemaFingerprint, FrameFormat.Layout.current());
        LogSegment segment = new LogSegment(dir, header, indexIntervalBytes, Extent.empty(base));
        dir.writeAtomically(segment.path, FrameFormat.encodeSegmentHeader(base, schemaFingerprint));
        segment.pinIndex(new SegmentIndex(base, indexIntervalBytes));
        return segment;
    }

    Path path() {
        return path;
    }

    Path indexPath() {
        return indexPath;
    }

    long base() {
        return base;
    }

    long schemaFingerprint() {
        return schemaFingerprint;
    }

    FrameFormat.Layout layout() {
        return layout;
    }

    Extent extent() {
        return extent;
    }

    void extent(Extent e) {
        extent = e;
    }

    boolean hasEntries() {
        return extent.lastSequence >= base;
    }

    /** Keeps {@code index} in memory for as long as the segment lives (the last segment's). */
    synchronized void pinIndex(SegmentIndex index) {
        pinnedIndex = index;
        cachedIndex = new SoftReference<>(index);
    }

    /** Keeps {@code index} while memory allows; it is reloaded or rebuilt when dropped. */
    synchronized void cacheIndex(SegmentIndex index) {
        cachedIndex = new SoftReference<>(index);
    }

    /** Lets a sealed segment's index be dropped under memory pressure and reloaded. */
    synchronized void unpinIndex() {
        pinnedIndex = null;
    }

    /**
     * The segment's index. A sealed segment's index is loaded from its file when it passes
     * the structural checks against the extent recovery established, and otherwise rebuilt
     * from the frames, in memory only.
     */
    synchronized SegmentIndex index() throws IOException {
        SegmentIndex index = cachedIndex.get();
        if (index != null) {
            return index;
        }
        List<SegmentIndex.Entry> entries = SegmentIndex.read(indexPath, base);
        Extent e = extent;
        if (entries != null && !entries.isEmpty() && SegmentIndex.wellFormed(entries, base)) {
            SegmentIndex.Entry last = entries.get(entries.size() - 1);
            if (last.sequence() <= e.lastSequence() && last.offset() < e.endOffset()) {
                index = SegmentIndex.of(base, indexIntervalBytes, entries);
            }
        }
        if (index == null) {
            index = scanIndex();
        }
        cachedIndex = new SoftReference<>(index);
        return index;
    }

    /** Builds the index afresh from the frames up to the extent; used when one is found wrong. */
    synchronized SegmentIndex rebuildIndex() throws IOException {
        SegmentIndex index = scanIndex();
        cachedIndex = new SoftReference<>(index);
        if (pinnedIndex != null) {
            pinnedIndex = index;
        }
        return index;
    }

    private SegmentIndex scanIndex() throws IOException {
        SegmentIndex index = new SegmentIndex(base, indexIntervalBytes);
        Extent e = extent;
        SegmentScanner scanner = new SegmentScanner(reader(), layout, FrameFormat.SEGMENT_HEADER_BYTES, e.endOffset());
        while (scanner.next() == SegmentScanner.Status.OK) {
            index.offer(scanner.sequence(), scanner.frameOffset(), scanner.timeMicros());
        }
        return index;
    }

    /** A channel for positional reads, shared by this process's one-off reads of the segment. */
    synchronized FileChannel reader() throws IOException {
        if (closed) {
            throw new ClosedChannelException();
        }
        if (readChannel == null) {
            readChannel = FileChannel.open(path, StandardOpenOption.READ);
        }
        return readChannel;
    }

    /** A scanner positioned at {@code offset}, reading at most the known extent. */
    SegmentScanner frameAt(long offset) throws IOException {
        return new SegmentScanner(reader(), layout, offset, extent.endOffset(), 4096);
    }

    /** Makes the segment the one appended to, continuing at the end of its extent. */
    void openForAppend() throws IOException {
        DiskFile file = directory.disk().open(path, Disk.Mode.EXISTING);
        try {
            size = extent.endOffset();
            SegmentIndex index = index();
            pinIndex(index);
            index.appendTo(directory.disk(), indexPath);
        } catch (IOException | RuntimeException e) {
            file.close();
            throw e;
        }
        writeFile = file;
    }

    /** Appends the buffer's remaining bytes (journaler thread). */
    void write(ByteBuffer bytes) throws IOException {
        DiskFile file = writeFile;
        if (file == null) {
            throw new ClosedChannelException();
        }
        int n = bytes.remaining();
        file.write(bytes, size);
        size += n;
    }

    /**
     * Appends a force mark vouching for the entries up to {@code through}, which must be
     * forced already (journaler thread, or before it starts).
     */
    void appendMark(long through) throws IOException {
        write(layout.encodeMark(through));
        markedThrough = through;
    }

    long markedThrough() {
        return markedThrough;
    }

    void markedThrough(long through) {
        markedThrough = through;
    }

    /** Bytes in the file, counting those written but not yet published in the extent. */
    long size() {
        return size;
    }

    /**
     * Forces written bytes to stable storage; nothing to do once sealed (sealing forced it).
     * Not synchronized: readers of the segment must not wait for a force, which can take
     * milliseconds.
     */
    void force() throws IOException {
        DiskFile file = writeFile;
        if (file == null) {
            if (sealed) {
                return;
            }
            throw new ClosedChannelException();
        }
        try {
            file.force(false);
        } catch (ClosedChannelException e) {
            if (writeFile == file || !sealed) {
                throw e; // closed under us, or abandoned because the log failed or closed
            }
            // sealed meanwhile, which forced
        }
    }

    /** Forces and stops appending; the segment is read-only from then on. */
    synchronized void seal() throws IOException {
        DiskFile file = writeFile;
        if (file == null) {
            return;
        }
        try {
            file.force(false);
            sealed = true;
        } finally {
            writeFile = null;
            try {
                file.close();
            } finally {
                SegmentIndex index = cachedIndex.get();
                if (index != null) {
                    index.closeFile();
                }
                unpinIndex();
            }
        }
    }

    /** Stops appending without forcing: for a log that failed or that already forced. */
    synchronized void abandonWrites() {
        DiskFile file = writeFile;
        writeFile = null;
        try {
            if (file != null) {
                file.close();
            }
        } catch (IOException ignored) {
            // the log is failing or closing: nothing more will be written to the segment
        }
        SegmentIndex index = cachedIndex.get();
        if (index != null) {
            try {
                index.closeFile();
            } catch (IOException ignored) {
                // derived data, checked against the segment when it is next read
            }
        }
    }

    synchronized void close() throws IOException {
        closed = true;
        abandonWrites();
        if (readChannel != null) {
            readChannel.close();
            readChannel = null;
        }
    }

    @Override
    public String toString() {
        return path.getFileName().toString();
    }
}
