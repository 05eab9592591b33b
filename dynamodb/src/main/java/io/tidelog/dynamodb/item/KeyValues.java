package io.tidelog.dynamodb.item;

import io.tidelog.backend.Keys;
import io.tidelog.dynamodb.value.AttributeValue;

/**
 * Key attribute values as the storage backend holds them: key strings ({@code S:…}, {@code N:…},
 * {@code B:…}, ordered as DynamoDB orders keys) and the hash prefix that places a partition key
 * in parallel-scan segments. The encodings themselves live in {@link Keys}.
 */
public final class KeyValues {
    private KeyValues() {}

    /** The key string of an {@code S}, {@code N} or {@code B} value. */
    public static String keyString(AttributeValue v) {
        if (v instanceof AttributeValue.S s) {
            return Keys.stringKey(s.value());
        } else if (v instanceof AttributeValue.N n) {
            return Keys.numberKey(n.value());
        } else if (v instanceof AttributeValue.B b) {
            return Keys.binaryKey(b.value());
        }
        throw new IllegalArgumentException("not a key type: " + v.type());
    }

    /** The hash prefix of a partition key value. */
    public static String hashPrefix(AttributeValue v) {
        if (v instanceof AttributeValue.S s) {
            return Keys.hashPrefixOfString(s.value());
        } else if (v instanceof AttributeValue.N n) {
            return Keys.hashPrefixOfNumber(n.value());
        } else if (v instanceof AttributeValue.B b) {
            return Keys.hashPrefixOfBinary(b.value());
        }
        throw new IllegalArgumentException("not a key type: " + v.type());
    }
}
