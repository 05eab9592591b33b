package io.tidelog.backend.internal;

import java.util.Arrays;
import org.rocksdb.RocksIterator;

/**
 * A half-open range {@code [lower, upper)} of view keys, walked forward or backward. Narrowing
 * by a condition or a cursor only raises the lower bound or lowers the upper one.
 */
final class KeyRange {
    private byte[] lower;
    private byte[] upper;

    KeyRange(byte[] lower, byte[] upper) {
        this.lower = lower;
        this.upper = upper;
    }

    KeyRange atLeast(byte[] bound) {
        if (Arrays.compareUnsigned(bound, lower) > 0) {
            lower = bound;
        }
        return this;
    }

    KeyRange below(byte[] bound) {
        if (Arrays.compareUnsigned(bound, upper) < 0) {
            upper = bound;
        }
        return this;
    }

    boolean isEmpty() {
        return Arrays.compareUnsigned(lower, upper) >= 0;
    }

    /** Receives keys in order; returns false to stop. */
    interface Visitor {
        boolean visit(byte[] key, byte[] value);
    }

    void walk(RocksIterator it, boolean forward, Visitor visitor) {
        if (isEmpty()) {
            return;
        }
        if (forward) {
            for (it.seek(lower); it.isValid(); it.next()) {
                byte[] k = it.key();
                if (Arrays.compareUnsigned(k, upper) >= 0 || !visitor.visit(k, it.value())) {
                    return;
                }
            }
        } else {
            it.seekForPrev(upper);
            if (it.isValid() && Arrays.compareUnsigned(it.key(), upper) >= 0) {
                it.prev();
            }
            for (; it.isValid(); it.prev()) {
                byte[] k = it.key();
                if (Arrays.compareUnsigned(k, lower) < 0 || !visitor.visit(k, it.value())) {
                    return;
                }
            }
        }
    }
}
