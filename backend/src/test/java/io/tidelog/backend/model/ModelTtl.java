package io.tidelog.backend.model;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The model's TTL rule (§8.2): a tiny strict RFC 8259 parser of its own (no library shared with
 * the implementation) and the expiry-time extraction.
 */
final class ModelTtl {
    private ModelTtl() {}

    private static final BigInteger MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger MAX = BigInteger.valueOf(Long.MAX_VALUE);

    /** The expiry time of a row, or null when it never expires. */
    static Long expiry(String itemJson, String ttlAttribute) {
        Object doc;
        try {
            doc = new Parser(itemJson).parseDocument();
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (!(doc instanceof Map<?, ?> obj)) {
            return null;
        }
        Object attr = obj.get(ttlAttribute);
        if (!(attr instanceof Map<?, ?> av) || av.size() != 1 || !av.containsKey("N")) {
            return null;
        }
        if (!(av.get("N") instanceof String s) || !s.matches("[+-]?[0-9]+")) {
            return null;
        }
        BigInteger v = new BigInteger(s.startsWith("+") ? s.substring(1) : s);
        if (v.compareTo(MIN) < 0 || v.compareTo(MAX) > 0 || v.signum() < 0) {
            return null;
        }
        return v.longValue();
    }

    /** Marker for JSON numbers (their value is irrelevant to the TTL rule). */
    private record Num(String text) {}

    private static final class Parser {
        private final String s;
        private int i;

        Parser(String s) {
            this.s = s;
        }

        Object parseDocument() {
            ws();
            Object v = value();
            ws();
            if (i != s.length()) {
                throw new IllegalArgumentException("trailing content");
            }
            return v;
        }

        private void ws() {
            while (i < s.length()) {
                char c = s.charAt(i);
                if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                    i++;
                } else {
                    break;
                }
            }
        }

        private char peek() {
            if (i >= s.length()) {
                throw new IllegalArgumentException("unexpected end");
            }
            return s.charAt(i);
        }

        private void expect(char c) {
            if (peek() != c) {
                throw new IllegalArgumentException("expected " + c);
            }
            i++;
        }

        private Object value() {
            char c = peek();
            switch (c) {
                case '{':
                    return object();
                case '[':
                    return array();
                case '"':
                    return string();
                case 't':
                    literal("true");
                    return Boolean.TRUE;
                case 'f':
                    literal("false");
                    return Boolean.FALSE;
                case 'n':
                    literal("null");
                    return Parser.class; // stands for JSON null
                default:
                    return number();
            }
        }

        private void literal(String w) {
            if (!s.startsWith(w, i)) {
                throw new IllegalArgumentException("bad literal");
            }
            i += w.length();
        }

        private Map<String, Object> object() {
            expect('{');
            Map<String, Object> m = new LinkedHashMap<>();
            ws();
            if (peek() == '}') {
                i++;
                return m;
            }
            while (true) {
                ws();
                String k = string();
                ws();
                expect(':');
                ws();
                m.put(k, value());
                ws();
                char c = peek();
                i++;
                if (c == '}') {
                    return m;
                }
                if (c != ',') {
                    throw new IllegalArgumentException("expected , or }");
                }
            }
        }

        private List<Object> array() {
            expect('[');
            List<Object> l = new ArrayList<>();
            ws();
            if (peek() == ']') {
                i++;
                return l;
            }
            while (true) {
                ws();
                l.add(value());
                ws();
                char c = peek();
                i++;
                if (c == ']') {
                    return l;
                }
                if (c != ',') {
                    throw new IllegalArgumentException("expected , or ]");
                }
            }
        }

        private String string() {
            expect('"');
            StringBuilder b = new StringBuilder();
            while (true) {
                char c = peek();
                i++;
                if (c == '"') {
                    return b.toString();
                }
                if (c < 0x20) {
                    throw new IllegalArgumentException("control character in string");
                }
                if (c != '\\') {
                    b.append(c);
                    continue;
                }
                char e = peek();
                i++;
                switch (e) {
                    case '"' -> b.append('"');
                    case '\\' -> b.append('\\');
                    case '/' -> b.append('/');
                    case 'b' -> b.append('\b');
                    case 'f' -> b.append('\f');
                    case 'n' -> b.append('\n');
                    case 'r' -> b.append('\r');
                    case 't' -> b.append('\t');
                    case 'u' -> {
                        if (i + 4 > s.length()) {
                            throw new IllegalArgumentException("short \\u escape");
                        }
                        int v = 0;
                        for (int k = 0; k < 4; k++) {
                            int d = Character.digit(s.charAt(i + k), 16);
                            if (d < 0) {
                                throw new IllegalArgumentException("bad \\u escape");
                            }
                            v = v * 16 + d;
                        }
                        i += 4;
                        b.append((char) v);
                    }
                    default -> throw new IllegalArgumentException("bad escape");
                }
            }
        }

        private Num number() {
            int start = i;
            if (i < s.length() && s.charAt(i) == '-') {
                i++;
            }
            if (peek() == '0') {
                i++;
            } else if (peek() >= '1' && peek() <= '9') {
                digits();
            } else {
                throw new IllegalArgumentException("bad number");
            }
            if (i < s.length() && s.charAt(i) == '.') {
                i++;
                digits();
            }
            if (i < s.length() && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
                i++;
                if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                    i++;
                }
                digits();
            }
            return new Num(s.substring(start, i));
        }

        private void digits() {
            int start = i;
            while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                i++;
            }
            if (i == start) {
                throw new IllegalArgumentException("digits expected");
            }
        }
    }
}
