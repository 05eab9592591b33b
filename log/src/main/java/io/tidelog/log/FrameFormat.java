package io.tidelog.log;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/**
 * The byte layout shared by everything that reads or writes segment files; the file layout
 * itself is described on {@link LogSegment}. All integers are big-endian.
 *
 * <p>The framing knows only two things about a payload: it is an Avro binary {@code LogEntry}
 * and it starts with the {@code sequence} and {@code timeMicros} longs. Everything else about
 * the encoding belongs to {@link EntryCodec}, so another transport can reuse the codec without
 * this framing.
 */
final class FrameFormat {

    /** "TLOG": a file that does not start with it is not a Tidelog segment. */
    static final int SEGMENT_MAGIC = 0x544C4F47;
    static final short FORMAT_VERSION = 1;
    static final int SEGMENT_HEADER_BYTES = 32;

    /** {@code [payload length u32][CRC32C of the payload u32]}. */
    static final int FRAME_HEADER_BYTES = 8;

    /** Two one-byte varints (sequence, timeMicros): the least any envelope version can hold. */
    static final int MIN_PAYLOAD_BYTES = 2;

    /**
     * Bounds what a reader will allocate for one frame, and lets recovery call a length field
     * beyond it damaged without reading that far.
     */
    static final int MAX_PAYLOAD_BYTES = 256 << 20;

    static final int MIN_FRAME_BYTES = FRAME_HEADER_BYTES + MIN_PAYLOAD_BYTES;

    private FrameFormat() {}

    /** The fields of a segment header that was read and checked. */
    record SegmentHeader(long baseSequence, long schemaFingerprint) {}

    static ByteBuffer encodeSegmentHeader(long baseSequence, long schemaFingerprint) {
        ByteBuffer b = ByteBuffer.allocate(SEGMENT_HEADER_BYTES);
        b.putInt(SEGMENT_MAGIC);
        b.putShort(FORMAT_VERSION);
        b.putShort((short) SEGMENT_HEADER_BYTES);
        b.putLong(baseSequence);
        b.putLong(schemaFingerprint);
        b.putInt(crc32c(b.array(), 0, 24));
        b.putInt(0);
        return b.flip();
    }

    /**
     * Parses a segment header.
     *
     * @return the header, or null with {@code problem[0]} saying why the bytes are not one
     */
    static SegmentHeader decodeSegmentHeader(byte[] bytes, int length, String[] problem) {
        if (length < SEGMENT_HEADER_BYTES) {
            problem[0] = "segment header is incomplete (" + length + " bytes)";
            return null;
        }
        ByteBuffer b = ByteBuffer.wrap(bytes, 0, SEGMENT_HEADER_BYTES);
        int magic = b.getInt();
        short version = b.getShort();
        short headerBytes = b.getShort();
        long base = b.getLong();
        long fingerprint = b.getLong();
        int crc = b.getInt();
        if (magic != SEGMENT_MAGIC) {
            problem[0] = "not a Tidelog segment (magic " + Integer.toHexString(magic) + ")";
        } else if (crc != crc32c(bytes, 0, 24)) {
            problem[0] = "segment header checksum mismatch";
        } else if (version != FORMAT_VERSION) {
            problem[0] = "unsupported segment format version " + version;
        } else if (headerBytes != SEGMENT_HEADER_BYTES) {
            problem[0] = "unexpected segment header length " + headerBytes;
        } else {
            return new SegmentHeader(base, fingerprint);
        }
        return null;
    }

    static boolean plausibleLength(long payloadLength) {
        return payloadLength >= MIN_PAYLOAD_BYTES && payloadLength <= MAX_PAYLOAD_BYTES;
    }

    static int readInt(byte[] b, int at) {
        return ((b[at] & 0xFF) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8)
                | (b[at + 3] & 0xFF);
    }

    /** The frame's payload length as the unsigned value it was written as. */
    static long readLength(byte[] b, int at) {
        return readInt(b, at) & 0xFFFF_FFFFL;
    }

    static int crc32c(byte[] b, int off, int len) {
        CRC32C crc = new CRC32C();
        crc.update(b, off, len);
        return (int) crc.getValue();
    }
}
