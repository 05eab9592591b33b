package io.tidelog.log;

import java.io.OutputStream;
import java.util.Arrays;

/**
 * A reusable byte sink whose array can be read in place, so encoders can be pointed at it
 * without the copy {@link java.io.ByteArrayOutputStream#toByteArray()} makes.
 */
final class GrowableBytes extends OutputStream {
    private final int initialCapacity;
    private byte[] buf;
    private int count;

    GrowableBytes(int initialCapacity) {
        this.initialCapacity = initialCapacity;
        this.buf = new byte[initialCapacity];
    }

    @Override
    public void write(int b) {
        ensure(1);
        buf[count++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) {
        ensure(len);
        System.arraycopy(b, off, buf, count, len);
        count += len;
    }

    private void ensure(int more) {
        int needed = count + more;
        if (needed < 0) {
            throw new IllegalArgumentException("entry too large for a byte array");
        }
        if (needed > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(needed, (int) Math.min(Integer.MAX_VALUE - 8L, buf.length * 2L)));
        }
    }

    byte[] array() {
        return buf;
    }

    int size() {
        return count;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buf, count);
    }

    /** Empties the sink; drops an array a rare huge entry grew so it is not kept forever. */
    void reset() {
        count = 0;
        if (buf.length > Math.max(initialCapacity, 1 << 20)) {
            buf = new byte[initialCapacity];
        }
    }
}
