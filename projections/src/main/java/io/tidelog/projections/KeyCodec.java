package io.tidelog.projections;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The one place where view keys are built and taken apart.
 *
 * <p>A key is a sequence of components. Strings are written as their UTF-8 bytes with every
 * {@code 0x00} escaped as {@code 0x00 0xFF}, followed by the terminator {@code 0x00}. This keeps
 * RocksDB's unsigned bytewise key order equal to the tuple order of the components under the
 * UTF-8 bytewise string order (a shorter string sorts before its extensions because the
 * terminator is smaller than any continuation byte or escape). Longs are written as 8 bytes
 * big-endian with the sign bit flipped, so signed order is byte order; doubles use the usual
 * IEEE-754 order-preserving transform.
 *
 * <p>Not thread-safe: a {@code KeyCodec.Builder} is used by one thread at a time.
 */
public final class KeyCodec {
    private KeyCodec() {}

    private static final byte TERMINATOR = 0x00;
    private static final byte ESCAPE = (byte) 0xFF;

    public static Builder builder() {
        return new Builder(64);
    }

    /** Accumulates key components. */
    public static final class Builder {
        private byte[] buf;
        private int len;

        Builder(int capacity) {
            buf = new byte[capacity];
        }

        private void ensure(int extra) {
            if (len + extra > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + extra));
            }
        }

        public Builder id(long storeId) {
            return fixedLong(storeId);
        }

        /** A signed long in order-preserving form. */
        public Builder ordered(long v) {
            return fixedLong(v ^ Long.MIN_VALUE);
        }

        public Builder ordered(double d) {
            return fixedLong(orderedBits(d));
        }

        public Builder fixedLong(long v) {
            ensure(8);
            for (int i = 7; i >= 0; i--) {
                buf[len++] = (byte) (v >>> (i * 8));
            }
            return this;
        }

        public Builder fixedInt(int v) {
            ensure(4);
            for (int i = 3; i >= 0; i--) {
                buf[len++] = (byte) (v >>> (i * 8));
            }
            return this;
        }

        public Builder tag(byte b) {
            ensure(1);
            buf[len++] = b;
            return this;
        }

        /** A terminated string component. */
        public Builder string(String s) {
            stringBody(s);
            ensure(1);
            buf[len++] = TERMINATOR;
            return this;
        }

        /**
         * The escaped bytes of {@code s} without a terminator: the lower bound of every key whose
         * next string component starts with {@code s}.
         */
        public Builder stringPrefix(String s) {
            stringBody(s);
            return this;
        }

        private void stringBody(String s) {
            int n = s.length();
            ensure(n);
            for (int i = 0; i < n; i++) {
                char c = s.charAt(i);
                if (c >= 0x01 && c < 0x80) {
                    buf[len++] = (byte) c;
                } else {
                    byte[] rest = s.substring(i).getBytes(StandardCharsets.UTF_8);
                    ensure(rest.length * 2);
                    for (byte b : rest) {
                        buf[len++] = b;
                        if (b == TERMINATOR) {
                            buf[len++] = ESCAPE;
                        }
                    }
                    return;
                }
            }
        }

        /**
         * Ends a string component's range: the key built so far plus {@code 0xFF} is greater
         * than every key whose previous component equals the string just written, and smaller
         * than every key whose component is a longer string. (The byte after a terminator is a
         * UTF-8 lead byte or another terminator, never {@code 0xFF}; after an escaped
         * {@code 0x00} it is always {@code 0xFF}.)
         */
        public Builder afterComponent() {
            return tag(ESCAPE);
        }

        public byte[] build() {
            return Arrays.copyOf(buf, len);
        }

        public int length() {
            return len;
        }
    }

    /** Reads components back from a key, left to right. */
    public static final class Reader {
        private final byte[] key;
        private int pos;

        public Reader(byte[] key, int offset) {
            this.key = key;
            this.pos = offset;
        }

        public String string() {
            int start = pos;
            boolean escaped = false;
            int i = pos;
            while (true) {
                if (i >= key.length) {
                    throw new IllegalStateException("unterminated string component in view key");
                }
                if (key[i] == TERMINATOR) {
                    if (i + 1 < key.length && key[i + 1] == ESCAPE) {
                        escaped = true;
                        i += 2;
                        continue;
                    }
                    break;
                }
                i++;
            }
            String s;
            if (!escaped) {
                s = new String(key, start, i - start, StandardCharsets.UTF_8);
            } else {
                byte[] out = new byte[i - start];
                int n = 0;
                for (int j = start; j < i; j++) {
                    out[n++] = key[j];
                    if (key[j] == TERMINATOR) {
                        j++;
                    }
                }
                s = new String(out, 0, n, StandardCharsets.UTF_8);
            }
            pos = i + 1;
            return s;
        }

        public long fixedLong() {
            long v = 0;
            for (int i = 0; i < 8; i++) {
                v = (v << 8) | (key[pos++] & 0xFF);
            }
            return v;
        }

        public long ordered() {
            return fixedLong() ^ Long.MIN_VALUE;
        }

        public double orderedDouble() {
            return fromOrderedBits(fixedLong());
        }

        public int fixedInt() {
            int v = 0;
            for (int i = 0; i < 4; i++) {
                v = (v << 8) | (key[pos++] & 0xFF);
            }
            return v;
        }

        public byte tag() {
            return key[pos++];
        }

        public Reader skip(int bytes) {
            pos += bytes;
            return this;
        }
    }

    public static Reader reader(byte[] key, int offset) {
        return new Reader(key, offset);
    }

    static long orderedBits(double d) {
        if (d == 0.0) {
            d = 0.0; // -0.0 and 0.0 are equal numerically and must tie
        }
        long bits = Double.doubleToLongBits(d);
        return bits < 0 ? ~bits : bits ^ Long.MIN_VALUE;
    }

    static double fromOrderedBits(long v) {
        long bits = v < 0 ? v ^ Long.MIN_VALUE : ~v;
        return Double.longBitsToDouble(bits);
    }

    /** True when {@code key} starts with {@code prefix}. */
    public static boolean startsWith(byte[] key, byte[] prefix) {
        if (key.length < prefix.length) {
            return false;
        }
        return Arrays.equals(key, 0, prefix.length, prefix, 0, prefix.length);
    }

    /**
     * The smallest key greater than every key that starts with {@code prefix}, or null when there
     * is none (all bytes 0xFF).
     */
    public static byte[] prefixEnd(byte[] prefix) {
        byte[] end = prefix.clone();
        for (int i = end.length - 1; i >= 0; i--) {
            if (end[i] != (byte) 0xFF) {
                end[i]++;
                return Arrays.copyOf(end, i + 1);
            }
        }
        return null;
    }
}
