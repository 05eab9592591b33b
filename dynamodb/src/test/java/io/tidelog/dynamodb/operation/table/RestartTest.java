package io.tidelog.dynamodb.operation.table;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.tidelog.backend.Keys;
import io.tidelog.backend.QueryParams;
import io.tidelog.dynamodb.testing.LocalDynamoDb;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tables and all their settings survive closing and reopening the store. */
class RestartTest {
    @TempDir
    Path dir;

    @Test
    void everythingATableWasGivenIsThereAfterAReopen() {
        try (LocalDynamoDb db = LocalDynamoDb.open(dir)) {
            TableFixtures.createAll(db);
            db.call("UpdateTable", "{\"TableName\":\"Prov\",\"ProvisionedThroughput\":{\"ReadCapacityUnits\":9,"
                    + "\"WriteCapacityUnits\":2}}");
            db.call("UpdateTable", "{\"TableName\":\"Plain\",\"TableClass\":\"STANDARD_INFREQUENT_ACCESS\"}");
            db.call("UpdateTable", "{\"TableName\":\"Plain\",\"OnDemandThroughput\":{\"MaxReadRequestUnits\":7}}");
            db.call("TagResource", "{\"ResourceArn\":\"" + TableFixtures.ARN_PREFIX + "Ppr\",\"Tags\":[{\"Key\":\"a\","
                    + "\"Value\":\"1\"},{\"Key\":\"b\",\"Value\":\"2\"}]}");
            db.store("Ppr", "{\"pk\":{\"S\":\"p\"},\"sk\":{\"S\":\"1\"},\"h\":{\"S\":\"x\"},\"l\":{\"N\":\"3\"}}");
            db.call("UpdateTable", "{\"TableName\":\"Ppr\",\"AttributeDefinitions\":[{\"AttributeName\":\"h\","
                    + "\"AttributeType\":\"S\"}],\"GlobalSecondaryIndexUpdates\":[{\"Create\":{\"IndexName\":\"byH\","
                    + "\"KeySchema\":[{\"AttributeName\":\"h\",\"KeyType\":\"HASH\"}],\"Projection\":{"
                    + "\"ProjectionType\":\"KEYS_ONLY\"}}}]}");
            db.call("CreateTable", TableFixtures.plain("Gone"));
            db.call("DeleteTable", "{\"TableName\":\"Gone\"}");

            List<JsonNode> before = snapshot(db);
            db.reopen();
            assertEquals(before, snapshot(db));
            assertEquals(1, db.backend().queryGsiItems("Ppr", "byH", Keys.stringKey("x"),
                    QueryParams.builder().build()).size(), "the backfilled entries survive too");
        }
        try (LocalDynamoDb again = LocalDynamoDb.open(dir)) {
            assertEquals(LocalDynamoDb.parse("{\"TableNames\":[\"Plain\",\"Ppr\",\"Prov\"]}"),
                    again.call("ListTables", "{}"));
        }
    }

    private static List<JsonNode> snapshot(LocalDynamoDb db) {
        List<JsonNode> out = new java.util.ArrayList<>();
        out.add(db.call("ListTables", "{}"));
        for (String table : List.of("Prov", "Ppr", "Plain")) {
            out.add(db.call("DescribeTable", "{\"TableName\":\"" + table + "\"}"));
            out.add(db.call("DescribeTimeToLive", "{\"TableName\":\"" + table + "\"}"));
            out.add(db.call("ListTagsOfResource", "{\"ResourceArn\":\"" + TableFixtures.ARN_PREFIX + table + "\"}"));
        }
        return out;
    }
}
