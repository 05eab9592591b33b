package io.tidelog.dynamodb.expression;

import com.fasterxml.jackson.databind.JsonNode;
import io.tidelog.dynamodb.error.DynamoDbException;
import io.tidelog.dynamodb.error.ErrorCode;
import io.tidelog.dynamodb.error.Errors;
import io.tidelog.dynamodb.error.ExpressionErrors;
import io.tidelog.dynamodb.value.AttributeValue;
import io.tidelog.dynamodb.value.AttributeValueJson;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A request's {@code ExpressionAttributeNames} and {@code ExpressionAttributeValues}, validated as
 * maps, and which of their entries the request's expressions have used. Confined to one request.
 */
final class Bindings {
    private static final Pattern NAME_KEY = Pattern.compile("#[0-9a-zA-Z_]+");
    private static final Pattern VALUE_KEY = Pattern.compile(":[0-9a-zA-Z_]+");
    private static final String NULL_NOT_TRUE = Errors.nullNotTrue().getMessage();
    private static final String NESTING_TOO_DEEP = Errors.nestingTooDeep().getMessage();

    private final Map<String, String> names;
    private final Map<String, AttributeValue> values;
    private final Set<String> usedNames = new HashSet<>();
    private final Set<String> usedValues = new HashSet<>();

    private Bindings(Map<String, String> names, Map<String, AttributeValue> values) {
        this.names = names;
        this.values = values;
    }

    /** Validates the names map, then the values map (its keys, then each value, in order). */
    static Bindings read(Map<String, String> names, JsonNode valuesJson, Map<String, AttributeValue> valuesRead) {
        checkNames(names);
        Map<String, AttributeValue> values = valuesRead;
        if (valuesJson != null) {
            values = readValues(valuesJson);
        } else if (values != null) {
            checkValueKeys(values.keySet());
        }
        return new Bindings(names == null ? Map.of() : names, values == null ? Map.of() : values);
    }

    private static void checkNames(Map<String, String> names) {
        if (names == null) {
            return;
        }
        if (names.isEmpty()) {
            throw ExpressionErrors.namesEmpty();
        }
        for (String key : names.keySet()) {
            if (!NAME_KEY.matcher(key).matches()) {
                throw ExpressionErrors.invalidNameKey(key);
            }
        }
    }

    private static void checkValueKeys(Set<String> keys) {
        if (keys.isEmpty()) {
            throw ExpressionErrors.valuesEmpty();
        }
        for (String key : keys) {
            if (!VALUE_KEY.matcher(key).matches()) {
                throw ExpressionErrors.invalidValueKey(key);
            }
        }
    }

    private static Map<String, AttributeValue> readValues(JsonNode json) {
        if (!json.isObject()) {
            throw Errors.serialization("Unexpected value type in payload");
        }
        Set<String> keys = new LinkedHashSet<>(json.size() * 2);
        for (Map.Entry<String, JsonNode> e : json.properties()) {
            keys.add(e.getKey());
        }
        checkValueKeys(keys);
        Map<String, AttributeValue> out = new LinkedHashMap<>(Math.max(4, keys.size() * 2));
        for (Map.Entry<String, JsonNode> e : json.properties()) {
            try {
                out.put(e.getKey(), AttributeValueJson.read(e.getValue()));
            } catch (DynamoDbException invalid) {
                throw rewordForKey(e.getKey(), invalid);
            }
        }
        return out;
    }

    /**
     * DynamoDB names the key of an invalid expression value, except for a malformed body
     * (serialization errors) and a null that is not true, which it reports as for any value.
     */
    private static DynamoDbException rewordForKey(String key, DynamoDbException invalid) {
        if (invalid.code() != ErrorCode.VALIDATION || NULL_NOT_TRUE.equals(invalid.getMessage())
                || NESTING_TOO_DEEP.equals(invalid.getMessage())) {
            return invalid;
        }
        return ExpressionErrors.invalidValue(key, invalid.getMessage());
    }

    /** The name {@code ref} stands for, marked used; null when the request does not define it. */
    String name(String ref) {
        String name = names.get(ref);
        if (name != null) {
            usedNames.add(ref);
        }
        return name;
    }

    /** The value {@code ref} stands for, marked used; null when the request does not define it. */
    AttributeValue value(String ref) {
        AttributeValue v = values.get(ref);
        if (v != null) {
            usedValues.add(ref);
        }
        return v;
    }

    /** Raises DynamoDB's error for names, then values, that no expression used. */
    void requireAllUsed() {
        Set<String> unusedNames = new TreeSet<>(names.keySet());
        unusedNames.removeAll(usedNames);
        if (!unusedNames.isEmpty()) {
            throw ExpressionErrors.unusedNames(unusedNames);
        }
        Set<String> unusedValues = new TreeSet<>(values.keySet());
        unusedValues.removeAll(usedValues);
        if (!unusedValues.isEmpty()) {
            throw ExpressionErrors.unusedValues(unusedValues);
        }
    }
}
