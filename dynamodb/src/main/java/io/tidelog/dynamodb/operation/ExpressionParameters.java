package io.tidelog.dynamodb.operation;

import com.fasterxml.jackson.databind.JsonNode;
import io.tidelog.dynamodb.error.DynamoDbException;
import io.tidelog.dynamodb.error.ErrorCode;
import io.tidelog.dynamodb.error.Errors;
import io.tidelog.dynamodb.error.RequestErrors;
import io.tidelog.dynamodb.item.ItemValidation;
import io.tidelog.dynamodb.json.Request;
import io.tidelog.dynamodb.value.AttributeValue;
import io.tidelog.dynamodb.value.AttributeValueJson;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a request's expression parameters combine with each other and with their legacy
 * counterparts, checked as DynamoDB checks them before it reads any table:
 * <ol>
 *   <li>an expression parameter beside a legacy one ({@code ConditionExpression} and
 *       {@code Expected}) is refused;</li>
 *   <li>{@code ExpressionAttributeNames}, then {@code ExpressionAttributeValues}, without any
 *       expression are refused;</li>
 *   <li>the names map must not be empty and its keys start with {@code #};</li>
 *   <li>the values map must not be empty, its keys start with {@code :}, and each value must be
 *       one DynamoDB would store (its problems reported "for key :v").</li>
 * </ol>
 * Whether every name and value is used, and whether the expressions use only defined ones, is
 * the expressions' own check, made when they are parsed.
 *
 * <p>Usage: {@code ExpressionParameters.of(request).legacy("Expected").expression("ConditionExpression").check()}
 * with every legacy and expression parameter the operation has, in DynamoDB's order. Not
 * thread-safe: one per call.
 */
public final class ExpressionParameters {
    public static final String NAMES = "ExpressionAttributeNames";
    public static final String VALUES = "ExpressionAttributeValues";

    private final Request request;
    private final List<String> legacyPresent = new ArrayList<>(2);
    private final List<String> expressionsPresent = new ArrayList<>(2);
    private final List<String> expressionParameters = new ArrayList<>(3);
    private boolean takesValues;

    private ExpressionParameters(Request request) {
        this.request = request;
    }

    public static ExpressionParameters of(Request request) {
        return new ExpressionParameters(request);
    }

    /** A legacy parameter of the operation ({@code Expected}, {@code AttributesToGet}, ...). */
    public ExpressionParameters legacy(String member) {
        if (request.has(member)) {
            legacyPresent.add(member);
        }
        return this;
    }

    /**
     * An expression parameter of the operation. Operations whose expressions take values
     * (conditions, updates, filters) declare them with {@link #valueExpression}.
     */
    public ExpressionParameters expression(String member) {
        expressionParameters.add(member);
        if (request.has(member)) {
            expressionsPresent.add(member);
        }
        return this;
    }

    /** An expression parameter that may use {@code ExpressionAttributeValues}. */
    public ExpressionParameters valueExpression(String member) {
        takesValues = true;
        return expression(member);
    }

    /** Runs the checks; returns the names and values, validated, for the expressions to use. */
    public Expressions check() {
        if (!legacyPresent.isEmpty() && !expressionsPresent.isEmpty()) {
            throw RequestErrors.mixedParameters(legacyPresent, expressionsPresent);
        }
        boolean none = expressionsPresent.isEmpty();
        Map<String, String> names = request.stringMap(NAMES);
        if (names != null && none) {
            throw RequestErrors.namesWithoutExpressions();
        }
        Request values = takesValues ? request.structure(VALUES) : null;
        if (values != null && none) {
            throw RequestErrors.valuesWithoutExpressions(expressionParameters);
        }
        if (names != null) {
            if (names.isEmpty()) {
                throw RequestErrors.namesEmpty();
            }
            for (String key : names.keySet()) {
                if (!key.startsWith("#")) {
                    throw RequestErrors.invalidNamesKey(key);
                }
            }
        }
        return new Expressions(names, values == null ? null : values(values.node()));
    }

    private static Map<String, AttributeValue> values(JsonNode node) {
        if (node.isEmpty()) {
            throw RequestErrors.valuesEmpty();
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!key.startsWith(":")) {
                throw RequestErrors.invalidValuesKey(key);
            }
        }
        Map<String, AttributeValue> out = new LinkedHashMap<>(node.size() * 2);
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            out.put(e.getKey(), value(e.getKey(), e.getValue()));
        }
        return out;
    }

    private static AttributeValue value(String key, JsonNode node) {
        AttributeValue v;
        try {
            v = AttributeValueJson.read(node);
        } catch (DynamoDbException e) {
            // DynamoDB reports a NULL that is not true without naming the key.
            if (e.code() != ErrorCode.VALIDATION || e.getMessage().equals(Errors.nullNotTrue().getMessage())) {
                throw e;
            }
            throw RequestErrors.invalidValue(key, e.getMessage());
        }
        ItemValidation.depth(v);
        try {
            ItemValidation.value(v);
        } catch (DynamoDbException e) {
            throw RequestErrors.invalidValue(key, e.getMessage());
        }
        return v;
    }

    /**
     * The validated {@code ExpressionAttributeNames} and {@code ExpressionAttributeValues} of a
     * request; either is null when the request has none.
     */
    public record Expressions(Map<String, String> names, Map<String, AttributeValue> values) {}
}
