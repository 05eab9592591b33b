package io.tidelog.dynamodb.operation;

import io.tidelog.dynamodb.operation.item.BatchGetItem;
import io.tidelog.dynamodb.operation.item.BatchWriteItem;
import io.tidelog.dynamodb.operation.item.DeleteItem;
import io.tidelog.dynamodb.operation.item.GetItem;
import io.tidelog.dynamodb.operation.item.PutItem;
import java.util.HashMap;
import java.util.Map;

/**
 * Every operation the API serves, by the {@code X-Amz-Target} that names it: DynamoDB's own
 * ({@code DynamoDB_20120810.<Op>}) and DynamoDB Streams' ({@code DynamoDBStreams_20120810.<Op>}).
 */
public final class Operations {
    public static final String DYNAMODB = "DynamoDB_20120810.";
    public static final String STREAMS = "DynamoDBStreams_20120810.";

    private final Map<String, Operation> byTarget = new HashMap<>();

    public Operations() {
        dynamoDb("PutItem", new PutItem());
        dynamoDb("GetItem", new GetItem());
        dynamoDb("DeleteItem", new DeleteItem());
        dynamoDb("BatchGetItem", new BatchGetItem());
        dynamoDb("BatchWriteItem", new BatchWriteItem());
    }

    private void dynamoDb(String name, Operation op) {
        byTarget.put(DYNAMODB + name, op);
    }

    private void streams(String name, Operation op) {
        byTarget.put(STREAMS + name, op);
    }

    /** The operation the target names, or null. */
    public Operation forTarget(String target) {
        return target == null ? null : byTarget.get(target);
    }
}
