package io.tidelog.dynamodb.operation.item;

import static io.tidelog.dynamodb.testing.TestClient.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tidelog.dynamodb.testing.TestClient;
import io.tidelog.dynamodb.testing.TestTable;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.StringJoiner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** BatchGetItem and BatchWriteItem at work. */
class BatchTest {
    @TempDir
    Path dir;
    TestClient db;

    @BeforeEach
    void open() {
        db = TestClient.open(dir);
        TestTable.named("Aaa").hash("pk", "S").create(db);
        TestTable.named("Bbb").hash("id", "N").range("r", "S").create(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void batchWritePutsAndDeletesAcrossTablesAndLeavesNothingUnprocessed() {
        db.ok("PutItem", "{'TableName':'Aaa','Item':{'pk':{'S':'gone'}}}");
        JsonNode reply = db.ok("BatchWriteItem", "{'RequestItems':{"
                + "'Aaa':[{'PutRequest':{'Item':{'pk':{'S':'a1'},'v':{'N':'1'}}}},{'DeleteRequest':{'Key':{'pk':{'S':'gone'}}}}],"
                + "'Bbb':[{'PutRequest':{'Item':{'id':{'N':'7'},'r':{'S':'x'}}}}]}}");
        assertEquals(parse("{\"UnprocessedItems\":{}}"), reply);
        assertEquals(1, db.backend().countItems("Aaa"));
        assertEquals("1", db.ok("GetItem", "{'TableName':'Aaa','Key':{'pk':{'S':'a1'}}}").at("/Item/v/N").asText());
        assertTrue(db.ok("GetItem", "{'TableName':'Bbb','Key':{'id':{'N':'7'},'r':{'S':'x'}}}").has("Item"));
    }

    @Test
    void batchGetReturnsFoundItemsByTableAndSkipsMissingOnes() {
        db.ok("BatchWriteItem", "{'RequestItems':{'Aaa':[{'PutRequest':{'Item':{'pk':{'S':'a1'},'v':{'S':'one'}}}},"
                + "{'PutRequest':{'Item':{'pk':{'S':'a2'}}}}],'Bbb':[{'PutRequest':{'Item':{'id':{'N':'1.0'},'r':{'S':'x'}}}}]}}");
        JsonNode reply = db.ok("BatchGetItem", "{'RequestItems':{'Aaa':{'Keys':[{'pk':{'S':'a1'}},{'pk':{'S':'zz'}},"
                + "{'pk':{'S':'a2'}}]},'Bbb':{'Keys':[{'id':{'N':'1'},'r':{'S':'x'}}],'ConsistentRead':true}}}");
        assertEquals(parse("{}"), reply.get("UnprocessedKeys"));
        assertEquals(2, reply.at("/Responses/Aaa").size());
        Set<String> found = new HashSet<>();
        reply.at("/Responses/Aaa").forEach(i -> found.add(i.at("/pk/S").asText()));
        assertEquals(Set.of("a1", "a2"), found);
        assertEquals(parse("[{\"id\":{\"N\":\"1\"},\"r\":{\"S\":\"x\"}}]"), reply.at("/Responses/Bbb"));
        assertFalse(reply.has("ConsumedCapacity"));
        JsonNode none = db.ok("BatchGetItem", "{'RequestItems':{'Aaa':{'Keys':[{'pk':{'S':'nobody'}}]}}}");
        assertEquals(parse("{\"Responses\":{\"Aaa\":[]},\"UnprocessedKeys\":{}}"), none);
    }

    @Test
    void batchGetStopsAt16MbAndReturnsTheRestAsUnprocessedKeysWithTheirSettings() {
        String payload = "p".repeat(400_000);
        int items = 45;
        for (int start = 0; start < items; start += 25) {
            StringJoiner puts = new StringJoiner(",");
            for (int i = start; i < Math.min(items, start + 25); i++) {
                puts.add("{'PutRequest':{'Item':{'pk':{'S':'k" + i + "'},'p':{'S':'" + payload + "'}}}}");
            }
            db.ok("BatchWriteItem", "{'RequestItems':{'Aaa':[" + puts + "]}}");
        }
        StringJoiner keys = new StringJoiner(",");
        for (int i = 0; i < items; i++) {
            keys.add("{'pk':{'S':'k" + i + "'}}");
        }
        JsonNode reply = db.ok("BatchGetItem", "{'RequestItems':{'Aaa':{'Keys':[" + keys + "],'ConsistentRead':true},"
                + "'Bbb':{'Keys':[{'id':{'N':'1'},'r':{'S':'x'}}]}},'ReturnConsumedCapacity':'TOTAL'}");
        int itemBytes = 2 + 3 + 1 + 400_000; // pk + "kNN" (2 or 3) + p + payload: about 400 KB each
        int returned = reply.at("/Responses/Aaa").size();
        assertEquals(16 * 1024 * 1024 / itemBytes, returned, "as many items as fit in 16 MB");
        JsonNode unprocessed = reply.get("UnprocessedKeys");
        assertEquals(items - returned, unprocessed.at("/Aaa/Keys").size());
        assertEquals("k" + returned, unprocessed.at("/Aaa/Keys/0/pk/S").asText());
        assertTrue(unprocessed.at("/Aaa/ConsistentRead").asBoolean(), "the table's settings come back with its keys");
        assertEquals(parse("[{\"id\":{\"N\":\"1\"},\"r\":{\"S\":\"x\"}}]"), unprocessed.at("/Bbb/Keys"));
        assertEquals(returned * 98.0, reply.at("/ConsumedCapacity/0/CapacityUnits").asDouble(),
                "98 units for each 400 KB item read");
        assertEquals(0.0, reply.at("/ConsumedCapacity/1/CapacityUnits").asDouble(), "B was not read");
    }
}
