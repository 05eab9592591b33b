package io.tidelog.projections;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.rocksdb.RocksIterator;

/**
 * Compares two {@link Views} family by family, key by key (both in RocksDB's bytewise key
 * order), each through one consistent snapshot. Used by {@code tidelog verify} to check the live
 * views against views rebuilt from the log.
 */
public final class ViewDiff {
    private ViewDiff() {}

    /** How a key differs. */
    public enum Kind {
        /** The key is in the expected views only. */
        MISSING,
        /** The key is in the actual views only. */
        UNEXPECTED,
        /** Both have the key with different values. */
        VALUE_DIFFERS
    }

    /** One differing key; values are null where absent. */
    public record Difference(Family family, Kind kind, byte[] key, byte[] expectedValue, byte[] actualValue) {
        @Override
        public String toString() {
            return family.name() + " " + kind + " key=" + render(key)
                    + (expectedValue != null ? " expected=" + render(expectedValue) : "")
                    + (actualValue != null ? " actual=" + render(actualValue) : "");
        }
    }

    /** The outcome: per family, the number of keys compared and of differences, and the first differences. */
    public record Result(Map<Family, Long> keysCompared, Map<Family, Long> differenceCounts,
            List<Difference> differences) {
        public boolean identical() {
            return differenceCounts.values().stream().allMatch(c -> c == 0);
        }
    }

    /**
     * Compares every family of {@code expected} with {@code actual}; keeps at most
     * {@code maxReported} differences per family (all are counted).
     */
    public static Result compare(Views expected, Views actual, int maxReported) {
        Map<Family, Long> compared = new EnumMap<>(Family.class);
        Map<Family, Long> counts = new EnumMap<>(Family.class);
        List<Difference> diffs = new ArrayList<>();
        try (SnapshotReader e = expected.snapshot(); SnapshotReader a = actual.snapshot()) {
            for (Family f : Family.values()) {
                long n = 0;
                long d = 0;
                try (RocksIterator ie = e.iterator(f); RocksIterator ia = a.iterator(f)) {
                    ie.seekToFirst();
                    ia.seekToFirst();
                    while (ie.isValid() || ia.isValid()) {
                        n++;
                        int c;
                        if (!ie.isValid()) {
                            c = 1;
                        } else if (!ia.isValid()) {
                            c = -1;
                        } else {
                            c = Arrays.compareUnsigned(ie.key(), ia.key());
                        }
                        Difference diff = null;
                        if (c < 0) {
                            diff = new Difference(f, Kind.MISSING, ie.key(), ie.value(), null);
                            ie.next();
                        } else if (c > 0) {
                            diff = new Difference(f, Kind.UNEXPECTED, ia.key(), null, ia.value());
                            ia.next();
                        } else {
                            byte[] ve = ie.value();
                            byte[] va = ia.value();
                            if (!Arrays.equals(ve, va)) {
                                diff = new Difference(f, Kind.VALUE_DIFFERS, ie.key(), ve, va);
                            }
                            ie.next();
                            ia.next();
                        }
                        if (diff != null) {
                            d++;
                            if (d <= maxReported) {
                                diffs.add(diff);
                            }
                        }
                    }
                }
                compared.put(f, n);
                counts.put(f, d);
            }
        }
        return new Result(compared, counts, diffs);
    }

    /** Printable ASCII as is, other bytes as {@code \xNN}; long values are shortened. */
    public static String render(byte[] bytes) {
        StringBuilder sb = new StringBuilder();
        int limit = Math.min(bytes.length, 200);
        for (int i = 0; i < limit; i++) {
            int b = bytes[i] & 0xff;
            if (b >= 0x20 && b < 0x7f && b != '\\') {
                sb.append((char) b);
            } else {
                sb.append(String.format("\\x%02x", b));
            }
        }
        if (bytes.length > limit) {
            sb.append("...(").append(bytes.length).append(" bytes)");
        }
        return sb.toString();
    }
}
