package io.tidelog.dynamodb.value;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.tidelog.dynamodb.error.Errors;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * DynamoDB's JSON form of attribute values, {@code {"S":"x"}}, {@code {"N":"1"}},
 * {@code {"B":"<base64>"}}, {@code {"M":{…}}} and so on, in both directions.
 *
 * <p>Reading a request ({@link #read(JsonNode)}) validates as DynamoDB does, in its order:
 * numbers are checked (in {@code N} and {@code NS}) before a value with several types is refused,
 * and numbers come out canonical; sets must be non-empty and without duplicates (numbers compared
 * by value), and documents may nest at most {@value #MAX_NESTING} levels. Reading a stored item ({@link #readItem(String)}) trusts the
 * JSON, which only this class wrote. Stored items are the same JSON as the wire form, so an item
 * can be copied into a response without being parsed.
 */
public final class AttributeValueJson {
    public static final JsonFactory JSON = JsonFactory.builder().build();

    /** DynamoDB's limit on nesting: a value inside {@value} lists or maps is refused. */
    public static final int MAX_NESTING = 32;

    private AttributeValueJson() {}

    // Reading requests

    /** A value from a request, validated. */
    public static AttributeValue read(JsonNode node) {
        return read(node, 0);
    }

    private static AttributeValue read(JsonNode node, int depth) {
        if (depth >= MAX_NESTING) {
            throw Errors.nestingTooDeep();
        }
        if (node == null || !node.isObject() || node.isEmpty()) {
            throw Errors.attributeValueEmpty();
        }
        String type = null;
        int types = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            if (isType(f.getKey()) && !f.getValue().isNull()) {
                types++;
                type = f.getKey();
                if (f.getKey().equals("N") && f.getValue().isTextual()) {
                    Numbers.validate(f.getValue().textValue());
                } else if (f.getKey().equals("NS") && f.getValue().isArray()) {
                    for (JsonNode n : f.getValue()) {
                        if (n.isTextual()) {
                            Numbers.validate(n.textValue());
                        }
                    }
                }
            }
        }
        if (types == 0) {
            throw Errors.attributeValueEmpty();
        }
        if (types > 1) {
            throw Errors.attributeValueMultipleTypes();
        }
        JsonNode v = node.get(type);
        return switch (type) {
            case "S" -> new AttributeValue.S(text(v, "S"));
            case "N" -> new AttributeValue.N(Numbers.canonical(text(v, "N")));
            case "B" -> new AttributeValue.B(base64(text(v, "B")));
            case "BOOL" -> AttributeValue.Bool.of(bool(v));
            case "NULL" -> {
                if (!v.isBoolean() || !v.booleanValue()) {
                    throw Errors.nullNotTrue();
                }
                yield AttributeValue.Null.INSTANCE;
            }
            case "SS" -> {
                List<String> out = new ArrayList<>(array(v).size());
                for (JsonNode e : v) {
                    out.add(text(e, "SS"));
                }
                if (out.isEmpty()) {
                    throw Errors.emptyStringSet();
                }
                if (new HashSet<>(out).size() < out.size()) {
                    throw Errors.duplicateStrings(out);
                }
                yield new AttributeValue.SS(out);
            }
            case "NS" -> {
                List<String> out = new ArrayList<>(array(v).size());
                for (JsonNode e : v) {
                    out.add(Numbers.canonical(text(e, "NS")));
                }
                if (out.isEmpty()) {
                    throw Errors.emptyNumberSet();
                }
                if (new HashSet<>(out).size() < out.size()) {
                    throw Errors.duplicateNumbers();
                }
                yield new AttributeValue.NS(out);
            }
            case "BS" -> {
                List<byte[]> out = new ArrayList<>(array(v).size());
                List<String> written = new ArrayList<>(v.size());
                for (JsonNode e : v) {
                    String text = text(e, "BS");
                    written.add(text);
                    out.add(base64(text));
                }
                if (out.isEmpty()) {
                    throw Errors.emptyBinarySet();
                }
                if (new AttributeValue.BS(out).hasDuplicates()) {
                    throw Errors.duplicateBinaries(written);
                }
                yield new AttributeValue.BS(out);
            }
            case "L" -> {
                List<AttributeValue> out = new ArrayList<>(array(v).size());
                for (JsonNode e : v) {
                    out.add(read(e, depth + 1));
                }
                yield new AttributeValue.L(out);
            }
            case "M" -> new AttributeValue.M(readMap(v, depth + 1));
            default -> throw new IllegalStateException(type);
        };
    }

    /** A map of names to values from a request (an item, a key, a set of expression values). */
    public static Map<String, AttributeValue> readMap(JsonNode node) {
        return readMap(node, 0);
    }

    private static Map<String, AttributeValue> readMap(JsonNode node, int depth) {
        if (!node.isObject()) {
            throw Errors.serialization("Unexpected value type in payload");
        }
        Map<String, AttributeValue> out = new LinkedHashMap<>(Math.max(4, node.size() * 2));
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            out.put(f.getKey(), read(f.getValue(), depth));
        }
        return out;
    }

    private static boolean isType(String key) {
        return switch (key) {
            case "S", "N", "B", "BOOL", "NULL", "SS", "NS", "BS", "L", "M" -> true;
            default -> false;
        };
    }

    private static String text(JsonNode v, String type) {
        if (v.isTextual()) {
            return v.textValue();
        }
        if (v.isNumber()) {
            throw Errors.serialization("NUMBER_VALUE cannot be converted to String");
        }
        if (v.isBoolean()) {
            throw Errors.serialization((v.booleanValue() ? "TRUE_VALUE" : "FALSE_VALUE")
                    + " cannot be converted to String");
        }
        throw Errors.serialization("Unexpected value type in payload");
    }

    private static boolean bool(JsonNode v) {
        if (!v.isBoolean()) {
            throw Errors.serialization("Unexpected value type in payload");
        }
        return v.booleanValue();
    }

    private static JsonNode array(JsonNode v) {
        if (!v.isArray()) {
            throw Errors.serialization("Unexpected value type in payload");
        }
        return v;
    }

    private static byte[] base64(String s) {
        try {
            return Base64.getDecoder().decode(s);
        } catch (IllegalArgumentException e) {
            return Base64.getMimeDecoder().decode(s);
        }
    }

    // Reading stored items

    /** An item as stored by {@link #itemToJson}; trusted, not validated. */
    public static Map<String, AttributeValue> readItem(String json) {
        try (JsonParser p = JSON.createParser(json)) {
            p.nextToken();
            return readStoredMap(p);
        } catch (IOException e) {
            throw new UncheckedIOException("a stored item is not valid JSON", e);
        }
    }

    private static Map<String, AttributeValue> readStoredMap(JsonParser p) throws IOException {
        Map<String, AttributeValue> out = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            out.put(name, readStored(p));
        }
        return out;
    }

    private static AttributeValue readStored(JsonParser p) throws IOException {
        p.nextToken();
        String type = p.currentName();
        p.nextToken();
        AttributeValue v = switch (type) {
            case "S" -> new AttributeValue.S(p.getText());
            case "N" -> new AttributeValue.N(p.getText());
            case "B" -> new AttributeValue.B(p.getBinaryValue());
            case "BOOL" -> AttributeValue.Bool.of(p.getBooleanValue());
            case "NULL" -> AttributeValue.Null.INSTANCE;
            case "SS", "NS" -> {
                List<String> out = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    out.add(p.getText());
                }
                yield type.equals("SS") ? new AttributeValue.SS(out) : new AttributeValue.NS(out);
            }
            case "BS" -> {
                List<byte[]> out = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    out.add(p.getBinaryValue());
                }
                yield new AttributeValue.BS(out);
            }
            case "L" -> {
                List<AttributeValue> out = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    out.add(readStored(p));
                }
                yield new AttributeValue.L(out);
            }
            case "M" -> new AttributeValue.M(readStoredMap(p));
            default -> throw new IOException("unknown attribute type " + type);
        };
        p.nextToken(); // the value object's END_OBJECT
        return v;
    }

    // Writing

    /** The JSON of an item, as it is stored and as it goes on the wire. */
    public static String itemToJson(Map<String, AttributeValue> item) {
        StringWriter w = new StringWriter(64 + 32 * item.size());
        try (JsonGenerator g = JSON.createGenerator(w)) {
            writeMap(g, item);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    public static void writeMap(JsonGenerator g, Map<String, AttributeValue> map) throws IOException {
        g.writeStartObject();
        for (Map.Entry<String, AttributeValue> e : map.entrySet()) {
            g.writeFieldName(e.getKey());
            write(g, e.getValue());
        }
        g.writeEndObject();
    }

    public static void write(JsonGenerator g, AttributeValue value) throws IOException {
        g.writeStartObject();
        g.writeFieldName(value.type());
        if (value instanceof AttributeValue.S s) {
            g.writeString(s.value());
        } else if (value instanceof AttributeValue.N n) {
            g.writeString(n.value());
        } else if (value instanceof AttributeValue.B b) {
            g.writeBinary(b.value());
        } else if (value instanceof AttributeValue.Bool b) {
            g.writeBoolean(b.value());
        } else if (value instanceof AttributeValue.Null) {
            g.writeBoolean(true);
        } else if (value instanceof AttributeValue.SS ss) {
            writeStrings(g, ss.values());
        } else if (value instanceof AttributeValue.NS ns) {
            writeStrings(g, ns.values());
        } else if (value instanceof AttributeValue.BS bs) {
            g.writeStartArray();
            for (byte[] b : bs.values()) {
                g.writeBinary(b);
            }
            g.writeEndArray();
        } else if (value instanceof AttributeValue.L l) {
            g.writeStartArray();
            for (AttributeValue v : l.values()) {
                write(g, v);
            }
            g.writeEndArray();
        } else if (value instanceof AttributeValue.M m) {
            writeMap(g, m.values());
        }
        g.writeEndObject();
    }

    private static void writeStrings(JsonGenerator g, List<String> values) throws IOException {
        g.writeStartArray();
        for (String s : values) {
            g.writeString(s);
        }
        g.writeEndArray();
    }
}
