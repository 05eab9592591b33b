package io.tidelog.dynamodb.operation.item;

import static io.tidelog.dynamodb.testing.TestClient.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tidelog.dynamodb.Reply;
import io.tidelog.dynamodb.table.Projection;
import io.tidelog.dynamodb.testing.TestClient;
import io.tidelog.dynamodb.testing.TestTable;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PutGetDeleteTest {
    @TempDir
    Path dir;
    TestClient db;

    @BeforeEach
    void open() {
        db = TestClient.open(dir);
        TestTable.named("Plain").hash("pk", "S").create(db);
        TestTable.named("Indexed").hash("pk", "S").range("sk", "N")
                .gsi("byStatus", "status", "S", null, null, Projection.ALL).create(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aPutItemIsReturnedByGetItemExactlyAsStoredWithCanonicalNumbers() {
        JsonNode put = db.ok("PutItem", "{'TableName':'Plain','Item':{'pk':{'S':'a'},'n':{'N':'01.50'},"
                + "'l':{'L':[{'S':''},{'BOOL':true}]},'ns':{'NS':['1e2','3']}}}");
        assertEquals(0, put.size(), "a put returns nothing by default");
        JsonNode got = db.ok("GetItem", "{'TableName':'Plain','Key':{'pk':{'S':'a'}}}");
        assertEquals(parse("{\"Item\":{\"pk\":{\"S\":\"a\"},\"n\":{\"N\":\"1.5\"},"
                + "\"l\":{\"L\":[{\"S\":\"\"},{\"BOOL\":true}]},\"ns\":{\"NS\":[\"100\",\"3\"]}}}"), got);
    }

    @Test
    void getItemOfAnAbsentItemReturnsAnEmptyObject() {
        assertEquals(parse("{}"), db.ok("GetItem", "{'TableName':'Plain','Key':{'pk':{'S':'none'}}}"));
    }

    @Test
    void putReturnsTheReplacedItemWithAllOldOnPlainAndIndexedTables() {
        db.ok("PutItem", "{'TableName':'Plain','Item':{'pk':{'S':'a'},'v':{'N':'1'}}}");
        JsonNode plain = db.ok("PutItem", "{'TableName':'Plain','Item':{'pk':{'S':'a'},'v':{'N':'2'}},"
                + "'ReturnValues':'ALL_OLD'}");
        assertEquals(parse("{\"pk\":{\"S\":\"a\"},\"v\":{\"N\":\"1\"}}"), plain.get("Attributes"));

        db.ok("PutItem", "{'TableName':'Indexed','Item':{'pk':{'S':'a'},'sk':{'N':'1'},'status':{'S':'x'}}}");
        JsonNode indexed = db.ok("PutItem", "{'TableName':'Indexed','Item':{'pk':{'S':'a'},'sk':{'N':'1'}},"
                + "'ReturnValues':'ALL_OLD'}");
        assertEquals(parse("{\"pk\":{\"S\":\"a\"},\"sk\":{\"N\":\"1\"},\"status\":{\"S\":\"x\"}}"),
                indexed.get("Attributes"));

        JsonNode fresh = db.ok("PutItem", "{'TableName':'Plain','Item':{'pk':{'S':'new'}},'ReturnValues':'ALL_OLD'}");
        assertFalse(fresh.has("Attributes"), "nothing was replaced");
    }

    @Test
    void deleteRemovesTheItemAndReturnsItWithAllOld() {
        db.ok("PutItem", "{'TableName':'Indexed','Item':{'pk':{'S':'a'},'sk':{'N':'1'},'status':{'S':'x'}}}");
        JsonNode deleted = db.ok("DeleteItem", "{'TableName':'Indexed','Key':{'pk':{'S':'a'},'sk':{'N':'1'}},"
                + "'ReturnValues':'ALL_OLD'}");
        assertEquals("x", deleted.at("/Attributes/status/S").asText());
        assertEquals(parse("{}"), db.ok("GetItem", "{'TableName':'Indexed','Key':{'pk':{'S':'a'},'sk':{'N':'1'}}}"));
        assertEquals(0, db.backend().countItems("Indexed"));
        JsonNode again = db.ok("DeleteItem", "{'TableName':'Indexed','Key':{'pk':{'S':'a'},'sk':{'N':'1'}},"
                + "'ReturnValues':'ALL_OLD'}");
        assertFalse(again.has("Attributes"));
    }

    @Test
    void aWriteReportsTheSequenceOfItsLogEntryAndAWriteThatChangesNothingWritesNothing() {
        Reply first = db.call("PutItem", "{'TableName':'Indexed','Item':{'pk':{'S':'a'},'sk':{'N':'1'}}}");
        assertEquals(db.backend().lastSequence(), first.sequence());
        Reply same = db.call("PutItem", "{'TableName':'Indexed','Item':{'pk':{'S':'a'},'sk':{'N':'1'}}}");
        assertEquals(first.sequence(), db.backend().lastSequence(), "an identical put on a table with indexes");
        assertEquals(first.sequence(), same.sequence());
        Reply absent = db.call("DeleteItem", "{'TableName':'Indexed','Key':{'pk':{'S':'zz'},'sk':{'N':'1'}}}");
        assertEquals(first.sequence(), db.backend().lastSequence(), "deleting nothing");
        assertEquals(first.sequence(), absent.sequence());
    }

    @Test
    void emptyStringsAndBinariesAreStoredOutsideKeys() {
        db.ok("PutItem", "{'TableName':'Plain','Item':{'pk':{'S':'e'},'s':{'S':''},'b':{'B':''},"
                + "'m':{'M':{'x':{'S':''}}}}}");
        JsonNode got = db.ok("GetItem", "{'TableName':'Plain','Key':{'pk':{'S':'e'}},'ConsistentRead':true}");
        assertEquals("", got.at("/Item/s/S").asText());
        assertEquals("", got.at("/Item/b/B").asText());
        assertEquals("", got.at("/Item/m/M/x/S").asText());
    }

    @Test
    void aMissingTableIsResourceNotFound() {
        for (String op : new String[] {"PutItem", "GetItem", "DeleteItem"}) {
            String body = op.equals("PutItem") ? "{'TableName':'Nope','Item':{'pk':{'S':'a'}}}"
                    : "{'TableName':'Nope','Key':{'pk':{'S':'a'}}}";
            db.fails(op, body, "ResourceNotFoundException", "Requested resource not found");
        }
    }

    @Test
    void itemsUpToTheSizeLimitAreStoredAndLargerOnesRefused() {
        // pk (2) + a (1) + dd (2) + the string: exactly 400 KB, then one byte more.
        String under = "x".repeat(400 * 1024 - 5);
        db.ok("PutItem", "{'TableName':'Plain','Item':{'pk':{'S':'a'},'dd':{'S':'" + under + "'}}}");
        db.invalid("PutItem", "{'TableName':'Plain','Item':{'pk':{'S':'a'},'dd':{'S':'" + under + "x'}}}",
                "Item size has exceeded the maximum allowed size");
        assertTrue(db.ok("GetItem", "{'TableName':'Plain','Key':{'pk':{'S':'a'}}}").at("/Item/dd/S").asText()
                .length() == under.length());
    }
}
