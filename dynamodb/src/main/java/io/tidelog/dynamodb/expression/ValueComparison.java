package io.tidelog.dynamodb.expression;

import io.tidelog.backend.Keys;
import io.tidelog.dynamodb.value.AttributeValue;
import io.tidelog.dynamodb.value.Numbers;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * DynamoDB's comparisons between two present values. Values of different types are never equal
 * and never ordered. Numbers compare numerically, strings by the bytes of their UTF-8 encoding
 * (code point order) and binaries by unsigned bytes; only those three types are ordered. Sets are
 * equal when they hold the same elements in any order, lists when they hold equal elements in
 * the same order, maps when they hold equal values under the same keys.
 *
 * <p>Numbers are canonical ({@link Numbers#canonical}), so equal numbers have equal strings.
 */
public final class ValueComparison {
    private ValueComparison() {}

    /** {@code a comparator b}, both present. */
    public static boolean compare(AttributeValue a, Comparator comparator, AttributeValue b) {
        if (comparator == Comparator.EQ) {
            return equal(a, b);
        }
        if (comparator == Comparator.NE) {
            return !equal(a, b);
        }
        if (!isOrdered(a) || !a.type().equals(b.type())) {
            return false;
        }
        int c = order(a, b);
        return switch (comparator) {
            case LT -> c < 0;
            case LE -> c <= 0;
            case GT -> c > 0;
            case GE -> c >= 0;
            default -> throw new IllegalStateException(comparator.name());
        };
    }

    /** Whether values of this type have an order ({@code S}, {@code N}, {@code B}). */
    public static boolean isOrdered(AttributeValue v) {
        return v instanceof AttributeValue.S || v instanceof AttributeValue.N || v instanceof AttributeValue.B;
    }

    /** The order of two ordered values of the same type. */
    public static int order(AttributeValue a, AttributeValue b) {
        if (a instanceof AttributeValue.S x && b instanceof AttributeValue.S y) {
            return Keys.KEY_ORDER.compare(x.value(), y.value());
        } else if (a instanceof AttributeValue.N x && b instanceof AttributeValue.N y) {
            return x.value().equals(y.value()) ? 0 : Numbers.compare(x.value(), y.value());
        } else if (a instanceof AttributeValue.B x && b instanceof AttributeValue.B y) {
            return Arrays.compareUnsigned(x.value(), y.value());
        }
        throw new IllegalArgumentException("no order between " + a.type() + " and " + b.type());
    }

    /** {@code subject BETWEEN low AND high}. */
    public static boolean between(AttributeValue subject, AttributeValue low, AttributeValue high) {
        return isOrdered(subject) && subject.type().equals(low.type()) && subject.type().equals(high.type())
                && order(subject, low) >= 0 && order(subject, high) <= 0;
    }

    public static boolean in(AttributeValue subject, List<AttributeValue> candidates) {
        for (AttributeValue c : candidates) {
            if (equal(subject, c)) {
                return true;
            }
        }
        return false;
    }

    public static boolean equal(AttributeValue a, AttributeValue b) {
        if (a == b) {
            return true;
        }
        if (!a.type().equals(b.type())) {
            return false;
        }
        if (a instanceof AttributeValue.SS x) {
            List<String> y = ((AttributeValue.SS) b).values();
            return x.values().size() == y.size() && new HashSet<>(x.values()).containsAll(y);
        } else if (a instanceof AttributeValue.NS x) {
            List<String> y = ((AttributeValue.NS) b).values();
            return x.values().size() == y.size() && new HashSet<>(x.values()).containsAll(y);
        } else if (a instanceof AttributeValue.BS x) {
            AttributeValue.BS y = (AttributeValue.BS) b;
            if (x.values().size() != y.values().size()) {
                return false;
            }
            for (byte[] e : y.values()) {
                if (!x.contains(e)) {
                    return false;
                }
            }
            return true;
        } else if (a instanceof AttributeValue.L x) {
            List<AttributeValue> y = ((AttributeValue.L) b).values();
            if (x.values().size() != y.size()) {
                return false;
            }
            for (int i = 0; i < y.size(); i++) {
                if (!equal(x.values().get(i), y.get(i))) {
                    return false;
                }
            }
            return true;
        } else if (a instanceof AttributeValue.M x) {
            Map<String, AttributeValue> y = ((AttributeValue.M) b).values();
            if (x.values().size() != y.size()) {
                return false;
            }
            for (Map.Entry<String, AttributeValue> e : x.values().entrySet()) {
                AttributeValue other = y.get(e.getKey());
                if (other == null || !equal(e.getValue(), other)) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }

    /** {@code begins_with}: a string or binary prefix of the same type. */
    public static boolean beginsWith(AttributeValue subject, AttributeValue prefix) {
        if (subject instanceof AttributeValue.S s && prefix instanceof AttributeValue.S p) {
            return s.value().startsWith(p.value());
        }
        if (subject instanceof AttributeValue.B s && prefix instanceof AttributeValue.B p) {
            return s.value().length >= p.value().length
                    && Arrays.equals(s.value(), 0, p.value().length, p.value(), 0, p.value().length);
        }
        return false;
    }

    /**
     * {@code contains}: a substring of a string, a byte sequence within a binary, an element of a
     * set of the operand's type, or an element of a list equal to the operand.
     */
    public static boolean contains(AttributeValue subject, AttributeValue operand) {
        if (subject instanceof AttributeValue.S s) {
            return operand instanceof AttributeValue.S o && s.value().contains(o.value());
        } else if (subject instanceof AttributeValue.B b) {
            return operand instanceof AttributeValue.B o && indexOf(b.value(), o.value()) >= 0;
        } else if (subject instanceof AttributeValue.SS ss) {
            return operand instanceof AttributeValue.S o && ss.values().contains(o.value());
        } else if (subject instanceof AttributeValue.NS ns) {
            return operand instanceof AttributeValue.N o && ns.values().contains(o.value());
        } else if (subject instanceof AttributeValue.BS bs) {
            return operand instanceof AttributeValue.B o && bs.contains(o.value());
        } else if (subject instanceof AttributeValue.L l) {
            for (AttributeValue e : l.values()) {
                if (equal(e, operand)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * {@code size}: the UTF-16 length of a string, the bytes of a binary, the elements of a set or
     * list, the entries of a map; null for a number, boolean or null, which have no size.
     */
    public static AttributeValue size(AttributeValue v) {
        long n;
        if (v instanceof AttributeValue.S s) {
            n = s.value().length();
        } else if (v instanceof AttributeValue.B b) {
            n = b.value().length;
        } else if (v instanceof AttributeValue.SS s) {
            n = s.values().size();
        } else if (v instanceof AttributeValue.NS s) {
            n = s.values().size();
        } else if (v instanceof AttributeValue.BS s) {
            n = s.values().size();
        } else if (v instanceof AttributeValue.L l) {
            n = l.values().size();
        } else if (v instanceof AttributeValue.M m) {
            n = m.values().size();
        } else {
            return null;
        }
        return AttributeValue.n(n);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
