package io.tidelog.dynamodb.error;

/**
 * DynamoDB's messages about BatchGetItem and BatchWriteItem requests. The constraint phrases
 * (for {@link ConstraintViolations#add(String)}) are worded here because their shapes are the
 * batches' own: a path into the request map, or an echo of a table's request list.
 */
public final class BatchErrors {
    private BatchErrors() {}

    /** An empty {@code RequestItems} map: DynamoDB answers this outside the constraint envelope. */
    public static DynamoDbException requestItemsRequired(String operation) {
        return Errors.validation("The requestItems parameter is required for " + operation);
    }

    /** Two requests for the same item (in BatchWriteItem, across puts and deletes). */
    public static DynamoDbException duplicateKeys() {
        return Errors.validation("Provided list of item keys contains duplicates");
    }

    /** A WriteRequest holding neither a PutRequest nor a DeleteRequest, or both. */
    public static DynamoDbException writeRequestNotOneOfPutOrDelete() {
        return Errors.validation("Supplied AttributeValue has more than one datatypes set, "
                + "must contain exactly one of the supported datatypes");
    }

    /** More write requests than 25 across all tables of a BatchWriteItem. */
    public static DynamoDbException tooManyWriteRequests() {
        return Errors.validation("Too many items requested for the BatchWriteItem call");
    }

    /** More keys than 100 across all tables of a BatchGetItem. */
    public static DynamoDbException tooManyKeys() {
        return Errors.validation("Too many items requested for the BatchGetItem call");
    }

    /**
     * A table given no write requests or more than 25: DynamoDB echoes the table's request list
     * ({@code {Table=[…]}}) before the two length constraints that each value of the map must meet.
     */
    public static String writeRequestCount(String table, String requestsEcho) {
        return "Value '{" + table + "=[" + requestsEcho + "]}' at 'requestItems' failed to satisfy constraint: "
                + "Map value must satisfy constraint: [Member must have length less than or equal to 25, "
                + "Member must have length greater than or equal to 1]";
    }

    /** A table given more than 100 keys (DynamoDB capitalises this path, and echoes no value). */
    public static String keyCount(String table) {
        return "Value at 'RequestItems." + table + ".member.Keys' failed to satisfy constraint: "
                + "Member must have length less than or equal to 100";
    }

    /** A table given no keys. */
    public static String noKeys(String table) {
        return "Value at 'requestItems." + table + ".member.keys' failed to satisfy constraint: "
                + "Member must have length greater than or equal to 1";
    }
}
