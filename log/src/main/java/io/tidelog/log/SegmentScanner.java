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
 * <p>The scanner reads the frames of one {@link FrameFormat.Layout}, the one its segment's
 * header names.
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
        MALFORMED,
        /** A force mark, which {@link #next()} skips. */
        MARK
    }

    private static final int READ_AHEAD = 64 << 10;

    private final FileChannel channel;
    private final FrameFormat.Layout layout;
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
    private long forcedThrough;
    private long lastMark = -1;
    private String problem;

    SegmentScanner(FileChannel channel, FrameFormat.Layout layout, long offset, long limit) {
        this(channel, layout, offset, limit, READ_AHEAD);
    }

    /** @param readAhead bytes read at once; small for a single frame, large for a scan */
    SegmentScanner(FileChannel channel, FrameFormat.Layout layout, long offset, long limit, int readAhead) {
        this.channel = channel;
        this.layout = layout;
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

    /** The next entry frame; force marks on the way are checked and skipped, and move the cursor. */
    Status next() throws IOException {
        while (true) {
            Status status = nextFrame();
            if (status != Status.MARK) {
                return status;
            }
        }
    }

    private Status nextFrame() throws IOException {
        frameOffset = offset;
        problem = null;
        if (offset >= limit) {
            return offset == limit ? Status.END : fail(Status.INCOMPLETE, "offset is past the end");
        }
        int header = layout.headerBytes();
        if (fill(offset, header) < header) {
            return fail(Status.INCOMPLETE, "frame header runs past the end");
        }
        int at = (int) (offset - bufStart);
        long length = FrameFormat.readLength(buf, at);
        if (layout.isMark(length)) {
            if (!layout.checksumMatches(buf, at, 0)) {
                return allZero(buf, at, header) ? fail(Status.BAD_LENGTH, "zeros where a frame should start")
                        : fail(Status.BAD_CHECKSUM, "force mark checksum mismatch");
            }
            lastMark = layout.forcedThrough(buf, at);
            offset += header;
            return Status.MARK;
        }
        if (!FrameFormat.plausibleLength(length)) {
            return fail(Status.BAD_LENGTH, "implausible frame length " + length);
        }
        int total = header + (int) length;
        if (fill(offset, total) < total) {
            return fail(Status.INCOMPLETE, "frame of " + total + " bytes runs past the end");
        }
        at = (int) (offset - bufStart);
        if (!layout.checksumMatches(buf, at, (int) length)) {
            return fail(Status.BAD_CHECKSUM, "frame checksum mismatch");
        }
        payloadStart = at + header;
        payloadLength = (int) length;
        forcedThrough = layout.forcedThrough(buf, at);
        sequence = EntryCodec.sequenceOf(buf, payloadStart, payloadLength);
        timeMicros = EntryCodec.timeMicrosOf(buf, payloadStart, payloadLength);
        if (sequence == EntryCodec.MALFORMED || timeMicros == EntryCodec.MALFORMED) {
            return fail(Status.MALFORMED, "payload does not start with sequence and time");
        }
        offset += total;
        return Status.OK;
    }

    private static boolean allZero(byte[] b, int from, int length) {
        for (int i = from; i < from + length; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
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
        return frameOffset + layout.headerBytes() + payloadLength;
    }

    long sequence() {
        return sequence;
    }

    long timeMicros() {
        return timeMicros;
    }

    /** The frame's forced-through mark ({@link FrameFormat.Layout#forcedThrough}). */
    long forcedThrough() {
        return forcedThrough;
    }

    /** The mark of the last force mark skipped, or -1 when none was. */
    long lastMark() {
        return lastMark;
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
     * What lies after a damaged frame: the complete frames with matching checksums that could
     * only have been written after the last good entry, and whether one of them vouches that
     * the damaged entry had been forced.
     *
     * @param firstFrame     offset of the first such frame, or -1 when there is none
     * @param frames         how many were found (the search stops at a vouching one)
     * @param vouchingFrame  offset of the first frame whose forced-through mark covers the
     *                       damaged entry, or -1
     * @param vouchedThrough that frame's mark
     */
    record Beyond(long firstFrame, int frames, long vouchingFrame, long vouchedThrough) {
        boolean anything() {
            return firstFrame >= 0;
        }

        boolean vouched() {
            return vouchingFrame >= 0;
        }
    }

    /**
     * Looks past the damaged frame at {@code damaged} for frames written after the entry
     * {@code lastSequence}, following them back to back where they chain and searching byte by
     * byte where they do not. Recovery uses it to tell a torn tail (nothing found), damage that
     * only hit writes never forced (frames found, none vouching) and corruption of forced data
     * (a frame found whose mark says entry {@code lastSequence + 1} had been forced).
     */
    static Beyond scanBeyond(FileChannel channel, FrameFormat.Layout layout, long damaged, long size,
            long lastSequence, long lastTime) throws IOException {
        long first = -1;
        int frames = 0;
        long from = damaged + 1;
        byte[] header = new byte[layout.headerBytes()];
        while (true) {
            long p = findFrame(channel, layout, from, damaged, size, lastSequence, lastTime);
            if (p < 0) {
                return new Beyond(first, frames, -1, -1);
            }
            if (first < 0) {
                first = p;
            }
            frames++;
            readFully(channel, header, p, header.length);
            long mark = layout.forcedThrough(header, 0);
            if (mark > lastSequence) {
                return new Beyond(first, frames, p, mark);
            }
            from = p + layout.headerBytes() + FrameFormat.readLength(header, 0);
        }
    }

    /**
     * The first offset at or after {@code from} holding a frame that could only have been
     * written after the entry {@code lastSequence}: complete, with a matching checksum, a
     * sequence that fits the bytes since {@code damaged}, and a time not before
     * {@code lastTime}; or a force mark past {@code lastSequence}; or -1.
     *
     * <p>Cheap checks come first, so scanning garbage costs about one pass over it; the
     * checksum alone would also reject it, but only after reading every claimed payload.
     */
    static long findFrame(FileChannel channel, FrameFormat.Layout layout, long from, long damaged, long size,
            long lastSequence, long lastTime) throws IOException {
        int headerBytes = layout.headerBytes();
        int minFrame = layout.minFrameBytes();
        int smallest = layout.isMark(0) ? headerBytes : minFrame;
        int peek = headerBytes + 20;
        byte[] window = new byte[READ_AHEAD];
        long winStart = 0;
        int winLen = 0;
        for (long p = from; p + smallest <= size; p++) {
            if (p + Math.min(peek, size - p) > winStart + winLen) {
                winStart = p;
                winLen = readFully(channel, window, winStart, (int) Math.min(window.length, size - winStart));
                if (winLen < smallest) {
                    return -1;
                }
            }
            int at = (int) (p - winStart);
            long length = FrameFormat.readLength(window, at);
            if (layout.isMark(length)) {
                if (p + headerBytes <= size && winLen - at >= headerBytes && layout.checksumMatches(window, at, 0)
                        && layout.forcedThrough(window, at) > lastSequence) {
                    return p;
                }
                continue;
            }
            if (!FrameFormat.plausibleLength(length) || p + headerBytes + length > size) {
                continue;
            }
            int head = (int) Math.min(length, winLen - at - headerBytes);
            long seq = EntryCodec.sequenceOf(window, at + headerBytes, head);
            long maxSeq = lastSequence + 1 + (p - damaged) / minFrame;
            if (seq == EntryCodec.MALFORMED || seq <= lastSequence || seq > maxSeq) {
                continue;
            }
            long time = EntryCodec.timeMicrosOf(window, at + headerBytes, head);
            if (time == EntryCodec.MALFORMED || time < lastTime) {
                continue;
            }
            if (checksumMatches(channel, layout, p, length)) {
                return p;
            }
        }
        return -1;
    }

    private static boolean checksumMatches(FileChannel channel, FrameFormat.Layout layout, long frame, long length)
            throws IOException {
        byte[] header = new byte[layout.headerBytes()];
        if (readFully(channel, header, frame, header.length) < header.length) {
            return false;
        }
        CRC32C crc = layout.checksumOfHeader(header, 0);
        byte[] chunk = new byte[(int) Math.min(length, READ_AHEAD)];
        long from = frame + header.length;
        long done = 0;
        while (done < length) {
            int n = (int) Math.min(chunk.length, length - done);
            if (readFully(channel, chunk, from + done, n) < n) {
                return false;
            }
            crc.update(chunk, 0, n);
            done += n;
        }
        return (int) crc.getValue() == layout.storedChecksum(header, 0);
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
