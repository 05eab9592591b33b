package io.tidelog.dynamodb.error;

import java.util.List;

/**
 * DynamoDB's error messages, each built in one place so that the same mistake always gets the
 * same words. The wording follows real DynamoDB exactly, including its spacing and punctuation.
 */
public final class Errors {
    private Errors() {}

    public static DynamoDbException validation(String message) {
        return new DynamoDbException(ErrorCode.VALIDATION, message);
    }

    /** DynamoDB's envelope for request-constraint failures: {@code 1 validation error detected: …}. */
    public static DynamoDbException constraints(List<String> failures) {
        if (failures.size() == 1) {
            return validation("1 validation error detected: " + failures.get(0));
        }
        return validation(failures.size() + " validation errors detected: " + String.join("; ", failures));
    }

    public static DynamoDbException serialization(String message) {
        return new DynamoDbException(ErrorCode.SERIALIZATION, message);
    }

    public static DynamoDbException internal(String message) {
        return new DynamoDbException(ErrorCode.INTERNAL_SERVER_ERROR, message);
    }

    // Requests and operations

    public static DynamoDbException unknownOperation() {
        return new DynamoDbException(ErrorCode.UNKNOWN_OPERATION, "");
    }

    public static DynamoDbException malformedJson() {
        return serialization("Start of structure or map found where not expected.");
    }

    // Tables

    public static DynamoDbException tableNotFound() {
        return new DynamoDbException(ErrorCode.RESOURCE_NOT_FOUND, "Requested resource not found");
    }

    public static DynamoDbException tableNotFound(String tableName) {
        return new DynamoDbException(ErrorCode.RESOURCE_NOT_FOUND,
                "Requested resource not found: Table: " + tableName + " not found");
    }

    // Attribute values

    public static DynamoDbException attributeValueEmpty() {
        return validation("Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
    }

    public static DynamoDbException attributeValueMultipleTypes() {
        return validation("Supplied AttributeValue has more than one datatypes set, "
                + "must contain exactly one of the supported datatypes");
    }

    public static DynamoDbException nullNotTrue() {
        return validation("One or more parameter values were invalid: Null attribute value types must have the value of true");
    }

    public static DynamoDbException emptyStringSet() {
        return validation("One or more parameter values were invalid: An string set  may not be empty");
    }

    public static DynamoDbException emptyNumberSet() {
        return validation("One or more parameter values were invalid: An number set  may not be empty");
    }

    public static DynamoDbException emptyBinarySet() {
        return validation("One or more parameter values were invalid: Binary sets should not be empty");
    }

    /** {@code elements} as the request gave them. */
    public static DynamoDbException duplicateStrings(List<String> elements) {
        return validation("One or more parameter values were invalid: Input collection [" + String.join(", ", elements)
                + "] contains duplicates.");
    }

    public static DynamoDbException duplicateNumbers() {
        return validation("Input collection contains duplicates");
    }

    /** {@code elements} in base64, as the request gave them. */
    public static DynamoDbException duplicateBinaries(List<String> elements) {
        return validation("One or more parameter values were invalid: Input collection [" + String.join(", ", elements)
                + "]of type BS contains duplicates.");
    }

    public static DynamoDbException nestingTooDeep() {
        return validation("Nesting Levels have exceeded supported limits: Attributes in the item have nested levels "
                + "beyond supported limit");
    }

    // Numbers

    public static DynamoDbException numberEmpty() {
        return validation("The parameter cannot be converted to a numeric value");
    }

    public static DynamoDbException numberUnparseable(String literal) {
        return validation("The parameter cannot be converted to a numeric value: " + literal);
    }

    public static DynamoDbException numberTooPrecise() {
        return validation("Attempting to store more than 38 significant digits in a Number");
    }

    public static DynamoDbException numberOverflow() {
        return validation("Number overflow. Attempting to store a number with magnitude larger than supported range");
    }

    public static DynamoDbException numberUnderflow() {
        return validation("Number underflow. Attempting to store a number with magnitude smaller than supported range");
    }
}
