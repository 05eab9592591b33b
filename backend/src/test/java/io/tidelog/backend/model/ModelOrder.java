package io.tidelog.backend.model;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The reference model's own orderings (§4.4), written independently of {@code Keys.KEY_ORDER}:
 * strings compare by the unsigned bytes of their UTF-8 encodings, tuples component by component.
 */
final class ModelOrder {
    private ModelOrder() {}

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Bytewise order of UTF-8 encodings; a proper prefix sorts first. */
    static final Comparator<String> BYTES =
            (a, b) -> Arrays.compareUnsigned(utf8(a), utf8(b));

    static int cmp(String a, String b) {
        return BYTES.compare(a, b);
    }

    /** Tuple order of equally long lists of strings. */
    static final Comparator<List<String>> TUPLES = (a, b) -> {
        if (a.size() != b.size()) {
            throw new IllegalStateException("tuples of different arity: " + a + " vs " + b);
        }
        for (int i = 0; i < a.size(); i++) {
            int c = cmp(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    };

    /** Whether the UTF-8 bytes of {@code p} are a prefix of those of {@code v}. */
    static boolean bytePrefix(String p, String v) {
        byte[] pb = utf8(p);
        byte[] vb = utf8(v);
        return pb.length <= vb.length && Arrays.equals(pb, 0, pb.length, vb, 0, pb.length);
    }

    /** True when {@code s} contains an unpaired surrogate (no UTF-8 form, §2.5). */
    static boolean hasUnpairedSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                } else {
                    return true;
                }
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
