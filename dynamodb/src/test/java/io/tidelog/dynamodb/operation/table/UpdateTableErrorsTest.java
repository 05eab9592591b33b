package io.tidelog.dynamodb.operation.table;

import static io.tidelog.dynamodb.operation.table.ErrorCase.validation;

import io.tidelog.dynamodb.testing.LocalDynamoDb;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every UpdateTable refusal, with DynamoDB's exact message and error type. */
class UpdateTableErrorsTest {
    @TempDir
    static Path dir;
    static LocalDynamoDb db;

    @BeforeAll
    static void open() {
        db = LocalDynamoDb.open(dir);
        TableFixtures.createAll(db);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    private static final String P = "One or more parameter values were invalid: ";
    private static final String PT_1 = "\"ProvisionedThroughput\":{\"ReadCapacityUnits\":1,\"WriteCapacityUnits\":1}";

    private static String update(String table, String members) {
        return "{\"TableName\":\"" + table + "\"" + (members.isEmpty() ? "" : "," + members) + "}";
    }

    private static String indexUpdates(String... updates) {
        return "\"GlobalSecondaryIndexUpdates\":[" + String.join(",", updates) + "]";
    }

    private static String create(String name, String key, String extra) {
        return "{\"Create\":{\"IndexName\":\"" + name + "\",\"KeySchema\":[{\"AttributeName\":\"" + key
                + "\",\"KeyType\":\"HASH\"}],\"Projection\":{\"ProjectionType\":\"ALL\"}" + extra + "}}";
    }

    private static String delete(String name) {
        return "{\"Delete\":{\"IndexName\":\"" + name + "\"}}";
    }

    private static String change(String name, long read, long write) {
        return "{\"Update\":{\"IndexName\":\"" + name + "\",\"ProvisionedThroughput\":{\"ReadCapacityUnits\":" + read
                + ",\"WriteCapacityUnits\":" + write + "}}}";
    }

    private static final String H_DEFINED = "\"AttributeDefinitions\":[{\"AttributeName\":\"h\",\"AttributeType\":\"S\"}]";

    static Stream<ErrorCase> cases() {
        String u = "UpdateTable";
        return Stream.of(
                validation("missing name", u, "{}",
                        "The parameter 'TableName' is required but was not present in the request"),
                validation("empty name", u, "{\"TableName\":\"\"}",
                        "TableName must be at least 3 characters long and at most 255 characters long"),
                validation("short name", u, "{\"TableName\":\"a;\"}",
                        "TableName must be at least 3 characters long and at most 255 characters long"),
                validation("name pattern with capacity members", u, update("abc;", "\"ProvisionedThroughput\":{}"),
                        "3 validation errors detected: Value 'abc;' at 'tableName' failed to satisfy constraint: Member "
                                + "must satisfy regular expression pattern: [a-zA-Z0-9_.-]+; Value null at "
                                + "'provisionedThroughput.writeCapacityUnits' failed to satisfy constraint: Member must "
                                + "not be null; Value null at 'provisionedThroughput.readCapacityUnits' failed to "
                                + "satisfy constraint: Member must not be null"),
                validation("billing mode", u, update("Prov", "\"BillingMode\":\"FREE\""),
                        "1 validation error detected: Value 'FREE' at 'billingMode' failed to satisfy constraint: "
                                + "Member must satisfy enum value set: [PROVISIONED, PAY_PER_REQUEST]"),
                validation("index update without members", u, update("Prov", indexUpdates("{\"Update\":{}}")),
                        "2 validation errors detected: Value null at 'globalSecondaryIndexUpdates.1.member.update."
                                + "indexName' failed to satisfy constraint: Member must not be null; Value null at "
                                + "'globalSecondaryIndexUpdates.1.member.update.provisionedThroughput' failed to satisfy "
                                + "constraint: Member must not be null"),
                validation("nothing to change", u, update("Plain", ""),
                        "At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled, "
                                + "GlobalSecondaryIndexUpdates, SSESpecification, ReplicaUpdates, "
                                + "MultiAccountReplicaReady, ReplicaTransitRoleArn, MultiRegionConsistency, "
                                + "DeletionProtectionEnabled, OnDemandThroughput, WarmThroughput or TableClass is "
                                + "required"),
                validation("only an empty index update list", u, update("Plain", indexUpdates()),
                        "At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled, "
                                + "GlobalSecondaryIndexUpdates, SSESpecification, ReplicaUpdates, "
                                + "MultiAccountReplicaReady, ReplicaTransitRoleArn, MultiRegionConsistency, "
                                + "DeletionProtectionEnabled, OnDemandThroughput, WarmThroughput or TableClass is "
                                + "required"),
                validation("provisioned without capacity", u, update("Plain", "\"BillingMode\":\"PROVISIONED\""),
                        P + "ProvisionedThroughput must be specified when BillingMode is PROVISIONED"),
                validation("on demand with capacity", u, update("Prov", "\"BillingMode\":\"PAY_PER_REQUEST\"," + PT_1),
                        P + "Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is "
                                + "PAY_PER_REQUEST"),
                validation("capacity out of bounds", u, update("Prov", "\"ProvisionedThroughput\":{"
                        + "\"ReadCapacityUnits\":5,\"WriteCapacityUnits\":1000000000001}"),
                        "Given value 1000000000001 for WriteCapacityUnits is out of bounds"),
                validation("empty index update", u, update("Prov", indexUpdates("{}")),
                        P + "One of GlobalSecondaryIndexUpdate.Update, GlobalSecondaryIndexUpdate.Create, "
                                + "GlobalSecondaryIndexUpdate.Delete must not be null"),
                validation("two actions in one update", u, update("Prov", indexUpdates("{\"Delete\":{\"IndexName\":"
                        + "\"byG\"},\"Update\":{\"IndexName\":\"byG\",\"ProvisionedThroughput\":{\"ReadCapacityUnits\":"
                        + "1,\"WriteCapacityUnits\":1}}}")),
                        P + "Only one global secondary index action is allowed per GlobalSecondaryIndexUpdate object"),
                validation("one index updated twice", u, update("Prov", indexUpdates(delete("abc"), delete("abc"))),
                        P + "Only one global secondary index update per index is allowed simultaneously. Index: abc"),
                new ErrorCase("two indexes deleted", u, update("Prov", indexUpdates(delete("abc"), delete("abd"))),
                        "LimitExceededException", "Subscriber limit exceeded: Only 1 online index can be created or "
                                + "deleted simultaneously per table"),
                new ErrorCase("an index created and another deleted", u, update("Prov", H_DEFINED + ","
                        + indexUpdates(create("new1", "h", "," + PT_1), delete("byG"))),
                        "LimitExceededException", "Subscriber limit exceeded: Only 1 online index can be created or "
                                + "deleted simultaneously per table"),
                new ErrorCase("six index updates", u, update("Prov", indexUpdates(change("ia1", 1, 1),
                        change("ia2", 1, 1), change("ia3", 1, 1), change("ia4", 1, 1), change("ia5", 1, 1),
                        change("ia6", 1, 1))),
                        "LimitExceededException", "Subscriber limit exceeded: Only 1 online index can be created or "
                                + "deleted simultaneously per table"),
                validation("encryption with another change", u, update("Plain", "\"SSESpecification\":{\"Enabled\":"
                        + "true},\"DeletionProtectionEnabled\":true"),
                        P + "Server-Side Encryption modification must be the only operation in the request"),
                validation("table class with another change", u, update("Plain", "\"TableClass\":\"STANDARD\","
                        + "\"DeletionProtectionEnabled\":true"),
                        P + "TableClass modification must be the only operation in the request"),
                validation("deletion protection with another change", u, update("Prov", PT_1
                        + ",\"DeletionProtectionEnabled\":true"),
                        P + "DeletionProtection modification must be the only operation in the request"),
                validation("on-demand ceilings with a stream change", u, update("Plain", "\"OnDemandThroughput\":{"
                        + "\"MaxReadRequestUnits\":10},\"StreamSpecification\":{\"StreamEnabled\":true,"
                        + "\"StreamViewType\":\"KEYS_ONLY\"}"),
                        P + "OnDemandThroughput can only be combined with BillingMode in an UpdateTable request"),
                validation("stream change with capacity change", u, update("Prov", PT_1 + ",\"StreamSpecification\":{"
                        + "\"StreamEnabled\":true,\"StreamViewType\":\"KEYS_ONLY\"}"),
                        P + "You cannot modify stream status while updating table IOPS"),
                validation("stream change with a switch to provisioned", u, update("Plain",
                        "\"BillingMode\":\"PROVISIONED\"," + PT_1 + ",\"StreamSpecification\":{\"StreamEnabled\":true,"
                        + "\"StreamViewType\":\"KEYS_ONLY\"}"),
                        P + "You cannot modify stream status while updating table IOPS"),
                validation("index creation with capacity change", u, update("Prov", PT_1 + "," + H_DEFINED + ","
                        + indexUpdates(create("new1", "h", "," + PT_1))),
                        P + "You cannot create or delete index while updating table IOPS"),
                validation("index deletion with stream change", u, update("Ppr", "\"StreamSpecification\":{"
                        + "\"StreamEnabled\":false}," + indexUpdates(delete("byG"))),
                        P + "You cannot create or delete index while changing stream status"),
                validation("enabling a stream without view type", u, update("Plain", "\"StreamSpecification\":{"
                        + "\"StreamEnabled\":true}"),
                        P + "If stream is being enabled then UpdateViewType is required"),
                validation("disabling a stream with a view type", u, update("Ppr", "\"StreamSpecification\":{"
                        + "\"StreamEnabled\":false,\"StreamViewType\":\"NEW_IMAGE\"}"),
                        P + "If stream is being disabled, then UpdateViewType must not be specified"),
                new ErrorCase("missing table", u, update("Nope", PT_1), "ResourceNotFoundException",
                        "Requested resource not found: Table: Nope not found"),
                validation("capacity on an on-demand table", u, update("Plain", PT_1),
                        P + "Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is "
                                + "PAY_PER_REQUEST"),
                validation("the same capacity", u, update("Prov", "\"ProvisionedThroughput\":{\"ReadCapacityUnits\":5,"
                        + "\"WriteCapacityUnits\":5}"),
                        "The provisioned throughput for the table will not change. The requested value equals the "
                                + "current value. Current ReadCapacityUnits provisioned for the table: 5. Requested "
                                + "ReadCapacityUnits: 5. Current WriteCapacityUnits provisioned for the table: 5. "
                                + "Requested WriteCapacityUnits: 5. Refer to the Amazon DynamoDB Developer Guide for "
                                + "current limits and how to request higher limits."),
                validation("provisioned to provisioned with the same capacity", u, update("Prov",
                        "\"BillingMode\":\"PROVISIONED\",\"ProvisionedThroughput\":{\"ReadCapacityUnits\":5,"
                                + "\"WriteCapacityUnits\":5}"),
                        "The provisioned throughput for the table will not change. The requested value equals the "
                                + "current value. Current ReadCapacityUnits provisioned for the table: 5. Requested "
                                + "ReadCapacityUnits: 5. Current WriteCapacityUnits provisioned for the table: 5. "
                                + "Requested WriteCapacityUnits: 5. Refer to the Amazon DynamoDB Developer Guide for "
                                + "current limits and how to request higher limits."),
                validation("on-demand ceilings on a provisioned table", u, update("Prov", "\"OnDemandThroughput\":{"
                        + "\"MaxReadRequestUnits\":10,\"MaxWriteRequestUnits\":10}"),
                        P + "MaxReadRequestUnits for OnDemandThroughput cannot be specified when the table BillingMode "
                                + "is PROVISIONED"),
                validation("on-demand ceiling of 0", u, update("Plain", "\"OnDemandThroughput\":{"
                        + "\"MaxWriteRequestUnits\":0}"),
                        P + "Requested MaxWriteRequestUnits for OnDemandThroughput for table is outside of valid range"),
                validation("on-demand ceiling below -1", u, update("Plain", "\"OnDemandThroughput\":{"
                        + "\"MaxReadRequestUnits\":-2}"),
                        P + "Requested MaxReadRequestUnits for OnDemandThroughput for table is outside of valid range"),
                validation("enabling an enabled stream", u, update("Ppr", "\"StreamSpecification\":{"
                        + "\"StreamEnabled\":true,\"StreamViewType\":\"KEYS_ONLY\"}"),
                        "Table already has an enabled stream: TableName: Ppr"),
                validation("disabling a missing stream", u, update("Plain", "\"StreamSpecification\":{"
                        + "\"StreamEnabled\":false}"),
                        "Table has no stream to disable: TableName: Plain"),
                validation("default encryption again", u, update("Plain", "\"SSESpecification\":{\"Enabled\":false}"),
                        P + "Table is already encrypted by default"),
                validation("encryption change", u, update("Plain", "\"SSESpecification\":{\"Enabled\":true}"),
                        P + "Server-Side Encryption modification is not supported by this endpoint: the encryption of a "
                                + "table is fixed when it is created"),
                validation("updating a local index", u, update("Ppr", indexUpdates("{\"Update\":{\"IndexName\":"
                        + "\"byL\",\"OnDemandThroughput\":{\"MaxReadRequestUnits\":5}}}")),
                        "Cannot update an index that is not a GlobalSecondaryIndex: byL"),
                validation("deleting a local index", u, update("Ppr", indexUpdates(delete("byL"))),
                        "Cannot delete an index that is not a GlobalSecondaryIndex: byL"),
                validation("huge capacity for a missing index", u, update("Prov",
                        indexUpdates(change("nope", 1000000000001L, 1))),
                        "This operation cannot be performed with given input values. Please contact DynamoDB service "
                                + "team for more info: Action Blocked: IndexUpdate"),
                new ErrorCase("updating a missing index", u, update("Prov", indexUpdates(change("nope", 2, 2))),
                        "ResourceNotFoundException", "Requested resource not found: Index: nope for table: Prov not found"),
                new ErrorCase("deleting a missing index", u, update("Prov", indexUpdates(delete("nope"))),
                        "ResourceNotFoundException", "Requested resource not found: Index: nope for table: Prov not found"),
                validation("index capacity on an on-demand table", u, update("Ppr", indexUpdates(change("byG", 2, 2))),
                        P + "Neither ReadCapacityUnits nor WriteCapacityUnits can be specified for index: byG when "
                                + "BillingMode is PAY_PER_REQUEST"),
                validation("the same index capacity", u, update("Prov", indexUpdates(change("byG", 5, 5))),
                        "The provisioned throughput for the index byG will not change. The requested value equals the "
                                + "current value. Current ReadCapacityUnits provisioned for the index: 5. Requested "
                                + "ReadCapacityUnits: 5. Current WriteCapacityUnits provisioned for the index: 5. "
                                + "Requested WriteCapacityUnits: 5. Refer to the Amazon DynamoDB Developer Guide for "
                                + "current limits and how to request higher limits."),
                validation("creating an existing index", u, update("Ppr", "\"AttributeDefinitions\":[{"
                        + "\"AttributeName\":\"g\",\"AttributeType\":\"S\"}]," + indexUpdates(create("byG", "g", ""))),
                        "Attempting to create an index which already exists"),
                validation("creating an index named like a local index", u, update("Ppr", H_DEFINED + ","
                        + indexUpdates(create("byL", "h", ""))),
                        "Attempting to create an index which already exists"),
                validation("creating an index without attribute definitions", u, update("Plain",
                        indexUpdates(create("new1", "h", ""))),
                        P + "AttributeDefinitions is not specified for index: new1"),
                validation("creating an index on an undeclared attribute", u, update("Plain",
                        "\"AttributeDefinitions\":[{\"AttributeName\":\"z\",\"AttributeType\":\"S\"}],"
                                + indexUpdates(create("new1", "unknownAttr", ""))),
                        P + "Some index key attributes are not defined in AttributeDefinitions. Keys: [unknownAttr], "
                                + "AttributeDefinitions: [z]"),
                validation("creating an index whose key starts with RANGE", u, update("Plain", H_DEFINED + ","
                        + indexUpdates("{\"Create\":{\"IndexName\":\"new1\",\"KeySchema\":[{\"AttributeName\":\"h\","
                        + "\"KeyType\":\"RANGE\"}],\"Projection\":{\"ProjectionType\":\"ALL\"}}}")),
                        "Invalid KeySchema: The first KeySchemaElement is not a HASH key type"),
                validation("creating an index with a bad projection", u, update("Plain", H_DEFINED + ","
                        + indexUpdates("{\"Create\":{\"IndexName\":\"new1\",\"KeySchema\":[{\"AttributeName\":\"h\","
                        + "\"KeyType\":\"HASH\"}],\"Projection\":{\"ProjectionType\":\"ALL\",\"NonKeyAttributes\":"
                        + "[\"a\"]}}}")),
                        P + "ProjectionType is ALL, but NonKeyAttributes is specified"),
                validation("creating an index without capacity on a provisioned table", u, update("Prov", H_DEFINED + ","
                        + indexUpdates(create("new1", "h", ""))),
                        P + "ProvisionedThroughput must be specified for index: new1"),
                validation("creating an index with capacity on an on-demand table", u, update("Plain", H_DEFINED + ","
                        + indexUpdates(create("new1", "h", "," + PT_1))),
                        P + "ProvisionedThroughput should not be specified for index: new1 when BillingMode is "
                                + "PAY_PER_REQUEST"),
                validation("switching to provisioned without index capacity", u, update("Ppr",
                        "\"BillingMode\":\"PROVISIONED\"," + PT_1),
                        P + "ProvisionedThroughput must be specified for index: byG"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void refusesWithDynamoDbsMessage(ErrorCase error) {
        error.check(db);
    }

}
