package io.tidelog.dynamodb.value;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A DynamoDB attribute value: one of the ten data types of DynamoDB's type system.
 *
 * <p>Numbers are held as their canonical decimal string ({@link Numbers#canonical}), so two
 * numerically equal numbers are {@code equals}. Values that were read from a request have been
 * validated and canonicalized on the way in ({@link AttributeValueJson}); values built in code
 * must be too. Collections are immutable; maps keep their insertion order.
 */
public sealed interface AttributeValue {

    /** The type descriptor: {@code S}, {@code N}, {@code B}, {@code BOOL}, {@code NULL}, {@code SS}, ... */
    String type();

    /** A string. */
    record S(String value) implements AttributeValue {
        public S {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String type() {
            return "S";
        }
    }

    /** A number, as its canonical decimal string. */
    record N(String value) implements AttributeValue {
        public N {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String type() {
            return "N";
        }
    }

    /** Binary data. The array is never modified after construction. */
    record B(byte[] value) implements AttributeValue {
        public B {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String type() {
            return "B";
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof B b && Arrays.equals(value, b.value);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(value);
        }

        @Override
        public String toString() {
            return "B[" + value.length + " bytes]";
        }
    }

    /** A boolean. */
    record Bool(boolean value) implements AttributeValue {
        public static final Bool TRUE = new Bool(true);
        public static final Bool FALSE = new Bool(false);

        public static Bool of(boolean b) {
            return b ? TRUE : FALSE;
        }

        @Override
        public String type() {
            return "BOOL";
        }
    }

    /** The null value (always {@code {"NULL": true}} on the wire). */
    record Null() implements AttributeValue {
        public static final Null INSTANCE = new Null();

        @Override
        public String type() {
            return "NULL";
        }
    }

    /** A set of strings: no duplicates, never empty when stored. */
    record SS(List<String> values) implements AttributeValue {
        public SS {
            values = List.copyOf(values);
        }

        @Override
        public String type() {
            return "SS";
        }
    }

    /** A set of numbers (canonical strings): no duplicates, never empty when stored. */
    record NS(List<String> values) implements AttributeValue {
        public NS {
            values = List.copyOf(values);
        }

        @Override
        public String type() {
            return "NS";
        }
    }

    /** A set of binary values: no duplicates, never empty when stored. */
    record BS(List<byte[]> values) implements AttributeValue {
        public BS {
            values = List.copyOf(values);
        }

        @Override
        public String type() {
            return "BS";
        }

        /** Whether two elements have the same content. */
        public boolean hasDuplicates() {
            Set<ByteBuffer> seen = new HashSet<>();
            for (byte[] v : values) {
                if (!seen.add(ByteBuffer.wrap(v))) {
                    return true;
                }
            }
            return false;
        }

        /** Whether {@code candidate} is one of the elements (by content). */
        public boolean contains(byte[] candidate) {
            for (byte[] v : values) {
                if (Arrays.equals(v, candidate)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof BS other) || other.values.size() != values.size()) {
                return false;
            }
            for (int i = 0; i < values.size(); i++) {
                if (!Arrays.equals(values.get(i), other.values.get(i))) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public int hashCode() {
            int h = 1;
            for (byte[] v : values) {
                h = 31 * h + Arrays.hashCode(v);
            }
            return h;
        }

        @Override
        public String toString() {
            return "BS[" + values.size() + " values]";
        }
    }

    /** A list of values of any types. */
    record L(List<AttributeValue> values) implements AttributeValue {
        public L {
            values = List.copyOf(values);
        }

        @Override
        public String type() {
            return "L";
        }
    }

    /** A map from names to values of any types, in insertion order. */
    record M(Map<String, AttributeValue> values) implements AttributeValue {
        public M {
            values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        }

        @Override
        public String type() {
            return "M";
        }
    }

    /** Whether this is one of the set types. */
    default boolean isSet() {
        return this instanceof SS || this instanceof NS || this instanceof BS;
    }

    static S s(String value) {
        return new S(value);
    }

    /** A number from a valid DynamoDB number literal, canonicalized. */
    static N n(String literal) {
        return new N(Numbers.canonical(literal));
    }

    static N n(long value) {
        return new N(Long.toString(value));
    }
}
