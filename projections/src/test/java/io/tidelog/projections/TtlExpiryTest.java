package io.tidelog.projections;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TtlExpiryTest {
    @Test
    void onlyNonNegativeIntegerStringsUnderTheAttributeExpire() {
        assertEquals(100, TtlExpiry.of("{\"pk\":{\"S\":\"a\"},\"exp\":{\"N\":\"100\"}}", "exp"));
        assertEquals(7, TtlExpiry.of("{\"exp\":{\"N\":\"+0007\"}}", "exp"));
        assertEquals(0, TtlExpiry.of("{\"exp\":{\"N\":\"-0\"}}", "exp"));
        assertEquals(Long.MAX_VALUE, TtlExpiry.of("{\"exp\":{\"N\":\"9223372036854775807\"}}", "exp"));
        assertEquals(-1, TtlExpiry.of("{\"exp\":{\"N\":\"9223372036854775808\"}}", "exp"));
        assertEquals(-1, TtlExpiry.of("{\"exp\":{\"N\":\"-5\"}}", "exp"));
        assertEquals(-1, TtlExpiry.of("{\"exp\":{\"N\":\"1.5\"}}", "exp"));
        assertEquals(-1, TtlExpiry.of("{\"exp\":{\"N\":\"1e3\"}}", "exp"));
        assertEquals(-1, TtlExpiry.of("{\"exp\":{\"N\":5}}", "exp"));
        assertEquals(-1, TtlExpiry.of("{\"exp\":{\"N\":\"5\",\"S\":\"x\"}}", "exp"));
        assertEquals(-1, TtlExpiry.of("{\"exp\":{\"N\":\"5\"}", "exp"));
        assertEquals(-1, TtlExpiry.of("{\"EXP\":{\"N\":\"5\"}}", "exp"));
        assertEquals(-1, TtlExpiry.of("[{\"exp\":{\"N\":\"5\"}}]", "exp"));
        assertEquals(-1, TtlExpiry.of("{\"exp\":{\"N\":\"5\"}}", null));
    }
}
