package io.tidelog.dynamodb.error;

import java.util.List;
import java.util.stream.Collectors;

/**
 * DynamoDB's messages about how a request's parameters combine: expression parameters beside
 * their legacy counterparts, expression attribute names and values without an expression,
 * return options an operation does not offer, and the legacy {@code AttributesToGet}.
 */
public final class RequestErrors {
    private RequestErrors() {}

    /** Expression and legacy parameters in one request, each list in the request's own order. */
    public static DynamoDbException mixedParameters(List<String> legacy, List<String> expressions) {
        return Errors.validation("Can not use both expression and non-expression parameters in the same request: "
                + "Non-expression parameters: {" + String.join(", ", legacy) + "} Expression parameters: {"
                + String.join(", ", expressions) + "}");
    }

    public static DynamoDbException namesWithoutExpressions() {
        return Errors.validation("ExpressionAttributeNames can only be specified when using expressions");
    }

    /**
     * {@code ExpressionAttributeValues} without an expression; DynamoDB names each expression
     * parameter the operation could have used ({@code ConditionExpression is null and …}).
     */
    public static DynamoDbException valuesWithoutExpressions(List<String> expressionParameters) {
        String suffix = expressionParameters.isEmpty() ? ""
                : ": " + expressionParameters.stream().map(p -> p + " is null").collect(Collectors.joining(" and "));
        return Errors.validation("ExpressionAttributeValues can only be specified when using expressions" + suffix);
    }

    public static DynamoDbException namesEmpty() {
        return Errors.validation("ExpressionAttributeNames must not be empty");
    }

    public static DynamoDbException valuesEmpty() {
        return Errors.validation("ExpressionAttributeValues must not be empty");
    }

    public static DynamoDbException invalidNamesKey(String key) {
        return Errors.validation("ExpressionAttributeNames contains invalid key: Syntax error; key: \"" + key + "\"");
    }

    public static DynamoDbException invalidValuesKey(String key) {
        return Errors.validation("ExpressionAttributeValues contains invalid key: Syntax error; key: \"" + key + "\"");
    }

    /** A value of ExpressionAttributeValues that DynamoDB refuses, {@code problem} being its words. */
    public static DynamoDbException invalidValue(String key, String problem) {
        return Errors.validation("ExpressionAttributeValues contains invalid value: " + problem + " for key " + key);
    }

    public static DynamoDbException duplicateAttributeToGet(String name) {
        return Errors.validation("One or more parameter values were invalid: Duplicate value in attribute name: " + name);
    }

    /** PutItem offers only these two. */
    public static DynamoDbException returnValuesAllOldOrNone() {
        return Errors.validation("ReturnValues can only be ALL_OLD or NONE");
    }
}
