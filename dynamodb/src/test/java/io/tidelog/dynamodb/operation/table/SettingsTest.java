package io.tidelog.dynamodb.operation.table;

import static io.tidelog.dynamodb.operation.table.TableFixtures.ARN_PREFIX;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tidelog.backend.TableMetadata;
import io.tidelog.dynamodb.testing.LocalDynamoDb;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TTL settings, tags, DescribeEndpoints and DescribeLimits. */
class SettingsTest {
    @TempDir
    Path dir;
    LocalDynamoDb db;

    @BeforeEach
    void open() {
        db = LocalDynamoDb.open(dir);
        db.call("CreateTable", TableFixtures.plain("Tagged"));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private JsonNode ttl(boolean enabled, String attribute) {
        return db.call("UpdateTimeToLive", "{\"TableName\":\"Tagged\",\"TimeToLiveSpecification\":{\"Enabled\":"
                + enabled + ",\"AttributeName\":\"" + attribute + "\"}}");
    }

    private JsonNode describeTtl() {
        return db.call("DescribeTimeToLive", "{\"TableName\":\"Tagged\"}").get("TimeToLiveDescription");
    }

    @Test
    void timeToLiveIsEnabledDisabledAndMovedToAnotherAttribute() {
        assertEquals(LocalDynamoDb.parse("{\"TimeToLiveStatus\":\"DISABLED\"}"), describeTtl());
        assertEquals(LocalDynamoDb.parse("{\"TimeToLiveSpecification\":{\"AttributeName\":\"ttl\",\"Enabled\":true}}"),
                ttl(true, "ttl"));
        assertEquals(LocalDynamoDb.parse("{\"TimeToLiveStatus\":\"ENABLED\",\"AttributeName\":\"ttl\"}"), describeTtl());
        TableMetadata row = db.backend().getTableMetadata("Tagged").orElseThrow();
        assertTrue(row.ttlEnabled());
        assertEquals("ttl", row.ttlAttribute());

        assertEquals(LocalDynamoDb.parse("{\"TimeToLiveSpecification\":{\"AttributeName\":\"ttl\",\"Enabled\":false}}"),
                ttl(false, "ttl"));
        assertEquals(LocalDynamoDb.parse("{\"TimeToLiveStatus\":\"DISABLED\"}"), describeTtl());
        assertFalse(db.backend().getTableMetadata("Tagged").orElseThrow().ttlEnabled());
        assertNull(db.backend().getTableMetadata("Tagged").orElseThrow().ttlAttribute());

        ttl(true, "expiresAt");
        assertEquals(LocalDynamoDb.parse("{\"TimeToLiveStatus\":\"ENABLED\",\"AttributeName\":\"expiresAt\"}"),
                describeTtl());
    }

    @Test
    void expiryFollowsTheSetting() {
        ttl(true, "exp");
        db.store("Tagged", "{\"pk\":{\"S\":\"old\"},\"exp\":{\"N\":\"100\"}}");
        db.store("Tagged", "{\"pk\":{\"S\":\"new\"},\"exp\":{\"N\":\"99999999999\"}}");
        assertEquals(1, db.backend().expiredItems("Tagged", 1000, 10).size());
        ttl(false, "exp");
        assertEquals(0, db.backend().expiredItems("Tagged", 1000, 10).size());
    }

    private JsonNode tags() {
        return db.call("ListTagsOfResource", "{\"ResourceArn\":\"" + ARN_PREFIX + "Tagged\"}");
    }

    private void tag(String tagsJson) {
        JsonNode reply = db.call("TagResource", "{\"ResourceArn\":\"" + ARN_PREFIX + "Tagged\",\"Tags\":" + tagsJson + "}");
        assertEquals(0, reply.size(), "TagResource answers an empty document");
    }

    @Test
    void tagsAreAddedOverwrittenListedInKeyOrderAndRemoved() {
        assertEquals(LocalDynamoDb.parse("{\"Tags\":[]}"), tags());
        tag("[{\"Key\":\"project\",\"Value\":\"conformity\"},{\"Key\":\"env\",\"Value\":\"test\"}]");
        tag("[{\"Key\":\"team\",\"Value\":\"platform\"},{\"Key\":\"env\",\"Value\":\"production\"}]");
        assertEquals(LocalDynamoDb.parse("""
                {"Tags":[{"Key":"env","Value":"production"},{"Key":"project","Value":"conformity"},
                 {"Key":"team","Value":"platform"}]}"""), tags());
        JsonNode reply = db.call("UntagResource", "{\"ResourceArn\":\"" + ARN_PREFIX + "Tagged\",\"TagKeys\":"
                + "[\"team\",\"absent\"]}");
        assertEquals(0, reply.size());
        assertEquals(LocalDynamoDb.parse("""
                {"Tags":[{"Key":"env","Value":"production"},{"Key":"project","Value":"conformity"}]}"""), tags());
    }

    @Test
    void aStreamArnNamesItsTable() {
        db.call("UpdateTable", "{\"TableName\":\"Tagged\",\"StreamSpecification\":{\"StreamEnabled\":true,"
                + "\"StreamViewType\":\"KEYS_ONLY\"}}");
        String streamArn = db.call("DescribeTable", "{\"TableName\":\"Tagged\"}").get("Table").get("LatestStreamArn")
                .asText();
        db.call("TagResource", "{\"ResourceArn\":\"" + streamArn + "\",\"Tags\":[{\"Key\":\"k\",\"Value\":\"v\"}]}");
        assertEquals(1, tags().get("Tags").size());
    }

    @Test
    void aTableHoldsFiftyTagsAndARefusedTaggingChangesNothing() {
        tag(CreateTableErrorsTest.tags(49));
        tag("[{\"Key\":\"k0\",\"Value\":\"again\"},{\"Key\":\"extra\",\"Value\":\"v\"}]");
        assertEquals(50, tags().get("Tags").size(), "an overwritten key counts once");
        LocalDynamoDb.Failure f = db.fail("TagResource", "{\"ResourceArn\":\"" + ARN_PREFIX + "Tagged\",\"Tags\":[{"
                + "\"Key\":\"more\",\"Value\":\"v\"}]}");
        assertEquals(new LocalDynamoDb.Failure(400, "ValidationException",
                "Number of Tags exceed the current limit for the provided ResourceArn"), f);
        assertEquals(50, tags().get("Tags").size());
        tag("[{\"Key\":\"k1\",\"Value\":\"overwrite at the limit\"}]");
    }

    @Test
    void endpointsAndLimits() {
        assertEquals(LocalDynamoDb.parse("{\"Endpoints\":[{\"Address\":\"dynamodb.us-east-1.amazonaws.com\","
                + "\"CachePeriodInMinutes\":1440}]}"), db.call("DescribeEndpoints", "{}"));
        assertEquals(LocalDynamoDb.parse("{\"AccountMaxReadCapacityUnits\":80000,\"AccountMaxWriteCapacityUnits\":80000,"
                + "\"TableMaxReadCapacityUnits\":40000,\"TableMaxWriteCapacityUnits\":40000}"),
                db.call("DescribeLimits", "{}"));
    }
}
