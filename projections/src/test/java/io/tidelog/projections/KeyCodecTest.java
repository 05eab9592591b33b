package io.tidelog.projections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class KeyCodecTest {
    private static final String[] ALPHABET = {"", "\0", "a", "b", "\u007f", "\u00e9", "\uFFFD", "\uD83D\uDE00", "\u0001"};

    private static String randomString(Random r) {
        StringBuilder sb = new StringBuilder();
        int n = r.nextInt(4);
        for (int i = 0; i < n; i++) {
            sb.append(ALPHABET[r.nextInt(ALPHABET.length)]);
        }
        return sb.toString();
    }

    private static int utf8Compare(String a, String b) {
        return Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void tupleOrderIsKeyOrderAndStringsRoundTrip() {
        Random r = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            String a1 = randomString(r), a2 = randomString(r), b1 = randomString(r), b2 = randomString(r);
            byte[] ka = KeyCodec.builder().id(7).string(a1).string(a2).build();
            byte[] kb = KeyCodec.builder().id(7).string(b1).string(b2).build();
            int expected = utf8Compare(a1, b1) != 0 ? utf8Compare(a1, b1) : utf8Compare(a2, b2);
            assertEquals(Integer.signum(expected), Integer.signum(Arrays.compareUnsigned(ka, kb)), a1 + "|" + a2 + " vs " + b1 + "|" + b2);
            KeyCodec.Reader reader = KeyCodec.reader(ka, 8);
            assertEquals(a1, reader.string());
            assertEquals(a2, reader.string());
        }
    }

    @Test
    void aComponentPrefixMatchesExactlyThatComponent() {
        Random r = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            String a = randomString(r), b = randomString(r), rest = randomString(r);
            byte[] prefix = KeyCodec.builder().id(1).string(a).build();
            byte[] key = KeyCodec.builder().id(1).string(b).string(rest).ordered(Long.MAX_VALUE).build();
            assertEquals(a.equals(b), KeyCodec.startsWith(key, prefix), a + " / " + b);
            byte[] after = KeyCodec.builder().id(1).string(a).afterComponent().build();
            // keys with component a sort before "after"; keys with a greater component at or after it
            int cmp = Arrays.compareUnsigned(key, after);
            if (a.equals(b)) {
                assertTrue(cmp < 0);
            } else if (utf8Compare(b, a) > 0) {
                assertTrue(cmp > 0);
            } else {
                assertTrue(Arrays.compareUnsigned(key, prefix) < 0);
            }
        }
    }

    @Test
    void orderedNumbersKeepNumericOrder() {
        long[] values = {Long.MIN_VALUE, -5, -1, 0, 1, 7, Long.MAX_VALUE};
        for (int i = 1; i < values.length; i++) {
            assertTrue(Arrays.compareUnsigned(KeyCodec.builder().ordered(values[i - 1]).build(),
                    KeyCodec.builder().ordered(values[i]).build()) < 0);
        }
        double[] doubles = {Double.NEGATIVE_INFINITY, -1e300, -1.5, -0.0, 0.0, 1e-300, 2.5, Double.POSITIVE_INFINITY};
        for (int i = 1; i < doubles.length; i++) {
            int c = Arrays.compareUnsigned(KeyCodec.builder().ordered(doubles[i - 1]).build(),
                    KeyCodec.builder().ordered(doubles[i]).build());
            assertTrue(doubles[i - 1] == doubles[i] ? c == 0 : c < 0, doubles[i - 1] + " < " + doubles[i]);
            assertEquals(doubles[i] == 0 ? 0.0 : doubles[i],
                    KeyCodec.reader(KeyCodec.builder().ordered(doubles[i]).build(), 0).orderedDouble());
        }
    }
}
