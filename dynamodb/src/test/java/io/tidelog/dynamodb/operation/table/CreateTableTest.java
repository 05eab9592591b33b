package io.tidelog.dynamodb.operation.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tidelog.backend.TableMetadata;
import io.tidelog.dynamodb.testing.LocalDynamoDb;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CreateTable's effects and the description it returns, and DescribeTable's afterwards. */
class CreateTableTest {
    @TempDir
    Path dir;
    LocalDynamoDb db;

    @BeforeEach
    void open() {
        db = LocalDynamoDb.open(dir);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static List<String> fieldNames(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }

    @Test
    void aProvisionedTableIsCreatingInTheReplyAndActiveAtOnce() {
        JsonNode created = db.call("CreateTable", """
                {"TableName":"Orders","KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}],
                 "AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"}],
                 "ProvisionedThroughput":{"ReadCapacityUnits":5,"WriteCapacityUnits":7}}""").get("TableDescription");
        assertEquals(List.of("AttributeDefinitions", "TableName", "KeySchema", "TableStatus", "CreationDateTime",
                "ProvisionedThroughput", "TableSizeBytes", "ItemCount", "TableArn", "TableId"), fieldNames(created));
        assertEquals("CREATING", created.get("TableStatus").asText());
        assertEquals(LocalDynamoDb.parse("{\"NumberOfDecreasesToday\":0,\"ReadCapacityUnits\":5,"
                + "\"WriteCapacityUnits\":7}"), created.get("ProvisionedThroughput"));
        assertEquals("arn:aws:dynamodb:us-east-1:000000000000:table/Orders", created.get("TableArn").asText());
        assertEquals(36, created.get("TableId").asText().length());
        double createdAt = created.get("CreationDateTime").asDouble();
        assertTrue(Math.abs(createdAt - System.currentTimeMillis() / 1000.0) < 60, "creation time is now");

        JsonNode described = db.call("DescribeTable", "{\"TableName\":\"Orders\"}").get("Table");
        assertEquals("ACTIVE", described.get("TableStatus").asText());
        assertEquals(created.get("TableId"), described.get("TableId"));
        assertEquals(created.get("CreationDateTime"), described.get("CreationDateTime"));
        assertFalse(described.get("DeletionProtectionEnabled").asBoolean());
        assertFalse(described.has("BillingModeSummary"));
        assertFalse(described.has("WarmThroughput"));
        assertFalse(described.has("StreamSpecification"));
        assertEquals(0, described.get("ItemCount").asLong());
        assertEquals(0, described.get("TableSizeBytes").asLong());
    }

    @Test
    void anOnDemandTableShowsZeroCapacityBillingSummaryAndWarmThroughput() {
        db.call("CreateTable", TableFixtures.plain("Events"));
        JsonNode t = db.call("DescribeTable", "{\"TableName\":\"Events\"}").get("Table");
        assertEquals(LocalDynamoDb.parse("{\"NumberOfDecreasesToday\":0,\"ReadCapacityUnits\":0,"
                + "\"WriteCapacityUnits\":0}"), t.get("ProvisionedThroughput"));
        assertEquals("PAY_PER_REQUEST", t.get("BillingModeSummary").get("BillingMode").asText());
        assertEquals(t.get("CreationDateTime"), t.get("BillingModeSummary").get("LastUpdateToPayPerRequestDateTime"));
        assertEquals(LocalDynamoDb.parse("{\"ReadUnitsPerSecond\":12000,\"WriteUnitsPerSecond\":4000,"
                + "\"Status\":\"ACTIVE\"}"), t.get("WarmThroughput"));
    }

    @Test
    void indexesStreamsEncryptionClassProtectionAndTagsAreCreatedTogether() {
        JsonNode created = db.call("CreateTable", """
                {"TableName":"Full","KeySchema":[{"AttributeName":"pk","KeyType":"HASH"},{"AttributeName":"sk","KeyType":"RANGE"}],
                 "AttributeDefinitions":[{"AttributeName":"sk","AttributeType":"N"},{"AttributeName":"pk","AttributeType":"S"},
                   {"AttributeName":"g","AttributeType":"B"},{"AttributeName":"l","AttributeType":"S"}],
                 "BillingMode":"PAY_PER_REQUEST",
                 "GlobalSecondaryIndexes":[{"IndexName":"byG","KeySchema":[{"AttributeName":"g","KeyType":"HASH"},
                   {"AttributeName":"sk","KeyType":"RANGE"}],"Projection":{"ProjectionType":"INCLUDE","NonKeyAttributes":["z","a"]},
                   "OnDemandThroughput":{"MaxReadRequestUnits":100}}],
                 "LocalSecondaryIndexes":[{"IndexName":"byL","KeySchema":[{"AttributeName":"pk","KeyType":"HASH"},
                   {"AttributeName":"l","KeyType":"RANGE"}],"Projection":{"ProjectionType":"KEYS_ONLY"}}],
                 "StreamSpecification":{"StreamEnabled":true,"StreamViewType":"NEW_AND_OLD_IMAGES"},
                 "SSESpecification":{"Enabled":true},"TableClass":"STANDARD_INFREQUENT_ACCESS",
                 "DeletionProtectionEnabled":true,"OnDemandThroughput":{"MaxWriteRequestUnits":50},
                 "Tags":[{"Key":"team","Value":"blue"},{"Key":"env","Value":"prod"}]}""").get("TableDescription");
        assertEquals("CREATING", created.get("GlobalSecondaryIndexes").get(0).get("IndexStatus").asText());
        assertTrue(created.get("DeletionProtectionEnabled").asBoolean(), "shown when the request set it");

        JsonNode t = db.call("DescribeTable", "{\"TableName\":\"Full\"}").get("Table");
        assertEquals(List.of("AttributeDefinitions", "TableName", "KeySchema", "TableStatus", "CreationDateTime",
                "ProvisionedThroughput", "TableSizeBytes", "ItemCount", "TableArn", "TableId", "BillingModeSummary",
                "LocalSecondaryIndexes", "GlobalSecondaryIndexes", "StreamSpecification", "LatestStreamLabel",
                "LatestStreamArn", "SSEDescription", "TableClassSummary", "DeletionProtectionEnabled",
                "OnDemandThroughput", "WarmThroughput"), fieldNames(t));
        assertEquals(LocalDynamoDb.parse("""
                [{"AttributeName":"g","AttributeType":"B"},{"AttributeName":"l","AttributeType":"S"},
                 {"AttributeName":"pk","AttributeType":"S"},{"AttributeName":"sk","AttributeType":"N"}]"""),
                t.get("AttributeDefinitions"), "sorted by name");
        JsonNode gsi = t.get("GlobalSecondaryIndexes").get(0);
        assertEquals(List.of("IndexName", "KeySchema", "Projection", "IndexStatus", "ProvisionedThroughput",
                "IndexSizeBytes", "ItemCount", "IndexArn", "OnDemandThroughput", "WarmThroughput"), fieldNames(gsi));
        assertEquals(LocalDynamoDb.parse("{\"ProjectionType\":\"INCLUDE\",\"NonKeyAttributes\":[\"a\",\"z\"]}"),
                gsi.get("Projection"));
        assertEquals("ACTIVE", gsi.get("IndexStatus").asText());
        assertEquals("arn:aws:dynamodb:us-east-1:000000000000:table/Full/index/byG", gsi.get("IndexArn").asText());
        assertEquals(100, gsi.get("OnDemandThroughput").get("MaxReadRequestUnits").asLong());
        JsonNode lsi = t.get("LocalSecondaryIndexes").get(0);
        assertEquals(List.of("IndexName", "KeySchema", "Projection", "IndexSizeBytes", "ItemCount", "IndexArn"),
                fieldNames(lsi));
        assertEquals("NEW_AND_OLD_IMAGES", t.get("StreamSpecification").get("StreamViewType").asText());
        String label = t.get("LatestStreamLabel").asText();
        assertTrue(label.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}"), label);
        assertEquals("arn:aws:dynamodb:us-east-1:000000000000:table/Full/stream/" + label,
                t.get("LatestStreamArn").asText());
        JsonNode sse = t.get("SSEDescription");
        assertEquals("ENABLED", sse.get("Status").asText());
        assertEquals("KMS", sse.get("SSEType").asText());
        assertTrue(sse.get("KMSMasterKeyArn").asText().startsWith("arn:aws:kms:us-east-1:000000000000:key/"));
        assertEquals(sse, db.call("DescribeTable", "{\"TableName\":\"Full\"}").get("Table").get("SSEDescription"),
                "the key is the same on every describe");
        assertEquals("STANDARD_INFREQUENT_ACCESS", t.get("TableClassSummary").get("TableClass").asText());
        assertTrue(t.get("DeletionProtectionEnabled").asBoolean());
        assertEquals(LocalDynamoDb.parse("{\"MaxWriteRequestUnits\":50}"), t.get("OnDemandThroughput"));
        assertEquals(LocalDynamoDb.parse("""
                {"Tags":[{"Key":"env","Value":"prod"},{"Key":"team","Value":"blue"}]}"""),
                db.call("ListTagsOfResource", "{\"ResourceArn\":\"" + TableFixtures.ARN_PREFIX + "Full\"}"));

        TableMetadata row = db.backend().getTableMetadata("Full").orElseThrow();
        assertTrue(row.streamEnabled());
        assertEquals(label, row.streamLabel());
        assertEquals(0, db.backend().countItems("Full"), "the data table exists");
        assertEquals(List.of(), db.backend().scanGsiItems("Full", "byG", io.tidelog.backend.ScanParams.builder().build()));
        assertEquals(List.of(), db.backend().scanLsiItems("Full", "byL", io.tidelog.backend.ScanParams.builder().build()));
    }

    @Test
    void aNamedKmsKeyBecomesAnArnAndAnArnIsKept() {
        db.call("CreateTable", TableFixtures.plain("KeyId").replace("\"BillingMode\"",
                "\"SSESpecification\":{\"Enabled\":true,\"SSEType\":\"KMS\",\"KMSMasterKeyId\":\"my-key\"},\"BillingMode\""));
        db.call("CreateTable", TableFixtures.plain("KeyArn").replace("\"BillingMode\"",
                "\"SSESpecification\":{\"Enabled\":true,\"SSEType\":\"KMS\",\"KMSMasterKeyId\":"
                        + "\"arn:aws:kms:eu-west-1:111122223333:key/k\"},\"BillingMode\""));
        db.call("CreateTable", TableFixtures.plain("Owned").replace("\"BillingMode\"",
                "\"SSESpecification\":{\"Enabled\":false},\"BillingMode\""));
        assertEquals("arn:aws:kms:us-east-1:000000000000:key/my-key", db.call("DescribeTable",
                "{\"TableName\":\"KeyId\"}").get("Table").get("SSEDescription").get("KMSMasterKeyArn").asText());
        assertEquals("arn:aws:kms:eu-west-1:111122223333:key/k", db.call("DescribeTable",
                "{\"TableName\":\"KeyArn\"}").get("Table").get("SSEDescription").get("KMSMasterKeyArn").asText());
        assertFalse(db.call("DescribeTable", "{\"TableName\":\"Owned\"}").get("Table").has("SSEDescription"),
                "DynamoDB's own key shows no description");
    }

    @Test
    void aTableCreatedAgainAfterDeletionIsANewTable() {
        String first = db.call("CreateTable", TableFixtures.plain("Again")).get("TableDescription").get("TableId")
                .asText();
        db.call("DeleteTable", "{\"TableName\":\"Again\"}");
        String second = db.call("CreateTable", TableFixtures.plain("Again")).get("TableDescription").get("TableId")
                .asText();
        assertNotEquals(first, second);
    }

    @Test
    void aProvisionedTableWithLocalAndGlobalIndexesSharingKeyAttributes() {
        db.call("CreateTable", """
                {"TableName":"Composite","KeySchema":[{"AttributeName":"pk","KeyType":"HASH"},{"AttributeName":"sk","KeyType":"RANGE"}],
                 "AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"},{"AttributeName":"sk","AttributeType":"S"},
                   {"AttributeName":"lsi1sk","AttributeType":"S"},{"AttributeName":"lsi2sk","AttributeType":"S"}],
                 "ProvisionedThroughput":{"ReadCapacityUnits":5,"WriteCapacityUnits":5},
                 "LocalSecondaryIndexes":[
                   {"IndexName":"lsi1","KeySchema":[{"AttributeName":"pk","KeyType":"HASH"},{"AttributeName":"lsi1sk","KeyType":"RANGE"}],
                    "Projection":{"ProjectionType":"ALL"}},
                   {"IndexName":"lsi2","KeySchema":[{"AttributeName":"pk","KeyType":"HASH"},{"AttributeName":"lsi2sk","KeyType":"RANGE"}],
                    "Projection":{"ProjectionType":"INCLUDE","NonKeyAttributes":["lsi1sk"]}}],
                 "GlobalSecondaryIndexes":[
                   {"IndexName":"gsi1","KeySchema":[{"AttributeName":"lsi1sk","KeyType":"HASH"}],"Projection":{"ProjectionType":"ALL"},
                    "ProvisionedThroughput":{"ReadCapacityUnits":5,"WriteCapacityUnits":5}},
                   {"IndexName":"gsi2","KeySchema":[{"AttributeName":"lsi1sk","KeyType":"HASH"},{"AttributeName":"lsi2sk","KeyType":"RANGE"}],
                    "Projection":{"ProjectionType":"INCLUDE","NonKeyAttributes":["data"]},
                    "ProvisionedThroughput":{"ReadCapacityUnits":5,"WriteCapacityUnits":5}}]}""");
        JsonNode t = db.call("DescribeTable", "{\"TableName\":\"Composite\"}").get("Table");
        assertEquals(2, t.get("LocalSecondaryIndexes").size());
        assertEquals(2, t.get("GlobalSecondaryIndexes").size());
        for (JsonNode gsi : t.get("GlobalSecondaryIndexes")) {
            assertEquals("ACTIVE", gsi.get("IndexStatus").asText());
            assertEquals(LocalDynamoDb.parse("{\"NumberOfDecreasesToday\":0,\"ReadCapacityUnits\":5,"
                    + "\"WriteCapacityUnits\":5}"), gsi.get("ProvisionedThroughput"));
            assertFalse(gsi.has("WarmThroughput"));
        }
    }
}
