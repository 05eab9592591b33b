package io.tidelog.dynamodb.operation.item;

import static io.tidelog.dynamodb.testing.TestClient.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import io.tidelog.dynamodb.table.Projection;
import io.tidelog.dynamodb.testing.TestClient;
import io.tidelog.dynamodb.testing.TestTable;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Consumed capacity as DynamoDB reports it: 1 write unit per KB of the larger of the item before
 * and after, half or one read unit per 4 KB, and each index charged for the change to its entry
 * (sized on the projected entry; a moved entry costs both halves; an unchanged one nothing).
 */
class ConsumedCapacityTest {
    @TempDir
    Path dir;
    TestClient db;

    @BeforeEach
    void open() {
        db = TestClient.open(dir);
        // GSI projecting INCLUDE [proj], LSI projecting ALL.
        TestTable.named("Report").hash("pk", "S").range("sk", "S")
                .gsi("gsi-inc", "gsiPk", "S", null, null, Projection.INCLUDE, "proj")
                .lsi("lsi1", "lsiSk", "S", Projection.ALL).create(db);
        // Both indexes project INCLUDE [proj]: proj sizes the entries, other the base item alone.
        TestTable.named("Sizing").hash("pk", "S").range("sk", "S")
                .gsi("gsi-inc", "gsiPk", "S", null, null, Projection.INCLUDE, "proj")
                .lsi("lsi-inc", "lsiSk", "S", Projection.INCLUDE, "proj").create(db);
        TestTable.named("Plain").hash("pk", "S").create(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private static String pad(int n) {
        return "x".repeat(n);
    }

    private JsonNode put(String table, String item) {
        return db.ok("PutItem", "{'TableName':'" + table + "','Item':" + item + ",'ReturnConsumedCapacity':'INDEXES'}")
                .get("ConsumedCapacity");
    }

    private void seed(String table, String item) {
        db.ok("PutItem", "{'TableName':'" + table + "','Item':" + item + "}");
    }

    private JsonNode delete(String table, String key) {
        return db.ok("DeleteItem", "{'TableName':'" + table + "','Key':" + key + ",'ReturnConsumedCapacity':'INDEXES'}")
                .get("ConsumedCapacity");
    }

    /** Asserts the whole shape: total, table share, and the index shares (null: not reported). */
    static void assertCapacity(JsonNode cc, String table, double total, double tableUnits, Double gsi, String gsiName,
            Double lsi, String lsiName) {
        assertEquals(table, cc.get("TableName").asText());
        assertEquals(total, cc.get("CapacityUnits").asDouble(), "total");
        assertEquals(tableUnits, cc.at("/Table/CapacityUnits").asDouble(), "table");
        if (gsi == null) {
            assertFalse(cc.has("GlobalSecondaryIndexes"), () -> "no GSI share: " + cc);
        } else {
            assertEquals(gsi, cc.at("/GlobalSecondaryIndexes/" + gsiName + "/CapacityUnits").asDouble(), "gsi");
        }
        if (lsi == null) {
            assertFalse(cc.has("LocalSecondaryIndexes"), () -> "no LSI share: " + cc);
        } else {
            assertEquals(lsi, cc.at("/LocalSecondaryIndexes/" + lsiName + "/CapacityUnits").asDouble(), "lsi");
        }
    }

    @Test
    void putsChargeEachIndexTheItemEnters() {
        assertCapacity(put("Report", "{'pk':{'S':'a'},'sk':{'S':'1'},'gsiPk':{'S':'g'}}"), "Report",
                2, 1, 1.0, "gsi-inc", null, "lsi1");
        assertCapacity(put("Report", "{'pk':{'S':'b'},'sk':{'S':'1'},'other':{'S':'o'}}"), "Report",
                1, 1, null, "gsi-inc", null, "lsi1");
        assertCapacity(put("Report", "{'pk':{'S':'c'},'sk':{'S':'1'},'lsiSk':{'S':'L1'}}"), "Report",
                2, 1, null, "gsi-inc", 1.0, "lsi1");
        assertCapacity(put("Report", "{'pk':{'S':'d'},'sk':{'S':'1'},'gsiPk':{'S':'g'},'lsiSk':{'S':'L1'}}"),
                "Report", 3, 1, 1.0, "gsi-inc", 1.0, "lsi1");
    }

    @Test
    void anIdenticalOverwriteChargesNoIndexEvenWithASetReordered() {
        String item = "{'pk':{'S':'a'},'sk':{'S':'1'},'gsiPk':{'S':'g'},'proj':{'SS':['p','q']}}";
        seed("Report", item);
        assertCapacity(put("Report", item), "Report", 1, 1, null, "gsi-inc", null, "lsi1");
        assertCapacity(put("Report", item.replace("['p','q']", "['q','p']")), "Report", 1, 1, null, "gsi-inc", null,
                "lsi1");
        assertCapacity(put("Report", item.replace("['p','q']", "['p','r']")), "Report", 2, 1, 1.0, "gsi-inc", null,
                "lsi1");
    }

    @Test
    void anIndexIsSizedOnItsProjectedEntry() {
        // A 3023-byte item whose GSI entry is 18 bytes.
        assertCapacity(put("Sizing", "{'pk':{'S':'s1'},'sk':{'S':'1'},'gsiPk':{'S':'g'},'proj':{'S':'p'},"
                + "'other':{'S':'" + pad(3000) + "'}}"), "Sizing", 4, 3, 1.0, "gsi-inc", null, "lsi-inc");
    }

    @Test
    void aPutIsSizedOnTheLargerOfTheOldAndNewItem() {
        seed("Sizing", "{'pk':{'S':'t1'},'sk':{'S':'1'},'proj':{'S':'" + pad(3000) + "'}}");
        assertEquals(3, put("Sizing", "{'pk':{'S':'t1'},'sk':{'S':'1'},'proj':{'S':'p'}}").at("/Table/CapacityUnits")
                .asDouble(), "the old image holds");
        seed("Sizing", "{'pk':{'S':'t2'},'sk':{'S':'1'},'proj':{'S':'p'}}");
        assertEquals(3, put("Sizing", "{'pk':{'S':'t2'},'sk':{'S':'1'},'proj':{'S':'" + pad(3000) + "'}}")
                .at("/Table/CapacityUnits").asDouble(), "the new image counts");
        assertEquals(2, put("Sizing", "{'pk':{'S':'fresh'},'sk':{'S':'1'},'proj':{'S':'" + pad(2000) + "'}}")
                .at("/Table/CapacityUnits").asDouble());
    }

    @Test
    void aPutWithoutAReadOnAPlainTableStillSizesTheReplacedItem() {
        seed("Plain", "{'pk':{'S':'a'},'big':{'S':'" + pad(5000) + "'}}");
        assertEquals(5, put("Plain", "{'pk':{'S':'a'}}").at("/Table/CapacityUnits").asDouble());
        assertEquals(1, put("Plain", "{'pk':{'S':'a'}}").at("/Table/CapacityUnits").asDouble());
        seed("Plain", "{'pk':{'S':'b'},'big':{'S':'" + pad(5000) + "'}}");
        JsonNode batch = db.ok("BatchWriteItem", "{'RequestItems':{'Plain':[{'PutRequest':{'Item':{'pk':{'S':'b'}}}},"
                + "{'PutRequest':{'Item':{'pk':{'S':'c'}}}}]},'ReturnConsumedCapacity':'TOTAL'}");
        assertEquals(5 + 1, batch.at("/ConsumedCapacity/0/CapacityUnits").asDouble(), "a batch's unread puts too");
    }

    @Test
    void aDeleteChargesTheEntriesTheItemHeld() {
        seed("Sizing", "{'pk':{'S':'s6'},'sk':{'S':'1'},'gsiPk':{'S':'g'},'proj':{'S':'" + pad(3000) + "'}}");
        assertCapacity(delete("Sizing", "{'pk':{'S':'s6'},'sk':{'S':'1'}}"), "Sizing", 6, 3, 3.0, "gsi-inc", null,
                "lsi-inc");
        seed("Report", "{'pk':{'S':'n'},'sk':{'S':'1'},'other':{'S':'o'}}");
        assertCapacity(delete("Report", "{'pk':{'S':'n'},'sk':{'S':'1'}}"), "Report", 1, 1, null, "gsi-inc", null,
                "lsi1");
        assertCapacity(delete("Report", "{'pk':{'S':'absent'},'sk':{'S':'1'}}"), "Report", 1, 1, null, "gsi-inc",
                null, "lsi1");
    }

    private JsonNode update(String table, String key, String rest) {
        return db.ok("UpdateItem", "{'TableName':'" + table + "','Key':" + key + "," + rest
                + ",'ReturnConsumedCapacity':'INDEXES'}").get("ConsumedCapacity");
    }

    @Test
    void updatesChargeEachIndexForTheChangeToItsEntry() {
        String key = "{'pk':{'S':'u'},'sk':{'S':'1'}}";
        seed("Report", "{'pk':{'S':'u'},'sk':{'S':'1'},'gsiPk':{'S':'g'},'lsiSk':{'S':'L'},'proj':{'S':'p'},"
                + "'filler':{'S':'o'}}");
        // The GSI projects proj only; the LSI projects everything.
        assertCapacity(update("Report", key, "'UpdateExpression':'SET filler = :v','ExpressionAttributeValues':"
                + "{':v':{'S':'o2'}}"), "Report", 2, 1, null, "gsi-inc", 1.0, "lsi1");
        assertCapacity(update("Report", key, "'UpdateExpression':'SET proj = :v','ExpressionAttributeValues':"
                + "{':v':{'S':'p2'}}"), "Report", 3, 1, 1.0, "gsi-inc", 1.0, "lsi1");
        assertCapacity(update("Report", key, "'UpdateExpression':'SET gsiPk = :v','ExpressionAttributeValues':"
                + "{':v':{'S':'h'}}"), "Report", 4, 1, 2.0, "gsi-inc", 1.0, "lsi1");
        assertCapacity(update("Report", key, "'UpdateExpression':'REMOVE gsiPk'"), "Report", 3, 1, 1.0, "gsi-inc",
                1.0, "lsi1");
        assertCapacity(update("Report", key, "'UpdateExpression':'SET lsiSk = :v','ExpressionAttributeValues':"
                + "{':v':{'S':'M'}}"), "Report", 3, 1, null, "gsi-inc", 2.0, "lsi1");
    }

    @Test
    void updatesSizeIndexEntriesOnTheLargerImageAndMovesOnBothHalves() {
        seed("Sizing", "{'pk':{'S':'s2'},'sk':{'S':'1'},'gsiPk':{'S':'g'},'proj':{'S':'" + pad(3000) + "'}}");
        assertEquals(3, update("Sizing", "{'pk':{'S':'s2'},'sk':{'S':'1'}}", "'UpdateExpression':'SET proj = :v',"
                + "'ExpressionAttributeValues':{':v':{'S':'p'}}").at("/GlobalSecondaryIndexes/gsi-inc/CapacityUnits")
                .asDouble(), "a shrinking entry holds its old size");
        seed("Sizing", "{'pk':{'S':'r2'},'sk':{'S':'1'},'gsiPk':{'S':'g'},'proj':{'S':'" + pad(1500) + "'}}");
        assertEquals(2, update("Sizing", "{'pk':{'S':'r2'},'sk':{'S':'1'}}", "'UpdateExpression':'SET proj = :v',"
                + "'ExpressionAttributeValues':{':v':{'S':'" + "y".repeat(1500) + "'}}")
                .at("/GlobalSecondaryIndexes/gsi-inc/CapacityUnits").asDouble(), "rounded once, on the larger image");
        seed("Sizing", "{'pk':{'S':'s5'},'sk':{'S':'1'},'gsiPk':{'S':'A'},'proj':{'S':'" + pad(3000) + "'}}");
        assertEquals(4, update("Sizing", "{'pk':{'S':'s5'},'sk':{'S':'1'}}", "'UpdateExpression':'SET gsiPk = :g, "
                + "proj = :p','ExpressionAttributeValues':{':g':{'S':'B'},':p':{'S':'p'}}")
                .at("/GlobalSecondaryIndexes/gsi-inc/CapacityUnits").asDouble(), "3 for the old half, 1 for the new");
        seed("Sizing", "{'pk':{'S':'r3'},'sk':{'S':'1'},'gsiPk':{'S':'g'},'proj':{'S':'" + pad(2000) + "'}}");
        assertEquals(2, update("Sizing", "{'pk':{'S':'r3'},'sk':{'S':'1'}}", "'UpdateExpression':'SET proj = :v',"
                + "'ExpressionAttributeValues':{':v':{'S':'" + pad(100) + "'}}").at("/Table/CapacityUnits").asDouble());
        JsonNode upsert = update("Sizing", "{'pk':{'S':'fresh'},'sk':{'S':'1'}}", "'UpdateExpression':"
                + "'SET gsiPk = :g, lsiSk = :l','ExpressionAttributeValues':{':g':{'S':'g'},':l':{'S':'L'}}");
        assertCapacity(upsert, "Sizing", 3, 1, 1.0, "gsi-inc", 1.0, "lsi-inc");
    }

    @Test
    void totalReportsTheSumAlone() {
        JsonNode cc = db.ok("PutItem", "{'TableName':'Report','Item':{'pk':{'S':'a'},'sk':{'S':'1'},"
                + "'gsiPk':{'S':'g'},'lsiSk':{'S':'L'}},'ReturnConsumedCapacity':'TOTAL'}").get("ConsumedCapacity");
        assertEquals(parse("{\"TableName\":\"Report\",\"CapacityUnits\":3.0}"), cc);
        assertFalse(db.ok("PutItem", "{'TableName':'Report','Item':{'pk':{'S':'a'},'sk':{'S':'1'}},"
                + "'ReturnConsumedCapacity':'NONE'}").has("ConsumedCapacity"));
    }

    @Test
    void readsCostHalfOrOneUnitPer4Kb() {
        seed("Plain", "{'pk':{'S':'small'}}");
        seed("Plain", "{'pk':{'S':'big'},'v':{'S':'" + pad(9000) + "'}}");
        assertEquals(0.5, getUnits("small", false));
        assertEquals(1.0, getUnits("small", true));
        assertEquals(1.5, getUnits("big", false));
        assertEquals(3.0, getUnits("big", true));
        assertEquals(0.5, getUnits("absent", false), "a miss still costs the minimum");
        JsonNode indexes = db.ok("GetItem", "{'TableName':'Plain','Key':{'pk':{'S':'big'}},"
                + "'ReturnConsumedCapacity':'INDEXES'}").get("ConsumedCapacity");
        assertEquals(parse("{\"TableName\":\"Plain\",\"CapacityUnits\":1.5,\"Table\":{\"CapacityUnits\":1.5}}"), indexes);
    }

    private double getUnits(String pk, boolean consistent) {
        return db.ok("GetItem", "{'TableName':'Plain','Key':{'pk':{'S':'" + pk + "'}},'ConsistentRead':" + consistent
                + ",'ReturnConsumedCapacity':'TOTAL'}").at("/ConsumedCapacity/CapacityUnits").asDouble();
    }

    @Test
    void batchesSumTheirRequestsPerTable() {
        seed("Sizing", "{'pk':{'S':'b1'},'sk':{'S':'1'},'proj':{'S':'" + pad(3000) + "'}}");
        seed("Report", "{'pk':{'S':'same'},'sk':{'S':'1'},'gsiPk':{'S':'g'}}");
        seed("Report", "{'pk':{'S':'gone'},'sk':{'S':'1'},'gsiPk':{'S':'g'}}");
        JsonNode caps = db.ok("BatchWriteItem", "{'RequestItems':{"
                + "'Sizing':[{'PutRequest':{'Item':{'pk':{'S':'b1'},'sk':{'S':'1'},'proj':{'S':'p'}}}}],"
                + "'Report':[{'PutRequest':{'Item':{'pk':{'S':'n1'},'sk':{'S':'1'},'gsiPk':{'S':'g'}}}},"
                + "{'PutRequest':{'Item':{'pk':{'S':'n2'},'sk':{'S':'1'},'gsiPk':{'S':'g'},'lsiSk':{'S':'L'}}}},"
                + "{'PutRequest':{'Item':{'pk':{'S':'same'},'sk':{'S':'1'},'gsiPk':{'S':'g'}}}},"
                + "{'DeleteRequest':{'Key':{'pk':{'S':'gone'},'sk':{'S':'1'}}}}]},"
                + "'ReturnConsumedCapacity':'INDEXES'}").get("ConsumedCapacity");
        assertEquals(2, caps.size());
        assertCapacity(caps.get(0), "Sizing", 3, 3, null, "gsi-inc", null, "lsi-inc");
        // Four table writes; n1 and n2 enter the GSI, gone leaves it; n2 enters the LSI; same changes nothing.
        assertCapacity(caps.get(1), "Report", 8, 4, 3.0, "gsi-inc", 1.0, "lsi1");

        JsonNode reads = db.ok("BatchGetItem", "{'RequestItems':{'Report':{'Keys':[{'pk':{'S':'n1'},'sk':{'S':'1'}},"
                + "{'pk':{'S':'nobody'},'sk':{'S':'1'}}],'ConsistentRead':true},"
                + "'Sizing':{'Keys':[{'pk':{'S':'b1'},'sk':{'S':'1'}}]}},'ReturnConsumedCapacity':'TOTAL'}")
                .get("ConsumedCapacity");
        assertEquals(parse("[{\"TableName\":\"Report\",\"CapacityUnits\":2.0},"
                + "{\"TableName\":\"Sizing\",\"CapacityUnits\":0.5}]"), reads);
    }
}
