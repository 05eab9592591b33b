package io.tidelog.backend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class KeysTest {

    private static final HexFormat HEX = HexFormat.of();

    // ---------------------------------------------------------------------------------------
    // Class shape
    // ---------------------------------------------------------------------------------------

    @Test
    void isAFinalUtilityClassWithAPrivateConstructor() throws Exception {
        assertTrue(Modifier.isFinal(Keys.class.getModifiers()));
        assertTrue(Modifier.isPublic(Keys.class.getModifiers()));
        Constructor<?>[] constructors = Keys.class.getDeclaredConstructors();
        assertEquals(1, constructors.length);
        assertTrue(Modifier.isPrivate(constructors[0].getModifiers()));
    }

    // ---------------------------------------------------------------------------------------
    // §4.3 worked examples
    // ---------------------------------------------------------------------------------------

    /** The numeric rows of §4.3, in the ascending order the spec lists them. */
    private static final String[][] NUMBER_ROWS = {
        {"-10", "N:049978999999999999999999999999999999999999999"},
        {"-1.5", "N:049988499999999999999999999999999999999999999"},
        {"-1", "N:049988999999999999999999999999999999999999999"},
        {"0", "N:100000000000000000000000000000000000000000000"},
        {"1e-130", "N:248711000000000000000000000000000000000000000"},
        {"0.5", "N:250005000000000000000000000000000000000000000"},
        {"1", "N:250011000000000000000000000000000000000000000"},
        {"1.5", "N:250011500000000000000000000000000000000000000"},
        {"10", "N:250021000000000000000000000000000000000000000"},
        {"123.456", "N:250031234560000000000000000000000000000000000"},
        {"1e3", "N:250041000000000000000000000000000000000000000"},
    };

    @Test
    void workedExamplesOfSection43() {
        assertEquals("S:", Keys.stringKey(""));
        assertEquals("S:abc", Keys.stringKey("abc"));
        assertEquals("B:0001abff", Keys.binaryKey(new byte[] {0x00, 0x01, (byte) 0xAB, (byte) 0xFF}));
        assertEquals("B:", Keys.binaryKey(new byte[0]));
        for (String[] row : NUMBER_ROWS) {
            assertEquals(row[1], Keys.numberKey(row[0]), row[0]);
            assertEquals(row[1].substring(2), Keys.normalizeNumberForSort(row[0]), row[0]);
            assertEquals(45, Keys.normalizeNumberForSort(row[0]).length());
        }
    }

    @Test
    void rowsOfSection43AreAscending() {
        for (int i = 1; i < NUMBER_ROWS.length; i++) {
            String a = NUMBER_ROWS[i - 1][1];
            String b = NUMBER_ROWS[i][1];
            assertTrue(Keys.KEY_ORDER.compare(a, b) < 0, a + " < " + b);
            assertTrue(bytewise(a, b) < 0, a + " < " + b);
        }
        assertTrue(Keys.KEY_ORDER.compare("S:", "S:abc") < 0);
    }

    @Test
    void zeroInAnySpelling() {
        String zero = "1" + "0".repeat(44);
        for (String z : new String[] {"0", "-0", "+0", "0.000", "0e7", "-0.0E-99", "000", ".0", "0.",
            "0e999999999999999999999", "-00.00e+5"}) {
            assertEquals(zero, Keys.normalizeNumberForSort(z), z);
            assertArrayEquals(new byte[] {(byte) 0x80}, Keys.numberToBuffer(z), z);
        }
    }

    @Test
    void numericallyEqualSpellingsGiveIdenticalStrings() {
        String[][] groups = {
            {"1", "1.0", "+1", "10e-1", "0001", "1.000e0", "0.1E1", ".1e+1", "1.", "100E-2"},
            {"-1.5", "-1.50", "-15e-1", "-0.15E1", "-000015.000e-1"},
            {"123.456", "123456e-3", "0.123456e3", "1.23456E+2", "00123.4560"},
            {"1e-130", "0.1e-129", "10e-131", "0.0000000001e-120"},
            {"-12300", "-1.23e4", "-123e2", "-12300.000"},
        };
        for (String[] group : groups) {
            String expected = Keys.normalizeNumberForSort(group[0]);
            String expectedHash = Keys.hashPrefixOfNumber(group[0]);
            byte[] expectedBuffer = Keys.numberToBuffer(group[0]);
            for (String spelling : group) {
                assertEquals(expected, Keys.normalizeNumberForSort(spelling), spelling);
                assertEquals("N:" + expected, Keys.numberKey(spelling), spelling);
                assertArrayEquals(expectedBuffer, Keys.numberToBuffer(spelling), spelling);
                assertEquals(expectedHash, Keys.hashPrefixOfNumber(spelling), spelling);
            }
        }
    }

    @Test
    void exponentFieldAndPadding() {
        // largest positive and negative magnitudes, 38 digits
        String nines = "9".repeat(38);
        assertEquals("25126" + nines + "00", Keys.normalizeNumberForSort("9." + nines.substring(1) + "E+125"));
        assertEquals("04873" + "0".repeat(38) + "99", Keys.normalizeNumberForSort("-9." + nines.substring(1) + "E+125"));
        // smallest magnitudes
        assertEquals("24871" + "1" + "0".repeat(39), Keys.normalizeNumberForSort("1E-130"));
        assertEquals("05128" + "8" + "9".repeat(39), Keys.normalizeNumberForSort("-1E-130"));
        // trailing zeros of an integer are not significant digits
        assertEquals("25051" + "1" + "0".repeat(39), Keys.normalizeNumberForSort("1" + "0".repeat(50)));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", " ", "1 ", " 1", "+", "-", ".", "-.", "+-1", "--1", "1..2", "1.2.3", "1e", "1E+", "1e-", "e5",
        ".e1", "1e1.5", "1e1e1", "0x10", "1,5", "NaN", "Infinity", "-Infinity", "abc", "1f", "1d", "1_000",
        "\u0661", "\uff11", "1e\u0661",
        // more than 38 significant digits
        "123456789012345678901234567890123456789", "1.23456789012345678901234567890123456789",
        "-100000000000000000000000000000000000000.1",
        // out of range
        "1E+126", "-1E+126", "10E+125", "9.99999999999999999999999999999999999999E+125",
        "1E-131", "-1E-131", "0.9E-130", "0.99999E-130", "1e999999999999999999999", "1e-999999999999999999",
    })
    void invalidNumbersThrow(String n) {
        assertThrows(IllegalArgumentException.class, () -> Keys.normalizeNumberForSort(n), n);
        assertThrows(IllegalArgumentException.class, () -> Keys.numberKey(n), n);
        assertThrows(IllegalArgumentException.class, () -> Keys.numberToBuffer(n), n);
        assertThrows(IllegalArgumentException.class, () -> Keys.hashPrefixOfNumber(n), n);
    }

    @Test
    void nullNumberThrows() {
        assertThrows(IllegalArgumentException.class, () -> Keys.normalizeNumberForSort(null));
        assertThrows(IllegalArgumentException.class, () -> Keys.numberToBuffer(null));
        assertThrows(IllegalArgumentException.class, () -> Keys.hashPrefixOfNumber(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "12345678901234567890123456789012345678", "-12345678901234567890123456789012345678",
        "1.2345678901234567890123456789012345678", "9.9999999999999999999999999999999999999E+125",
        "-9.9999999999999999999999999999999999999E+125", "1E+125", "1E-130", "-1E-130", "1e+0", "1E-0",
        "+.5", "5.", "-0.5e-5", "00000000000000000000000000000000000000000000001",
        "1000000000000000000000000000000000000000000000000000",
    })
    void validEdgeNumbersAreAccepted(String n) {
        assertEquals(45, Keys.normalizeNumberForSort(n).length());
        assertEquals(new BigDecimal(n).signum() < 0,
                Keys.normalizeNumberForSort(n).charAt(0) == '0');
    }

    // ---------------------------------------------------------------------------------------
    // §4.2 property: bytewise order of normalizeNumberForSort is numeric order
    // ---------------------------------------------------------------------------------------

    @Test
    void normalisedOrderEqualsBigDecimalOrder() {
        Random random = new Random(0x7E1D_E106L);
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            numbers.add(randomNumber(random));
        }
        // values that differ only in the last significant digit or by sign
        numbers.addAll(List.of("0", "-0", "1", "-1", "1.0000000000000000000000000000000000001",
                "0.99999999999999999999999999999999999999", "-0.99999999999999999999999999999999999999",
                "1E-130", "-1E-130", "9.9999999999999999999999999999999999999E+125",
                "-9.9999999999999999999999999999999999999E+125", "0.1", "0.11", "0.101", "-0.1", "-0.11",
                "-0.101", "10", "11", "100", "99", "-99", "-100", "-10", "-11"));
        for (int i = 0; i < 20000; i++) {
            String a = numbers.get(random.nextInt(numbers.size()));
            String b = numbers.get(random.nextInt(numbers.size()));
            checkNumericOrder(a, b);
        }
        for (int i = 1; i < numbers.size(); i++) {
            checkNumericOrder(numbers.get(i - 1), numbers.get(i));
        }
    }

    private static void checkNumericOrder(String a, String b) {
        int expected = Integer.signum(new BigDecimal(a).compareTo(new BigDecimal(b)));
        String na = Keys.normalizeNumberForSort(a);
        String nb = Keys.normalizeNumberForSort(b);
        assertEquals(expected, Integer.signum(bytewise(na, nb)), a + " vs " + b);
        assertEquals(expected, Integer.signum(Keys.KEY_ORDER.compare(Keys.numberKey(a), Keys.numberKey(b))));
        if (expected == 0) {
            assertEquals(na, nb);
        }
    }

    /** A random valid DynamoDB number in a BigDecimal-compatible spelling. */
    private static String randomNumber(Random random) {
        if (random.nextInt(50) == 0) {
            return random.nextBoolean() ? "0" : "-0.00";
        }
        int k = 1 + random.nextInt(random.nextBoolean() ? 38 : 4);
        StringBuilder digits = new StringBuilder();
        digits.append((char) ('1' + random.nextInt(9)));
        for (int i = 1; i < k; i++) {
            digits.append((char) ('0' + random.nextInt(10)));
        }
        // |n| = 0.digits × 10^E with E in [-129, 126]; narrow exponents often, to get ties
        int e = random.nextBoolean() ? -129 + random.nextInt(256) : -3 + random.nextInt(8);
        String sign = random.nextBoolean() ? "-" : (random.nextInt(4) == 0 ? "+" : "");
        String mantissa = "0." + digits + "0".repeat(random.nextInt(3));
        return sign + mantissa + "E" + e;
    }

    // ---------------------------------------------------------------------------------------
    // §5.1 hash prefixes and buckets
    // ---------------------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource({
        "3635, 33363335, 0008c2, 0",
        "228, 323238, 000efb, 0",
        "1668, 31363638, 001fef, 1",
        "3435, 33343335, 004477, 4",
        "café, 636166c3a9, 05ab9a, 90",
    })
    void stringHashPrefixes(String s, String keyHex, String prefix, int bucket) {
        assertEquals(keyHex, HEX.formatHex(s.getBytes(StandardCharsets.UTF_8)));
        assertEquals(prefix, Keys.hashPrefixOfString(s));
        assertEquals(prefix, Keys.hashPrefixOfKeyString(Keys.stringKey(s)));
        assertEquals(bucket, Keys.hashBucket(prefix));
    }

    @Test
    void binaryHashPrefix() {
        byte[] key = {0x01, 0x02};
        assertEquals("e8b778", Keys.hashPrefixOfBinary(key));
        assertEquals("e8b778", Keys.hashPrefixOfKeyString("B:0102"));
        assertEquals("e8b778", Keys.hashPrefixOfKeyString(Keys.binaryKey(key)));
        assertEquals(3723, Keys.hashBucket("e8b778"));
    }

    @ParameterizedTest
    @CsvSource({
        "0, 80, ce212d, 3298",
        "251, c20334, 001cc6, 1",
        "2388, c21859, fff5d3, 4095",
        "100, c202, 6840bd, 1668",
        "0.5, c033, b4a0a7, 2890",
        "-1.5, 3e643366, 98f4b1, 2447",
    })
    void numberHashPrefixesAndBuffers(String n, String bufferHex, String prefix, int bucket) {
        assertEquals(bufferHex, HEX.formatHex(Keys.numberToBuffer(n)));
        assertEquals(prefix, Keys.hashPrefixOfNumber(n));
        assertEquals(prefix, Keys.hashPrefixOfKeyString(Keys.numberKey(n)));
        assertEquals(bucket, Keys.hashBucket(prefix));
    }

    @Test
    void hashPrefixesAreSixLowercaseHexDigits() {
        Random random = new Random(42);
        for (int i = 0; i < 200; i++) {
            byte[] b = new byte[random.nextInt(20)];
            random.nextBytes(b);
            assertTrue(Keys.hashPrefixOfBinary(b).matches("[0-9a-f]{6}"));
            assertTrue(Keys.hashPrefixOfString(randomString(random)).matches("[0-9a-f]{6}"));
        }
    }

    // ---------------------------------------------------------------------------------------
    // §5.2 numberToBuffer
    // ---------------------------------------------------------------------------------------

    @Test
    void numberToBufferExamplesAndPairCounts() {
        assertEquals("c20334", HEX.formatHex(Keys.numberToBuffer("251")));
        assertEquals("c21859", HEX.formatHex(Keys.numberToBuffer("2388")));
        assertEquals("c202", HEX.formatHex(Keys.numberToBuffer("100")));
        assertEquals("c033", HEX.formatHex(Keys.numberToBuffer("0.5")));
        assertEquals("3e643366", HEX.formatHex(Keys.numberToBuffer("-1.5")));
        assertEquals("80", HEX.formatHex(Keys.numberToBuffer("0")));
        // 1: digits 1, E = 1 -> 0 1, E' = 2, X = 193
        assertEquals("c102", HEX.formatHex(Keys.numberToBuffer("1")));
        assertEquals("3e6466", HEX.formatHex(Keys.numberToBuffer("-1")));
        // 1E-130: E = -129 -> E' = -128, X = (-64 - 64) mod 256 = 128
        assertEquals("8002", HEX.formatHex(Keys.numberToBuffer("1E-130")));
        // 9.99…E+125: E = 126, X = (63 - 64) mod 256 = 255
        byte[] max = Keys.numberToBuffer("9.9999999999999999999999999999999999999E+125");
        assertEquals(20, max.length); // 38 digits, even E: 19 pairs
        assertEquals((byte) 0xFF, max[0]);
        assertEquals(100, max[1]);
        assertEquals(100, max[19]); // 19 pairs "99" -> 100

        // negative, 38 digits, even E: 19 pair bytes, so the 0x66 terminator follows
        byte[] neg19 = Keys.numberToBuffer("-12345678901234567890123456789012345678");
        assertEquals(1 + 19 + 1, neg19.length);
        assertEquals(102, neg19[neg19.length - 1]);
        // negative, 38 digits, odd E: a leading 0 makes 39 digits, 20 pair bytes, no terminator
        byte[] neg20 = Keys.numberToBuffer("-1234567890123456789012345678901234567.8");
        assertEquals(1 + 20, neg20.length);
        assertEquals(101 - 1, neg20[1]); // pair "01"
        assertEquals(101 - 67, neg20[19]); // pair "67"
        assertEquals(101 - 80, neg20[20]); // lone final digit 8 completed to pair "80"
        // the same digits positive have no terminator either way
        assertEquals(1 + 19, Keys.numberToBuffer("12345678901234567890123456789012345678").length);
        assertEquals(1 + 20, Keys.numberToBuffer("1234567890123456789012345678901234567.8").length);
    }

    // ---------------------------------------------------------------------------------------
    // §5.5 hashPrefixOfKeyString
    // ---------------------------------------------------------------------------------------

    @Test
    void hashPrefixOfKeyStringRoundTrips() {
        Random random = new Random(7);
        for (String s : new String[] {"", "a", "café", "S:nested", "\uFFFD", "😀", "tenant#9007199254740993"}) {
            assertEquals(Keys.hashPrefixOfString(s), Keys.hashPrefixOfKeyString(Keys.stringKey(s)), s);
        }
        for (int i = 0; i < 300; i++) {
            String s = randomString(random);
            assertEquals(Keys.hashPrefixOfString(s), Keys.hashPrefixOfKeyString(Keys.stringKey(s)));
            byte[] b = new byte[random.nextInt(12)];
            random.nextBytes(b);
            assertEquals(Keys.hashPrefixOfBinary(b), Keys.hashPrefixOfKeyString(Keys.binaryKey(b)));
        }
        List<String> numbers = new ArrayList<>(List.of("0", "-0", "1", "-1", "1.5", "-1.5", "0.5", "-0.5", "251",
                "-251", "2388", "100", "-100", "123.456", "-123.456", "0.001", "-0.00123", "1e-130", "-1e-130",
                "1e3", "-10", "99", "-99.99", "12345678901234567890123456789012345678",
                "-12345678901234567890123456789012345678", "-1234567890123456789012345678901234567.8",
                "9.9999999999999999999999999999999999999E+125", "-9.9999999999999999999999999999999999999E+125"));
        for (int i = 0; i < 1000; i++) {
            numbers.add(randomNumber(random));
        }
        for (String n : numbers) {
            assertEquals(Keys.hashPrefixOfNumber(n), Keys.hashPrefixOfKeyString(Keys.numberKey(n)), n);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "S", "N", "B", "X:abc", "s:abc", "n:1", "b:00", ":abc", "SS:a",
        "B:0", "B:0g", "B:0A", "B:AB", "B:zz", "B: 0",
        "N:", "N:1", "N:abc", "N:25001", "N:-25001000000000000000000000000000000000000000",
        // wrong length
        "N:25001100000000000000000000000000000000000000", "N:2500110000000000000000000000000000000000000000",
        // unknown tag digit
        "N:350011000000000000000000000000000000000000000", "N:950011000000000000000000000000000000000000000",
        // non-canonical zero, and zero mantissa under a sign tag
        "N:100010000000000000000000000000000000000000000", "N:110000000000000000000000000000000000000000000",
        "N:250010000000000000000000000000000000000000000", "N:049999999999999999999999999999999999999999999",
        // leading zero digit
        "N:250010100000000000000000000000000000000000000", "N:049989099999999999999999999999999999999999999",
        // exponent out of range
        "N:251271000000000000000000000000000000000000000", "N:248701000000000000000000000000000000000000000",
        "N:299991000000000000000000000000000000000000000", "N:000008999999999999999999999999999999999999999",
        // more than 38 digits
        "N:250011000000000000000000000000000000000000001",
        // non-ASCII digits
        "N:25001100000000000000000000000000000000000000\u0661",
    })
    void hashPrefixOfKeyStringRejectsBadForms(String k) {
        assertThrows(IllegalArgumentException.class, () -> Keys.hashPrefixOfKeyString(k), k);
    }

    @Test
    void hashPrefixOfKeyStringRejectsNull() {
        assertThrows(IllegalArgumentException.class, () -> Keys.hashPrefixOfKeyString(null));
    }

    // ---------------------------------------------------------------------------------------
    // §5.3 buckets and segments
    // ---------------------------------------------------------------------------------------

    @Test
    void hashBucketReadsUpToThreeHexCharacters() {
        assertEquals(0, Keys.hashBucket(""));
        assertEquals(0, Keys.hashBucket("0"));
        assertEquals(15, Keys.hashBucket("f"));
        assertEquals(15, Keys.hashBucket("F"));
        assertEquals(0x12, Keys.hashBucket("12"));
        assertEquals(0xabc, Keys.hashBucket("abcdef"));
        assertEquals(0xabc, Keys.hashBucket("ABCDEF"));
        assertEquals(0xabc, Keys.hashBucket("aBc"));
        assertEquals(4095, Keys.hashBucket("fff"));
        assertEquals(4095, Keys.hashBucket("fffzzz"));
        assertEquals(0, Keys.hashBucket("xyz"));
        assertEquals(0, Keys.hashBucket("ffg"));
        assertEquals(0, Keys.hashBucket("-1"));
        assertEquals(0, Keys.hashBucket("+ff"));
        assertEquals(0, Keys.hashBucket("0x1"));
        assertEquals(0, Keys.hashBucket(" ff"));
        assertEquals(0, Keys.hashBucket("\uff11\uff12\uff13")); // full-width digits are not hex
    }

    @Test
    void segmentTableOfSection53() {
        String[][][] table = {
            {{"000", "fff"}},
            {{"000", "7ff"}, {"800", "fff"}},
            {{"000", "555"}, {"556", "aaa"}, {"aab", "fff"}},
            {{"000", "3ff"}, {"400", "7ff"}, {"800", "bff"}, {"c00", "fff"}},
        };
        for (int t = 1; t <= 4; t++) {
            for (int s = 0; s < t; s++) {
                String lo = table[t - 1][s][0];
                String hi = table[t - 1][s][1];
                assertEquals(lo, Keys.bucketHex(Keys.segmentLowBucket(s, t)), s + " of " + t);
                assertEquals(hi, Keys.bucketHex(Keys.segmentHighBucket(s, t)), s + " of " + t);
                int loBucket = Integer.parseInt(lo, 16);
                int hiBucket = Integer.parseInt(hi, 16);
                for (int b = 0; b < 4096; b++) {
                    boolean expected = b >= loBucket && b <= hiBucket;
                    assertEquals(expected, Keys.hashInSegment(Keys.bucketHex(b) + "abc", s, t));
                }
                assertTrue(Keys.hashInSegment(lo, s, t));
                assertTrue(Keys.hashInSegment(hi.toUpperCase(), s, t));
            }
        }
    }

    @Test
    void segmentsPartitionTheBuckets() {
        for (int t : new int[] {1, 2, 3, 4, 5, 7, 13, 100, 1000, 4095, 4096, 4097, 5000, 10000}) {
            int[] owners = new int[4096];
            Arrays.fill(owners, -1);
            for (int s = 0; s < t; s++) {
                int lo = Keys.segmentLowBucket(s, t);
                int hi = Keys.segmentHighBucket(s, t);
                for (int b = lo; b <= hi; b++) {
                    assertEquals(-1, owners[b], "bucket " + b + " owned twice for t=" + t);
                    owners[b] = s;
                }
            }
            for (int b = 0; b < 4096; b++) {
                assertTrue(owners[b] >= 0, "bucket " + b + " unowned for t=" + t);
                if (t <= 100 || b % 97 == 0) {
                    String h = Keys.bucketHex(b) + "000";
                    assertTrue(Keys.hashInSegment(h, owners[b], t));
                    if (owners[b] + 1 < t) {
                        assertFalse(Keys.hashInSegment(h, owners[b] + 1, t));
                    }
                }
            }
        }
    }

    @Test
    void segmentFiveOf5000IsEmpty() {
        assertEquals(5, Keys.segmentLowBucket(5, 5000));
        assertEquals(4, Keys.segmentHighBucket(5, 5000));
        for (int b = 0; b < 4096; b++) {
            assertFalse(Keys.hashInSegment(Keys.bucketHex(b), 5, 5000));
        }
        // the last segment of 5000 is empty too, with a low bound past the last bucket
        assertEquals(4096, Keys.segmentLowBucket(4999, 5000));
        assertEquals(4095, Keys.segmentHighBucket(4999, 5000));
        assertFalse(Keys.hashInSegment("fff", 4999, 5000));
        // large values do not overflow
        int max = Integer.MAX_VALUE;
        assertEquals(4095, Keys.segmentHighBucket(max - 1, max));
        assertEquals(4096, Keys.segmentLowBucket(max - 1, max));
        assertEquals(0, Keys.segmentLowBucket(0, max));
        assertEquals(0, Keys.segmentHighBucket(0, max));
        assertTrue(Keys.hashInSegment("000", 0, max));
    }

    @Test
    void hashInSegmentRejectsBadArguments() {
        int[][] bad = {{-1, 4}, {4, 4}, {5, 4}, {0, 0}, {0, -1}, {-1, -1}, {Integer.MIN_VALUE, 1}};
        for (int[] args : bad) {
            assertThrows(IllegalArgumentException.class, () -> Keys.hashInSegment("000abc", args[0], args[1]));
            assertThrows(IllegalArgumentException.class, () -> Keys.segmentLowBucket(args[0], args[1]));
            assertThrows(IllegalArgumentException.class, () -> Keys.segmentHighBucket(args[0], args[1]));
        }
    }

    @Test
    void bucketHexIsThreeLowercaseDigits() {
        assertEquals("000", Keys.bucketHex(0));
        assertEquals("005", Keys.bucketHex(5));
        assertEquals("0ff", Keys.bucketHex(255));
        assertEquals("abc", Keys.bucketHex(0xabc));
        assertEquals("fff", Keys.bucketHex(4095));
        for (int b = 0; b < 4096; b++) {
            assertEquals(b, Keys.hashBucket(Keys.bucketHex(b)));
        }
        assertThrows(IllegalArgumentException.class, () -> Keys.bucketHex(-1));
        assertThrows(IllegalArgumentException.class, () -> Keys.bucketHex(4096));
    }

    @Test
    void bucketStringRangeMatchesHashInSegmentForLowercasePrefixes() {
        // §6.3 step 2: comparing the first three characters bytewise against bucketHex(lo..hi)
        Random random = new Random(11);
        for (int i = 0; i < 2000; i++) {
            byte[] b = new byte[4];
            random.nextBytes(b);
            String prefix = Keys.hashPrefixOfBinary(b);
            int t = 1 + random.nextInt(random.nextBoolean() ? 8 : 6000);
            int s = random.nextInt(t);
            int lo = Keys.segmentLowBucket(s, t);
            int hi = Keys.segmentHighBucket(s, t);
            boolean byString = lo <= hi
                    && prefix.substring(0, 3).compareTo(Keys.bucketHex(lo)) >= 0
                    && prefix.substring(0, 3).compareTo(Keys.bucketHex(hi)) <= 0;
            assertEquals(byString, Keys.hashInSegment(prefix, s, t));
        }
    }

    // ---------------------------------------------------------------------------------------
    // §5.4 FNV-1a
    // ---------------------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource({
        "'', 2166136261",
        "a, 3826002220",
        "u#1, 2199603432",
        "artist#42, 2385694177",
        "café, 2821410889",
        "tenant#9007199254740993, 2022216178",
        "S:a, 591205387",
    })
    void fnvExamples(String s, long expected) {
        assertEquals(expected, Keys.fnv1a32(s));
    }

    @Test
    void fnvOfSaIsSegmentThreeOfFour() {
        assertEquals(3, Keys.fnv1a32("S:a") % 4);
    }

    @Test
    void fnvMatchesReferenceOverUtf8Bytes() {
        Random random = new Random(99);
        for (int i = 0; i < 2000; i++) {
            String s = randomString(random);
            if (random.nextInt(10) == 0) {
                // lone surrogates are hashed as their String.getBytes replacement
                s = s + (random.nextBoolean() ? "\uD83D" : "\uDE00") + (random.nextBoolean() ? "x" : "");
            }
            long h = Keys.fnv1a32(s);
            assertEquals(referenceFnv(s.getBytes(StandardCharsets.UTF_8)), h, s);
            assertTrue(h >= 0 && h <= 0xFFFF_FFFFL);
        }
    }

    private static long referenceFnv(byte[] bytes) {
        long h = 2166136261L;
        for (byte b : bytes) {
            h = ((h ^ (b & 0xFF)) * 16777619L) % (1L << 32);
        }
        return h;
    }

    // ---------------------------------------------------------------------------------------
    // §4.4 ordering
    // ---------------------------------------------------------------------------------------

    @Test
    void supplementaryCharacterSortsAfterReplacementCharacter() {
        String replacement = "S:\uFFFD";
        String emoji = "S:😀";
        assertTrue(Keys.KEY_ORDER.compare(replacement, emoji) < 0);
        assertTrue(Keys.KEY_ORDER.compare(emoji, replacement) > 0);
        assertTrue(replacement.compareTo(emoji) > 0, "String.compareTo disagrees, which is the point");
        assertTrue(bytewise(replacement, emoji) < 0);
        assertTrue(Keys.KEY_ORDER.compare("\uE000", "\uD800\uDC00") < 0);
        assertTrue(Keys.KEY_ORDER.compare("\uD7FF", "\uE000") < 0);
        assertTrue(Keys.KEY_ORDER.compare("😀", "😁") < 0);
        assertTrue(Keys.KEY_ORDER.compare("\uD800\uDC00", "\uDBFF\uDFFF") < 0);
    }

    @Test
    void emptyStringFirstAndPrefixesBeforeExtensions() {
        assertEquals(0, Keys.KEY_ORDER.compare("", ""));
        for (String s : new String[] {"S:", "a", "\u0000", "😀", "\uFFFF"}) {
            assertTrue(Keys.KEY_ORDER.compare("", s) < 0, s);
            assertTrue(Keys.KEY_ORDER.compare(s, "") > 0, s);
        }
        assertTrue(Keys.KEY_ORDER.compare("S:ab", "S:abc") < 0);
        assertTrue(Keys.KEY_ORDER.compare("S:abc", "S:ab") > 0);
        assertEquals(0, Keys.KEY_ORDER.compare("S:abc", new String("S:abc")));
        assertTrue(Keys.KEY_ORDER.compare("S:Z", "S:a") < 0);
    }

    @Test
    void binaryKeysSortByUnsignedBytes() {
        Random random = new Random(5);
        for (int i = 0; i < 2000; i++) {
            byte[] a = new byte[random.nextInt(4)];
            byte[] b = new byte[random.nextInt(4)];
            random.nextBytes(a);
            random.nextBytes(b);
            assertEquals(Integer.signum(Arrays.compareUnsigned(a, b)),
                    Integer.signum(Keys.KEY_ORDER.compare(Keys.binaryKey(a), Keys.binaryKey(b))));
        }
    }

    @Test
    void keyOrderEqualsUnsignedUtf8ByteOrder() {
        Random random = new Random(1234);
        List<String> strings = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            String a = randomString(random);
            String b = random.nextInt(3) == 0 ? mutate(a, random) : randomString(random);
            assertEquals(Integer.signum(bytewise(a, b)), Integer.signum(Keys.KEY_ORDER.compare(a, b)),
                    () -> codePoints(a) + " vs " + codePoints(b));
            assertEquals(Integer.signum(bytewise(b, a)), Integer.signum(Keys.KEY_ORDER.compare(b, a)));
            strings.add(a);
        }
        List<String> sorted = new ArrayList<>(strings);
        sorted.sort(Keys.KEY_ORDER);
        for (int i = 1; i < sorted.size(); i++) {
            assertTrue(bytewise(sorted.get(i - 1), sorted.get(i)) <= 0);
        }
    }

    @Test
    void keyOrderIsATotalOrderEvenWithLoneSurrogates() {
        String[] values = {"", "a", "\uD800", "\uDC00", "\uD800\uDC00", "\uFFFF", "\uE000", "\uD7FF", "\uDBFF",
            "\uDFFF", "a\uD800", "a\uDC00x", "😀", "\uD83D"};
        for (String a : values) {
            for (String b : values) {
                assertEquals(Integer.signum(Keys.KEY_ORDER.compare(a, b)), -Integer.signum(Keys.KEY_ORDER.compare(b, a)));
                for (String c : values) {
                    if (Keys.KEY_ORDER.compare(a, b) <= 0 && Keys.KEY_ORDER.compare(b, c) <= 0) {
                        assertTrue(Keys.KEY_ORDER.compare(a, c) <= 0, a + " " + b + " " + c);
                    }
                }
            }
        }
    }

    @Test
    void keyOrderDiffersFromCompareToOnlyWhereSupplementaryMeetsHighBmp() {
        assertNotEquals(Integer.signum("\uFFFD".compareTo("😀")), Integer.signum(Keys.KEY_ORDER.compare("\uFFFD", "😀")));
        assertEquals(Integer.signum("abc".compareTo("abd")), Integer.signum(Keys.KEY_ORDER.compare("abc", "abd")));
        assertEquals(Integer.signum("é".compareTo("z")), Integer.signum(Keys.KEY_ORDER.compare("é", "z")));
    }

    // ---------------------------------------------------------------------------------------
    // helpers
    // ---------------------------------------------------------------------------------------

    private static int bytewise(String a, String b) {
        return Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private static final int[] INTERESTING_CODE_POINTS = {
        0x00, 0x20, 'S', ':', 'a', 'b', 'z', 'A', 0x7F, 0x80, 0xE9, 0x7FF, 0x800, 0x4E2D, 0xD7FF, 0xE000,
        0xF8FF, 0xFFFD, 0xFFFF, 0x10000, 0x1F600, 0x1F601, 0x10FFFF,
    };

    /** A random well-formed string mixing ASCII, BMP (incl. U+E000–U+FFFF) and supplementary characters. */
    private static String randomString(Random random) {
        int length = random.nextInt(6);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) {
            sb.appendCodePoint(randomCodePoint(random));
        }
        return sb.toString();
    }

    private static int randomCodePoint(Random random) {
        switch (random.nextInt(5)) {
            case 0:
                return INTERESTING_CODE_POINTS[random.nextInt(INTERESTING_CODE_POINTS.length)];
            case 1:
                return 'a' + random.nextInt(3);
            case 2:
                return 0xE000 + random.nextInt(0x2000);
            case 3:
                return 0x10000 + random.nextInt(0x100000);
            default:
                int cp;
                do {
                    cp = random.nextInt(0x10000);
                } while (Character.isSurrogate((char) cp));
                return cp;
        }
    }

    /** Shares a prefix with {@code s} so that comparisons reach deep positions. */
    private static String mutate(String s, Random random) {
        int[] cps = s.codePoints().toArray();
        int keep = cps.length == 0 ? 0 : random.nextInt(cps.length + 1);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < keep; i++) {
            sb.appendCodePoint(cps[i]);
        }
        int extra = random.nextInt(3);
        for (int i = 0; i < extra; i++) {
            sb.appendCodePoint(randomCodePoint(random));
        }
        return sb.toString();
    }

    private static String codePoints(String s) {
        StringBuilder sb = new StringBuilder("[");
        s.codePoints().forEach(cp -> sb.append(String.format(" U+%04X", cp)));
        return sb.append(" ]").toString();
    }
}
