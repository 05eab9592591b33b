package io.tidelog.backend.contract;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tidelog.backend.Keys;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** §4 key strings, §5 hashing and segments, §5.5 the Keys utility class. */
class KeysContractTest {

    private static byte[] hex(String h) {
        byte[] out = new byte[h.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(h.substring(2 * i, 2 * i + 2), 16);
        }
        return out;
    }

    @Test
    void stringAndBinaryKeyEncodingsMatchWorkedExamples() {
        assertEquals("S:", Keys.stringKey(""));
        assertEquals("S:abc", Keys.stringKey("abc"));
        assertEquals("S:caf\u00e9\uD83D\uDE00", Keys.stringKey("caf\u00e9\uD83D\uDE00"));
        assertEquals("B:0001abff", Keys.binaryKey(hex("0001abff")));
        assertEquals("B:", Keys.binaryKey(new byte[0]));
    }

    @Test
    void numberKeysMatchWorkedExamplesOfSection43() {
        String[][] rows = {
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
        List<String> produced = new ArrayList<>();
        for (String[] r : rows) {
            assertEquals(r[1], Keys.numberKey(r[0]), "numberKey(" + r[0] + ")");
            assertEquals(r[1].substring(2), Keys.normalizeNumberForSort(r[0]), "normalize(" + r[0] + ")");
            assertEquals(45, Keys.normalizeNumberForSort(r[0]).length());
            produced.add(Keys.numberKey(r[0]));
        }
        List<String> sorted = new ArrayList<>(produced);
        sorted.sort(Keys.KEY_ORDER);
        assertEquals(produced, sorted, "worked examples are in ascending bytewise order");
    }

    @Test
    void numericallyEqualSpellingsNormaliseIdentically() {
        String one = Keys.normalizeNumberForSort("1");
        for (String v : List.of("1.0", "+1", "10e-1", "0.1E1", "001", "1.000")) {
            assertEquals(one, Keys.normalizeNumberForSort(v), v);
        }
        String zero = "1" + "0".repeat(44);
        for (String v : List.of("0", "-0", "0.000", "0e7", "+0", "-0.0E-5")) {
            assertEquals(zero, Keys.normalizeNumberForSort(v), v);
        }
    }

    @Test
    void numberKeysSortNumericallyAcrossMagnitudesAndSigns() {
        List<String> values = List.of("-1e125", "-123.4", "-2", "-1.5", "-0.001", "0", "1e-130", "0.001",
                "0.5", "2", "9.99", "10", "100", "1e125");
        List<String> keys = new ArrayList<>();
        for (String v : values) {
            keys.add(Keys.numberKey(v));
        }
        List<String> sorted = new ArrayList<>(keys);
        sorted.sort(Keys.KEY_ORDER);
        assertEquals(keys, sorted);
    }

    @Test
    void invalidNumbersAreRejectedWithIllegalArgumentException() {
        for (String bad : List.of("", "abc", "1e", "1.2.3", "--1", ".", "e5", "1e126", "1e-131",
                "1234567890123456789012345678901234567891", " 1", "0x10", "NaN", "Infinity")) {
            assertThrows(IllegalArgumentException.class, () -> Keys.normalizeNumberForSort(bad), bad);
            assertThrows(IllegalArgumentException.class, () -> Keys.numberKey(bad), bad);
            assertThrows(IllegalArgumentException.class, () -> Keys.numberToBuffer(bad), bad);
            assertThrows(IllegalArgumentException.class, () -> Keys.hashPrefixOfNumber(bad), bad);
        }
        // limits themselves are valid
        Keys.normalizeNumberForSort("1E-130");
        Keys.normalizeNumberForSort("9.9999999999999999999999999999999999999E+125");
        Keys.normalizeNumberForSort("12345678901234567890123456789012345678");
    }

    @Test
    void numberToBufferMatchesExamplesOfSection52() {
        assertArrayEquals(hex("80"), Keys.numberToBuffer("0"));
        assertArrayEquals(hex("c20334"), Keys.numberToBuffer("251"));
        assertArrayEquals(hex("c21859"), Keys.numberToBuffer("2388"));
        assertArrayEquals(hex("c202"), Keys.numberToBuffer("100"));
        assertArrayEquals(hex("c033"), Keys.numberToBuffer("0.5"));
        assertArrayEquals(hex("3e643366"), Keys.numberToBuffer("-1.5"));
        assertArrayEquals(Keys.numberToBuffer("100"), Keys.numberToBuffer("1e2"));
        assertArrayEquals(Keys.numberToBuffer("0"), Keys.numberToBuffer("-0.00"));
    }

    @Test
    void hashPrefixesAndBucketsMatchTableOfSection51() {
        Object[][] strings = {
            {"3635", "0008c2", 0}, {"228", "000efb", 0}, {"1668", "001fef", 1}, {"3435", "004477", 4},
            {"caf\u00e9", "05ab9a", 90},
        };
        for (Object[] r : strings) {
            String h = Keys.hashPrefixOfString((String) r[0]);
            assertEquals(r[1], h, "S " + r[0]);
            assertEquals(r[2], Keys.hashBucket(h));
            assertEquals(r[1], Keys.hashPrefixOfKeyString(Keys.stringKey((String) r[0])));
        }
        assertEquals("e8b778", Keys.hashPrefixOfBinary(hex("0102")));
        assertEquals(3723, Keys.hashBucket("e8b778"));
        assertEquals("e8b778", Keys.hashPrefixOfKeyString("B:0102"));
        Object[][] numbers = {
            {"0", "ce212d", 3298}, {"251", "001cc6", 1}, {"2388", "fff5d3", 4095}, {"100", "6840bd", 1668},
            {"0.5", "b4a0a7", 2890}, {"-1.5", "98f4b1", 2447},
        };
        for (Object[] r : numbers) {
            String h = Keys.hashPrefixOfNumber((String) r[0]);
            assertEquals(r[1], h, "N " + r[0]);
            assertEquals(r[2], Keys.hashBucket(h));
            assertEquals(r[1], Keys.hashPrefixOfKeyString(Keys.numberKey((String) r[0])), "key string of N " + r[0]);
        }
    }

    @Test
    void hashPrefixOfKeyStringDecodesNumbersAndRejectsUnknownTags() {
        assertEquals(Keys.hashPrefixOfNumber("1e-130"), Keys.hashPrefixOfKeyString(Keys.numberKey("1e-130")));
        assertEquals(Keys.hashPrefixOfNumber("-123.456"), Keys.hashPrefixOfKeyString(Keys.numberKey("-123.456")));
        assertEquals(Keys.hashPrefixOfString(""), Keys.hashPrefixOfKeyString("S:"));
        assertEquals(6, Keys.hashPrefixOfString("").length());
        for (String bad : List.of("", "X:abc", "abc", "s:abc")) {
            assertThrows(IllegalArgumentException.class, () -> Keys.hashPrefixOfKeyString(bad), bad);
        }
    }

    @Test
    void hashBucketReadsUpToThreeHexDigitsInEitherCase() {
        assertEquals(0, Keys.hashBucket(""));
        assertEquals(0, Keys.hashBucket("zzz999"));
        assertEquals(0xabc, Keys.hashBucket("ABC123"));
        assertEquals(0xabc, Keys.hashBucket("abc"));
        assertEquals(0xa, Keys.hashBucket("a"));
        assertEquals(0x7f, Keys.hashBucket("7f"));
        assertEquals(4095, Keys.hashBucket("fff999"));
    }

    @Test
    void segmentTableOfSection53() {
        int[][][] table = {
            {{0x000, 0xfff}},
            {{0x000, 0x7ff}, {0x800, 0xfff}},
            {{0x000, 0x555}, {0x556, 0xaaa}, {0xaab, 0xfff}},
            {{0x000, 0x3ff}, {0x400, 0x7ff}, {0x800, 0xbff}, {0xc00, 0xfff}},
        };
        for (int t = 1; t <= 4; t++) {
            for (int bucket = 0; bucket < 4096; bucket++) {
                String h = String.format("%03x000", bucket);
                int owners = 0;
                for (int seg = 0; seg < t; seg++) {
                    boolean expected = bucket >= table[t - 1][seg][0] && bucket <= table[t - 1][seg][1];
                    assertEquals(expected, Keys.hashInSegment(h, seg, t), h + " seg " + seg + "/" + t);
                    if (expected) {
                        owners++;
                    }
                }
                assertEquals(1, owners);
            }
        }
    }

    @Test
    void moreSegmentsThanBucketsLeavesSomeSegmentsEmpty() {
        for (int bucket = 0; bucket < 4096; bucket++) {
            assertFalse(Keys.hashInSegment(String.format("%03x", bucket), 5, 5000));
        }
        assertTrue(Keys.hashInSegment("004000", 4, 5000));
        assertTrue(Keys.hashInSegment("005000", 6, 5000));
    }

    @Test
    void hashInSegmentRejectsArgumentsOutsideTheValidRange() {
        assertThrows(IllegalArgumentException.class, () -> Keys.hashInSegment("000000", -1, 4));
        assertThrows(IllegalArgumentException.class, () -> Keys.hashInSegment("000000", 4, 4));
        assertThrows(IllegalArgumentException.class, () -> Keys.hashInSegment("000000", 0, 0));
    }

    @Test
    void fnv1aVectorsOfSection54() {
        assertEquals(2166136261L, Keys.fnv1a32(""));
        assertEquals(3826002220L, Keys.fnv1a32("a"));
        assertEquals(2199603432L, Keys.fnv1a32("u#1"));
        assertEquals(2385694177L, Keys.fnv1a32("artist#42"));
        assertEquals(2821410889L, Keys.fnv1a32("caf\u00e9"));
        assertEquals(2022216178L, Keys.fnv1a32("tenant#9007199254740993"));
        assertEquals(591205387L, Keys.fnv1a32("S:a"));
        assertEquals(3, Keys.fnv1a32("S:a") % 4);
    }

    @Test
    void keyOrderIsBytewiseAndDisagreesWithStringCompareToOnSupplementaryCharacters() {
        String replacement = "S:\uFFFD";
        String emoji = "S:\uD83D\uDE00";
        assertTrue(Keys.KEY_ORDER.compare(replacement, emoji) < 0, "U+FFFD sorts before U+1F600 bytewise");
        assertTrue(Keys.KEY_ORDER.compare(emoji, replacement) > 0);
        assertTrue(replacement.compareTo(emoji) > 0, "String.compareTo disagrees (sanity)");
        assertTrue(Keys.KEY_ORDER.compare("", "S:") < 0);
        assertTrue(Keys.KEY_ORDER.compare("S:ab", "S:abc") < 0);
        assertTrue(Keys.KEY_ORDER.compare("S:\uE000", "S:\uD800\uDC00") < 0);
        assertEquals(0, Keys.KEY_ORDER.compare("S:x\uD83D\uDE00", "S:x\uD83D\uDE00"));
        assertTrue(Keys.KEY_ORDER.compare("S:Z", "S:a") < 0);
        assertTrue(Keys.KEY_ORDER.compare("S:\u00e9", "S:\u0800") < 0);
    }
}
