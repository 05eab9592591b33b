package io.tidelog.dynamodb.item;

import io.tidelog.dynamodb.error.ItemErrors;
import io.tidelog.dynamodb.value.AttributeValue;
import io.tidelog.dynamodb.value.ItemSize;
import java.nio.ByteBuffer;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * DynamoDB's rules for the values an item may hold, beyond what reading a value already checks
 * (types, numbers): sets are neither empty nor hold a member twice, documents nest at most 32
 * levels, and an item is at most 400 KB. Empty strings and binaries are allowed here; only keys
 * refuse them ({@link KeyValidation}).
 *
 * <p>Values are checked in the order they appear, each depth-first, and the first problem found
 * is raised with DynamoDB's message.
 */
public final class ItemValidation {
    /** A top-level attribute value is at depth 0; a value at this depth is one level too deep. */
    static final int MAX_DEPTH = 32;

    private ItemValidation() {}

    /** Checks every value of an item, a Key map or any other map of attribute values. */
    public static void values(Map<String, AttributeValue> attributes) {
        for (AttributeValue v : attributes.values()) {
            check(v, 0);
        }
    }

    /** Checks one value (an expression attribute value, an AttributeUpdates value). */
    public static void value(AttributeValue v) {
        check(v, 0);
    }

    /** Checks only the nesting depth of one value; sets and their members are not looked at. */
    public static void depth(AttributeValue v) {
        depth(v, 0);
    }

    /**
     * The size of an item bound for storage, as DynamoDB accounts for it; raises DynamoDB's
     * {@code Item size has exceeded the maximum allowed size} above 400 KB.
     */
    public static int size(Map<String, AttributeValue> item) {
        int size = ItemSize.of(item);
        if (size > ItemSize.MAX_ITEM_BYTES) {
            throw ItemErrors.itemTooLarge();
        }
        return size;
    }

    private static void check(AttributeValue v, int depth) {
        if (depth >= MAX_DEPTH) {
            throw ItemErrors.nestingTooDeep();
        }
        if (v instanceof AttributeValue.SS ss) {
            if (ss.values().isEmpty()) {
                throw ItemErrors.emptyStringSet();
            }
            if (hasDuplicates(ss.values())) {
                throw ItemErrors.stringSetDuplicates(ss.values());
            }
        } else if (v instanceof AttributeValue.NS ns) {
            if (ns.values().isEmpty()) {
                throw ItemErrors.emptyNumberSet();
            }
            // Members are canonical, so numerically equal spellings (1, 1.0) are equal strings.
            if (hasDuplicates(ns.values())) {
                throw ItemErrors.numberSetDuplicates();
            }
        } else if (v instanceof AttributeValue.BS bs) {
            if (bs.values().isEmpty()) {
                throw ItemErrors.emptyBinarySet();
            }
            if (hasDuplicateBytes(bs.values())) {
                throw ItemErrors.binarySetDuplicates(bs.values());
            }
        } else if (v instanceof AttributeValue.L l) {
            for (AttributeValue e : l.values()) {
                check(e, depth + 1);
            }
        } else if (v instanceof AttributeValue.M m) {
            for (AttributeValue e : m.values().values()) {
                check(e, depth + 1);
            }
        }
    }

    private static void depth(AttributeValue v, int depth) {
        if (depth >= MAX_DEPTH) {
            throw ItemErrors.nestingTooDeep();
        }
        if (v instanceof AttributeValue.L l) {
            for (AttributeValue e : l.values()) {
                depth(e, depth + 1);
            }
        } else if (v instanceof AttributeValue.M m) {
            for (AttributeValue e : m.values().values()) {
                depth(e, depth + 1);
            }
        }
    }

    private static boolean hasDuplicates(List<String> values) {
        if (values.size() < 2) {
            return false;
        }
        Set<String> seen = new HashSet<>(values.size() * 2);
        for (String s : values) {
            if (!seen.add(s)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasDuplicateBytes(List<byte[]> values) {
        if (values.size() < 2) {
            return false;
        }
        Set<ByteBuffer> seen = new HashSet<>(values.size() * 2);
        for (byte[] b : values) {
            if (!seen.add(ByteBuffer.wrap(b))) {
                return true;
            }
        }
        return false;
    }
}
