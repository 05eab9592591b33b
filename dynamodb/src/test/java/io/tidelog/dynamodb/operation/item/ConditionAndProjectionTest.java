package io.tidelog.dynamodb.operation.item;

import static io.tidelog.dynamodb.testing.TestClient.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import io.tidelog.dynamodb.testing.TestClient;
import io.tidelog.dynamodb.testing.TestTable;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Conditions on PutItem and DeleteItem, and projections on GetItem and BatchGetItem. */
class ConditionAndProjectionTest {
    private static final String FAILED = "The conditional request failed";

    @TempDir
    Path dir;
    TestClient db;

    @BeforeEach
    void open() {
        db = TestClient.open(dir);
        TestTable.named("Plain").hash("pk", "S").create(db);
        db.ok("PutItem", "{'TableName':'Plain','Item':{'pk':{'S':'a'},'st':{'S':'open'},'n':{'N':'1'},"
                + "'m':{'M':{'x':{'N':'1'},'y':{'L':[{'S':'first'},{'S':'second'}]}}}}}");
    }

    @AfterEach
    void close() {
        db.close();
    }

    private JsonNode item(String pk) {
        return db.ok("GetItem", "{'TableName':'Plain','Key':{'pk':{'S':'" + pk + "'}}}").get("Item");
    }

    @Test
    void aConditionalPutWritesOnlyWhenItsConditionHolds() {
        long sequence = db.backend().lastSequence();
        JsonNode error = db.fails("PutItem", "{'TableName':'Plain','Item':{'pk':{'S':'a'}},"
                + "'ConditionExpression':'attribute_not_exists(pk)','ReturnValuesOnConditionCheckFailure':'ALL_OLD'}",
                "ConditionalCheckFailedException", FAILED);
        assertEquals(item("a"), error.get("Item"), "the item checked against comes back");
        assertEquals(sequence, db.backend().lastSequence(), "nothing was written");
        JsonNode bare = db.fails("PutItem", "{'TableName':'Plain','Item':{'pk':{'S':'a'}},"
                + "'ConditionExpression':'attribute_not_exists(pk)'}", "ConditionalCheckFailedException", FAILED);
        assertFalse(bare.has("Item"), "not asked for");
        db.ok("PutItem", "{'TableName':'Plain','Item':{'pk':{'S':'b'}},'ConditionExpression':'attribute_not_exists(pk)'}");
        JsonNode replaced = db.ok("PutItem", "{'TableName':'Plain','Item':{'pk':{'S':'a'},'st':{'S':'done'}},"
                + "'ConditionExpression':'st = :open AND n < :two','ExpressionAttributeValues':{':open':{'S':'open'},"
                + "':two':{'N':'2'}},'ReturnValues':'ALL_OLD'}");
        assertEquals("open", replaced.at("/Attributes/st/S").asText());
        assertEquals(parse("{\"pk\":{\"S\":\"a\"},\"st\":{\"S\":\"done\"}}"), item("a"));
    }

    @Test
    void legacyExpectedConditionsPutsAndDeletes() {
        db.fails("PutItem", "{'TableName':'Plain','Item':{'pk':{'S':'a'}},'Expected':{'pk':{'Exists':false}}}",
                "ConditionalCheckFailedException", FAILED);
        db.ok("PutItem", "{'TableName':'Plain','Item':{'pk':{'S':'a'},'st':{'S':'next'}},'Expected':{"
                + "'st':{'ComparisonOperator':'EQ','AttributeValueList':[{'S':'open'}]},"
                + "'n':{'ComparisonOperator':'EQ','AttributeValueList':[{'N':'9'}]}},'ConditionalOperator':'OR'}");
        db.fails("DeleteItem", "{'TableName':'Plain','Key':{'pk':{'S':'a'}},'Expected':{'st':{'Exists':false}}}",
                "ConditionalCheckFailedException", FAILED);
        db.ok("DeleteItem", "{'TableName':'Plain','Key':{'pk':{'S':'a'}},'Expected':{'st':{'Value':{'S':'next'}}}}");
        assertEquals(null, item("a"));
        db.invalid("PutItem", "{'TableName':'Plain','Item':{'pk':{'S':'a'}},'ConditionalOperator':'XOR'}",
                "1 validation error detected: Value 'XOR' at 'conditionalOperator' failed to satisfy constraint: "
                        + "Member must satisfy enum value set: [OR, AND]");
    }

    @Test
    void aConditionalDeleteOfAnAbsentItemFailsAndMayReturnNothing() {
        JsonNode error = db.fails("DeleteItem", "{'TableName':'Plain','Key':{'pk':{'S':'none'}},"
                + "'ConditionExpression':'attribute_exists(pk)','ReturnValuesOnConditionCheckFailure':'ALL_OLD'}",
                "ConditionalCheckFailedException", FAILED);
        assertFalse(error.has("Item"));
        db.fails("DeleteItem", "{'TableName':'Plain','Key':{'pk':{'S':'a'}},'ConditionExpression':'n > :n',"
                + "'ExpressionAttributeValues':{':n':{'N':'5'}}}", "ConditionalCheckFailedException", FAILED);
        db.ok("DeleteItem", "{'TableName':'Plain','Key':{'pk':{'S':'a'}},'ConditionExpression':'n < :n',"
                + "'ExpressionAttributeValues':{':n':{'N':'5'}}}");
        assertEquals(null, item("a"));
    }

    @Test
    void conditionsAreValidatedBeforeTheTable() {
        db.invalid("PutItem", "{'TableName':'Missing','Item':{'pk':{'S':'a'}},'ConditionExpression':''}",
                "Invalid ConditionExpression: The expression can not be empty;");
        db.invalid("DeleteItem", "{'TableName':'Missing','Key':{'pk':{'S':'a'}},'ConditionExpression':'a = :v',"
                + "'ExpressionAttributeValues':{':v':{'S':'x'},':w':{'S':'y'}}}",
                "Value provided in ExpressionAttributeValues unused in expressions: keys: {:w}");
    }

    @Test
    void projectionsReturnOnlyWhatTheyName() {
        assertEquals(parse("{\"st\":{\"S\":\"open\"},\"m\":{\"M\":{\"y\":{\"L\":[{\"S\":\"second\"}]}}}}"),
                db.ok("GetItem", "{'TableName':'Plain','Key':{'pk':{'S':'a'}},'ProjectionExpression':'st, #m.y[1]',"
                        + "'ExpressionAttributeNames':{'#m':'m'}}").get("Item"));
        assertEquals(parse("{\"n\":{\"N\":\"1\"}}"), db.ok("GetItem", "{'TableName':'Plain','Key':{'pk':{'S':'a'}},"
                + "'AttributesToGet':['n','nothing']}").get("Item"), "keys come back only when named");
        assertEquals(parse("{}"), db.ok("GetItem", "{'TableName':'Plain','Key':{'pk':{'S':'a'}},"
                + "'ProjectionExpression':'nothing'}").get("Item"), "an item without them comes back empty");
        assertFalse(db.ok("GetItem", "{'TableName':'Plain','Key':{'pk':{'S':'none'}},'ProjectionExpression':'st'}")
                .has("Item"));
        db.invalid("GetItem", "{'TableName':'Plain','Key':{'pk':{'S':'a'}},'ProjectionExpression':'!!! INVALID !!!'}",
                "Invalid ProjectionExpression: Syntax error; token: \"!\", near: \"!!\"");
        db.invalid("GetItem", "{'TableName':'Plain','Key':{'pk':{'S':'a'}},'ProjectionExpression':'#x',"
                + "'ExpressionAttributeNames':{'#y':'y'}}", "Invalid ProjectionExpression: An expression attribute "
                + "name used in the document path is not defined; attribute name: #x");

        JsonNode batch = db.ok("BatchGetItem", "{'RequestItems':{'Plain':{'Keys':[{'pk':{'S':'a'}}],"
                + "'ProjectionExpression':'pk, m.x'}}}");
        assertEquals(parse("[{\"pk\":{\"S\":\"a\"},\"m\":{\"M\":{\"x\":{\"N\":\"1\"}}}}]"), batch.at("/Responses/Plain"));
        JsonNode legacy = db.ok("BatchGetItem", "{'RequestItems':{'Plain':{'Keys':[{'pk':{'S':'a'}}],"
                + "'AttributesToGet':['st']}}}");
        assertEquals(parse("[{\"st\":{\"S\":\"open\"}}]"), legacy.at("/Responses/Plain"));
    }

    @Test
    void aProjectedReadIsChargedForTheWholeItem() {
        db.ok("PutItem", "{'TableName':'Plain','Item':{'pk':{'S':'big'},'v':{'S':'" + "x".repeat(9000) + "'}}}");
        assertEquals(3.0, db.ok("GetItem", "{'TableName':'Plain','Key':{'pk':{'S':'big'}},'ConsistentRead':true,"
                + "'ProjectionExpression':'pk','ReturnConsumedCapacity':'TOTAL'}").at("/ConsumedCapacity/CapacityUnits")
                .asDouble());
    }
}
