package io.tidelog.backend;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.Objects;

/**
 * Key-string encodings, their ordering and the parallel-scan hashing of the storage backend
 * (specification §4 and §5). All members are static; the class cannot be instantiated.
 */
public final class Keys {

    /** Number of parallel-scan hash buckets (§5.3). */
    private static final int HASH_BUCKETS = 4096;

    /** Length of a normalised number (§4.2): tag digit, four exponent digits, 40 mantissa digits. */
    private static final int NORMALIZED_LENGTH = 45;

    /** Mantissa width of a normalised number (§4.2). */
    private static final int MANTISSA_WIDTH = 40;

    /** Maximum significant digits of a DynamoDB number (§4.2). */
    private static final int MAX_DIGITS = 38;

    /** Exponent bounds, with |n| = 0.d1…dk × 10^E: 1E-130 has E = -129, 9.9…E+125 has E = 126. */
    private static final int MIN_EXPONENT = -129;
    private static final int MAX_EXPONENT = 126;

    private static final String ZERO_NORMALIZED = "1" + "0".repeat(NORMALIZED_LENGTH - 1);

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private static final byte[] MD5_SALT = "Outliers".getBytes(StandardCharsets.US_ASCII);

    private static final ThreadLocal<MessageDigest> MD5 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is not available", e);
        }
    });

    /**
     * Bytewise order of the UTF-8 encodings, i.e. Unicode code-point order (§4.4). Unlike
     * {@link String#compareTo} it sorts supplementary characters (surrogate pairs) after every
     * character of U+E000–U+FFFF. The empty string sorts first and a proper prefix sorts before
     * the longer string.
     */
    public static final Comparator<String> KEY_ORDER = Keys::compareKeyStrings;

    private Keys() {
    }

    // ---------------------------------------------------------------------------------------
    // §4.1 key strings
    // ---------------------------------------------------------------------------------------

    /**
     * Key string of an {@code S} value: {@code "S:" + s} (§4.1).
     *
     * @throws NullPointerException if {@code s} is null
     */
    public static String stringKey(String s) {
        return "S:" + Objects.requireNonNull(s, "s");
    }

    /**
     * Key string of an {@code N} value: {@code "N:" + normalizeNumberForSort(n)} (§4.1, §4.2).
     *
     * @throws IllegalArgumentException if {@code dynamoNumber} is not a valid DynamoDB number
     */
    public static String numberKey(String dynamoNumber) {
        return "N:" + normalizeNumberForSort(dynamoNumber);
    }

    /**
     * Key string of a {@code B} value: {@code "B:"} followed by the lowercase hexadecimal form
     * of the bytes, two digits per byte (§4.1).
     *
     * @throws NullPointerException if {@code bytes} is null
     */
    public static String binaryKey(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        char[] out = new char[2 + 2 * bytes.length];
        out[0] = 'B';
        out[1] = ':';
        int j = 2;
        for (byte b : bytes) {
            out[j++] = HEX[(b >> 4) & 0xF];
            out[j++] = HEX[b & 0xF];
        }
        return new String(out);
    }

    // ---------------------------------------------------------------------------------------
    // §4.2 number normalisation, §5.2 numberToBuffer
    // ---------------------------------------------------------------------------------------

    /**
     * Maps a DynamoDB number to 45 ASCII digits whose bytewise order is the numeric order
     * (§4.2). Numerically equal spellings give identical strings; zero in any spelling gives
     * {@code "1"} followed by 44 zeros.
     *
     * @throws IllegalArgumentException if the input is null, outside the number grammar, has
     *     more than 38 significant digits or is non-zero with a magnitude outside
     *     1E-130 .. 9.9999999999999999999999999999999999999E+125
     */
    public static String normalizeNumberForSort(String dynamoNumber) {
        ParsedNumber n = parseNumber(dynamoNumber);
        if (n.isZero()) {
            return ZERO_NORMALIZED;
        }
        char[] out = new char[NORMALIZED_LENGTH];
        String digits = n.digits;
        if (n.negative) {
            out[0] = '0';
            putFourDigits(out, 1, 4999 - n.exponent);
            for (int i = 0; i < MANTISSA_WIDTH; i++) {
                out[5 + i] = i < digits.length() ? (char) ('9' - (digits.charAt(i) - '0')) : '9';
            }
        } else {
            out[0] = '2';
            putFourDigits(out, 1, n.exponent + 5000);
            for (int i = 0; i < MANTISSA_WIDTH; i++) {
                out[5 + i] = i < digits.length() ? digits.charAt(i) : '0';
            }
        }
        return new String(out);
    }

    /**
     * Byte encoding of a number that depends only on its value (§5.2): {@code 0x80} for zero;
     * otherwise an exponent byte followed by one byte per pair of base-100 digits, with the
     * negative form complemented and terminated by {@code 0x66} when it has fewer than 20
     * pair bytes.
     *
     * @throws IllegalArgumentException if {@code dynamoNumber} is not a valid DynamoDB number
     */
    public static byte[] numberToBuffer(String dynamoNumber) {
        return numberToBuffer(parseNumber(dynamoNumber));
    }

    private static byte[] numberToBuffer(ParsedNumber n) {
        if (n.isZero()) {
            return new byte[] {(byte) 0x80};
        }
        String digits = n.digits;
        int exponent = n.exponent;
        if ((exponent & 1) != 0) {
            digits = "0" + digits;
            exponent += 1;
        }
        int pairs = (digits.length() + 1) / 2;
        int x = Math.floorMod(exponent / 2 - 64, 256);
        boolean terminator = n.negative && pairs < 20;
        byte[] out = new byte[1 + pairs + (terminator ? 1 : 0)];
        out[0] = (byte) (n.negative ? 255 - x : x);
        for (int p = 0; p < pairs; p++) {
            int a = digits.charAt(2 * p) - '0';
            int b = 2 * p + 1 < digits.length() ? digits.charAt(2 * p + 1) - '0' : 0;
            int c = 10 * a + b;
            out[1 + p] = (byte) (n.negative ? 101 - c : c + 1);
        }
        if (terminator) {
            out[out.length - 1] = 102;
        }
        return out;
    }

    // ---------------------------------------------------------------------------------------
    // §5.1 hash prefixes
    // ---------------------------------------------------------------------------------------

    /**
     * Hash prefix of an {@code S} partition key (§5.1): the first six lowercase hex digits of
     * MD5("Outliers" + UTF-8 bytes of {@code s}).
     *
     * @throws NullPointerException if {@code s} is null
     */
    public static String hashPrefixOfString(String s) {
        return hashPrefixOfBytes(Objects.requireNonNull(s, "s").getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Hash prefix of an {@code N} partition key (§5.1): MD5 over "Outliers" followed by
     * {@link #numberToBuffer(String)}.
     *
     * @throws IllegalArgumentException if {@code dynamoNumber} is not a valid DynamoDB number
     */
    public static String hashPrefixOfNumber(String dynamoNumber) {
        return hashPrefixOfBytes(numberToBuffer(dynamoNumber));
    }

    /**
     * Hash prefix of a {@code B} partition key (§5.1): MD5 over "Outliers" followed by the raw
     * bytes.
     *
     * @throws NullPointerException if {@code bytes} is null
     */
    public static String hashPrefixOfBinary(byte[] bytes) {
        return hashPrefixOfBytes(Objects.requireNonNull(bytes, "bytes"));
    }

    /**
     * Hash prefix of the attribute value a partition key string encodes (§5.5, used by the
     * parallel-scan cursor fallback of §6.3): {@code S:} hashes the rest as a string,
     * {@code B:} the hex-decoded rest, {@code N:} the number that the 45 digits encode.
     *
     * @throws IllegalArgumentException if {@code keyString} is null or not a well-formed
     *     {@code S:}, {@code N:} or {@code B:} key string (a {@code B:} key needs an even number
     *     of lowercase hex digits; an {@code N:} key must be exactly what
     *     {@link #numberKey(String)} produces for some valid number)
     */
    public static String hashPrefixOfKeyString(String keyString) {
        if (keyString == null || keyString.length() < 2 || keyString.charAt(1) != ':') {
            throw new IllegalArgumentException("not a key string: " + keyString);
        }
        String rest = keyString.substring(2);
        switch (keyString.charAt(0)) {
            case 'S':
                return hashPrefixOfString(rest);
            case 'B':
                return hashPrefixOfBinary(decodeLowerHex(rest, keyString));
            case 'N':
                return hashPrefixOfBytes(numberToBuffer(decodeNormalizedNumber(rest, keyString)));
            default:
                throw new IllegalArgumentException("not a key string: " + keyString);
        }
    }

    // ---------------------------------------------------------------------------------------
    // §5.3 buckets and segments
    // ---------------------------------------------------------------------------------------

    /**
     * The bucket of a hash prefix (§5.3): its first {@code min(3, length)} characters read as a
     * hexadecimal integer (either letter case), or 0 when that is empty or not hexadecimal.
     * The result is in 0..4095.
     *
     * @throws NullPointerException if {@code hashPrefix} is null
     */
    public static int hashBucket(String hashPrefix) {
        int n = Math.min(3, hashPrefix.length());
        int value = 0;
        for (int i = 0; i < n; i++) {
            int d = hexValue(hashPrefix.charAt(i));
            if (d < 0) {
                return 0;
            }
            value = (value << 4) | d;
        }
        return value;
    }

    /**
     * Whether a hash prefix falls in parallel-scan segment {@code segment} of
     * {@code totalSegments} (§5.3): {@code lo ≤ hashBucket(hashPrefix) ≤ hi}.
     *
     * @throws IllegalArgumentException unless {@code 0 ≤ segment < totalSegments}
     * @throws NullPointerException if {@code hashPrefix} is null
     */
    public static boolean hashInSegment(String hashPrefix, int segment, int totalSegments) {
        checkSegment(segment, totalSegments);
        int bucket = hashBucket(hashPrefix);
        return bucket >= lowBucket(segment, totalSegments) && bucket <= highBucket(segment, totalSegments);
    }

    /**
     * First bucket owned by a segment (§5.3, §6.3 step 2): {@code ceil(4096·s / t)}, computed in
     * {@code long}. May exceed {@link #segmentHighBucket} (an empty segment, when
     * {@code t > 4096}), and may then be 4096.
     *
     * @throws IllegalArgumentException unless {@code 0 ≤ segment < totalSegments}
     */
    public static int segmentLowBucket(int segment, int totalSegments) {
        checkSegment(segment, totalSegments);
        return lowBucket(segment, totalSegments);
    }

    /**
     * Last bucket owned by a segment (§5.3, §6.3 step 2): {@code ceil(4096·(s+1) / t) − 1},
     * computed in {@code long}. The segment is empty when this is below
     * {@link #segmentLowBucket}.
     *
     * @throws IllegalArgumentException unless {@code 0 ≤ segment < totalSegments}
     */
    public static int segmentHighBucket(int segment, int totalSegments) {
        checkSegment(segment, totalSegments);
        return highBucket(segment, totalSegments);
    }

    /**
     * A bucket written as three lowercase hexadecimal digits, e.g. {@code 5 → "005"},
     * {@code 4095 → "fff"} (§6.3 step 2). Callers must treat a segment whose low bucket exceeds
     * its high bucket as empty before formatting its bounds: the low bound of such a segment
     * may be 4096, which has no three-digit form.
     *
     * @throws IllegalArgumentException if {@code bucket} is outside 0..4095
     */
    public static String bucketHex(int bucket) {
        if (bucket < 0 || bucket >= HASH_BUCKETS) {
            throw new IllegalArgumentException("bucket out of range 0..4095: " + bucket);
        }
        return new String(new char[] {HEX[(bucket >> 8) & 0xF], HEX[(bucket >> 4) & 0xF], HEX[bucket & 0xF]});
    }

    // ---------------------------------------------------------------------------------------
    // §5.4 FNV-1a
    // ---------------------------------------------------------------------------------------

    /**
     * 32-bit FNV-1a over the UTF-8 bytes of {@code s} (§5.4), as an unsigned value in
     * 0..2^32−1. Unpaired surrogates are encoded as {@code '?'}, as
     * {@link String#getBytes(java.nio.charset.Charset)} does.
     *
     * @throws NullPointerException if {@code s} is null
     */
    public static long fnv1a32(String s) {
        int h = 0x811C9DC5; // 2166136261
        int len = s.length();
        for (int i = 0; i < len; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                h = (h ^ c) * 0x01000193;
            } else if (c < 0x800) {
                h = (h ^ (0xC0 | (c >> 6))) * 0x01000193;
                h = (h ^ (0x80 | (c & 0x3F))) * 0x01000193;
            } else if (!Character.isSurrogate(c)) {
                h = (h ^ (0xE0 | (c >> 12))) * 0x01000193;
                h = (h ^ (0x80 | ((c >> 6) & 0x3F))) * 0x01000193;
                h = (h ^ (0x80 | (c & 0x3F))) * 0x01000193;
            } else if (Character.isHighSurrogate(c) && i + 1 < len && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                h = (h ^ (0xF0 | (cp >> 18))) * 0x01000193;
                h = (h ^ (0x80 | ((cp >> 12) & 0x3F))) * 0x01000193;
                h = (h ^ (0x80 | ((cp >> 6) & 0x3F))) * 0x01000193;
                h = (h ^ (0x80 | (cp & 0x3F))) * 0x01000193;
            } else {
                h = (h ^ '?') * 0x01000193;
            }
        }
        return Integer.toUnsignedLong(h);
    }

    // ---------------------------------------------------------------------------------------
    // private helpers
    // ---------------------------------------------------------------------------------------

    /**
     * Code-point order. Maps each UTF-16 unit to a rank that keeps the order among
     * non-surrogates and among surrogates but puts every surrogate above every non-surrogate;
     * for well-formed strings the lexicographic order of those ranks is code-point order,
     * and it is a total order on all strings.
     */
    private static int compareKeyStrings(String a, String b) {
        if (a == b) {
            return 0;
        }
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char ca = a.charAt(i);
            char cb = b.charAt(i);
            if (ca != cb) {
                boolean sa = Character.isSurrogate(ca);
                if (sa == Character.isSurrogate(cb)) {
                    return ca - cb;
                }
                return sa ? 1 : -1;
            }
        }
        return a.length() - b.length();
    }

    private static String hashPrefixOfBytes(byte[] key) {
        MessageDigest md = MD5.get();
        md.reset();
        md.update(MD5_SALT);
        md.update(key);
        byte[] d = md.digest();
        return new String(new char[] {
            HEX[(d[0] >> 4) & 0xF], HEX[d[0] & 0xF],
            HEX[(d[1] >> 4) & 0xF], HEX[d[1] & 0xF],
            HEX[(d[2] >> 4) & 0xF], HEX[d[2] & 0xF],
        });
    }

    private static int lowBucket(int segment, int totalSegments) {
        return (int) ceilDiv((long) HASH_BUCKETS * segment, totalSegments);
    }

    private static int highBucket(int segment, int totalSegments) {
        return (int) (ceilDiv((long) HASH_BUCKETS * (segment + 1L), totalSegments) - 1);
    }

    private static long ceilDiv(long x, long y) {
        return -Math.floorDiv(-x, y);
    }

    private static void checkSegment(int segment, int totalSegments) {
        if (totalSegments < 1 || segment < 0 || segment >= totalSegments) {
            throw new IllegalArgumentException(
                    "need 0 <= segment < totalSegments, got segment " + segment + " of " + totalSegments);
        }
    }

    private static int hexValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    private static byte[] decodeLowerHex(String hex, String keyString) {
        if ((hex.length() & 1) != 0) {
            throw new IllegalArgumentException("odd number of hex digits in binary key: " + keyString);
        }
        byte[] out = new byte[hex.length() / 2];
        for (int i = 0; i < out.length; i++) {
            int hi = lowerHexValue(hex.charAt(2 * i));
            int lo = lowerHexValue(hex.charAt(2 * i + 1));
            if (hi < 0 || lo < 0) {
                throw new IllegalArgumentException("not lowercase hex in binary key: " + keyString);
            }
            out[i] = (byte) ((hi << 4) | lo);
        }
        return out;
    }

    private static int lowerHexValue(char c) {
        return (c >= 'A' && c <= 'F') ? -1 : hexValue(c);
    }

    /**
     * Decodes the 45 digits of a normalised number (§5.5) and checks that they are exactly the
     * normal form of the decoded value.
     */
    private static ParsedNumber decodeNormalizedNumber(String s, String keyString) {
        if (s.length() != NORMALIZED_LENGTH) {
            throw new IllegalArgumentException("not a number key string: " + keyString);
        }
        for (int i = 0; i < NORMALIZED_LENGTH; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("not a number key string: " + keyString);
            }
        }
        ParsedNumber n;
        char tag = s.charAt(0);
        int field = Integer.parseInt(s, 1, 5, 10);
        if (tag == '1') {
            n = ParsedNumber.ZERO;
        } else if (tag == '2' || tag == '0') {
            boolean negative = tag == '0';
            char[] digits = new char[MANTISSA_WIDTH];
            int k = 0;
            for (int i = 0; i < MANTISSA_WIDTH; i++) {
                int d = s.charAt(5 + i) - '0';
                if (negative) {
                    d = 9 - d;
                }
                digits[i] = (char) ('0' + d);
                if (d != 0) {
                    k = i + 1;
                }
            }
            int exponent = negative ? 4999 - field : field - 5000;
            n = new ParsedNumber(negative, new String(digits, 0, k), exponent);
        } else {
            throw new IllegalArgumentException("not a number key string: " + keyString);
        }
        // Reject anything that is not the canonical form of a valid number (leading zero digit,
        // too many digits, exponent out of range, non-canonical zero).
        if (!n.isZero()) {
            if (n.digits.isEmpty() || n.digits.charAt(0) == '0' || n.digits.length() > MAX_DIGITS
                    || n.exponent < MIN_EXPONENT || n.exponent > MAX_EXPONENT) {
                throw new IllegalArgumentException("not a number key string: " + keyString);
            }
        } else if (!s.equals(ZERO_NORMALIZED)) {
            throw new IllegalArgumentException("not a number key string: " + keyString);
        }
        return n;
    }

    private static void putFourDigits(char[] out, int at, int value) {
        out[at] = (char) ('0' + value / 1000 % 10);
        out[at + 1] = (char) ('0' + value / 100 % 10);
        out[at + 2] = (char) ('0' + value / 10 % 10);
        out[at + 3] = (char) ('0' + value % 10);
    }

    /**
     * Parses and validates a DynamoDB number (§4.2): an optional sign, digits with at most one
     * '.', at least one digit, optionally 'e'/'E' with an optional sign and at least one digit.
     */
    private static ParsedNumber parseNumber(String s) {
        if (s == null) {
            throw new IllegalArgumentException("number is null");
        }
        int len = s.length();
        int i = 0;
        boolean negative = false;
        if (i < len && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            negative = s.charAt(i) == '-';
            i++;
        }
        int intStart = i;
        while (i < len && isAsciiDigit(s.charAt(i))) {
            i++;
        }
        int intEnd = i;
        int fracStart = i;
        int fracEnd = i;
        if (i < len && s.charAt(i) == '.') {
            i++;
            fracStart = i;
            while (i < len && isAsciiDigit(s.charAt(i))) {
                i++;
            }
            fracEnd = i;
        }
        int intLen = intEnd - intStart;
        int fracLen = fracEnd - fracStart;
        if (intLen + fracLen == 0) {
            throw invalidNumber(s);
        }
        long exp = 0;
        if (i < len && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            boolean expNegative = false;
            if (i < len && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                expNegative = s.charAt(i) == '-';
                i++;
            }
            int expStart = i;
            while (i < len && isAsciiDigit(s.charAt(i))) {
                // Saturate: any exponent this large is out of range for a non-zero number.
                exp = Math.min(exp * 10 + (s.charAt(i) - '0'), 1_000_000_000_000L);
                i++;
            }
            if (i == expStart) {
                throw invalidNumber(s);
            }
            if (expNegative) {
                exp = -exp;
            }
        }
        if (i != len) {
            throw invalidNumber(s);
        }

        // Significant digits of I followed by F: drop the L leading zeros and all trailing zeros.
        StringBuilder digits = new StringBuilder(Math.min(intLen + fracLen, 64));
        int leadingZeros = 0;
        boolean seenNonZero = false;
        int trailingZeros = 0;
        for (int p = intStart; p < fracEnd; p++) {
            if (p == intEnd) {
                p = fracStart;
                if (p >= fracEnd) {
                    break;
                }
            }
            char c = s.charAt(p);
            if (!seenNonZero) {
                if (c == '0') {
                    leadingZeros++;
                    continue;
                }
                seenNonZero = true;
            }
            digits.append(c);
            trailingZeros = c == '0' ? trailingZeros + 1 : 0;
        }
        if (!seenNonZero) {
            return ParsedNumber.ZERO;
        }
        digits.setLength(digits.length() - trailingZeros);
        if (digits.length() > MAX_DIGITS) {
            throw new IllegalArgumentException(
                    "more than 38 significant digits in number: " + s);
        }
        long e = (long) intLen - leadingZeros + exp;
        if (e > MAX_EXPONENT) {
            throw new IllegalArgumentException("number magnitude above 9.9999999999999999999999999999999999999E+125: " + s);
        }
        if (e < MIN_EXPONENT) {
            throw new IllegalArgumentException("number magnitude below 1E-130: " + s);
        }
        return new ParsedNumber(negative, digits.toString(), (int) e);
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static IllegalArgumentException invalidNumber(String s) {
        return new IllegalArgumentException("not a valid DynamoDB number: " + s);
    }

    /**
     * A parsed number: zero (empty digits), or {@code ±0.d1…dk × 10^exponent} with
     * {@code d1 ≠ 0} and {@code dk ≠ 0}.
     */
    private static final class ParsedNumber {
        static final ParsedNumber ZERO = new ParsedNumber(false, "", 0);

        final boolean negative;
        final String digits;
        final int exponent;

        ParsedNumber(boolean negative, String digits, int exponent) {
            this.negative = negative;
            this.digits = digits;
            this.exponent = exponent;
        }

        boolean isZero() {
            return digits.isEmpty();
        }
    }
}
