package io.tidelog.projections;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * The one place the backend reads inside an item: the expiry time of a row under a TTL
 * attribute. A row expires at {@code x} when its JSON is an object whose member named like the
 * attribute is {@code {"N": "<digits>"}} with an optional sign, within the long range, and
 * {@code x >= 0}. Anything else (missing, not a number, fractional or exponent form, negative,
 * malformed JSON) never expires.
 */
public final class TtlExpiry {
    private TtlExpiry() {}

    private static final JsonFactory JSON = new JsonFactory();

    /** The expiry in epoch seconds, or -1 when the row never expires. */
    public static long of(String itemJson, String attribute) {
        if (attribute == null) {
            return -1;
        }
        try (JsonParser p = JSON.createParser(itemJson)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return -1;
            }
            long expiry = -1;
            boolean seen = false;
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                if (!seen && name.equals(attribute)) {
                    seen = true;
                    expiry = numberMember(p);
                } else {
                    p.skipChildren();
                }
            }
            if (t != JsonToken.END_OBJECT || p.nextToken() != null) {
                return -1;
            }
            return expiry;
        } catch (IOException | RuntimeException e) {
            return -1; // malformed JSON never expires
        }
    }

    /** Reads {@code {"N":"digits"}} at the parser's current START_OBJECT; -1 otherwise. */
    private static long numberMember(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) {
            p.skipChildren();
            return -1;
        }
        long value = -1;
        int members = 0;
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            members++;
            String name = p.currentName();
            JsonToken v = p.nextToken();
            if (name.equals("N") && v == JsonToken.VALUE_STRING) {
                value = parseInteger(p.getText());
            } else {
                p.skipChildren();
                value = -1;
            }
        }
        if (t != JsonToken.END_OBJECT) {
            throw new IOException("malformed object");
        }
        return members == 1 ? value : -1;
    }

    private static long parseInteger(String s) {
        int i = 0;
        if (!s.isEmpty() && (s.charAt(0) == '+' || s.charAt(0) == '-')) {
            i = 1;
        }
        if (i == s.length()) {
            return -1;
        }
        for (int j = i; j < s.length(); j++) {
            char c = s.charAt(j);
            if (c < '0' || c > '9') {
                return -1;
            }
        }
        try {
            long v = Long.parseLong(s);
            return v >= 0 ? v : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
