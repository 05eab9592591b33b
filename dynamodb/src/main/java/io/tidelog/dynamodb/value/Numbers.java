package io.tidelog.dynamodb.value;

import io.tidelog.dynamodb.error.Errors;
import java.math.BigDecimal;

/**
 * DynamoDB's numbers: the literal grammar, the limits (38 significant digits, magnitudes from
 * 1E-130 to 9.99…E+125), the canonical form DynamoDB stores and returns, and their cost in an
 * item's size.
 *
 * <p>The canonical form has no exponent, no leading zeros, no trailing fractional zeros and no
 * {@code +}; zero is {@code 0} whatever its sign or spelling ({@code 1.50} → {@code 1.5},
 * {@code 1e2} → {@code 100}, {@code -0.0} → {@code 0}).
 */
public final class Numbers {
    public static final int MAX_SIGNIFICANT_DIGITS = 38;
    /** {@code |n| = 0.d1d2… × 10^E}: the largest E allowed (9.99…E+125 has E = 126). */
    private static final int MAX_EXPONENT = 126;
    /** The smallest E allowed (1E-130 = 0.1 × 10^-129). */
    private static final int MIN_EXPONENT = -129;

    private Numbers() {}

    /**
     * Checks a number literal against DynamoDB's grammar and limits; raises DynamoDB's
     * {@code ValidationException} when it fails them.
     */
    public static void validate(String literal) {
        Parts p = parse(literal);
        if (p == null) {
            throw literal.isEmpty() ? Errors.numberEmpty() : Errors.numberUnparseable(literal);
        }
        checkLimits(p);
    }

    /** Whether the literal is a valid DynamoDB number (grammar and limits). */
    public static boolean isValid(String literal) {
        Parts p = parse(literal);
        return p != null && (p.isZero() || (p.digits.length() <= MAX_SIGNIFICANT_DIGITS
                && p.exponent <= MAX_EXPONENT && p.exponent >= MIN_EXPONENT));
    }

    /** The canonical form of a valid literal; raises as {@link #validate} for an invalid one. */
    public static String canonical(String literal) {
        return validated(literal);
    }

    /** Validates and canonicalizes in one pass. */
    public static String validated(String literal) {
        Parts p = parse(literal);
        if (p == null) {
            throw literal.isEmpty() ? Errors.numberEmpty() : Errors.numberUnparseable(literal);
        }
        checkLimits(p);
        return p.canonical();
    }

    /**
     * The bytes a number adds to an item's size: one, plus one per two significant digits on each
     * side of the decimal point (rounded up), plus one for a negative sign.
     */
    public static int size(String literal) {
        Parts p = parse(literal);
        if (p == null || p.isZero()) {
            return 1;
        }
        int significant = p.digits.length();
        int integerDigits = Math.max(0, Math.min(p.exponent, significant));
        int fractionDigits = significant - integerDigits;
        return (integerDigits + 1) / 2 + (fractionDigits + 1) / 2 + 1 + (p.negative ? 1 : 0);
    }

    public static BigDecimal toBigDecimal(String canonical) {
        return new BigDecimal(canonical);
    }

    /** The canonical form of an exact decimal, with DynamoDB's limits checked. */
    public static String fromBigDecimal(BigDecimal value) {
        return validated(value.toPlainString());
    }

    /** Numeric comparison of two valid literals. */
    public static int compare(String a, String b) {
        return new BigDecimal(a).compareTo(new BigDecimal(b));
    }

    /** {@code a + b}, checked against DynamoDB's limits. */
    public static String add(String a, String b) {
        return fromBigDecimal(new BigDecimal(a).add(new BigDecimal(b)));
    }

    /** {@code a - b}, checked against DynamoDB's limits. */
    public static String subtract(String a, String b) {
        return fromBigDecimal(new BigDecimal(a).subtract(new BigDecimal(b)));
    }

    private static void checkLimits(Parts p) {
        if (p.isZero()) {
            return;
        }
        if (p.digits.length() > MAX_SIGNIFICANT_DIGITS) {
            throw Errors.numberTooPrecise();
        }
        if (p.exponent > MAX_EXPONENT) {
            throw Errors.numberOverflow();
        }
        if (p.exponent < MIN_EXPONENT) {
            throw Errors.numberUnderflow();
        }
    }

    /**
     * {@code sign? digits-with-at-most-one-dot (e|E sign? digits)?}, at least one digit before the
     * exponent, nothing else (no spaces). Returns null when the literal does not match.
     */
    private static Parts parse(String s) {
        int n = s.length();
        int i = 0;
        boolean negative = false;
        if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            negative = s.charAt(i) == '-';
            i++;
        }
        StringBuilder digits = new StringBuilder();
        int integerDigits = 0;
        boolean dot = false;
        int coefficientDigits = 0;
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c == '.') {
                if (dot) {
                    return null;
                }
                dot = true;
            } else if (c >= '0' && c <= '9') {
                coefficientDigits++;
                if (!dot) {
                    integerDigits++;
                }
                digits.append(c);
            } else {
                break;
            }
        }
        if (coefficientDigits == 0) {
            return null;
        }
        long exponent = 0;
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            boolean negativeExponent = false;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                negativeExponent = s.charAt(i) == '-';
                i++;
            }
            int start = i;
            for (; i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9'; i++) {
                if (exponent < 1_000_000_000L) {
                    exponent = exponent * 10 + (s.charAt(i) - '0');
                }
            }
            if (i == start) {
                return null;
            }
            if (negativeExponent) {
                exponent = -exponent;
            }
        }
        if (i != n) {
            return null;
        }
        int leading = 0;
        while (leading < digits.length() && digits.charAt(leading) == '0') {
            leading++;
        }
        int end = digits.length();
        while (end > leading && digits.charAt(end - 1) == '0') {
            end--;
        }
        if (end == leading) {
            return new Parts(false, "", 0);
        }
        long e = integerDigits - leading + exponent;
        int clamped = (int) Math.max(Integer.MIN_VALUE / 2, Math.min(Integer.MAX_VALUE / 2, e));
        return new Parts(negative, digits.substring(leading, end), clamped);
    }

    /** {@code |n| = 0.digits × 10^exponent}; digits has no leading or trailing zeros (empty: zero). */
    private record Parts(boolean negative, String digits, int exponent) {
        boolean isZero() {
            return digits.isEmpty();
        }

        String canonical() {
            if (isZero()) {
                return "0";
            }
            StringBuilder out = new StringBuilder(digits.length() + Math.abs(exponent) + 3);
            if (negative) {
                out.append('-');
            }
            int k = digits.length();
            if (exponent <= 0) {
                out.append("0.");
                zeros(out, -exponent);
                out.append(digits);
            } else if (exponent >= k) {
                out.append(digits);
                zeros(out, exponent - k);
            } else {
                out.append(digits, 0, exponent).append('.').append(digits, exponent, k);
            }
            return out.toString();
        }

        private static void zeros(StringBuilder out, int count) {
            for (int i = 0; i < count; i++) {
                out.append('0');
            }
        }
    }
}
