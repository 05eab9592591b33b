package io.tidelog.dynamodb.operation.table;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tidelog.dynamodb.testing.LocalDynamoDb;

/** One request that DynamoDB refuses, with the exact error it answers. */
record ErrorCase(String name, String operation, String body, String type, String message) {

    static final String VALIDATION = "ValidationException";

    static ErrorCase validation(String name, String operation, String body, String message) {
        return new ErrorCase(name, operation, body, VALIDATION, message);
    }

    void check(LocalDynamoDb db) {
        LocalDynamoDb.Failure f = db.fail(operation, body);
        assertEquals(type, f.type(), name);
        assertEquals(message, f.message(), name);
        assertEquals(400, f.status(), name);
    }

    @Override
    public String toString() {
        return name;
    }
}
