package io.tidelog.dynamodb.operation.table;

import io.tidelog.backend.Tag;
import io.tidelog.dynamodb.error.ConstraintViolations;
import io.tidelog.dynamodb.error.Errors;
import io.tidelog.dynamodb.json.Request;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * DynamoDB's rules for tags (TagResource, CreateTable's {@code Tags}, UntagResource's keys): keys
 * of 1 to 128 characters, values of up to 256, both of letters, digits, spaces and
 * {@code _ . : / = + - @}; no key starting {@code aws:}; no key twice in a request; at most 50
 * tags on a table.
 */
final class TagRules {
    static final int MAX_TAGS = 50;
    static final int MAX_KEY_LENGTH = 128;
    static final int MAX_VALUE_LENGTH = 256;
    private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");

    private TagRules() {}

    /** The {@code Tags} list of a request, its members' shape checked; null when absent. */
    static List<Tag> read(Request r, String member, String path, ConstraintViolations v) {
        List<Request> elements = r.structures(member);
        if (elements == null) {
            return null;
        }
        List<Tag> out = new ArrayList<>(elements.size());
        for (int i = 0; i < elements.size(); i++) {
            Request e = elements.get(i);
            String at = path + "." + (i + 1) + ".member.";
            String key = e.string("Key");
            String value = e.string("Value");
            key(key, at + "key", v);
            if (value == null) {
                v.notNull(at + "value");
            } else if (value.length() > MAX_VALUE_LENGTH) {
                v.maxLength(at + "value", value, MAX_VALUE_LENGTH);
            }
            out.add(new Tag(key == null ? "" : key, value == null ? "" : value));
        }
        return out;
    }

    /** UntagResource's {@code TagKeys}, their shape checked; null when absent. */
    static List<String> readKeys(Request r, ConstraintViolations v) {
        List<String> keys = r.strings("TagKeys");
        if (keys == null) {
            return null;
        }
        for (int i = 0; i < keys.size(); i++) {
            key(keys.get(i), "tagKeys." + (i + 1) + ".member", v);
        }
        return keys;
    }

    private static void key(String key, String path, ConstraintViolations v) {
        if (key == null) {
            v.notNull(path);
        } else if (key.isEmpty()) {
            v.minLength(path, key, 1);
        } else if (key.length() > MAX_KEY_LENGTH) {
            v.maxLength(path, key, MAX_KEY_LENGTH);
        }
    }

    /** The rules beyond shape, on the tags of one request. */
    static void check(List<Tag> tags) {
        Set<String> seen = new HashSet<>();
        for (Tag t : tags) {
            if (!ALLOWED.matcher(t.key()).matches()) {
                throw Errors.invalidTagKey(t.key());
            }
            if (!ALLOWED.matcher(t.value()).matches()) {
                throw Errors.invalidTagValue(t.value());
            }
            if (t.key().startsWith("aws:")) {
                throw Errors.reservedTagKey(t.key());
            }
            if (!seen.add(t.key())) {
                throw Errors.duplicateTagKey(t.key());
            }
        }
    }

    /** The table may hold at most 50 tags once {@code added} are set over {@code existing}. */
    static void checkLimit(List<Tag> existing, List<Tag> added) {
        Set<String> keys = new HashSet<>();
        for (Tag t : existing) {
            keys.add(t.key());
        }
        for (Tag t : added) {
            keys.add(t.key());
        }
        if (keys.size() > MAX_TAGS) {
            throw Errors.tooManyTags();
        }
    }
}
