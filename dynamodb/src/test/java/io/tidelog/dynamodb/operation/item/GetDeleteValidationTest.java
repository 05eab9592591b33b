package io.tidelog.dynamodb.operation.item;

import io.tidelog.dynamodb.testing.TestClient;
import io.tidelog.dynamodb.testing.TestTable;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GetItem's and DeleteItem's validation: every message, and which one DynamoDB reports first. */
class GetDeleteValidationTest {
    private static final String SCHEMA_MISMATCH = "The provided key element does not match the schema";

    @TempDir
    Path dir;
    TestClient db;

    @BeforeEach
    void open() {
        db = TestClient.open(dir);
        TestTable.named("Tbl").hash("pk", "S").create(db);
        TestTable.named("Cmp").hash("pk", "S").range("sk", "N").create(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void getItemReportsItsKeyTableNameAndOptionsTogether() {
        db.invalid("GetItem", "{'ReturnConsumedCapacity':'ALL'}", "3 validation errors detected: "
                + "Value null at 'key' failed to satisfy constraint: Member must not be null; "
                + "Value null at 'tableName' failed to satisfy constraint: Member must not be null; "
                + "Value 'ALL' at 'returnConsumedCapacity' failed to satisfy constraint: "
                + "Member must satisfy enum value set: [INDEXES, TOTAL, NONE]");
        db.invalid("GetItem", "{'TableName':'Tbl','Key':{'pk':{'S':'a'}},'AttributesToGet':[]}",
                "1 validation error detected: Value '[]' at 'attributesToGet' failed to satisfy constraint: "
                        + "Member must have length greater than or equal to 1");
    }

    @Test
    void getItemChecksItsParametersBeforeTheTable() {
        db.invalid("GetItem", "{'TableName':'Missing','Key':{'pk':{'S':'a'}},'AttributesToGet':['a'],"
                + "'ProjectionExpression':'a'}", "Can not use both expression and non-expression parameters in the "
                + "same request: Non-expression parameters: {AttributesToGet} Expression parameters: "
                + "{ProjectionExpression}");
        db.invalid("GetItem", "{'TableName':'Missing','Key':{'pk':{'S':'a'}},'ExpressionAttributeNames':{'#a':'a'}}",
                "ExpressionAttributeNames can only be specified when using expressions");
        db.invalid("GetItem", "{'TableName':'Missing','Key':{'pk':{'SS':[]}}}",
                "One or more parameter values were invalid: An string set  may not be empty");
        db.invalid("GetItem", "{'TableName':'Missing','Key':{'pk':{'S':'a'}},'AttributesToGet':['a','b','a']}",
                "One or more parameter values were invalid: Duplicate value in attribute name: a");
        db.fails("GetItem", "{'TableName':'Missing','Key':{'x':{'S':'a'}}}", "ResourceNotFoundException",
                "Requested resource not found");
    }

    @Test
    void aKeyMustBeExactlyTheTablesKey() {
        for (String op : new String[] {"GetItem", "DeleteItem"}) {
            db.invalid(op, "{'TableName':'Cmp','Key':{'pk':{'S':'a'}}}", SCHEMA_MISMATCH);
            db.invalid(op, "{'TableName':'Tbl','Key':{'pk':{'S':'a'},'extra':{'S':'b'}}}", SCHEMA_MISMATCH);
            db.invalid(op, "{'TableName':'Tbl','Key':{'other':{'S':'a'}}}", SCHEMA_MISMATCH);
            db.invalid(op, "{'TableName':'Tbl','Key':{'pk':{'N':'1'}}}", SCHEMA_MISMATCH);
            db.invalid(op, "{'TableName':'Cmp','Key':{'pk':{'S':'a'},'sk':{'S':'1'}}}", SCHEMA_MISMATCH);
            db.invalid(op, "{'TableName':'Tbl','Key':{}}", SCHEMA_MISMATCH);
            db.invalid(op, "{'TableName':'Tbl','Key':{'pk':{'S':''}}}", "One or more parameter values are not valid. "
                    + "The AttributeValue for a key attribute cannot contain an empty string value. Key: pk");
            db.invalid(op, "{'TableName':'Tbl','Key':{'pk':{'S':'" + "k".repeat(2049) + "'}}}",
                    "One or more parameter values were invalid: Size of hashkey has exceeded the maximum size "
                            + "limit of2048 bytes");
        }
    }

    @Test
    void deleteItemReportsItsTableNameKeyAndOptionsTogether() {
        db.invalid("DeleteItem", "{'TableName':'_valid','Key':{'pk':{'S':'test'}},'ReturnValues':'INVALID',"
                + "'ReturnConsumedCapacity':'INVALID'}", "2 validation errors detected: "
                + "Value 'INVALID' at 'returnConsumedCapacity' failed to satisfy constraint: "
                + "Member must satisfy enum value set: [INDEXES, TOTAL, NONE]; "
                + "Value 'INVALID' at 'returnValues' failed to satisfy constraint: "
                + "Member must satisfy enum value set: [ALL_NEW, UPDATED_OLD, ALL_OLD, NONE, UPDATED_NEW]");
        db.invalid("DeleteItem", "{'TableName':'x!'}", "2 validation errors detected: "
                + "Value 'x!' at 'tableName' failed to satisfy constraint: Member must satisfy regular expression "
                + "pattern: [a-zA-Z0-9_.-]+; Value null at 'key' failed to satisfy constraint: Member must not be null");
    }

    @Test
    void deleteOffersOnlyAllOldAndNoneOnceTheTableIsKnown() {
        db.fails("DeleteItem", "{'TableName':'Missing','Key':{'pk':{'S':'a'}},'ReturnValues':'ALL_NEW'}",
                "ResourceNotFoundException", "Requested resource not found");
        db.invalid("DeleteItem", "{'TableName':'Tbl','Key':{'pk':{'S':'a'}},'ReturnValues':'ALL_NEW'}",
                "1 validation error detected: Value 'ALL_NEW' at 'returnValues' failed to satisfy constraint: "
                        + "Member must satisfy enum value set: [ALL_OLD, NONE]");
    }

    @Test
    void deleteItemChecksExpressionParametersBeforeTheTable() {
        db.invalid("DeleteItem", "{'TableName':'Missing','Key':{'pk':{'S':'a'}},"
                + "'ExpressionAttributeValues':{':v':{'S':'x'}}}",
                "ExpressionAttributeValues can only be specified when using expressions: ConditionExpression is null");
        db.invalid("DeleteItem", "{'TableName':'Missing','Key':{'pk':{'S':'a'}},'Expected':{'a':{'Exists':false}},"
                + "'ConditionExpression':'attribute_exists(a)'}", "Can not use both expression and non-expression "
                + "parameters in the same request: Non-expression parameters: {Expected} Expression parameters: "
                + "{ConditionExpression}");
    }

    @Test
    void wrongJsonTypesAreSerializationErrors() {
        db.fails("GetItem", "{'TableName':'Tbl','Key':{'pk':{'S':'a'}},'ConsistentRead':'yes'}",
                "SerializationException", "STRING_VALUE cannot be converted to Boolean");
        db.fails("PutItem", "{'TableName':'Tbl','Item':[]}", "SerializationException",
                "Start of list found where not expected");
    }
}
