package io.tidelog.backend.model;

import io.tidelog.backend.Keys;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The small universe the random operations draw from: table and index names that differ by case
 * or only in bytewise-vs-UTF-16 order, key strings of the three types (with supplementary
 * characters, U+FFFD, NUL and LIKE metacharacters), item JSON with valid and invalid TTL
 * attributes, stream sequence strings, hash prefixes and cachedAt values.
 */
final class Universe {
    static final String GRIN = "\uD83D\uDE00"; // U+1F600, a surrogate pair in Java

    /**
     * "Orders\u0000" with index "byStatus" and "Orders" with index "\u0000byStatus" collide under a
     * NUL-separated composite key; the spec allows any string as a name.
     */
    static final List<String> TABLES = List.of("", "Orders", "orders", "t" + GRIN, "t\uFFFD", "Orders\u0000");
    static final List<String> INDEXES = List.of("", "byStatus", "ByStatus", "\u0000byStatus");

    static final List<String> PKS = List.of("S:a", "S:b", "S:ab", "S:A", "S:\uFFFD", "S:" + GRIN,
            "S:a\u0000b", "S:a\u0000", "S:a\u0001", "S:", "S:" + "x".repeat(130), Keys.numberKey("1"),
            Keys.numberKey("-1.5"), Keys.numberKey("10"), "B:00ff", "B:");

    static final List<String> SKS = List.of("", "S:", "S:a", "S:ab", "S:abc", "S:aB", "S:a%",
            "S:a_", "S:a\\", "S:" + "y".repeat(140), "S:\uFFFD", "S:" + GRIN, "S:" + GRIN + "x", "S:\u00e9", "S:a\u0000",
            Keys.numberKey("0"), Keys.numberKey("0.5"), Keys.numberKey("10"),
            Keys.numberKey("-10"), Keys.numberKey("1e-130"), Keys.numberKey("123.456"), "B:",
            "B:0a", "B:0a0b", "B:ff");

    static final List<String> GSI_PKS = List.of("S:OPEN", "S:open", "S:CLOSED", Keys.numberKey("1"),
            "S:" + GRIN, "S:\uFFFD", "");

    /** Extra operands for sort-key conditions: prefixes and bounds that are not stored keys. */
    static final List<String> COND_EXTRA = List.of("S:a", "S:", "", "N:2", "N:0", "N:", "B:0",
            "S:A", "S:\uFFFF", "S:" + GRIN.substring(0, 1) + "\uDE01", "S:a%", "S:_", "S:\u00e9");

    /** Strings with an unpaired surrogate: every string argument rejects them (§2.5). */
    static final List<String> INVALID = List.of("S:\uD83D", "\uDE00", "a\uD800b");

    /** Cursor partition keys that are not well-formed key strings (§6.3 fallback). */
    static final List<String> MALFORMED_PKS = List.of("X:1", "", "N:12", "B:zz", "S", "s:a");

    static final List<String> SHARDS = List.of("shardId-000", "shardId-001", "", "\u0000shardId-000");
    static final List<String> EVENTS = List.of("INSERT", "MODIFY", "REMOVE");
    static final List<String> SEQS = List.of("1", "2", "3", "5", "7", "9", "10", "11", "12", "007",
            "010", "+3", " 42", "12abc", "1e3", "abc", "-5", "", "100", "8");

    static final List<String> TTL_ATTRS = List.of("exp", "ttl", "Exp", "");

    static final List<Double> CACHED_AT = List.of(0.0, -0.0, 1.5, 1.5, 2.0, 100.25, -3.0,
            1.7e9, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE);

    static final List<Long> NOWS = List.of(0L, 1L, 5L, 8L, 50L, 100L, 101L, 150L, 201L,
            1_000_000L, 1_700_000_001L, Long.MAX_VALUE, -1L);

    private Universe() {}

    static <T> T pick(Random r, List<T> l) {
        return l.get(r.nextInt(l.size()));
    }

    static List<String> tagKeys() {
        List<String> l = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            l.add("k" + i);
        }
        l.add("K0");
        l.add("");
        l.add(GRIN);
        l.add("\uFFFD");
        return l;
    }

    static final List<String> TAG_KEYS = tagKeys();

    /** A hash prefix: mostly the right one for the partition key, sometimes anything (stored verbatim). */
    static String hashPrefix(Random r, String pk) {
        int x = r.nextInt(20);
        if (x < 12) {
            String h = ModelHashing.hashPrefixOfKeyString(pk);
            return h != null ? h : "";
        }
        if (x < 16) {
            return String.format("%06x", r.nextInt(1 << 24));
        }
        return pick(r, List.of("", "0", "fff", "abc", "zzz", "800000", "7ff", "ABC123", "-1", "0008c2"));
    }

    static Double cachedAt(Random r) {
        return r.nextInt(4) == 0 ? null : pick(r, CACHED_AT);
    }

    private static final List<String> TTL_VALUES = List.of("0", "1", "5", "7", "8", "50", "100",
            "101", "150", "200", "007", "+7", "-5", "-0", "1.5", "1e3", " 5", "",
            "99999999999999999999", "1700000000", "9223372036854775807");

    /** Item JSON: well-formed with or without TTL attributes, TTL values of every shape, and garbage. */
    static String itemJson(Random r, int n) {
        int shape = r.nextInt(100);
        if (shape < 4) {
            return pick(r, List.of("", "not json", "[]", "null", "{\"exp\":{\"N\":\"5\"}",
                    "{\"exp\":{\"N\":\"5\"}} x", "{\"exp\":{\"N\":\"5\"},}"));
        }
        StringBuilder b = new StringBuilder("{\"pk\":{\"S\":\"v").append(n).append("\"}");
        if (shape < 60) {
            String attr = pick(r, List.of("exp", "exp", "exp", "ttl", "Exp"));
            b.append(",\"").append(attr).append("\":{\"N\":\"").append(pick(r, TTL_VALUES)).append("\"}");
        } else if (shape < 70) {
            b.append(pick(r, List.of(",\"exp\":{\"S\":\"5\"}", ",\"exp\":{\"N\":5}",
                    ",\"exp\":{\"N\":\"5\",\"S\":\"x\"}", ",\"\\u0065xp\":{\"N\":\"12\"}",
                    ",\"exp\":{\"N\":\"3\"},\"ttl\":{\"N\":\"4\"}", " , \"exp\" : { \"N\" : \"9\" } ",
                    ",\"exp\":[{\"N\":\"5\"}]", ",\"exp\":{}")));
        }
        if (r.nextInt(400) == 0) {
            b.append(",\"big\":{\"S\":\"").append("b".repeat(70_000 + r.nextInt(1000))).append("\"}");
        }
        if (r.nextInt(4) == 0) {
            b.append(",\"d\":{\"S\":\"").append(pick(r, List.of("\u00e9" + GRIN, "\\u0000", "x\\\"y",
                    "\uFFFD", "long" + "z".repeat(r.nextInt(50))))).append("\"}");
        }
        return b.append('}').toString();
    }

    /** Java-escaped rendering for failure messages; very long strings are clipped. */
    static String q(String s) {
        if (s == null) {
            return "null";
        }
        if (s.length() > 4000) {
            return q(s.substring(0, 1500)) + "…(" + s.length() + " chars)…" + q(s.substring(s.length() - 500));
        }
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7e) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }
}
