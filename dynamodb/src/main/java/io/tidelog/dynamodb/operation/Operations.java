package io.tidelog.dynamodb.operation;

import io.tidelog.dynamodb.operation.item.BatchGetItem;
import io.tidelog.dynamodb.operation.item.BatchWriteItem;
import io.tidelog.dynamodb.operation.item.DeleteItem;
import io.tidelog.dynamodb.operation.item.GetItem;
import io.tidelog.dynamodb.operation.item.PutItem;
import io.tidelog.dynamodb.operation.item.UpdateItem;
import io.tidelog.dynamodb.operation.table.CreateTable;
import io.tidelog.dynamodb.operation.table.DeleteTable;
import io.tidelog.dynamodb.operation.table.DescribeEndpoints;
import io.tidelog.dynamodb.operation.table.DescribeLimits;
import io.tidelog.dynamodb.operation.table.DescribeTable;
import io.tidelog.dynamodb.operation.table.DescribeTimeToLive;
import io.tidelog.dynamodb.operation.table.ListTables;
import io.tidelog.dynamodb.operation.table.ListTagsOfResource;
import io.tidelog.dynamodb.operation.table.TagResource;
import io.tidelog.dynamodb.operation.table.UntagResource;
import io.tidelog.dynamodb.operation.table.UpdateTable;
import io.tidelog.dynamodb.operation.table.UpdateTimeToLive;
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
        dynamoDb("UpdateItem", new UpdateItem());
        dynamoDb("DeleteItem", new DeleteItem());
        dynamoDb("BatchGetItem", new BatchGetItem());
        dynamoDb("BatchWriteItem", new BatchWriteItem());
        dynamoDb("CreateTable", new CreateTable());
        dynamoDb("DeleteTable", new DeleteTable());
        dynamoDb("DescribeTable", new DescribeTable());
        dynamoDb("ListTables", new ListTables());
        dynamoDb("UpdateTable", new UpdateTable());
        dynamoDb("UpdateTimeToLive", new UpdateTimeToLive());
        dynamoDb("DescribeTimeToLive", new DescribeTimeToLive());
        dynamoDb("TagResource", new TagResource());
        dynamoDb("UntagResource", new UntagResource());
        dynamoDb("ListTagsOfResource", new ListTagsOfResource());
        dynamoDb("DescribeEndpoints", new DescribeEndpoints());
        dynamoDb("DescribeLimits", new DescribeLimits());
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
