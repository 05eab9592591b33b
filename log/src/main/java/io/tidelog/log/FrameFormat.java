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
 *
 * <p>Two frame layouts exist, named by the segment header's format version ({@link Layout}).
 * Version 2 is written; version 1 is still read.
 */
final class FrameFormat {

    /** "TLOG": a file that does not start with it is not a Tidelog segment. */
    static final int SEGMENT_MAGIC = 0x544C4F47;
    /** The format version new segments are written in. */
    static final short FORMAT_VERSION = 2;
    static final int SEGMENT_HEADER_BYTES = 32;

    /** Two one-byte varints (sequence, timeMicros): the least any envelope version can hold. */
    static final int MIN_PAYLOAD_BYTES = 2;

    /**
     * Bounds what a reader will allocate for one frame, and lets recovery call a length field
     * beyond it damaged without reading that far.
     */
    static final int MAX_PAYLOAD_BYTES = 256 << 20;

    /** What a {@link Layout#forcedThrough} returns for a frame that records no force: it vouches for everything before it. */
    static final long VOUCHES_FOR_ALL = Long.MAX_VALUE;

    private FrameFormat() {}

    /**
     * The layout of one frame.
     *
     * <pre>
     *   version 1                          version 2
     *   0  u32 payload length L            0  u32 payload length L
     *   4  u32 CRC32C of the payload       4  u32 CRC32C of bytes 0..3 and 8..15+L
     *   8  payload                         8  u64 forced-through: the newest sequence known
     *                                            to be on stable storage when this frame was
     *                                            framed (0: none)
     *                                      16 payload
     * </pre>
     *
     * The forced-through mark is what lets recovery tell the damage a power loss does to
     * writes that were never forced (truncated) from damage to forced data (corruption): a
     * good frame after a damaged one vouches for every entry up to its mark. A version 1
     * frame records no mark, and so vouches for everything before it, which is the rule
     * version 1 recovery always applied.
     *
     * <p>A version 2 frame with payload length 0 is a <em>force mark</em>: no entry, only a
     * mark, 16 bytes. A writer appends one when it has forced entries that no frame vouches
     * for yet (on close, and on opening a log another writer left), so that damage to them
     * is told apart from a power loss's. Readers skip it; it is never indexed.
     */
    enum Layout {
        V1(8),
        V2(16);

        private final int headerBytes;

        Layout(int headerBytes) {
            this.headerBytes = headerBytes;
        }

        static Layout of(short version) {
            return switch (version) {
                case 1 -> V1;
                case 2 -> V2;
                default -> null;
            };
        }

        /** The layout new frames are written in. */
        static Layout current() {
            return V2;
        }

        short version() {
            return this == V1 ? (short) 1 : (short) 2;
        }

        int headerBytes() {
            return headerBytes;
        }

        /** Whether a frame with this payload length is a force mark rather than an entry. */
        boolean isMark(long payloadLength) {
            return this == V2 && payloadLength == 0;
        }

        /** A force mark vouching for the entries up to {@code through} (version 2 only). */
        ByteBuffer encodeMark(long through) {
            ByteBuffer b = ByteBuffer.allocate(headerBytes);
            b.putInt(0, 0).putLong(8, through);
            b.putInt(4, (int) checksumOfHeader(b.array(), 0).getValue());
            return b;
        }

        /** The smallest frame this layout can hold: a header and the least payload. */
        int minFrameBytes() {
            return headerBytes + MIN_PAYLOAD_BYTES;
        }

        /** Whether the frame whose header starts at {@code b[at]}, payload following, matches its checksum. */
        boolean checksumMatches(byte[] b, int at, int payloadLength) {
            CRC32C crc = checksumOfHeader(b, at);
            crc.update(b, at + headerBytes, payloadLength);
            return (int) crc.getValue() == storedChecksum(b, at);
        }

        /** A checksum over the header bytes at {@code b[at]} the frame's CRC covers; add the payload to it. */
        CRC32C checksumOfHeader(byte[] b, int at) {
            CRC32C crc = new CRC32C();
            if (this == V2) {
                crc.update(b, at, 4);
                crc.update(b, at + 8, 8);
            }
            return crc;
        }

        int storedChecksum(byte[] b, int at) {
            return readInt(b, at + 4);
        }

        /** The forced-through mark of the frame whose header starts at {@code b[at]}. */
        long forcedThrough(byte[] b, int at) {
            return this == V2 ? readLong(b, at + 8) : VOUCHES_FOR_ALL;
        }
    }

    /** The fields of a segment header that was read and checked. */
    record SegmentHeader(long baseSequence, long schemaFingerprint, Layout layout) {}

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
     * Parses a segment header of any version this code reads.
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
        Layout layout = Layout.of(version);
        if (magic != SEGMENT_MAGIC) {
            problem[0] = "not a Tidelog segment (magic " + Integer.toHexString(magic) + ")";
        } else if (crc != crc32c(bytes, 0, 24)) {
            problem[0] = "segment header checksum mismatch";
        } else if (layout == null) {
            problem[0] = "unsupported segment format version " + version;
        } else if (headerBytes != SEGMENT_HEADER_BYTES) {
            problem[0] = "unexpected segment header length " + headerBytes;
        } else {
            return new SegmentHeader(base, fingerprint, layout);
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

    static long readLong(byte[] b, int at) {
        return ((long) readInt(b, at) << 32) | (readInt(b, at + 4) & 0xFFFF_FFFFL);
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
