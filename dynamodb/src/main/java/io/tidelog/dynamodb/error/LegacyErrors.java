package io.tidelog.dynamodb.error;

import java.util.List;

/**
 * DynamoDB's messages about the parameters that came before expressions: {@code Expected} with
 * {@code ConditionalOperator}, {@code KeyConditions}, {@code QueryFilter}, {@code ScanFilter},
 * {@code AttributeUpdates} and {@code AttributesToGet}.
 */
public final class LegacyErrors {
    /** DynamoDB's order of the comparison operators in its enum constraint message. */
    public static final List<String> COMPARISON_OPERATORS = List.of("IN", "NULL", "BETWEEN", "LT", "NOT_CONTAINS",
            "EQ", "GT", "NOT_NULL", "NE", "LE", "BEGINS_WITH", "GE", "CONTAINS");

    private LegacyErrors() {}

    private static DynamoDbException invalidParameter(String detail) {
        return Errors.validation("One or more parameter values were invalid: " + detail);
    }

    // Constraint failures, to be reported inside DynamoDB's "N validation errors detected" envelope

    /** {@code location}, e.g. {@code queryFilter.a.member.comparisonOperator}; {@code value} null when absent. */
    public static String comparisonOperatorConstraint(String location, String value) {
        if (value == null) {
            return "Value null at '" + location + "' failed to satisfy constraint: Member must not be null";
        }
        return "Value '" + value + "' at '" + location + "' failed to satisfy constraint: "
                + "Member must satisfy enum value set: [" + String.join(", ", COMPARISON_OPERATORS) + "]";
    }

    public static String conditionalOperatorConstraint(String value) {
        return "Value '" + value + "' at 'conditionalOperator' failed to satisfy constraint: "
                + "Member must satisfy enum value set: [OR, AND]";
    }

    /** {@code attribute}: the key of the {@code AttributeUpdates} entry. */
    public static String actionConstraint(String attribute, String value) {
        return "Value '" + value + "' at 'attributeUpdates." + attribute + ".member.action' failed to satisfy "
                + "constraint: Member must satisfy enum value set: [ADD, PUT, DELETE]";
    }

    // Conditions (Expected, KeyConditions, QueryFilter, ScanFilter)

    public static DynamoDbException argumentCount(String comparisonOperator) {
        return invalidParameter("Invalid number of argument(s) for the " + comparisonOperator + " ComparisonOperator");
    }

    public static DynamoDbException mixedArgumentTypes() {
        return invalidParameter("AttributeValues inside AttributeValueList must be of same type");
    }

    public static DynamoDbException operatorNotValidForType(String comparisonOperator, String type) {
        return invalidParameter("ComparisonOperator " + comparisonOperator + " is not valid for " + type
                + " AttributeValue type");
    }

    public static DynamoDbException betweenBoundsReversed() {
        return Errors.validation(
                "The BETWEEN condition was provided a range where the lower bound is greater than the upper bound");
    }

    public static DynamoDbException existsWithComparisonOperator(String attribute) {
        return invalidParameter("Exists and ComparisonOperator cannot be used together for Attribute: " + attribute);
    }

    public static DynamoDbException valueWithAttributeValueList(String attribute) {
        return invalidParameter("Value and AttributeValueList cannot be used together for Attribute: " + attribute);
    }

    public static DynamoDbException comparisonOperatorWithoutValue(String comparisonOperator, String attribute) {
        return invalidParameter("Value or AttributeValueList must be used with ComparisonOperator: "
                + comparisonOperator + " for Attribute: " + attribute);
    }

    public static DynamoDbException attributeValueListWithoutOperator(String attribute) {
        return invalidParameter("AttributeValueList can only be used with a ComparisonOperator for Attribute: "
                + attribute);
    }

    /** {@code exists}: {@code null} or {@code true}, as the request gave it. */
    public static DynamoDbException valueRequired(Boolean exists, String attribute) {
        return invalidParameter("Value must be provided when Exists is " + exists + " for Attribute: " + attribute);
    }

    public static DynamoDbException valueWithExistsFalse(String attribute) {
        return invalidParameter("Value cannot be used when Exists is false for Attribute: " + attribute);
    }

    // AttributeUpdates

    public static DynamoDbException onlyDeleteWithoutValue() {
        return invalidParameter("Only DELETE action is allowed when no attribute value is specified");
    }

    public static DynamoDbException deleteNotSupported(String type) {
        return invalidParameter("DELETE action with value is not supported for the type " + type);
    }

    public static DynamoDbException addNotSupported(String type) {
        return invalidParameter("ADD action is not supported for the type " + type);
    }

    public static DynamoDbException typeMismatch() {
        return Errors.validation("Type mismatch for attribute to update");
    }

    // AttributesToGet

    public static DynamoDbException duplicateAttributeName(String attribute) {
        return invalidParameter("Duplicate value in attribute name: " + attribute);
    }
}
