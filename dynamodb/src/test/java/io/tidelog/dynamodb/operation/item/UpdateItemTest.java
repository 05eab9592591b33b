package io.tidelog.dynamodb.operation.item;

import static io.tidelog.dynamodb.testing.TestClient.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.tidelog.backend.ItemRow;
import io.tidelog.backend.Keys;
import io.tidelog.backend.QueryParams;
import io.tidelog.backend.StreamRecord;
import io.tidelog.dynamodb.table.Projection;
import io.tidelog.dynamodb.testing.TestClient;
import io.tidelog.dynamodb.testing.TestTable;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** UpdateItem: upserts, conditions, ReturnValues, indexes, streams, and its own messages. */
class UpdateItemTest {
    @TempDir
    Path dir;
    TestClient db;

    @BeforeEach
    void open() {
        db = TestClient.open(dir);
        TestTable.named("Tbl").hash("pk", "S").stream("NEW_AND_OLD_IMAGES").create(db);
        TestTable.named("Cmp").hash("pk", "S").range("sk", "S")
                .gsi("byG", "g", "S", null, null, Projection.ALL)
                .lsi("byL", "l", "S", Projection.KEYS_ONLY).create(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private JsonNode get(String table, String key) {
        return db.ok("GetItem", "{'TableName':'" + table + "','Key':" + key + ",'ConsistentRead':true}").get("Item");
    }

    private JsonNode update(String rest) {
        return db.ok("UpdateItem", "{'TableName':'Tbl','Key':{'pk':{'S':'a'}}," + rest + "}");
    }

    @Test
    void anUpdateOfAnAbsentItemCreatesItWithItsKey() {
        update("'UpdateExpression':'SET v = :v','ExpressionAttributeValues':{':v':{'S':'created'}}");
        assertEquals(parse("{\"pk\":{\"S\":\"a\"},\"v\":{\"S\":\"created\"}}"), get("Tbl", "{'pk':{'S':'a'}}"));
        db.ok("UpdateItem", "{'TableName':'Tbl','Key':{'pk':{'S':'bare'}}}");
        assertEquals(parse("{\"pk\":{\"S\":\"bare\"}}"), get("Tbl", "{'pk':{'S':'bare'}}"),
                "an update without actions creates the item with its key alone");
    }

    @Test
    void returnValuesGiveTheOldTheNewOrTheUpdatedAttributes() {
        assertFalse(update("'UpdateExpression':'SET x = :one, y = :one','ExpressionAttributeValues':{':one':{'N':'1'}},"
                + "'ReturnValues':'ALL_OLD'").has("Attributes"), "nothing was there");
        assertFalse(update("'UpdateExpression':'SET x = :two','ExpressionAttributeValues':{':two':{'N':'2'}}")
                .has("Attributes"));
        assertEquals(parse("{\"pk\":{\"S\":\"a\"},\"x\":{\"N\":\"2\"},\"y\":{\"N\":\"1\"}}"),
                update("'UpdateExpression':'SET x = :two','ExpressionAttributeValues':{':two':{'N':'2'}},"
                        + "'ReturnValues':'ALL_OLD'").get("Attributes"));
        assertEquals(parse("{\"pk\":{\"S\":\"a\"},\"x\":{\"N\":\"3\"},\"y\":{\"N\":\"1\"}}"),
                update("'UpdateExpression':'SET x = x + :one','ExpressionAttributeValues':{':one':{'N':'1'}},"
                        + "'ReturnValues':'ALL_NEW'").get("Attributes"));
        assertEquals(parse("{\"x\":{\"N\":\"3\"}}"), update("'UpdateExpression':'SET x = :v',"
                + "'ExpressionAttributeValues':{':v':{'N':'4'}},'ReturnValues':'UPDATED_OLD'").get("Attributes"));
        assertEquals(parse("{\"x\":{\"N\":\"5\"}}"), update("'UpdateExpression':'SET x = :v REMOVE y',"
                + "'ExpressionAttributeValues':{':v':{'N':'5'}},'ReturnValues':'UPDATED_NEW'").get("Attributes"));
        assertFalse(update("'UpdateExpression':'REMOVE x','ReturnValues':'UPDATED_NEW'").has("Attributes"),
                "nothing updated remains");
    }

    @Test
    void aFailedConditionWritesNothingAndMayReturnTheItem() {
        update("'UpdateExpression':'SET st = :s','ExpressionAttributeValues':{':s':{'S':'locked'}}");
        long sequence = db.backend().lastSequence();
        JsonNode error = db.fails("UpdateItem", "{'TableName':'Tbl','Key':{'pk':{'S':'a'}},'UpdateExpression':'SET st = :n',"
                + "'ConditionExpression':'st = :o','ExpressionAttributeValues':{':n':{'S':'x'},':o':{'S':'open'}},"
                + "'ReturnValuesOnConditionCheckFailure':'ALL_OLD'}", "ConditionalCheckFailedException",
                "The conditional request failed");
        assertEquals(parse("{\"pk\":{\"S\":\"a\"},\"st\":{\"S\":\"locked\"}}"), error.get("Item"));
        assertEquals(sequence, db.backend().lastSequence());
        JsonNode absent = db.fails("UpdateItem", "{'TableName':'Tbl','Key':{'pk':{'S':'ghost'}},'UpdateExpression':"
                + "'SET st = :n','ConditionExpression':'attribute_exists(pk)','ExpressionAttributeValues':"
                + "{':n':{'S':'x'}},'ReturnValuesOnConditionCheckFailure':'ALL_OLD'}", "ConditionalCheckFailedException",
                "The conditional request failed");
        assertFalse(absent.has("Item"), "no item, nothing returned");
        assertNull(get("Tbl", "{'pk':{'S':'ghost'}}"), "no ghost item");
        update("'UpdateExpression':'SET st = :n','ConditionExpression':'st = :o',"
                + "'ExpressionAttributeValues':{':n':{'S':'open'},':o':{'S':'locked'}}");
        assertEquals("open", get("Tbl", "{'pk':{'S':'a'}}").at("/st/S").asText());
    }

    @Test
    void keyAttributesCannotBeUpdated() {
        db.invalid("UpdateItem", "{'TableName':'Tbl','Key':{'pk':{'S':'a'}},'UpdateExpression':'SET pk = :v',"
                + "'ExpressionAttributeValues':{':v':{'S':'b'}}}",
                "One or more parameter values were invalid: Cannot update attribute pk. This attribute is part of the key");
        db.invalid("UpdateItem", "{'TableName':'Cmp','Key':{'pk':{'S':'a'},'sk':{'S':'1'}},'UpdateExpression':"
                + "'REMOVE sk'}", "One or more parameter values were invalid: Cannot update attribute sk. This "
                + "attribute is part of the key");
        db.invalid("UpdateItem", "{'TableName':'Cmp','Key':{'pk':{'S':'a'},'sk':{'S':'1'}},'UpdateExpression':"
                + "'SET a = g.x'}", "Key attributes must be scalars; list random access '[]' and map lookup '.' are "
                + "not allowed: IndexKey: g");
        db.invalid("UpdateItem", "{'TableName':'Tbl','Key':{'pk':{'S':'a'}},'AttributeUpdates':{'pk':{'Action':'PUT',"
                + "'Value':{'S':'b'}}}}",
                "One or more parameter values were invalid: Cannot update attribute pk. This attribute is part of the key");
    }

    @Test
    void validationComesInDynamoDbsOrder() {
        db.invalid("UpdateItem", "{'TableName':'','Key':{}}", "1 validation error detected: Value '' at 'tableName' "
                + "failed to satisfy constraint: Member must have length greater than or equal to 1");
        db.invalid("UpdateItem", "{'TableName':'_valid','Key':{'pk':{'S':'test'}},'ReturnValues':'INVALID',"
                + "'ReturnConsumedCapacity':'INVALID'}", "2 validation errors detected: "
                + "Value 'INVALID' at 'returnConsumedCapacity' failed to satisfy constraint: "
                + "Member must satisfy enum value set: [INDEXES, TOTAL, NONE]; "
                + "Value 'INVALID' at 'returnValues' failed to satisfy constraint: "
                + "Member must satisfy enum value set: [ALL_NEW, UPDATED_OLD, ALL_OLD, NONE, UPDATED_NEW]");
        db.invalid("UpdateItem", "{'TableName':'Tbl','Key':{'pk':{'S':'a'}},'UpdateExpression':'SET a = :v',"
                + "'ExpressionAttributeValues':{':v':{'S':'val'}},'AttributeUpdates':{'a':{'Value':{'S':'v'},"
                + "'Action':'PUT'}}}", "Can not use both expression and non-expression parameters in the same "
                + "request: Non-expression parameters: {AttributeUpdates} Expression parameters: {UpdateExpression}");
        db.invalid("UpdateItem", "{'TableName':'Missing','Key':{'pk':{'S':'a'}},'UpdateExpression':''}",
                "Invalid UpdateExpression: The expression can not be empty;");
        db.invalid("UpdateItem", "{'TableName':'Missing','Key':{'pk':{'S':'a'}},'UpdateExpression':'INVALID SYNTAX HERE',"
                + "'ExpressionAttributeValues':{':v':{'S':'val'}}}",
                "Invalid UpdateExpression: Syntax error; token: \"INVALID\", near: \"INVALID SYNTAX\"");
        db.invalid("UpdateItem", "{'TableName':'Missing','Key':{'pk':{'S':'a'}},'UpdateExpression':'SET a = :v'}",
                "Invalid UpdateExpression: An expression attribute value used in expression is not defined; "
                        + "attribute value: :v");
        db.invalid("UpdateItem", "{'TableName':'Missing','Key':{'pk':{'S':'a'}},'UpdateExpression':'SET a = :v',"
                + "'ExpressionAttributeValues':{':v':{'S':'val'},':unused':{'S':'x'}}}",
                "Value provided in ExpressionAttributeValues unused in expressions: keys: {:unused}");
        db.fails("UpdateItem", "{'TableName':'Missing','Key':{'pk':{'S':'a'}},'UpdateExpression':'SET a = :v',"
                + "'ExpressionAttributeValues':{':v':{'S':'val'}}}", "ResourceNotFoundException",
                "Requested resource not found");
        db.invalid("UpdateItem", "{'TableName':'Cmp','Key':{'pk':{'S':'a'}},'UpdateExpression':'SET a = :v',"
                + "'ExpressionAttributeValues':{':v':{'S':'val'}}}", "The provided key element does not match the schema");
    }

    @Test
    void updatesKeepIndexEntriesAndRefuseEmptyOrMistypedIndexKeys() {
        String key = "{'pk':{'S':'a'},'sk':{'S':'1'}}";
        db.ok("UpdateItem", "{'TableName':'Cmp','Key':" + key + ",'UpdateExpression':'SET g = :g, l = :l',"
                + "'ExpressionAttributeValues':{':g':{'S':'x'},':l':{'S':'L'}}}");
        assertEquals(1, gsi("x").size());
        assertEquals(1, db.backend().queryLsiItems("Cmp", "byL", Keys.stringKey("a"), QueryParams.builder().build()).size());
        db.ok("UpdateItem", "{'TableName':'Cmp','Key':" + key + ",'UpdateExpression':'SET g = :g REMOVE l',"
                + "'ExpressionAttributeValues':{':g':{'S':'y'}}}");
        assertEquals(0, gsi("x").size());
        assertEquals(1, gsi("y").size());
        assertEquals(0, db.backend().queryLsiItems("Cmp", "byL", Keys.stringKey("a"), QueryParams.builder().build()).size());
        db.invalid("UpdateItem", "{'TableName':'Cmp','Key':" + key + ",'UpdateExpression':'SET g = :g',"
                + "'ExpressionAttributeValues':{':g':{'S':''}}}", "One or more parameter values are not valid. The update "
                + "expression attempted to update a secondary index key to a value that is not supported. The "
                + "AttributeValue for a key attribute cannot contain an empty string value.");
        db.invalid("UpdateItem", "{'TableName':'Cmp','Key':" + key + ",'UpdateExpression':'SET g = :g',"
                + "'ExpressionAttributeValues':{':g':{'N':'1'}}}", "One or more parameter values were invalid: Type "
                + "mismatch for Index Key g Expected: S Actual: N IndexName: byG");
        assertEquals(1, gsi("y").size(), "a refused update changes nothing");
    }

    @Test
    void anUpdateMayNotEmptyABinaryIndexKey() {
        TestTable.named("Bin").hash("pk", "S").gsi("byB", "b", "B", null, null, Projection.KEYS_ONLY).create(db);
        db.invalid("UpdateItem", "{'TableName':'Bin','Key':{'pk':{'S':'a'}},'UpdateExpression':'SET b = :b',"
                + "'ExpressionAttributeValues':{':b':{'B':''}}}", "One or more parameter values are not valid. The "
                + "update expression attempted to update a secondary index key to a value that is not supported. The "
                + "AttributeValue for a key attribute cannot contain an empty binary value.");
        db.ok("UpdateItem", "{'TableName':'Bin','Key':{'pk':{'S':'a'}},'UpdateExpression':'SET b = :b',"
                + "'ExpressionAttributeValues':{':b':{'B':'AQ=='}}}");
        assertEquals(1, db.backend().scanGsiItems("Bin", "byB", io.tidelog.backend.ScanParams.builder().build()).size());
    }

    private List<ItemRow> gsi(String value) {
        return db.backend().queryGsiItems("Cmp", "byG", Keys.stringKey(value), QueryParams.builder().build());
    }

    @Test
    void updatesWriteModifyRecordsAndAnUpdateThatChangesNothingWritesNone() {
        update("'UpdateExpression':'SET v = :v','ExpressionAttributeValues':{':v':{'N':'1'}}");
        update("'UpdateExpression':'SET v = :v','ExpressionAttributeValues':{':v':{'N':'1'}}");
        update("'UpdateExpression':'ADD v :v','ExpressionAttributeValues':{':v':{'N':'1'}}");
        List<StreamRecord> records = db.backend().getStreamRecords("Tbl",
                TestTable.streamShard(db.backend(), "Tbl"), 0, 10);
        assertEquals(List.of("INSERT", "MODIFY"), records.stream().map(StreamRecord::eventName).toList());
        assertEquals(parse("{\"pk\":{\"S\":\"a\"},\"v\":{\"N\":\"1\"}}"), parse(records.get(1).oldImage()));
        assertEquals(parse("{\"pk\":{\"S\":\"a\"},\"v\":{\"N\":\"2\"}}"), parse(records.get(1).newImage()));
    }

    @Test
    void anUpdateIsHeldToTheSizeLimitInItsOwnWords() {
        // pk (2) + a (1) + b (1) + the string: 6 bytes under 400 KB, which a put may store; an update
        // is measured without its key (3) but with 3 bytes plus 19 per SET action, and is refused.
        String big = "x".repeat(409_600 - 10);
        db.invalid("UpdateItem", "{'TableName':'Tbl','Key':{'pk':{'S':'a'}},'UpdateExpression':'SET b = :b',"
                + "'ExpressionAttributeValues':{':b':{'S':'" + big + "'}}}",
                "Item size to update has exceeded the maximum allowed size");
        db.ok("PutItem", "{'TableName':'Tbl','Item':{'pk':{'S':'a'},'b':{'S':'" + big + "'}}}");
    }

    @Test
    void legacyAttributeUpdatesAndExpectedWork() {
        db.ok("UpdateItem", "{'TableName':'Tbl','Key':{'pk':{'S':'a'}},'AttributeUpdates':{'n':{'Action':'ADD',"
                + "'Value':{'N':'5'}},'s':{'Value':{'S':'x'}}}}");
        db.ok("UpdateItem", "{'TableName':'Tbl','Key':{'pk':{'S':'a'}},'AttributeUpdates':{'n':{'Action':'ADD',"
                + "'Value':{'N':'2'}},'s':{'Action':'DELETE'}},'Expected':{'n':{'Value':{'N':'5'}}}}");
        assertEquals(parse("{\"pk\":{\"S\":\"a\"},\"n\":{\"N\":\"7\"}}"), get("Tbl", "{'pk':{'S':'a'}}"));
        db.fails("UpdateItem", "{'TableName':'Tbl','Key':{'pk':{'S':'a'}},'AttributeUpdates':{'n':{'Action':'ADD',"
                + "'Value':{'N':'2'}}},'Expected':{'n':{'Value':{'N':'5'}}}}", "ConditionalCheckFailedException",
                "The conditional request failed");
    }
}
