package io.tidelog.dynamodb.error;

/** DynamoDB's messages about return options an item operation does not offer. */
public final class RequestErrors {
    private RequestErrors() {}

    /** PutItem offers only these two. */
    public static DynamoDbException returnValuesAllOldOrNone() {
        return Errors.validation("ReturnValues can only be ALL_OLD or NONE");
    }
}
