package io.tidelog.backend.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * An independent check of a log directory's segment files, reading the frame layout directly
 * (docs/log-format.md): each segment header's magic, version and checksum, every frame's
 * CRC32C (force marks included), and that sequences run without gaps within and across
 * segments. Both format versions: version 1 frames are {@code [length][CRC of the payload]
 * payload}, version 2 frames {@code [length][CRC of length, mark and payload][mark] payload},
 * where a length of 0 is a force mark with no payload.
 */
public final class LogCheck {
    static final int SEGMENT_MAGIC = 0x544C4F47;
    static final int HEADER_BYTES = 32;
    static final long MAX_PAYLOAD = 256L << 20;

    private LogCheck() {}

    /** A segment file: base sequence from its name, its size. */
    public record Segment(Path path, long base, long sizeBytes) {}

    /** The outcome of a check. {@code warnings} do not make the log bad (a torn tail, say). */
    public record Result(long frames, long firstSequence, long lastSequence, List<String> problems,
            List<String> warnings) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /**
     * The segment files of a log directory, by base sequence. A segment that retention deletes
     * while the directory is listed is left out.
     */
    public static List<Segment> segments(Path logDir) {
        List<Segment> out = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(logDir, "*.log")) {
            for (Path f : files) {
                String n = f.getFileName().toString();
                if (n.length() == 24 && n.substring(0, 20).chars().allMatch(Character::isDigit)) {
                    long size;
                    try {
                        size = Files.size(f);
                    } catch (NoSuchFileException dropped) {
                        continue;
                    }
                    out.add(new Segment(f, Long.parseLong(n.substring(0, 20)), size));
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        out.sort((a, b) -> Long.compare(a.base(), b.base()));
        return out;
    }

    public static Result check(Path logDir, Progress progress) {
        return check(logDir, false, progress);
    }

    /**
     * @param live whether a writer may be appending meanwhile: an incomplete frame at the end of
     *             the last segment is then one being written, not a torn tail
     */
    public static Result check(Path logDir, boolean live, Progress progress) {
        List<Segment> segments = segments(logDir);
        List<String> problems = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        long total = segments.stream().mapToLong(Segment::sizeBytes).sum();
        progress.start("checking frames", total);
        long doneBytes = 0;
        long frames = 0;
        long first = 0;
        long expected = -1;
        for (int si = 0; si < segments.size(); si++) {
            Segment s = segments.get(si);
            boolean lastSegment = si == segments.size() - 1;
            String name = s.path().getFileName().toString();
            if (expected >= 0 && s.base() != expected) {
                problems.add(name + ": segment starts at sequence " + s.base() + " but " + expected
                        + " was expected (gap or overlap between segments)");
            }
            expected = s.base();
            try (FileChannel ch = FileChannel.open(s.path(), StandardOpenOption.READ)) {
                long size = ch.size();
                byte[] header = new byte[HEADER_BYTES];
                if (readFully(ch, header, 0) < HEADER_BYTES) {
                    problems.add(name + ": segment header is incomplete");
                    continue;
                }
                ByteBuffer hb = ByteBuffer.wrap(header);
                int magic = hb.getInt();
                short version = hb.getShort();
                hb.getShort();
                long base = hb.getLong();
                hb.getLong();
                int crc = hb.getInt();
                if (magic != SEGMENT_MAGIC) {
                    problems.add(name + ": not a Tidelog segment (bad magic)");
                    continue;
                }
                if (crc != crc32c(header, 0, 24)) {
                    problems.add(name + ": segment header checksum mismatch");
                    continue;
                }
                if (version != 1 && version != 2) {
                    problems.add(name + ": unknown segment format version " + version);
                    continue;
                }
                if (base != s.base()) {
                    problems.add(name + ": header says base sequence " + base);
                }
                int frameHeader = frameHeaderBytes(version);
                long offset = HEADER_BYTES;
                byte[] fh = new byte[frameHeader];
                while (offset < size) {
                    if (size - offset < frameHeader) {
                        torn(lastSegment, live, problems, warnings, name, offset, "incomplete frame header");
                        break;
                    }
                    readFully(ch, fh, offset);
                    long len = ByteBuffer.wrap(fh).getInt() & 0xFFFF_FFFFL;
                    int fcrc = ByteBuffer.wrap(fh).getInt(4);
                    boolean mark = version == 2 && len == 0;
                    if (!mark && (len < 2 || len > MAX_PAYLOAD)) {
                        problems.add(name + " @" + offset + ": implausible frame length " + len);
                        break;
                    }
                    if (offset + frameHeader + len > size) {
                        torn(lastSegment, live, problems, warnings, name, offset, "frame runs past the end of the file");
                        break;
                    }
                    byte[] payload = new byte[(int) len];
                    readFully(ch, payload, offset + frameHeader);
                    CRC32C c = new CRC32C();
                    if (version == 2) {
                        c.update(fh, 0, 4);
                        c.update(fh, 8, 8);
                    }
                    c.update(payload, 0, payload.length);
                    if ((int) c.getValue() != fcrc) {
                        problems.add(name + " @" + offset + ": CRC mismatch in the "
                                + (mark ? "force mark" : "frame") + " after sequence " + (expected - 1));
                        break;
                    }
                    long frameStart = offset;
                    offset += frameHeader + len;
                    if (mark) {
                        continue;
                    }
                    long seq = zigzagVarLong(payload);
                    if (seq != expected) {
                        problems.add(name + " @" + frameStart + ": frame holds sequence " + seq + ", expected "
                                + expected);
                    }
                    if (first == 0) {
                        first = seq;
                    }
                    expected = seq + 1;
                    frames++;
                    progress.advance(doneBytes + offset);
                }
                doneBytes += size;
            } catch (IOException e) {
                problems.add(name + ": cannot read: " + e.getMessage());
            }
        }
        progress.advance(total);
        progress.finish();
        return new Result(frames, first, expected <= 0 ? 0 : expected - 1, problems, warnings);
    }

    private static void torn(boolean lastSegment, boolean live, List<String> problems, List<String> warnings,
            String name, long offset, String what) {
        if (lastSegment && live) {
            warnings.add(name + " @" + offset + ": " + what + " (the writer is appending it; checked up to there)");
        } else if (lastSegment) {
            warnings.add(name + " @" + offset + ": " + what
                    + " (a torn tail from a crash; the next writable open truncates it)");
        } else {
            problems.add(name + " @" + offset + ": " + what + " in a segment that is not the last");
        }
    }

    /** The end offset of the frame starting at {@code offset} in {@code segment}. */
    static long frameEnd(Path segment, long offset) throws IOException {
        try (FileChannel ch = FileChannel.open(segment, StandardOpenOption.READ)) {
            byte[] header = new byte[HEADER_BYTES];
            if (readFully(ch, header, 0) < HEADER_BYTES) {
                throw new IOException(segment + " has no segment header");
            }
            int frameHeader = frameHeaderBytes(ByteBuffer.wrap(header).getShort(4));
            byte[] fh = new byte[frameHeader];
            if (readFully(ch, fh, offset) < frameHeader) {
                throw new IOException("no frame at " + segment + " @" + offset);
            }
            long len = ByteBuffer.wrap(fh).getInt() & 0xFFFF_FFFFL;
            return offset + frameHeader + len;
        }
    }

    /** Bytes of a frame's header in a segment of this format version. */
    static int frameHeaderBytes(short version) {
        return version == 1 ? 8 : 16;
    }

    static long zigzagVarLong(byte[] b) {
        long raw = 0;
        int shift = 0;
        for (int i = 0; i < b.length && i < 10; i++) {
            raw |= (long) (b[i] & 0x7f) << shift;
            if ((b[i] & 0x80) == 0) {
                break;
            }
            shift += 7;
        }
        return (raw >>> 1) ^ -(raw & 1);
    }

    private static int crc32c(byte[] b, int off, int len) {
        CRC32C c = new CRC32C();
        c.update(b, off, len);
        return (int) c.getValue();
    }

    private static int readFully(FileChannel ch, byte[] into, long pos) throws IOException {
        ByteBuffer bb = ByteBuffer.wrap(into);
        while (bb.hasRemaining()) {
            int n = ch.read(bb, pos + bb.position());
            if (n < 0) {
                break;
            }
        }
        return bb.position();
    }
}
