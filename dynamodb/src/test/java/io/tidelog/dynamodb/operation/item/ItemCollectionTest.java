package io.tidelog.dynamodb.operation.item;

import static io.tidelog.dynamodb.testing.TestClient.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import io.tidelog.backend.Keys;
import io.tidelog.backend.TidelogOptions;
import io.tidelog.dynamodb.ServiceOptions;
import io.tidelog.dynamodb.table.Projection;
import io.tidelog.dynamodb.testing.TestClient;
import io.tidelog.dynamodb.testing.TestTable;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Item collections of tables with LSIs: their metrics, and their size limit. */
class ItemCollectionTest {
    private static final double GB = 1024.0 * 1024 * 1024;

    @TempDir
    Path dir;
    TestClient db;

    @AfterEach
    void close() {
        db.close();
    }

    private void open(long limit) {
        db = TestClient.open(dir, TidelogOptions.defaults(),
                ServiceOptions.defaults().withItemCollectionSizeLimit(limit));
        TestTable.named("Lsi").hash("pk", "S").range("sk", "S").lsi("byL", "l", "S", Projection.ALL)
                .create(db);
        TestTable.named("Plain").hash("pk", "S").create(db);
    }

    /** The collection's size as the store measures it: items plus LSI entries. */
    private double collectionGb(String pk) {
        return (db.backend().getPartitionSize("Lsi", Keys.stringKey(pk))
                + db.backend().getLsiPartitionSize("Lsi", "byL", Keys.stringKey(pk))) / GB;
    }

    private static void assertMetrics(JsonNode metrics, String pk, double gb) {
        assertEquals(parse("{\"pk\":{\"S\":\"" + pk + "\"}}"), metrics.get("ItemCollectionKey"));
        assertEquals(2, metrics.get("SizeEstimateRangeGB").size());
        assertEquals(gb, metrics.get("SizeEstimateRangeGB").get(0).asDouble(), 1e-15);
        assertEquals(gb, metrics.get("SizeEstimateRangeGB").get(1).asDouble(), 1e-15);
    }

    @Test
    void writesToTablesWithLsisReportTheirCollectionsSize() {
        open(ServiceOptions.ITEM_COLLECTION_SIZE_LIMIT);
        JsonNode put = db.ok("PutItem", "{'TableName':'Lsi','Item':{'pk':{'S':'a'},'sk':{'S':'1'},'l':{'S':'x'},"
                + "'data':{'S':'hello'}},'ReturnItemCollectionMetrics':'SIZE'}");
        double afterPut = collectionGb("a");
        assertEquals(true, afterPut > 0);
        assertMetrics(put.get("ItemCollectionMetrics"), "a", afterPut);

        JsonNode batch = db.ok("BatchWriteItem", "{'RequestItems':{'Lsi':[{'PutRequest':{'Item':{'pk':{'S':'a'},"
                + "'sk':{'S':'2'}}}},{'PutRequest':{'Item':{'pk':{'S':'a'},'sk':{'S':'3'}}}},"
                + "{'PutRequest':{'Item':{'pk':{'S':'b'},'sk':{'S':'1'}}}}],"
                + "'Plain':[{'PutRequest':{'Item':{'pk':{'S':'p'}}}}]},'ReturnItemCollectionMetrics':'SIZE'}");
        JsonNode byTable = batch.get("ItemCollectionMetrics");
        assertEquals(1, byTable.size(), "a table without LSIs has no collections");
        assertEquals(2, byTable.get("Lsi").size(), "one entry per collection written");
        assertMetrics(byTable.get("Lsi").get(0), "a", collectionGb("a"));
        assertMetrics(byTable.get("Lsi").get(1), "b", collectionGb("b"));

        JsonNode delete = db.ok("DeleteItem", "{'TableName':'Lsi','Key':{'pk':{'S':'a'},'sk':{'S':'1'}},"
                + "'ReturnItemCollectionMetrics':'SIZE'}");
        assertMetrics(delete.get("ItemCollectionMetrics"), "a", collectionGb("a"));

        assertFalse(db.ok("PutItem", "{'TableName':'Lsi','Item':{'pk':{'S':'a'},'sk':{'S':'1'}},"
                + "'ReturnItemCollectionMetrics':'NONE'}").has("ItemCollectionMetrics"));
        assertFalse(db.ok("PutItem", "{'TableName':'Plain','Item':{'pk':{'S':'a'}},'ReturnItemCollectionMetrics':'SIZE'}")
                .has("ItemCollectionMetrics"));
        assertFalse(db.ok("BatchWriteItem", "{'RequestItems':{'Plain':[{'PutRequest':{'Item':{'pk':{'S':'q'}}}}]},"
                + "'ReturnItemCollectionMetrics':'SIZE'}").has("ItemCollectionMetrics"));
    }

    @Test
    void aWriteThatWouldGrowACollectionPastTheLimitIsRefused() {
        open(300);
        String filler = "y".repeat(100);
        db.ok("PutItem", "{'TableName':'Lsi','Item':{'pk':{'S':'a'},'sk':{'S':'1'},'l':{'S':'" + filler + "'}}}");
        long size = db.backend().getPartitionSize("Lsi", Keys.stringKey("a"))
                + db.backend().getLsiPartitionSize("Lsi", "byL", Keys.stringKey("a"));
        assertEquals(true, size > 150 && size < 300, "one item and its LSI entry: " + size);
        db.fails("PutItem", "{'TableName':'Lsi','Item':{'pk':{'S':'a'},'sk':{'S':'2'},'l':{'S':'" + filler + "'}}}",
                "ItemCollectionSizeLimitExceededException", "Collection size exceeded.");
        db.fails("BatchWriteItem", "{'RequestItems':{'Lsi':[{'PutRequest':{'Item':{'pk':{'S':'a'},'sk':{'S':'2'},"
                + "'l':{'S':'" + filler + "'}}}}]}}", "ItemCollectionSizeLimitExceededException",
                "Collection size exceeded.");
        assertEquals(1, db.backend().countItems("Lsi"), "nothing was written");

        // Another collection, a write that shrinks one, and tables without LSIs are not held back.
        db.ok("PutItem", "{'TableName':'Lsi','Item':{'pk':{'S':'b'},'sk':{'S':'2'},'l':{'S':'" + filler + "'}}}");
        db.ok("PutItem", "{'TableName':'Lsi','Item':{'pk':{'S':'a'},'sk':{'S':'1'},'l':{'S':'short'}}}");
        db.ok("PutItem", "{'TableName':'Lsi','Item':{'pk':{'S':'a'},'sk':{'S':'2'}}}");
        db.ok("PutItem", "{'TableName':'Plain','Item':{'pk':{'S':'a'},'big':{'S':'" + "z".repeat(1000) + "'}}}");
    }
}
