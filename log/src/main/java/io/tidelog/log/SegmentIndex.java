package io.tidelog.log;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The sparse index of one segment: the first frame, and after it the first frame at least
 * {@code intervalBytes} past the previously indexed one. A lookup lands at most one interval
 * (plus one frame) before the wanted entry.
 *
 * <p>File layout of {@code <base>.index} (big-endian):
 *
 * <pre>
 *   0   u32  magic 0x54494458 ("TIDX")
 *   4   u16  version (1)
 *   6   u16  entry size (24)
 *   8   u64  base sequence of the segment
 *   16  entries, 24 bytes each: u64 sequence, u64 frame offset in the segment, u64 timeMicros
 * </pre>
 *
 * The index is derived data. The writer appends entries after the frames they point to and
 * never forces the file; recovery checks the index against the segment before relying on it
 * and rebuilds it by scanning when it is missing, torn, or does not match.
 *
 * <p>Thread-safe: one writer appends while readers look up.
 */
final class SegmentIndex {
    static final int MAGIC = 0x54494458;
    static final short VERSION = 1;
    static final int HEADER_BYTES = 16;
    static final int ENTRY_BYTES = 24;

    record Entry(long sequence, long offset, long timeMicros) {}

    private final long base;
    private final int intervalBytes;
    private long[] sequences = new long[16];
    private long[] offsets = new long[16];
    private long[] times = new long[16];
    private int size;

    private DiskFile file;
    private int persisted;

    SegmentIndex(long base, int intervalBytes) {
        this.base = base;
        this.intervalBytes = intervalBytes;
    }

    static SegmentIndex of(long base, int intervalBytes, List<Entry> entries) {
        SegmentIndex index = new SegmentIndex(base, intervalBytes);
        for (Entry e : entries) {
            index.append(e.sequence, e.offset, e.timeMicros);
        }
        return index;
    }

    /** Records the frame if the interval rule asks for it; frames must come in log order. */
    synchronized void offer(long sequence, long offset, long timeMicros) {
        if (size == 0 || offset - offsets[size - 1] >= intervalBytes) {
            append(sequence, offset, timeMicros);
        }
    }

    private void append(long sequence, long offset, long timeMicros) {
        if (size == sequences.length) {
            sequences = Arrays.copyOf(sequences, size * 2);
            offsets = Arrays.copyOf(offsets, size * 2);
            times = Arrays.copyOf(times, size * 2);
        }
        sequences[size] = sequence;
        offsets[size] = offset;
        times[size] = timeMicros;
        size++;
    }

    synchronized int size() {
        return size;
    }

    synchronized List<Entry> entries() {
        List<Entry> list = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            list.add(entry(i));
        }
        return list;
    }

    private Entry entry(int i) {
        return new Entry(sequences[i], offsets[i], times[i]);
    }

    synchronized Entry last() {
        return size == 0 ? null : entry(size - 1);
    }

    /** The last entry at or before {@code sequence}, or null when there is none. */
    synchronized Entry floor(long sequence) {
        int i = Arrays.binarySearch(sequences, 0, size, sequence);
        if (i < 0) {
            i = -i - 2;
        }
        return i < 0 ? null : entry(i);
    }

    /** The last entry with a time strictly before {@code micros}, or null when there is none. */
    synchronized Entry lastBefore(long micros) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (times[mid] < micros) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo == 0 ? null : entry(lo - 1);
    }

    /**
     * Whether {@code entries} could have been written for a segment with this base: starting at
     * its first frame, strictly ascending, times never going back.
     */
    static boolean wellFormed(List<Entry> entries, long base) {
        Entry prev = null;
        for (Entry e : entries) {
            if (prev == null) {
                if (e.sequence != base || e.offset != FrameFormat.SEGMENT_HEADER_BYTES) {
                    return false;
                }
            } else if (e.sequence <= prev.sequence || e.offset <= prev.offset || e.timeMicros < prev.timeMicros) {
                return false;
            }
            prev = e;
        }
        return true;
    }

    /**
     * Reads an index file. Returns null when it is missing, not an index of this segment, or
     * ends with a torn entry (the writer then rewrites it).
     */
    static List<Entry> read(Path path, long base) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            return null;
        }
        if (bytes.length < HEADER_BYTES || (bytes.length - HEADER_BYTES) % ENTRY_BYTES != 0) {
            return null;
        }
        ByteBuffer b = ByteBuffer.wrap(bytes);
        if (b.getInt() != MAGIC || b.getShort() != VERSION || b.getShort() != ENTRY_BYTES || b.getLong() != base) {
            return null;
        }
        List<Entry> entries = new ArrayList<>((bytes.length - HEADER_BYTES) / ENTRY_BYTES);
        while (b.hasRemaining()) {
            entries.add(new Entry(b.getLong(), b.getLong(), b.getLong()));
        }
        return entries;
    }

    /** Replaces the file at {@code path} with this index, atomically. */
    synchronized void writeTo(LogDirectory directory, Path path) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(HEADER_BYTES + size * ENTRY_BYTES);
        putHeader(b);
        for (int i = 0; i < size; i++) {
            b.putLong(sequences[i]).putLong(offsets[i]).putLong(times[i]);
        }
        directory.writeAtomically(path, b.flip(), false);
    }

    private void putHeader(ByteBuffer b) {
        b.putInt(MAGIC).putShort(VERSION).putShort((short) ENTRY_BYTES).putLong(base);
    }

    /**
     * From now on {@link #flush()} appends new entries to {@code path}, which must hold exactly
     * the current entries. An empty index starts the file afresh, whatever was there.
     */
    synchronized void appendTo(Disk disk, Path path) throws IOException {
        DiskFile opened = disk.open(path, size == 0 ? Disk.Mode.CREATE_EMPTY : Disk.Mode.EXISTING);
        if (size == 0) {
            ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES);
            putHeader(header);
            try {
                opened.write(header.flip(), 0);
            } catch (IOException e) {
                opened.close();
                throw e;
            }
        }
        file = opened;
        persisted = size;
    }

    /** Writes entries added since the last flush; called after the frames they point to. */
    synchronized void flush() throws IOException {
        if (file == null || persisted == size) {
            return;
        }
        ByteBuffer b = ByteBuffer.allocate((size - persisted) * ENTRY_BYTES);
        for (int i = persisted; i < size; i++) {
            b.putLong(sequences[i]).putLong(offsets[i]).putLong(times[i]);
        }
        file.write(b.flip(), HEADER_BYTES + (long) persisted * ENTRY_BYTES);
        persisted = size;
    }

    synchronized void closeFile() throws IOException {
        if (file != null) {
            try {
                flush();
            } finally {
                file.close();
                file = null;
            }
        }
    }
}
