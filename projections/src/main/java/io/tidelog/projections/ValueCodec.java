package io.tidelog.projections;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Binary encoding of view values: fixed-width big-endian numbers and length-prefixed UTF-8
 * strings, with a presence byte before each nullable field. Values are never compared, so unlike
 * {@link KeyCodec} this encoding only has to be compact and fast.
 */
public final class ValueCodec {
    private ValueCodec() {}

    public static Out out() {
        return new Out();
    }

    public static In in(byte[] bytes) {
        return new In(bytes);
    }

    public static final class Out {
        private byte[] buf = new byte[128];
        private int len;

        private void ensure(int n) {
            if (len + n > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
            }
        }

        public Out i64(long v) {
            ensure(8);
            for (int i = 7; i >= 0; i--) {
                buf[len++] = (byte) (v >>> (i * 8));
            }
            return this;
        }

        public Out i32(int v) {
            ensure(4);
            for (int i = 3; i >= 0; i--) {
                buf[len++] = (byte) (v >>> (i * 8));
            }
            return this;
        }

        public Out f64(double v) {
            return i64(Double.doubleToRawLongBits(v));
        }

        public Out bool(boolean b) {
            ensure(1);
            buf[len++] = (byte) (b ? 1 : 0);
            return this;
        }

        public Out str(String s) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            i32(b.length);
            ensure(b.length);
            System.arraycopy(b, 0, buf, len, b.length);
            len += b.length;
            return this;
        }

        public Out nullableStr(String s) {
            bool(s != null);
            return s == null ? this : str(s);
        }

        public Out nullableF64(Double d) {
            bool(d != null);
            return d == null ? this : f64(d);
        }

        public byte[] bytes() {
            return Arrays.copyOf(buf, len);
        }
    }

    public static final class In {
        private final byte[] buf;
        private int pos;

        In(byte[] buf) {
            this.buf = buf;
        }

        public long i64() {
            long v = 0;
            for (int i = 0; i < 8; i++) {
                v = (v << 8) | (buf[pos++] & 0xFF);
            }
            return v;
        }

        public int i32() {
            int v = 0;
            for (int i = 0; i < 4; i++) {
                v = (v << 8) | (buf[pos++] & 0xFF);
            }
            return v;
        }

        public double f64() {
            return Double.longBitsToDouble(i64());
        }

        public boolean bool() {
            return buf[pos++] != 0;
        }

        public String str() {
            int n = i32();
            String s = new String(buf, pos, n, StandardCharsets.UTF_8);
            pos += n;
            return s;
        }

        public String nullableStr() {
            return bool() ? str() : null;
        }

        public Double nullableF64() {
            return bool() ? f64() : null;
        }
    }
}
