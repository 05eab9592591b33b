package io.tidelog.dynamodb.expression;

import io.tidelog.dynamodb.error.ExpressionErrors;
import io.tidelog.dynamodb.json.Request;
import java.util.ArrayList;
import java.util.List;

/**
 * Which expression parameters and which legacy parameters an operation has, in the order
 * DynamoDB lists them, and DynamoDB's rules on combining them: a request may not mix the two
 * kinds, and may send {@code ExpressionAttributeNames} or {@code ExpressionAttributeValues} only
 * with an expression that can use them. An operation checks these rules early, before it
 * validates its keys and items (see {@link #check(Request)}).
 *
 * @param expressions expression parameters, e.g. {@code [UpdateExpression, ConditionExpression]}
 * @param legacy      legacy parameters, e.g. {@code [AttributeUpdates, Expected]}
 */
public record ExpressionParameters(List<String> expressions, List<String> legacy) {
    public static final ExpressionParameters GET_ITEM =
            new ExpressionParameters(List.of("ProjectionExpression"), List.of("AttributesToGet"));
    public static final ExpressionParameters PUT_ITEM =
            new ExpressionParameters(List.of("ConditionExpression"), List.of("Expected"));
    public static final ExpressionParameters DELETE_ITEM = PUT_ITEM;
    public static final ExpressionParameters UPDATE_ITEM = new ExpressionParameters(
            List.of("UpdateExpression", "ConditionExpression"), List.of("AttributeUpdates", "Expected"));
    public static final ExpressionParameters QUERY = new ExpressionParameters(
            List.of("ProjectionExpression", "FilterExpression", "KeyConditionExpression"),
            List.of("AttributesToGet", "QueryFilter", "ConditionalOperator", "KeyConditions"));
    public static final ExpressionParameters SCAN = new ExpressionParameters(
            List.of("ProjectionExpression", "FilterExpression"),
            List.of("AttributesToGet", "ScanFilter", "ConditionalOperator"));
    /** One table's entry ({@code KeysAndAttributes}) of a {@code BatchGetItem}. */
    public static final ExpressionParameters BATCH_GET_TABLE = GET_ITEM;
    /** A {@code Put}, {@code Delete} or {@code ConditionCheck} action of a {@code TransactWriteItems}. */
    public static final ExpressionParameters TRANSACT_CONDITION =
            new ExpressionParameters(List.of("ConditionExpression"), List.of());
    /** An {@code Update} action of a {@code TransactWriteItems}. */
    public static final ExpressionParameters TRANSACT_UPDATE =
            new ExpressionParameters(List.of("UpdateExpression", "ConditionExpression"), List.of());
    /** A {@code Get} action of a {@code TransactGetItems}. */
    public static final ExpressionParameters TRANSACT_GET =
            new ExpressionParameters(List.of("ProjectionExpression"), List.of());

    public ExpressionParameters {
        expressions = List.copyOf(expressions);
        legacy = List.copyOf(legacy);
    }

    /**
     * Applies the rules to a request (or a structure within one, such as a table's entry of a
     * batch): a parameter counts as given when present and not JSON null, even if empty.
     *
     * @throws io.tidelog.dynamodb.error.DynamoDbException {@code Can not use both expression and
     *         non-expression parameters in the same request: …}, {@code ExpressionAttributeNames can
     *         only be specified when using expressions}, or {@code ExpressionAttributeValues can only
     *         be specified when using expressions: … is null}
     */
    public void check(Request request) {
        List<String> givenExpressions = given(request, expressions);
        if (!givenExpressions.isEmpty()) {
            List<String> givenLegacy = given(request, legacy);
            // A query may pair KeyConditions with the other expressions, as long as it does not
            // also send a KeyConditionExpression.
            if (request.has("KeyConditions") && !request.has("KeyConditionExpression")) {
                givenLegacy.remove("KeyConditions");
            }
            if (!givenLegacy.isEmpty()) {
                throw ExpressionErrors.mixedParameters(givenLegacy, givenExpressions);
            }
        }
        if (request.has("ExpressionAttributeNames") && givenExpressions.isEmpty()) {
            throw ExpressionErrors.namesWithoutExpressions();
        }
        List<String> usingValues = new ArrayList<>(expressions);
        usingValues.remove("ProjectionExpression");
        if (!usingValues.isEmpty() && request.has("ExpressionAttributeValues")
                && given(request, usingValues).isEmpty()) {
            throw ExpressionErrors.valuesWithoutExpressions(usingValues);
        }
    }

    /** Whether {@code parameter} is one of this operation's expression parameters. */
    public boolean has(String parameter) {
        return expressions.contains(parameter);
    }

    /** Whether any of the expressions can use values ({@code ProjectionExpression} cannot). */
    public boolean takesValues() {
        for (String e : expressions) {
            if (!e.equals("ProjectionExpression")) {
                return true;
            }
        }
        return false;
    }

    private static List<String> given(Request request, List<String> parameters) {
        List<String> out = new ArrayList<>(parameters.size());
        for (String p : parameters) {
            if (request.has(p)) {
                out.add(p);
            }
        }
        return out;
    }
}
