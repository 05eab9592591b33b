package io.tidelog.log;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * Reads the frames of one segment in order with positional reads, checking each one's length
 * and checksum, and reading its sequence and time without decoding the entry.
 *
 * <p>A cursor: {@link #next()} reports what is at the current offset; the accessors describe
 * that frame until the next call. Only a good frame moves the cursor, so a caller that meets
 * an incomplete frame (a writer still writing it) can extend the {@link #limit} and ask again.
 * Bytes after a frame that was not good are never reused from the buffer, so a retry sees
 * the file as it is then.
 *
 * <p>Not thread-safe; the channel is the caller's.
 */
final class SegmentScanner {

    enum Status {
        /** A complete frame with a matching checksum. */
        OK,
        /** The offset is exactly at the limit: no more frames, and nothing torn. */
        END,
        /** The frame's header or payload runs past the limit. */
        INCOMPLETE,
        /** The length field is outside what any frame can have. */
        BAD_LENGTH,
        /** The payload does not match its checksum. */
        BAD_CHECKSUM,
        /** The checksum matches but the payload does not start with two longs. */
        MALFORMED
    }

    private static final int READ_AHEAD = 64 << 10;

    private final FileChannel channel;
    private long limit;
    private long offset;

    private final int readAhead;
    private byte[] buf;
    private long bufStart;
    private int bufLen;

    private long frameOffset;
    private int payloadStart;
    private int payloadLength;
    private long sequence;
    private long timeMicros;
    private String problem;

    SegmentScanner(FileChannel channel, long offset, long limit) {
        this(channel, offset, limit, READ_AHEAD);
    }

    /** @param readAhead bytes read at once; small for a single frame, large for a scan */
    SegmentScanner(FileChannel channel, long offset, long limit, int readAhead) {
        this.channel = channel;
        this.offset = offset;
        this.limit = limit;
        this.readAhead = readAhead;
        this.buf = new byte[readAhead];
    }

    /** Moves the cursor; frames are only ever found at offsets a previous frame ended at. */
    void seek(long newOffset) {
        offset = newOffset;
    }

    long offset() {
        return offset;
    }

    long limit() {
        return limit;
    }

    void limit(long newLimit) {
        limit = newLimit;
    }

    Status next() throws IOException {
        frameOffset = offset;
        problem = null;
        if (offset >= limit) {
            return offset == limit ? Status.END : fail(Status.INCOMPLETE, "offset is past the end");
        }
        int header = FrameFormat.FRAME_HEADER_BYTES;
        if (fill(offset, header) < header) {
            return fail(Status.INCOMPLETE, "frame header runs past the end");
        }
        int at = (int) (offset - bufStart);
        long length = FrameFormat.readLength(buf, at);
        int crc = FrameFormat.readInt(buf, at + 4);
        if (!FrameFormat.plausibleLength(length)) {
            return fail(Status.BAD_LENGTH, "implausible frame length " + length);
        }
        int total = header + (int) length;
        if (fill(offset, total) < total) {
            return fail(Status.INCOMPLETE, "frame of " + total + " bytes runs past the end");
        }
        at = (int) (offset - bufStart);
        if (FrameFormat.crc32c(buf, at + header, (int) length) != crc) {
            return fail(Status.BAD_CHECKSUM, "frame checksum mismatch");
        }
        payloadStart = at + header;
        payloadLength = (int) length;
        sequence = EntryCodec.sequenceOf(buf, payloadStart, payloadLength);
        timeMicros = EntryCodec.timeMicrosOf(buf, payloadStart, payloadLength);
        if (sequence == EntryCodec.MALFORMED || timeMicros == EntryCodec.MALFORMED) {
            return fail(Status.MALFORMED, "payload does not start with sequence and time");
        }
        offset += total;
        return Status.OK;
    }

    private Status fail(Status status, String why) {
        problem = why;
        bufLen = 0;
        return status;
    }

    /**
     * Makes the buffer hold {@code [pos, pos + n)} as far as the limit allows, reading ahead.
     *
     * @return how many of the {@code n} bytes are available
     */
    private int fill(long pos, int n) throws IOException {
        long bufEnd = bufStart + bufLen;
        if (pos >= bufStart && pos + n <= bufEnd) {
            return n;
        }
        if (pos >= bufStart && pos <= bufEnd) {
            int keep = (int) (bufEnd - pos);
            System.arraycopy(buf, (int) (pos - bufStart), buf, 0, keep);
            bufLen = keep;
        } else {
            bufLen = 0;
        }
        bufStart = pos;
        if (n > buf.length) {
            buf = Arrays.copyOf(buf, n);
        } else if (n <= readAhead && buf.length > 4 * readAhead) {
            buf = Arrays.copyOf(buf, Math.max(readAhead, bufLen));
        }
        long want = Math.min(buf.length, limit - bufStart);
        while (bufLen < want) {
            int read = channel.read(ByteBuffer.wrap(buf, bufLen, (int) (want - bufLen)), bufStart + bufLen);
            if (read <= 0) {
                break;
            }
            bufLen += read;
        }
        return Math.min(n, bufLen);
    }

    long frameOffset() {
        return frameOffset;
    }

    long frameEnd() {
        return frameOffset + FrameFormat.FRAME_HEADER_BYTES + payloadLength;
    }

    long sequence() {
        return sequence;
    }

    long timeMicros() {
        return timeMicros;
    }

    byte[] payloadArray() {
        return buf;
    }

    int payloadStart() {
        return payloadStart;
    }

    int payloadLength() {
        return payloadLength;
    }

    /** Why the last {@link #next()} did not return {@link Status#OK}. */
    String problem() {
        return problem;
    }

    /**
     * Looks for a frame that could only have been written after the entry {@code lastSequence}:
     * complete, with a matching checksum, a sequence that fits the bytes in between, and a time
     * not before {@code lastTime}. Recovery uses it to tell a torn tail (nothing found) from a
     * damaged frame in the middle of the data.
     *
     * <p>Cheap checks come first, so scanning garbage costs about one pass over it; the
     * checksum alone would also reject it, but only after reading every claimed payload.
     *
     * @param damaged offset of the first frame that was not good
     * @return the offset of such a frame, or -1
     */
    static long findFrameAfter(FileChannel channel, long damaged, long size, long lastSequence, long lastTime)
            throws IOException {
        int peek = FrameFormat.FRAME_HEADER_BYTES + 20;
        byte[] window = new byte[READ_AHEAD];
        long winStart = 0;
        int winLen = 0;
        for (long p = damaged + 1; p + FrameFormat.MIN_FRAME_BYTES <= size; p++) {
            if (p + Math.min(peek, size - p) > winStart + winLen) {
                winStart = p;
                winLen = readFully(channel, window, winStart, (int) Math.min(window.length, size - winStart));
                if (winLen < FrameFormat.MIN_FRAME_BYTES) {
                    return -1;
                }
            }
            int at = (int) (p - winStart);
            long length = FrameFormat.readLength(window, at);
            if (!FrameFormat.plausibleLength(length) || p + FrameFormat.FRAME_HEADER_BYTES + length > size) {
                continue;
            }
            int head = (int) Math.min(length, winLen - at - FrameFormat.FRAME_HEADER_BYTES);
            long seq = EntryCodec.sequenceOf(window, at + FrameFormat.FRAME_HEADER_BYTES, head);
            long maxSeq = lastSequence + 1 + (p - damaged) / FrameFormat.MIN_FRAME_BYTES;
            if (seq == EntryCodec.MALFORMED || seq <= lastSequence || seq > maxSeq) {
                continue;
            }
            long time = EntryCodec.timeMicrosOf(window, at + FrameFormat.FRAME_HEADER_BYTES, head);
            if (time == EntryCodec.MALFORMED || time < lastTime) {
                continue;
            }
            int crc = FrameFormat.readInt(window, at + 4);
            if (checksumMatches(channel, p + FrameFormat.FRAME_HEADER_BYTES, length, crc)) {
                return p;
            }
        }
        return -1;
    }

    private static boolean checksumMatches(FileChannel channel, long from, long length, int expected)
            throws IOException {
        CRC32C crc = new CRC32C();
        byte[] chunk = new byte[(int) Math.min(length, READ_AHEAD)];
        long done = 0;
        while (done < length) {
            int n = (int) Math.min(chunk.length, length - done);
            if (readFully(channel, chunk, from + done, n) < n) {
                return false;
            }
            crc.update(chunk, 0, n);
            done += n;
        }
        return (int) crc.getValue() == expected;
    }

    static int readFully(FileChannel channel, byte[] into, long position, int length) throws IOException {
        int got = 0;
        while (got < length) {
            int n = channel.read(ByteBuffer.wrap(into, got, length - got), position + got);
            if (n <= 0) {
                break;
            }
            got += n;
        }
        return got;
    }
}
