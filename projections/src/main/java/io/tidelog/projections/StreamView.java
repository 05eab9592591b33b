package io.tidelog.projections;

import io.tidelog.log.LogPosition;
import io.tidelog.schemas.StreamRecordInserted;

/**
 * The stream index. Stream records live only in the log; this family maps
 * (table, shard, numeric sequence, log sequence, event index) to the position of the log frame
 * that holds the record, so records come back ordered by numeric value with ties in insertion
 * order. When retention drops a segment, the store keeps that segment's records by the same
 * positions ({@link #encodeRecord}), so the index never changes. Inside an open transaction, whose entry is not in the log yet, the pending record is
 * held inline in the transaction's own batch and never reaches the committed views.
 *
 * <p>Value: {@code 'P'}, segment (8), offset (8); or {@code 'I'} and the encoded record.
 */
public final class StreamView {
    private StreamView() {}

    private static final byte POINTER = 'P';
    private static final byte INLINE = 'I';

    /** One index entry: where to find the record, or the pending record itself. */
    public record Entry(long numeric, long logSequence, int eventIndex, LogPosition position,
            StreamRecordInserted inline) {}

    public static KeyCodec.Builder shardPrefix(String table, String shard) {
        return KeyCodec.builder().string(table).string(shard);
    }

    static byte[] key(String table, String shard, long numeric, long logSequence, int eventIndex) {
        return shardPrefix(table, shard).ordered(numeric).fixedLong(logSequence).fixedInt(eventIndex)
                .build();
    }

    public static Entry decode(byte[] key, int prefixLength, byte[] value) {
        KeyCodec.Reader kr = KeyCodec.reader(key, prefixLength);
        long numeric = kr.ordered();
        long seq = kr.fixedLong();
        int index = kr.fixedInt();
        if (value[0] == POINTER) {
            KeyCodec.Reader vr = KeyCodec.reader(value, 1);
            return new Entry(numeric, seq, index, new LogPosition(vr.fixedLong(), vr.fixedLong()), null);
        }
        return new Entry(numeric, seq, index, null,
                decodeRecord(java.util.Arrays.copyOfRange(value, 1, value.length)));
    }

    /**
     * A stream record in the views' own encoding (the body of an inline value), for keeping
     * records whose log frames retention drops.
     */
    public static byte[] encodeRecord(StreamRecordInserted r) {
        return ValueCodec.out().str(r.getTableName()).str(r.getShardId())
                .str(r.getEventName()).str(r.getKeysJson()).nullableStr(r.getNewImage())
                .nullableStr(r.getOldImage()).str(r.getSequenceNumber()).i64(r.getCreatedAt())
                .nullableStr(r.getUserIdentity()).bytes();
    }

    /** The record {@link #encodeRecord} encoded. */
    public static StreamRecordInserted decodeRecord(byte[] body) {
        ValueCodec.In in = ValueCodec.in(body);
        return StreamRecordInserted.newBuilder()
                .setTableName(in.str()).setShardId(in.str()).setEventName(in.str())
                .setKeysJson(in.str()).setNewImage(in.nullableStr()).setOldImage(in.nullableStr())
                .setSequenceNumber(in.str()).setCreatedAt(in.i64()).setUserIdentity(in.nullableStr())
                .build();
    }

    static void put(ViewBatch b, StreamRecordInserted r, long logSequence, int eventIndex,
            LogPosition position) {
        long numeric = numericValue(r.getSequenceNumber());
        byte[] value;
        if (position != null) {
            value = KeyCodec.builder().tag(POINTER).fixedLong(position.segment())
                    .fixedLong(position.offset()).build();
        } else {
            byte[] body = encodeRecord(r);
            value = new byte[body.length + 1];
            value[0] = INLINE;
            System.arraycopy(body, 0, value, 1, body.length);
        }
        b.put(Family.STREAM, key(r.getTableName(), r.getShardId(), numeric, logSequence, eventIndex),
                value);
        Long max = Counters.maxStreamSequence(b, r.getTableName());
        if (max == null || numeric > max) {
            Counters.putMaxStreamSequence(b, r.getTableName(), numeric);
        }
    }

    /**
     * The numeric value of a sequence string as SQL {@code CAST(s AS INTEGER)} gives it: skip
     * leading ASCII whitespace, an optional sign, the longest run of digits, clamped to the long
     * range; 0 when there are no digits.
     */
    public static long numericValue(String s) {
        int i = 0;
        int n = s.length();
        while (i < n && isSpace(s.charAt(i))) {
            i++;
        }
        boolean negative = false;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            negative = s.charAt(i) == '-';
            i++;
        }
        long v = 0;
        boolean overflow = false;
        while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            int d = s.charAt(i) - '0';
            if (!overflow) {
                // accumulate as a negative number so Long.MIN_VALUE is representable
                if (v < (Long.MIN_VALUE + d) / 10) {
                    overflow = true;
                } else {
                    v = v * 10 - d;
                }
            }
            i++;
        }
        if (overflow) {
            return negative ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        if (negative) {
            return v;
        }
        return v == Long.MIN_VALUE ? Long.MAX_VALUE : -v;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B;
    }
}
