package io.tidelog.backend.internal;

import io.tidelog.backend.BackendException;
import io.tidelog.backend.BackendException.Kind;
import io.tidelog.log.LogPosition;
import io.tidelog.projections.StreamView;
import io.tidelog.schemas.StreamRecordInserted;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * The stream records of log segments that retention dropped, kept under the log positions the
 * views' stream index points at, so that index never has to change. One file per dropped
 * segment that held any, {@code base/streams/<20-digit segment base>.streams}, written before
 * the segment is deleted and never changed.
 *
 * <p>Layout (big-endian):
 *
 * <pre>
 *   0   u32  magic 0x54535452 ("TSTR")
 *   4   u16  format version (1)
 *   6   u16  header length (32)
 *   8   u64  segment base
 *   16  u32  record count n
 *   20  u32  reserved (0)
 *   24  u32  CRC32C of bytes 0..23
 *   28  u32  reserved (0)
 *   32  index: n entries of 32 bytes, ascending by (frame offset, event index):
 *         u64 frame offset, u32 event index, u32 CRC32C of the record's bytes,
 *         u64 log sequence, u64 offset of the record in this file
 *   ... records: u32 length L, then L bytes: the record as {@link StreamView#encodeRecord}
 * </pre>
 *
 * A lookup reads the header, binary-searches the index on disk and reads one record, whose
 * checksum and log sequence are checked against its index entry.
 */
final class StreamArchive {
    private static final int MAGIC = 0x54535452;
    private static final short VERSION = 1;
    private static final int HEADER = 32;
    private static final int ENTRY = 32;
    private static final String SUFFIX = ".streams";

    private StreamArchive() {}

    /** One record to keep: where its frame was, and the record. */
    record Kept(long frameOffset, int eventIndex, long logSequence, StreamRecordInserted record) {}

    static Path file(Path root, long segment) {
        return BaseDirectory.streams(root).resolve(Checkpoints.name(segment) + SUFFIX);
    }

    /** Bases of the segments with archived records, ascending. */
    static List<Long> segments(Path root) {
        Path dir = BaseDirectory.streams(root);
        List<Long> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> files = Files.list(dir)) {
            files.map(p -> p.getFileName().toString())
                    .filter(n -> n.matches("\\d{20}\\" + SUFFIX))
                    .forEach(n -> out.add(Long.parseLong(n.substring(0, 20))));
        } catch (IOException e) {
            throw new BackendException(Kind.IO, "cannot list " + dir + ": " + e.getMessage(), e);
        }
        out.sort(null);
        return out;
    }

    static void delete(Path root, long segment) {
        try {
            Files.deleteIfExists(file(root, segment));
        } catch (IOException e) {
            throw new BackendException(Kind.IO, "cannot delete " + file(root, segment) + ": " + e.getMessage(), e);
        }
    }

    /** Writes the records of {@code segment}, durably (temporary name, force, rename, directory force). */
    static void write(Path root, long segment, List<Kept> records) throws IOException {
        List<Kept> sorted = new ArrayList<>(records);
        sorted.sort(Comparator.comparingLong(Kept::frameOffset).thenComparingInt(Kept::eventIndex));
        List<byte[]> bodies = new ArrayList<>(sorted.size());
        for (Kept k : sorted) {
            bodies.add(StreamView.encodeRecord(k.record()));
        }
        ByteBuffer index = ByteBuffer.allocate(sorted.size() * ENTRY);
        long at = HEADER + (long) sorted.size() * ENTRY;
        for (int i = 0; i < sorted.size(); i++) {
            Kept k = sorted.get(i);
            index.putLong(k.frameOffset()).putInt(k.eventIndex()).putInt(crc(bodies.get(i), 0, bodies.get(i).length))
                    .putLong(k.logSequence()).putLong(at);
            at += 4 + bodies.get(i).length;
        }
        ByteBuffer header = ByteBuffer.allocate(HEADER);
        header.putInt(MAGIC).putShort(VERSION).putShort((short) HEADER).putLong(segment).putInt(sorted.size())
                .putInt(0);
        header.putInt(24, crc(header.array(), 0, 24));

        Path target = file(root, segment);
        Files.createDirectories(target.getParent());
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            writeAll(ch, header.rewind());
            writeAll(ch, index.rewind());
            for (byte[] body : bodies) {
                ByteBuffer len = ByteBuffer.allocate(4).putInt(0, body.length);
                writeAll(ch, len);
                writeAll(ch, ByteBuffer.wrap(body));
            }
            ch.force(true);
        }
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        BaseDirectory.force(target.getParent());
    }

    private static void writeAll(FileChannel ch, ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            ch.write(b);
        }
    }

    /**
     * Looks records up; keeps the file of the last segment it read open, so a run of records
     * from one segment is read from one handle. Not thread-safe; close it.
     */
    static final class Reader implements AutoCloseable {
        private final Path root;
        private long openSegment = -1;
        private FileChannel channel;
        private int count;

        Reader(Path root) {
            this.root = root;
        }

        /** The record at {@code position} and {@code eventIndex}, or null when none is archived there. */
        StreamRecordInserted find(LogPosition position, int eventIndex, long logSequence) {
            Path file = file(root, position.segment());
            try {
                if (openSegment != position.segment()) {
                    close();
                    try {
                        channel = FileChannel.open(file, StandardOpenOption.READ);
                    } catch (NoSuchFileException e) {
                        return null;
                    }
                    openSegment = position.segment();
                    count = readHeader(file);
                }
                int lo = 0;
                int hi = count - 1;
                ByteBuffer entry = ByteBuffer.allocate(ENTRY);
                while (lo <= hi) {
                    int mid = (lo + hi) >>> 1;
                    readFully(entry.clear(), HEADER + (long) mid * ENTRY);
                    long offset = entry.getLong(0);
                    int index = entry.getInt(8);
                    int c = offset != position.offset() ? Long.compare(offset, position.offset())
                            : Integer.compare(index, eventIndex);
                    if (c < 0) {
                        lo = mid + 1;
                    } else if (c > 0) {
                        hi = mid - 1;
                    } else {
                        if (entry.getLong(16) != logSequence) {
                            throw damaged(file, "the record at " + position + " belongs to log sequence "
                                    + entry.getLong(16) + ", not " + logSequence);
                        }
                        return readRecord(file, entry.getLong(24), entry.getInt(12));
                    }
                }
                return null;
            } catch (IOException e) {
                throw new BackendException(Kind.IO, "cannot read " + file + ": " + e.getMessage(), e);
            }
        }

        private int readHeader(Path file) throws IOException {
            ByteBuffer h = ByteBuffer.allocate(HEADER);
            readFully(h, 0);
            if (h.getInt(0) != MAGIC || h.getShort(4) != VERSION || h.getShort(6) != HEADER
                    || h.getInt(24) != crc(h.array(), 0, 24) || h.getLong(8) != openSegment) {
                throw damaged(file, "bad header");
            }
            int n = h.getInt(16);
            if (n < 0 || HEADER + (long) n * ENTRY > channel.size()) {
                throw damaged(file, "record count " + n + " does not fit the file");
            }
            return n;
        }

        private StreamRecordInserted readRecord(Path file, long at, int expectedCrc) throws IOException {
            ByteBuffer len = ByteBuffer.allocate(4);
            readFully(len, at);
            int n = len.getInt(0);
            if (n < 0 || at + 4 + n > channel.size()) {
                throw damaged(file, "record length " + n + " at offset " + at);
            }
            ByteBuffer body = ByteBuffer.allocate(n);
            readFully(body, at + 4);
            if (crc(body.array(), 0, n) != expectedCrc) {
                throw damaged(file, "record checksum mismatch at offset " + at);
            }
            return StreamView.decodeRecord(body.array());
        }

        private void readFully(ByteBuffer b, long at) throws IOException {
            while (b.hasRemaining()) {
                if (channel.read(b, at + b.position()) < 0) {
                    throw new IOException("unexpected end of file at offset " + (at + b.position()));
                }
            }
            b.flip();
        }

        private static BackendException damaged(Path file, String what) {
            return new BackendException(Kind.IO, "the stream archive " + file + " is damaged: " + what);
        }

        @Override
        public void close() {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // a read-only handle: nothing to lose
                }
                channel = null;
            }
            openSegment = -1;
        }
    }

    private static int crc(byte[] b, int off, int len) {
        CRC32C c = new CRC32C();
        c.update(b, off, len);
        return (int) c.getValue();
    }
}
