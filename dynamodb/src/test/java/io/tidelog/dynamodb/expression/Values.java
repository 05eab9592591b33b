package io.tidelog.dynamodb.expression;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tidelog.dynamodb.value.AttributeValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small builders of values and items for the expression tests. */
final class Values {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Values() {}

    static AttributeValue s(String v) {
        return new AttributeValue.S(v);
    }

    static AttributeValue n(String v) {
        return AttributeValue.n(v);
    }

    static AttributeValue b(int... bytes) {
        byte[] out = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            out[i] = (byte) bytes[i];
        }
        return new AttributeValue.B(out);
    }

    static AttributeValue ss(String... v) {
        return new AttributeValue.SS(List.of(v));
    }

    static AttributeValue ns(String... v) {
        return new AttributeValue.NS(Arrays.stream(v).map(x -> AttributeValue.n(x).value()).toList());
    }

    static AttributeValue bs(byte[]... v) {
        return new AttributeValue.BS(List.of(v));
    }

    static AttributeValue bool(boolean v) {
        return AttributeValue.Bool.of(v);
    }

    static AttributeValue nul() {
        return AttributeValue.Null.INSTANCE;
    }

    static AttributeValue l(AttributeValue... v) {
        return new AttributeValue.L(List.of(v));
    }

    static AttributeValue m(Object... keysAndValues) {
        return new AttributeValue.M(map(keysAndValues));
    }

    /** An item (or any map of values) from alternating names and values. */
    static Map<String, AttributeValue> map(Object... keysAndValues) {
        Map<String, AttributeValue> out = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            out.put((String) keysAndValues[i], (AttributeValue) keysAndValues[i + 1]);
        }
        return out;
    }

    static Map<String, String> names(String... keysAndNames) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < keysAndNames.length; i += 2) {
            out.put(keysAndNames[i], keysAndNames[i + 1]);
        }
        return out;
    }

    /** JSON written with single quotes for readability. */
    static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text.replace('\'', '"'));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
