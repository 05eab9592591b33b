package io.tidelog.dynamodb.operation.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import io.tidelog.backend.BackendException;
import io.tidelog.backend.ScanParams;
import io.tidelog.backend.StreamRecord;
import io.tidelog.dynamodb.testing.LocalDynamoDb;
import io.tidelog.dynamodb.value.AttributeValueJson;
import io.tidelog.dynamodb.value.ItemSize;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DescribeTable's live counts, DeleteTable's effects and ListTables' pages. */
class DescribeDeleteListTest {
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

    private static long size(String itemJson) {
        return ItemSize.of(AttributeValueJson.readItem(itemJson));
    }

    @Test
    void describeCountsItemsAndSizesOfTheTableAndEachIndex() {
        db.call("CreateTable", TableFixtures.PPR.replace("\"DeletionProtectionEnabled\":true", "\"TableClass\":\"STANDARD\""));
        String a = "{\"pk\":{\"S\":\"a\"},\"sk\":{\"S\":\"1\"},\"g\":{\"S\":\"x\"},\"l\":{\"N\":\"5\"},\"v\":{\"S\":\"hello\"}}";
        String b = "{\"pk\":{\"S\":\"a\"},\"sk\":{\"S\":\"2\"},\"g\":{\"S\":\"x\"}}";
        String c = "{\"pk\":{\"S\":\"b\"},\"sk\":{\"S\":\"1\"},\"l\":{\"N\":\"7\"},\"g\":{\"N\":\"3\"}}";
        db.store("Ppr", a);
        db.store("Ppr", b);
        db.store("Ppr", c);
        JsonNode t = db.call("DescribeTable", "{\"TableName\":\"Ppr\"}").get("Table");
        assertEquals(3, t.get("ItemCount").asLong());
        assertEquals(size(a) + size(b) + size(c), t.get("TableSizeBytes").asLong());
        JsonNode gsi = t.get("GlobalSecondaryIndexes").get(0);
        assertEquals(2, gsi.get("ItemCount").asLong(), "c's g is a number: not in the index");
        assertEquals(size(a) + size(b), gsi.get("IndexSizeBytes").asLong(), "ALL projects whole items");
        JsonNode lsi = t.get("LocalSecondaryIndexes").get(0);
        assertEquals(2, lsi.get("ItemCount").asLong());
        assertEquals(size("{\"pk\":{\"S\":\"a\"},\"sk\":{\"S\":\"1\"},\"l\":{\"N\":\"5\"}}")
                + size("{\"pk\":{\"S\":\"b\"},\"sk\":{\"S\":\"1\"},\"l\":{\"N\":\"7\"}}"),
                lsi.get("IndexSizeBytes").asLong(), "KEYS_ONLY projects the keys");
    }

    @Test
    void indexCountsPageThroughEntriesThatShareAnIndexKey() {
        db.call("CreateTable", TableFixtures.PPR);
        int n = TableCounts.PAGE + 5;
        for (int i = 0; i < n; i++) {
            db.store("Ppr", "{\"pk\":{\"S\":\"p" + i + "\"},\"sk\":{\"S\":\"s\"},\"g\":{\"S\":\"same\"}}");
        }
        JsonNode t = db.call("DescribeTable", "{\"TableName\":\"Ppr\"}").get("Table");
        assertEquals(n, t.get("ItemCount").asLong());
        assertEquals(n, t.get("GlobalSecondaryIndexes").get(0).get("ItemCount").asLong());
    }

    @Test
    void deleteRemovesTheTableItsIndexesAndSettingsButNotItsStreamRecords() {
        db.call("CreateTable", TableFixtures.PPR.replace("\"DeletionProtectionEnabled\":true", "\"TableClass\":\"STANDARD\""));
        db.call("UpdateTimeToLive", "{\"TableName\":\"Ppr\",\"TimeToLiveSpecification\":{\"Enabled\":true,"
                + "\"AttributeName\":\"exp\"}}");
        db.call("TagResource", "{\"ResourceArn\":\"" + TableFixtures.ARN_PREFIX + "Ppr\",\"Tags\":[{\"Key\":\"k\","
                + "\"Value\":\"v\"}]}");
        db.store("Ppr", "{\"pk\":{\"S\":\"a\"},\"sk\":{\"S\":\"1\"},\"g\":{\"S\":\"x\"},\"l\":{\"N\":\"5\"}}");
        String label = db.backend().getTableMetadata("Ppr").orElseThrow().streamLabel();
        String shard = io.tidelog.dynamodb.stream.StreamShards.shardId("Ppr", label);

        JsonNode deleted = db.call("DeleteTable", "{\"TableName\":\"Ppr\"}").get("TableDescription");
        assertEquals("DELETING", deleted.get("TableStatus").asText());
        assertEquals("Ppr", deleted.get("TableName").asText());
        assertEquals(1, deleted.get("ItemCount").asLong(), "the table as it was");

        assertEquals("ResourceNotFoundException", db.fail("DescribeTable", "{\"TableName\":\"Ppr\"}").type());
        assertFalse(db.call("ListTables", "{}").get("TableNames").toString().contains("Ppr"));
        assertThrows(BackendException.class, () -> db.backend().countItems("Ppr"));
        assertThrows(BackendException.class, () -> db.backend().scanGsiItems("Ppr", "byG", ScanParams.builder().build()));
        assertThrows(BackendException.class, () -> db.backend().scanLsiItems("Ppr", "byL", ScanParams.builder().build()));
        List<StreamRecord> records = db.backend().getStreamRecords("Ppr", shard, 0, 10);
        assertEquals(1, records.size(), "the stream outlives the table");

        db.call("CreateTable", TableFixtures.PPR);
        assertEquals(0, db.backend().countItems("Ppr"));
        assertEquals("DISABLED", db.call("DescribeTimeToLive", "{\"TableName\":\"Ppr\"}")
                .get("TimeToLiveDescription").get("TimeToLiveStatus").asText());
        assertEquals(0, db.call("ListTagsOfResource", "{\"ResourceArn\":\"" + TableFixtures.ARN_PREFIX + "Ppr\"}")
                .get("Tags").size());
    }

    @Test
    void listTablesPagesInNameOrder() {
        for (String n : List.of("b-2", "A.1", "c_3", "a-0", "B9x")) {
            db.call("CreateTable", TableFixtures.plain(n));
        }
        assertEquals(LocalDynamoDb.parse("{\"TableNames\":[\"A.1\",\"B9x\",\"a-0\",\"b-2\",\"c_3\"]}"),
                db.call("ListTables", "{}"));
        JsonNode first = db.call("ListTables", "{\"Limit\":2}");
        assertEquals(LocalDynamoDb.parse("{\"TableNames\":[\"A.1\",\"B9x\"],\"LastEvaluatedTableName\":\"B9x\"}"), first);
        JsonNode second = db.call("ListTables", "{\"Limit\":2,\"ExclusiveStartTableName\":\"B9x\"}");
        assertEquals(LocalDynamoDb.parse("{\"TableNames\":[\"a-0\",\"b-2\"],\"LastEvaluatedTableName\":\"b-2\"}"), second);
        JsonNode third = db.call("ListTables", "{\"Limit\":2,\"ExclusiveStartTableName\":\"b-2\"}");
        assertEquals(LocalDynamoDb.parse("{\"TableNames\":[\"c_3\"]}"), third, "no cursor after the last page");
        assertEquals(LocalDynamoDb.parse("{\"TableNames\":[\"c_3\"]}"),
                db.call("ListTables", "{\"ExclusiveStartTableName\":\"b-3\"}"), "the start need not be a table");
        assertEquals(LocalDynamoDb.parse("{\"TableNames\":[\"a-0\",\"b-2\",\"c_3\"]}"),
                db.call("ListTables", "{\"Limit\":3,\"ExclusiveStartTableName\":\"B9x\"}"),
                "an exactly full last page has no cursor");
    }

    @Test
    void listTablesOnAnEmptyStoreIsAnEmptyList() {
        assertEquals(LocalDynamoDb.parse("{\"TableNames\":[]}"), db.call("ListTables", "{}"));
    }
}
