package io.tidelog.dynamodb.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tidelog.dynamodb.error.Errors;
import io.tidelog.dynamodb.value.AttributeValue;
import io.tidelog.dynamodb.value.AttributeValueJson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request document (or a structure inside one) with typed access to its members, as DynamoDB's
 * JSON protocol reads them: a member that is absent or JSON {@code null} is absent; a member of
 * the wrong JSON type is a {@code SerializationException}.
 */
public final class Request {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final ObjectNode EMPTY = JsonNodeFactory.instance.objectNode();

    private final JsonNode node;

    private Request(JsonNode node) {
        this.node = node;
    }

    /** Parses a request body; an empty body is an empty document. */
    public static Request parse(byte[] body) {
        if (body.length == 0) {
            return new Request(EMPTY);
        }
        JsonNode root;
        try (JsonParser p = MAPPER.createParser(body)) {
            root = MAPPER.readTree(p);
            if (p.nextToken() != null) {
                throw Errors.malformedJson();
            }
        } catch (IOException e) {
            throw Errors.malformedJson();
        }
        if (root == null || root.isNull() || root.isMissingNode()) {
            return new Request(EMPTY);
        }
        if (!root.isObject()) {
            throw Errors.malformedJson();
        }
        return new Request(root);
    }

    /** A structure nested in a request. */
    public static Request of(JsonNode structure) {
        if (structure == null || structure.isNull()) {
            return new Request(EMPTY);
        }
        if (!structure.isObject()) {
            throw Errors.serialization("Unexpected value type in payload");
        }
        return new Request(structure);
    }

    public JsonNode node() {
        return node;
    }

    /** The member, or null when absent or JSON null. */
    public JsonNode get(String member) {
        JsonNode v = node.get(member);
        return v == null || v.isNull() ? null : v;
    }

    public boolean has(String member) {
        return get(member) != null;
    }

    public String string(String member) {
        JsonNode v = get(member);
        if (v == null) {
            return null;
        }
        if (v.isTextual()) {
            return v.textValue();
        }
        throw wrongType(v, "String");
    }

    public Integer integer(String member) {
        JsonNode v = get(member);
        if (v == null) {
            return null;
        }
        if (v.isIntegralNumber() && v.canConvertToInt()) {
            return v.intValue();
        }
        if (v.isNumber()) {
            return v.intValue();
        }
        throw wrongType(v, "Integer");
    }

    public Long longValue(String member) {
        JsonNode v = get(member);
        if (v == null) {
            return null;
        }
        if (v.isNumber()) {
            return v.longValue();
        }
        throw wrongType(v, "Long");
    }

    public Boolean bool(String member) {
        JsonNode v = get(member);
        if (v == null) {
            return null;
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        throw wrongType(v, "Boolean");
    }

    /** A nested structure, or null when absent. */
    public Request structure(String member) {
        JsonNode v = get(member);
        if (v == null) {
            return null;
        }
        if (!v.isObject()) {
            throw wrongType(v, "Structure");
        }
        return new Request(v);
    }

    /** A list member's elements, or null when absent. */
    public List<JsonNode> list(String member) {
        JsonNode v = get(member);
        if (v == null) {
            return null;
        }
        if (!v.isArray()) {
            throw wrongType(v, "List");
        }
        List<JsonNode> out = new ArrayList<>(v.size());
        v.forEach(out::add);
        return out;
    }

    /** A list of structures, or null when absent. */
    public List<Request> structures(String member) {
        List<JsonNode> elements = list(member);
        if (elements == null) {
            return null;
        }
        List<Request> out = new ArrayList<>(elements.size());
        for (JsonNode e : elements) {
            out.add(of(e));
        }
        return out;
    }

    /** A list of strings, or null when absent. */
    public List<String> strings(String member) {
        List<JsonNode> elements = list(member);
        if (elements == null) {
            return null;
        }
        List<String> out = new ArrayList<>(elements.size());
        for (JsonNode e : elements) {
            if (!e.isTextual()) {
                throw wrongType(e, "String");
            }
            out.add(e.textValue());
        }
        return out;
    }

    /** A map of strings to strings ({@code ExpressionAttributeNames}), or null when absent. */
    public Map<String, String> stringMap(String member) {
        JsonNode v = get(member);
        if (v == null) {
            return null;
        }
        if (!v.isObject()) {
            throw wrongType(v, "Map");
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isTextual()) {
                throw wrongType(e.getValue(), "String");
            }
            out.put(e.getKey(), e.getValue().textValue());
        }
        return out;
    }

    /**
     * A map member whose values the caller reads itself ({@code RequestItems}), in request order,
     * or null when absent.
     */
    public Map<String, JsonNode> map(String member) {
        JsonNode v = get(member);
        if (v == null) {
            return null;
        }
        if (!v.isObject()) {
            throw wrongType(v, "Map");
        }
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(e.getKey(), e.getValue());
        }
        return out;
    }

    /** The elements of a list value found inside a request (a value of {@link #map}). */
    public static List<JsonNode> elements(JsonNode list) {
        if (list == null || list.isNull()) {
            return null;
        }
        if (!list.isArray()) {
            throw wrongType(list, "List");
        }
        List<JsonNode> out = new ArrayList<>(list.size());
        list.forEach(out::add);
        return out;
    }

    /** A map of attribute values ({@code Item}, {@code Key}, ...), validated, or null when absent. */
    public Map<String, AttributeValue> attributes(String member) {
        JsonNode v = get(member);
        if (v == null) {
            return null;
        }
        if (!v.isObject()) {
            throw wrongType(v, "Map");
        }
        return AttributeValueJson.readMap(v);
    }

    /** DynamoDB's words for a member of the wrong JSON type. */
    static RuntimeException wrongType(JsonNode v, String expected) {
        String found = switch (v.getNodeType()) {
            case NUMBER -> "NUMBER_VALUE";
            case STRING -> "STRING_VALUE";
            case BOOLEAN -> v.booleanValue() ? "TRUE_VALUE" : "FALSE_VALUE";
            case ARRAY -> "START_ARRAY";
            case OBJECT -> "START_OBJECT";
            default -> "VALUE";
        };
        if (found.equals("START_OBJECT")) {
            return Errors.serialization("Start of structure or map found where not expected.");
        }
        if (found.equals("START_ARRAY")) {
            return Errors.serialization("Start of list found where not expected");
        }
        if (expected.equals("List") || expected.equals("Map") || expected.equals("Structure")) {
            return Errors.serialization("Unexpected value type in payload");
        }
        return Errors.serialization(found + " cannot be converted to " + expected);
    }
}
