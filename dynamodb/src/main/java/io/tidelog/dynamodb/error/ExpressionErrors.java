package io.tidelog.dynamodb.error;

import java.util.Collection;
import java.util.List;

/**
 * DynamoDB's messages about expressions ({@code ConditionExpression}, {@code FilterExpression},
 * {@code KeyConditionExpression}, {@code ProjectionExpression}, {@code UpdateExpression}), their
 * {@code ExpressionAttributeNames} and {@code ExpressionAttributeValues}, and the errors raised
 * while an expression is applied to an item.
 *
 * <p>Most messages about one expression carry its parameter name, {@code Invalid <Parameter>: …};
 * those methods take the parameter name as their first argument.
 */
public final class ExpressionErrors {
    private ExpressionErrors() {}

    private static DynamoDbException invalid(String parameter, String detail) {
        return Errors.validation("Invalid " + parameter + ": " + detail);
    }

    // The expression text

    public static DynamoDbException empty(String parameter) {
        return invalid(parameter, "The expression can not be empty;");
    }

    public static DynamoDbException tooLarge(String parameter, int bytes) {
        return invalid(parameter, "Expression size has exceeded the maximum allowed size; expression size: " + bytes);
    }

    /** {@code token} is the offending token's text ({@code <EOF>} at the end), {@code near} the text around it. */
    public static DynamoDbException syntax(String parameter, String token, String near) {
        return invalid(parameter, "Syntax error; token: \"" + token + "\", near: \"" + near + "\"");
    }

    public static DynamoDbException redundantParentheses(String parameter) {
        return invalid(parameter, "The expression has redundant parentheses;");
    }

    public static DynamoDbException invalidFunctionName(String parameter, String function) {
        return invalid(parameter, "Invalid function name; function: " + function);
    }

    public static DynamoDbException functionMisused(String parameter, String function) {
        return invalid(parameter, "The function is not allowed to be used this way in an expression; function: "
                + function);
    }

    public static DynamoDbException reservedKeyword(String parameter, String word) {
        return invalid(parameter, "Attribute name is a reserved keyword; reserved keyword: " + word);
    }

    public static DynamoDbException sectionRepeated(String section) {
        return invalid("UpdateExpression", "The \"" + section + "\" section can only be used once in an update expression;");
    }

    // Names and values used by an expression

    public static DynamoDbException undefinedName(String parameter, String name) {
        return invalid(parameter, "An expression attribute name used in the document path is not defined; attribute name: "
                + name);
    }

    public static DynamoDbException undefinedValue(String parameter, String value) {
        return invalid(parameter, "An expression attribute value used in expression is not defined; attribute value: "
                + value);
    }

    /** {@code keys} in the order they are to be listed. */
    public static DynamoDbException unusedNames(Collection<String> keys) {
        return Errors.validation("Value provided in ExpressionAttributeNames unused in expressions: keys: {"
                + String.join(", ", keys) + "}");
    }

    /** {@code keys} in the order they are to be listed. */
    public static DynamoDbException unusedValues(Collection<String> keys) {
        return Errors.validation("Value provided in ExpressionAttributeValues unused in expressions: keys: {"
                + String.join(", ", keys) + "}");
    }

    // Operands and functions

    public static DynamoDbException operandCount(String parameter, String function, int operands) {
        return invalid(parameter, "Incorrect number of operands for operator or function; operator or function: "
                + function + ", number of operands: " + operands);
    }

    public static DynamoDbException tooManyInOperands(String parameter, int operands) {
        return invalid(parameter, "The IN operator is provided with too many operands; number of operands: " + operands);
    }

    /** {@code firstOperand} as a path, e.g. {@code [a, b, [1]]}. */
    public static DynamoDbException operandsNotDistinct(String parameter, String operator, String firstOperand) {
        return invalid(parameter, "The first operand must be distinct from the remaining operands for this operator "
                + "or function; operator: " + operator + ", first operand: " + firstOperand);
    }

    /** A function or arithmetic operator given an operand of a type it does not take ({@code S}, {@code N}, ...). */
    public static DynamoDbException functionOperandType(String parameter, String function, String type) {
        return invalid(parameter, "Incorrect operand type for operator or function; operator or function: "
                + function + ", operand type: " + type);
    }

    /** An update action ({@code ADD}, {@code DELETE}) given a value of a type it does not take ({@code STRING}, ...). */
    public static DynamoDbException actionOperandType(String parameter, String action, String type) {
        return invalid(parameter, "Incorrect operand type for operator or function; operator: " + action
                + ", operand type: " + type);
    }

    public static DynamoDbException documentPathRequired(String parameter, String function) {
        return invalid(parameter, "Operator or function requires a document path; operator or function: " + function);
    }

    public static DynamoDbException invalidAttributeTypeName(String parameter, String type) {
        return invalid(parameter, "Invalid attribute type name found; type: " + type
                + ", valid types: {B,NULL,SS,BOOL,L,BS,N,NS,S,M}");
    }

    /** Bounds as DynamoDB prints them, e.g. {@code {N:1}}. */
    public static DynamoDbException betweenBoundTypes(String parameter, String lower, String upper) {
        return invalid(parameter, "The BETWEEN operator requires same data type for lower and upper bounds; "
                + "lower bound operand: AttributeValue: " + lower + ", upper bound operand: AttributeValue: " + upper);
    }

    /** Bounds as DynamoDB prints them, e.g. {@code {N:1}}. */
    public static DynamoDbException betweenBoundOrder(String parameter, String lower, String upper) {
        return invalid(parameter, "The BETWEEN operator requires upper bound to be greater than or equal to lower "
                + "bound; lower bound operand: AttributeValue: " + lower + ", upper bound operand: AttributeValue: "
                + upper);
    }

    /** Paths as DynamoDB prints them, e.g. {@code [a, b, [1]]}. */
    public static DynamoDbException pathsOverlap(String parameter, String one, String two) {
        return invalid(parameter, "Two document paths overlap with each other; must remove or rewrite one of these "
                + "paths; path one: " + one + ", path two: " + two);
    }

    /** Paths as DynamoDB prints them, e.g. {@code [a, b, [1]]}. */
    public static DynamoDbException pathsConflict(String parameter, String one, String two) {
        return invalid(parameter, "Two document paths conflict with each other; must remove or rewrite one of these "
                + "paths; path one: " + one + ", path two: " + two);
    }

    // ExpressionAttributeNames and ExpressionAttributeValues as maps

    public static DynamoDbException namesEmpty() {
        return Errors.validation("ExpressionAttributeNames must not be empty");
    }

    public static DynamoDbException valuesEmpty() {
        return Errors.validation("ExpressionAttributeValues must not be empty");
    }

    public static DynamoDbException invalidNameKey(String key) {
        return Errors.validation("ExpressionAttributeNames contains invalid key: Syntax error; key: \"" + key + "\"");
    }

    public static DynamoDbException invalidValueKey(String key) {
        return Errors.validation("ExpressionAttributeValues contains invalid key: Syntax error; key: \"" + key + "\"");
    }

    /** An expression attribute value refused for {@code reason}, the message the value alone would get. */
    public static DynamoDbException invalidValue(String key, String reason) {
        return Errors.validation("ExpressionAttributeValues contains invalid value: " + reason + " for key " + key);
    }

    // Which parameters a request may combine

    /** Parameter names in the order the operation declares them. */
    public static DynamoDbException mixedParameters(List<String> nonExpression, List<String> expression) {
        return Errors.validation("Can not use both expression and non-expression parameters in the same request: "
                + "Non-expression parameters: {" + String.join(", ", nonExpression) + "} "
                + "Expression parameters: {" + String.join(", ", expression) + "}");
    }

    public static DynamoDbException namesWithoutExpressions() {
        return Errors.validation("ExpressionAttributeNames can only be specified when using expressions");
    }

    /** {@code absent}: every expression parameter that could have used a value, none given. */
    public static DynamoDbException valuesWithoutExpressions(List<String> absent) {
        return Errors.validation("ExpressionAttributeValues can only be specified when using expressions: "
                + String.join(" and ", absent) + (absent.size() > 1 ? " are null" : " is null"));
    }

    public static DynamoDbException keyConditionRequired() {
        return Errors.validation(
                "Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.");
    }

    // The shape of a key condition. DynamoDB once gave these bare; it now names the parameter.

    private static DynamoDbException keyCondition(String detail) {
        return invalid("KeyConditionExpression", detail);
    }

    /** {@code operator}: {@code OR}, {@code NOT}, {@code IN}, {@code <>} or a function name. */
    public static DynamoDbException keyConditionOperator(String operator) {
        return keyCondition("Invalid operator used in KeyConditionExpression: " + operator);
    }

    public static DynamoDbException keyConditionNestedOperation() {
        return keyCondition("KeyConditionExpressions cannot contain nested operations");
    }

    /** {@code operator}: {@code BETWEEN} or {@code begins_with}. */
    public static DynamoDbException keyAttributeNotFirst(String operator) {
        return keyCondition("Invalid condition in KeyConditionExpression: " + operator
                + " operator must have the key attribute as its first operand");
    }

    public static DynamoDbException keyConditionMultipleAttributes() {
        return keyCondition("Invalid condition in KeyConditionExpression: Multiple attribute names used in one condition");
    }

    public static DynamoDbException keyConditionNestedAttribute() {
        return keyCondition("KeyConditionExpressions cannot have conditions on nested attributes");
    }

    public static DynamoDbException keyConditionWithoutAttribute() {
        return keyCondition("Invalid condition in KeyConditionExpression: No key attribute specified");
    }

    public static DynamoDbException keyConditionRepeated() {
        return keyCondition("KeyConditionExpressions must only contain one condition per key");
    }

    /** One or two conditions, whether from {@code KeyConditions} or a key condition expression. */
    public static DynamoDbException keyConditionCount() {
        return Errors.validation("Conditions can be of length 1 or 2 only");
    }

    // A key condition against the key schema it queries

    public static DynamoDbException keySchemaElementMissed(String attribute) {
        return Errors.validation("Query condition missed key schema element: " + attribute);
    }

    public static DynamoDbException keyConditionNotSupported() {
        return Errors.validation("Query key condition not supported");
    }

    public static DynamoDbException keyConditionNotIndexable() {
        return Errors.validation("Attempted conditional constraint is not an indexable operation");
    }

    public static DynamoDbException keyConditionTypeMismatch() {
        return Errors.validation("One or more parameter values were invalid: Condition parameter type does not match schema type");
    }

    // Key attributes in expressions

    public static DynamoDbException keyAttributeUpdated(String attribute) {
        return Errors.validation("One or more parameter values were invalid: Cannot update attribute " + attribute
                + ". This attribute is part of the key");
    }

    /** {@code indexKey}: the attribute keys a secondary index rather than the table. */
    public static DynamoDbException keyAttributeNotScalar(String attribute, boolean indexKey) {
        return Errors.validation("Key attributes must be scalars; list random access '[]' and map lookup '.' are "
                + "not allowed: " + (indexKey ? "IndexKey: " : "Key: ") + attribute);
    }

    /** {@code property}: {@code Filter Expression} or {@code QueryFilter}. */
    public static DynamoDbException filterOnKeyAttribute(String property, String attribute) {
        return Errors.validation(property + " can only contain non-primary key attributes: Primary key attribute: "
                + attribute);
    }

    // Applying an update to an item

    public static DynamoDbException attributeMissing() {
        return Errors.validation("The provided expression refers to an attribute that does not exist in the item");
    }

    public static DynamoDbException operandDataType() {
        return Errors.validation("An operand in the update expression has an incorrect data type");
    }

    public static DynamoDbException documentPathInvalid() {
        return Errors.validation("The document path provided in the update expression is invalid for update");
    }

    public static DynamoDbException updatedItemTooLarge() {
        return Errors.validation("Item size to update has exceeded the maximum allowed size");
    }
}
