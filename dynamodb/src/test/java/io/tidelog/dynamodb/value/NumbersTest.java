package io.tidelog.dynamodb.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tidelog.dynamodb.error.DynamoDbException;
import io.tidelog.dynamodb.error.ErrorCode;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NumbersTest {
    private static final String DIGITS_38 = "12345678901234567890123456789012345678";

    private static String refusal(String literal) {
        DynamoDbException e = assertThrows(DynamoDbException.class, () -> Numbers.canonical(literal));
        assertEquals(ErrorCode.VALIDATION, e.code());
        return e.getMessage();
    }

    @ParameterizedTest
    @CsvSource({
        "00042, 42", "1.0, 1", "3.1400, 3.14", "1.5E2, 150", "1e2, 100", "-0, 0", "+0.0, 0", "0.000, 0", "+5, 5",
        "+1.5, 1.5", "+.5, 0.5", "5., 5", "-1.23E-3, -0.00123", "1.23E10, 12300000000", "-42.5, -42.5",
        "0.00000000000000000000000000000000000001, 0.00000000000000000000000000000000000001", "1E-38, 0.00000000000000000000000000000000000001",
        "100E-2, 1", "-000.0100e+1, -0.1"})
    void canonicalFormHasNoExponentNoLeadingOrTrailingZerosAndOneZero(String literal, String canonical) {
        assertEquals(canonical, Numbers.canonical(literal));
        assertTrue(Numbers.isValid(literal));
    }

    @Test
    void theExtremesOfTheRangeAreWrittenOutInFull() {
        assertEquals("0." + "0".repeat(129) + "1", Numbers.canonical("1E-130"));
        assertEquals("-0." + "0".repeat(129) + "1", Numbers.canonical("-1E-130"));
        assertEquals("9".repeat(38) + "0".repeat(88), Numbers.canonical("9.9999999999999999999999999999999999999E+125"));
        assertEquals(DIGITS_38, Numbers.canonical(DIGITS_38));
    }

    @ParameterizedTest
    @ValueSource(strings = {"+e2", "1+2", "+1+2", "1.2.3", "++5", "1e", " 5", "5 ", "NaN", "Infinity", "1_000", ".",
        "0x10", "1e+", "--1", "a", "1,5"})
    void literalsOutsideTheGrammarAreNamedInTheRefusal(String literal) {
        assertEquals("The parameter cannot be converted to a numeric value: " + literal, refusal(literal));
        assertFalse(Numbers.isValid(literal));
    }

    @Test
    void anEmptyLiteralHasItsOwnRefusal() {
        assertEquals("The parameter cannot be converted to a numeric value", refusal(""));
    }

    @Test
    void thirtyEightSignificantDigitsFitAndThirtyNineDoNot() {
        assertEquals("Attempting to store more than 38 significant digits in a Number", refusal(DIGITS_38 + "9"));
        assertEquals("Attempting to store more than 38 significant digits in a Number",
                refusal("-1.23456789012345678901234567890123456789"));
        // zeros at either end are not significant
        assertEquals("1" + "0".repeat(45), Numbers.canonical("1" + "0".repeat(45)));
        assertEquals("1", Numbers.canonical("0".repeat(50) + "1"));
        assertEquals("1.23", Numbers.canonical("1.23" + "0".repeat(50)));
    }

    @Test
    void magnitudesOutsideTheRangeOverflowOrUnderflow() {
        String overflow = "Number overflow. Attempting to store a number with magnitude larger than supported range";
        String underflow = "Number underflow. Attempting to store a number with magnitude smaller than supported range";
        assertEquals(overflow, refusal("1e126"));
        assertEquals(overflow, refusal("-1E+126"));
        assertEquals(underflow, refusal("1e-131"));
        assertEquals(underflow, refusal("-9.9E-131"));
        assertTrue(Numbers.isValid("9.9999999999999999999999999999999999999E+125"));
        assertTrue(Numbers.isValid("1E-130"));
        // zero is never out of range, whatever its exponent
        assertEquals("0", Numbers.canonical("0E+999"));
        // precision is checked before magnitude
        assertEquals("Attempting to store more than 38 significant digits in a Number", refusal(DIGITS_38 + "9E200"));
    }

    @Test
    void validateAgreesWithCanonical() {
        Numbers.validate("1.5E2");
        assertEquals("The parameter cannot be converted to a numeric value: x",
                assertThrows(DynamoDbException.class, () -> Numbers.validate("x")).getMessage());
    }

    @ParameterizedTest
    @CsvSource({
        "0, 1", "-0, 1", "1, 2", "42, 2", "-42, 3", "123, 3", "1234, 3", "1.5, 3", "0.05, 2", "1E125, 2",
        "1E-130, 2", "12345678901234567890123456789012345678, 20", "-1.5, 4", "100, 2", "10.01, 3"})
    void sizeIsOneBytePlusOnePerTwoSignificantDigitsEachSideOfThePointPlusTheSign(String literal, int size) {
        assertEquals(size, Numbers.size(literal));
        assertEquals(size, Numbers.size(Numbers.canonical(literal)));
    }

    @Test
    void arithmeticIsExactAndHeldToTheLimits() {
        assertEquals("3", Numbers.add("1", "2"));
        assertEquals("0.3", Numbers.add("0.1", "0.2"));
        assertEquals("-1", Numbers.subtract("1", "2"));
        assertEquals("0", Numbers.subtract("1.5", "1.50"));
        String big = Numbers.canonical("9E125");
        assertEquals("Number overflow. Attempting to store a number with magnitude larger than supported range",
                assertThrows(DynamoDbException.class, () -> Numbers.add(big, big)).getMessage());
        assertEquals("Number overflow. Attempting to store a number with magnitude larger than supported range",
                assertThrows(DynamoDbException.class, () -> Numbers.subtract("-" + big, big)).getMessage());
        assertEquals("Attempting to store more than 38 significant digits in a Number",
                assertThrows(DynamoDbException.class, () -> Numbers.add(DIGITS_38, "0.1")).getMessage());
    }

    @Test
    void comparisonIsNumeric() {
        assertTrue(Numbers.compare("10", "9") > 0);
        assertTrue(Numbers.compare("-10", "9") < 0);
        assertEquals(0, Numbers.compare("1", "1.000"));
        assertEquals(0, new BigDecimal("150").compareTo(Numbers.toBigDecimal(Numbers.canonical("1.5E2"))));
        assertEquals("1234.5", Numbers.fromBigDecimal(new BigDecimal("1.2345E+3")));
    }
}
