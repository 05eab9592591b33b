package io.tidelog.dynamodb.value;

import java.util.Map;

/**
 * The size of an item as DynamoDB accounts for it (the 400 KB limit, capacity units, collection
 * metrics): for each attribute, the UTF-8 length of its name plus the size of its value. Strings
 * and binaries count their bytes, numbers {@link Numbers#size}, booleans and nulls one byte; a
 * list costs 3 bytes plus one per element, a map 3 bytes plus one per entry, besides their
 * contents.
 */
public final class ItemSize {
    /** DynamoDB's item size limit: 400 KB. */
    public static final int MAX_ITEM_BYTES = 400 * 1024;

    private ItemSize() {}

    public static int of(Map<String, AttributeValue> item) {
        int size = 0;
        for (Map.Entry<String, AttributeValue> e : item.entrySet()) {
            size += utf8Length(e.getKey()) + of(e.getValue());
        }
        return size;
    }

    public static int of(AttributeValue v) {
        if (v instanceof AttributeValue.S s) {
            return utf8Length(s.value());
        } else if (v instanceof AttributeValue.N n) {
            return Numbers.size(n.value());
        } else if (v instanceof AttributeValue.B b) {
            return b.value().length;
        } else if (v instanceof AttributeValue.Bool || v instanceof AttributeValue.Null) {
            return 1;
        } else if (v instanceof AttributeValue.SS ss) {
            int size = 0;
            for (String s : ss.values()) {
                size += utf8Length(s);
            }
            return size;
        } else if (v instanceof AttributeValue.NS ns) {
            int size = 0;
            for (String n : ns.values()) {
                size += Numbers.size(n);
            }
            return size;
        } else if (v instanceof AttributeValue.BS bs) {
            int size = 0;
            for (byte[] b : bs.values()) {
                size += b.length;
            }
            return size;
        } else if (v instanceof AttributeValue.L l) {
            int size = 3 + l.values().size();
            for (AttributeValue e : l.values()) {
                size += of(e);
            }
            return size;
        } else {
            Map<String, AttributeValue> m = ((AttributeValue.M) v).values();
            int size = 3;
            for (Map.Entry<String, AttributeValue> e : m.entrySet()) {
                size += utf8Length(e.getKey()) + 1 + of(e.getValue());
            }
            return size;
        }
    }

    /** UTF-8 byte length without encoding the string. */
    public static int utf8Length(String s) {
        int n = s.length();
        int bytes = n;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80) {
                if (c < 0x800) {
                    bytes += 1;
                } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    bytes += 2; // four bytes for the pair, counted as two chars
                    i++;
                } else {
                    bytes += 2;
                }
            }
        }
        return bytes;
    }
}
