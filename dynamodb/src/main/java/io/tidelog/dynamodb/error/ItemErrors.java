package io.tidelog.dynamodb.error;

import io.tidelog.dynamodb.value.AttributeValue;
import java.util.Map;

/**
 * DynamoDB's messages about items: their keys (table and secondary-index keys), their size, and
 * the outcomes of writing them (a failed condition, a full item collection). The values an item
 * may hold are checked, with their messages, where values are read ({@link Errors}). DynamoDB words some key problems "were invalid" and others "are not valid"; the
 * difference is theirs and kept.
 */
public final class ItemErrors {
    private static final String INVALID = "One or more parameter values were invalid: ";
    private static final String NOT_VALID = "One or more parameter values are not valid. ";

    private ItemErrors() {}

    // Table keys

    /** An item (PutItem, a batch put) without one of the table's key attributes. */
    public static DynamoDbException missingKey(String attribute) {
        return Errors.validation(INVALID + "Missing the key " + attribute + " in the item");
    }

    /** An item whose key attribute has another type than the table declares. */
    public static DynamoDbException keyTypeMismatch(String attribute, String expected, String actual) {
        return Errors.validation(INVALID + "Type mismatch for key " + attribute + " expected: " + expected
                + " actual: " + actual);
    }

    /** A Key map that is not exactly the table's key: a missing, extra or mistyped attribute. */
    public static DynamoDbException keySchemaMismatch() {
        return Errors.validation("The provided key element does not match the schema");
    }

    public static DynamoDbException emptyKeyString(String attribute) {
        return Errors.validation(NOT_VALID + "The AttributeValue for a key attribute cannot contain an empty string value. Key: "
                + attribute);
    }

    public static DynamoDbException emptyKeyBinary(String attribute) {
        return Errors.validation(NOT_VALID + "The AttributeValue for a key attribute cannot contain an empty binary value. Key: "
                + attribute);
    }

    /** DynamoDB's own spelling, without a space before the figure. */
    public static DynamoDbException partitionKeyTooLarge() {
        return Errors.validation(INVALID + "Size of hashkey has exceeded the maximum size limit of2048 bytes");
    }

    public static DynamoDbException sortKeyTooLarge() {
        return Errors.validation(INVALID + "Aggregated size of all range keys has exceeded the size limit of 1024 bytes");
    }

    // Secondary-index keys

    public static DynamoDbException indexKeyTypeMismatch(String attribute, String expected, String actual, String index) {
        return Errors.validation(INVALID + "Type mismatch for Index Key " + attribute + " Expected: " + expected
                + " Actual: " + actual + " IndexName: " + index);
    }

    /** An item put with an empty string as a secondary-index key. */
    public static DynamoDbException emptyIndexKeyString(String index, String attribute) {
        return Errors.validation(NOT_VALID + "A value specified for a secondary index key is not supported. "
                + "The AttributeValue for a key attribute cannot contain an empty string value. IndexName: " + index
                + ", IndexKey: " + attribute);
    }

    public static DynamoDbException emptyIndexKeyBinary(String index, String attribute) {
        return Errors.validation(NOT_VALID + "A value specified for a secondary index key is not supported. "
                + "The AttributeValue for a key attribute cannot contain an empty binary value. IndexName: " + index
                + ", IndexKey: " + attribute);
    }

    /** An update that sets a secondary-index key to an empty string (worded without the index). */
    public static DynamoDbException updatedIndexKeyEmptyString() {
        return Errors.validation(NOT_VALID + "The update expression attempted to update a secondary index key to a value "
                + "that is not supported. The AttributeValue for a key attribute cannot contain an empty string value.");
    }

    public static DynamoDbException updatedIndexKeyEmptyBinary() {
        return Errors.validation(NOT_VALID + "The update expression attempted to update a secondary index key to a value "
                + "that is not supported. The AttributeValue for a key attribute cannot contain an empty binary value.");
    }

    // Sizes

    public static DynamoDbException itemTooLarge() {
        return Errors.validation("Item size has exceeded the maximum allowed size");
    }

    // Outcomes

    /** A condition that did not hold; {@code item} (or null) is returned with it when asked for. */
    public static DynamoDbException conditionalCheckFailed(Map<String, AttributeValue> item) {
        return DynamoDbException.conditionalCheckFailed("The conditional request failed", item);
    }

    /** A write that would take an item collection (a partition of a table with LSIs) past 10 GB. */
    public static DynamoDbException collectionSizeExceeded() {
        return new DynamoDbException(ErrorCode.ITEM_COLLECTION_SIZE_LIMIT_EXCEEDED, "Collection size exceeded.");
    }
}
