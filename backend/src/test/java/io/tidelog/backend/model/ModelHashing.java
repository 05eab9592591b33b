package io.tidelog.backend.model;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The model's own implementation of the parallel-scan hashing of §5 (hash prefixes of key
 * strings, numberToBuffer, segment ranges, FNV-1a), written from the spec without using
 * {@code Keys}. {@link ModelSelfTest} checks it against the spec's vectors.
 */
final class ModelHashing {
    private ModelHashing() {}

    /** §5.1: first six lowercase hex digits of MD5("Outliers" + k). */
    static String md5Prefix(byte[] k) {
        try {
            MessageDigest md = MessageDigest.getInstance("MD5");
            md.update("Outliers".getBytes(StandardCharsets.US_ASCII));
            md.update(k);
            byte[] d = md.digest();
            return HexFormat.of().formatHex(d, 0, 3);
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * §5.5 hashPrefixOfKeyString, or null when {@code key} is not a well-formed key string (the
     * parallel-scan cursor fallback of §6.3 then yields an empty result).
     */
    static String hashPrefixOfKeyString(String key) {
        byte[] k = keyBytes(key);
        return k == null ? null : md5Prefix(k);
    }

    private static byte[] keyBytes(String key) {
        if (key.startsWith("S:")) {
            return key.substring(2).getBytes(StandardCharsets.UTF_8);
        }
        if (key.startsWith("B:")) {
            String hex = key.substring(2);
            if (hex.length() % 2 != 0) {
                return null;
            }
            byte[] out = new byte[hex.length() / 2];
            for (int i = 0; i < out.length; i++) {
                int hi = Character.digit(hex.charAt(2 * i), 16);
                int lo = Character.digit(hex.charAt(2 * i + 1), 16);
                if (hi < 0 || lo < 0) {
                    return null;
                }
                out[i] = (byte) (hi * 16 + lo);
            }
            return out;
        }
        if (key.startsWith("N:")) {
            return numberKeyBytes(key.substring(2));
        }
        return null;
    }

    /** Decodes the 45 digits of §4.2 and encodes the number as in §5.2. */
    private static byte[] numberKeyBytes(String f) {
        if (f.length() != 45 || !f.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        char sign = f.charAt(0);
        int field = Integer.parseInt(f.substring(1, 5));
        String mant = f.substring(5);
        if (sign == '1') {
            return mant.chars().allMatch(c -> c == '0') && field == 0 ? new byte[] {(byte) 0x80} : null;
        }
        boolean negative;
        int e;
        StringBuilder digits = new StringBuilder();
        if (sign == '2') {
            negative = false;
            e = field - 5000;
            digits.append(mant);
        } else if (sign == '0') {
            negative = true;
            e = 4999 - field;
            for (char c : mant.toCharArray()) {
                digits.append((char) ('0' + (9 - (c - '0'))));
            }
        } else {
            return null;
        }
        while (digits.length() > 0 && digits.charAt(digits.length() - 1) == '0') {
            digits.setLength(digits.length() - 1);
        }
        if (digits.length() == 0 || digits.charAt(0) == '0') {
            return null;
        }
        return numberToBuffer(negative, digits.toString(), e);
    }

    /** §5.2 for a non-zero number 0.d1…dk × 10^e. */
    static byte[] numberToBuffer(boolean negative, String digits, int e) {
        String d = digits;
        int e2 = e;
        if (Math.floorMod(e, 2) != 0) {
            d = "0" + d;
            e2 = e + 1;
        }
        if (d.length() % 2 != 0) {
            d = d + "0";
        }
        int x = Math.floorMod(e2 / 2 - 64, 256);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int pairs = d.length() / 2;
        out.write(negative ? 255 - x : x);
        for (int i = 0; i < pairs; i++) {
            int c = (d.charAt(2 * i) - '0') * 10 + (d.charAt(2 * i + 1) - '0');
            out.write(negative ? 101 - c : c + 1);
        }
        if (negative && pairs < 20) {
            out.write(102);
        }
        return out.toByteArray();
    }

    /** §5.4: 32-bit FNV-1a over the UTF-8 bytes, unsigned. */
    static long fnv1a32(String s) {
        long h = 2166136261L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= (b & 0xff);
            h = (h * 16777619L) & 0xffffffffL;
        }
        return h;
    }

    /** §5.3 / §6.3 step 2: bucket range of segment s of t as three lowercase hex digits, or null when empty. */
    static String[] segmentRange(int s, int t) {
        long lo = ceilDiv(4096L * s, t);
        long hi = ceilDiv(4096L * (s + 1), t) - 1;
        if (lo > hi) {
            return null;
        }
        return new String[] {String.format("%03x", lo), String.format("%03x", hi)};
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }

    /** §6.3 step 2: whether a base row with this hash prefix is in segment s of t. */
    static boolean inSegment(String hashPrefix, int s, int t) {
        String[] r = segmentRange(s, t);
        if (r == null) {
            return false;
        }
        String h3 = hashPrefix.length() <= 3 ? hashPrefix : hashPrefix.substring(0, 3);
        return ModelOrder.cmp(h3, r[0]) >= 0 && ModelOrder.cmp(h3, r[1]) <= 0;
    }
}
