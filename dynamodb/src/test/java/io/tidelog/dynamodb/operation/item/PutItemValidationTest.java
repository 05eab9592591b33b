package io.tidelog.dynamodb.operation.item;

import io.tidelog.dynamodb.table.Projection;
import io.tidelog.dynamodb.testing.TestClient;
import io.tidelog.dynamodb.testing.TestTable;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PutItem's validation: every message, and which one DynamoDB reports first. */
class PutItemValidationTest {
    @TempDir
    Path dir;
    TestClient db;

    @BeforeEach
    void open() {
        db = TestClient.open(dir);
        TestTable.named("Tbl").hash("pk", "S").create(db);
        TestTable.named("Cmp").hash("pk", "S").range("sk", "B")
                .gsi("zeta", "z", "N", null, null, Projection.KEYS_ONLY)
                .gsi("alpha", "a", "S", "a2", "S", Projection.ALL)
                .lsi("byL", "l", "B", Projection.ALL).create(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private void put(String body, String message) {
        db.invalid("PutItem", body, message);
    }

    @Test
    void tableNameConstraintsAreReportedAloneFirst() {
        put("{'Item':{'pk':{'S':'a'}}}",
                "1 validation error detected: Value null at 'tableName' failed to satisfy constraint: Member must not be null");
        put("{'TableName':'','Item':{'pk':{'S':'a'}},'ReturnValues':'INVALID'}",
                "1 validation error detected: Value '' at 'tableName' failed to satisfy constraint: "
                        + "Member must have length greater than or equal to 1");
        String longName = "a".repeat(256);
        put("{'TableName':'" + longName + "','Item':{'pk':{'S':'a'}}}",
                "1 validation error detected: Value '" + longName + "' at 'tableName' failed to satisfy constraint: "
                        + "Member must have length less than or equal to 255");
        put("{'TableName':'bad table!@#','Item':{'pk':{'S':'a'}}}",
                "1 validation error detected: Value 'bad table!@#' at 'tableName' failed to satisfy constraint: "
                        + "Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+");
        String longBad = "!".repeat(256);
        put("{'TableName':'" + longBad + "'}", "2 validation errors detected: Value '" + longBad
                + "' at 'tableName' failed to satisfy constraint: Member must satisfy regular expression pattern: "
                + "[a-zA-Z0-9_.-]+; Value '" + longBad + "' at 'tableName' failed to satisfy constraint: "
                + "Member must have length less than or equal to 255");
    }

    @Test
    void theItemAndEveryReturnOptionAreReportedTogether() {
        put("{'TableName':'_valid_name','Item':{'pk':{'S':'test'}},'ReturnConsumedCapacity':'INVALID',"
                + "'ReturnItemCollectionMetrics':'INVALID','ReturnValues':'INVALID'}",
                "3 validation errors detected: "
                        + "Value 'INVALID' at 'returnConsumedCapacity' failed to satisfy constraint: "
                        + "Member must satisfy enum value set: [INDEXES, TOTAL, NONE]; "
                        + "Value 'INVALID' at 'returnValues' failed to satisfy constraint: "
                        + "Member must satisfy enum value set: [ALL_NEW, UPDATED_OLD, ALL_OLD, NONE, UPDATED_NEW]; "
                        + "Value 'INVALID' at 'returnItemCollectionMetrics' failed to satisfy constraint: "
                        + "Member must satisfy enum value set: [SIZE, NONE]");
        put("{'TableName':'Tbl'}",
                "1 validation error detected: Value null at 'item' failed to satisfy constraint: Member must not be null");
        put("{'TableName':'Tbl','Item':{'pk':{'S':'a'}},'ReturnValuesOnConditionCheckFailure':'ALL_NEW'}",
                "1 validation error detected: Value 'ALL_NEW' at 'returnValuesOnConditionCheckFailure' failed to "
                        + "satisfy constraint: Member must satisfy enum value set: [ALL_OLD, NONE]");
    }

    @Test
    void valuesAreReadBeforeAnythingElse() {
        put("{'TableName':'','Item':{'pk':{'N':'abc'}}}", "The parameter cannot be converted to a numeric value: abc");
        put("{'TableName':'Tbl','Item':{'pk':{'S':'a'},'x':{'NULL':false}}}",
                "One or more parameter values were invalid: Null attribute value types must have the value of true");
    }

    @Test
    void setsMustHoldMembersAndNoneTwice() {
        put("{'TableName':'Tbl','Item':{'pk':{'S':'a'},'bad':{'SS':[]}}}",
                "One or more parameter values were invalid: An string set  may not be empty");
        put("{'TableName':'Tbl','Item':{'pk':{'S':'a'},'bad':{'NS':[]}}}",
                "One or more parameter values were invalid: An number set  may not be empty");
        put("{'TableName':'Tbl','Item':{'pk':{'S':'a'},'bad':{'BS':[]}}}",
                "One or more parameter values were invalid: Binary sets should not be empty");
        put("{'TableName':'Tbl','Item':{'pk':{'S':'a'},'bad':{'SS':['a','a']}}}",
                "One or more parameter values were invalid: Input collection [a, a] contains duplicates.");
        put("{'TableName':'Tbl','Item':{'pk':{'S':'a'},'bad':{'NS':['1','1.0']}}}", "Input collection contains duplicates");
        put("{'TableName':'Tbl','Item':{'pk':{'S':'a'},'bad':{'BS':['AQ==','AQ==']}}}",
                "One or more parameter values were invalid: Input collection [AQ==, AQ==]of type BS contains duplicates.");
        put("{'TableName':'Tbl','Item':{'pk':{'S':'a'},'m':{'M':{'inner':{'SS':[]}}}}}",
                "One or more parameter values were invalid: An string set  may not be empty");
        put("{'TableName':'Tbl','Item':{'pk':{'S':'a'},'l':{'L':[{'NS':[]}]}}}",
                "One or more parameter values were invalid: An number set  may not be empty");
        put("{'TableName':'Missing','Item':{'pk':{'S':'a'},'bad':{'SS':[]}}}",
                "One or more parameter values were invalid: An string set  may not be empty");
    }

    @Test
    void documentsNestAtMost32Levels() {
        db.ok("PutItem", "{'TableName':'Tbl','Item':{'pk':{'S':'ok'},'d':" + nested(31) + "}}");
        put("{'TableName':'Tbl','Item':{'pk':{'S':'deep'},'d':" + nested(32) + "}}",
                "Nesting Levels have exceeded supported limits: Attributes in the item have nested levels beyond "
                        + "supported limit");
    }

    /** A string wrapped in {@code maps} single-entry maps. */
    static String nested(int maps) {
        String v = "{'S':'leaf'}";
        for (int i = 0; i < maps; i++) {
            v = "{'M':{'n':" + v + "}}";
        }
        return v;
    }

    @Test
    void expressionParametersMustNotBeMixedOrStandAlone() {
        put("{'TableName':'Tbl','Item':{'pk':{'S':'a'}},'Expected':{'pk':{'Exists':false}},"
                + "'ConditionExpression':'attribute_not_exists(pk)'}",
                "Can not use both expression and non-expression parameters in the same request: "
                        + "Non-expression parameters: {Expected} Expression parameters: {ConditionExpression}");
        put("{'TableName':'Tbl','Item':{'pk':{'S':'a'}},'ExpressionAttributeValues':{':v':{'S':'unused'}}}",
                "ExpressionAttributeValues can only be specified when using expressions: ConditionExpression is null");
        put("{'TableName':'Tbl','Item':{'pk':{'S':'a'}},'ExpressionAttributeNames':{'#n':'x'}}",
                "ExpressionAttributeNames can only be specified when using expressions");
    }

    @Test
    void expressionAttributeMapsMustBeWellFormed() {
        String item = "'TableName':'Tbl','Item':{'pk':{'S':'a'}},'ConditionExpression':'attribute_not_exists(pk)'";
        put("{" + item + ",'ExpressionAttributeNames':{}}", "ExpressionAttributeNames must not be empty");
        put("{" + item + ",'ExpressionAttributeNames':{'n':'x'}}",
                "ExpressionAttributeNames contains invalid key: Syntax error; key: \"n\"");
        put("{" + item + ",'ExpressionAttributeValues':{}}", "ExpressionAttributeValues must not be empty");
        put("{" + item + ",'ExpressionAttributeValues':{'v':{'S':'x'}}}",
                "ExpressionAttributeValues contains invalid key: Syntax error; key: \"v\"");
        put("{" + item + ",'ExpressionAttributeValues':{':v':{'SS':[]}}}",
                "ExpressionAttributeValues contains invalid value: One or more parameter values were invalid: "
                        + "An string set  may not be empty for key :v");
        put("{" + item + ",'ExpressionAttributeValues':{':v':{'N':'x1'}}}",
                "ExpressionAttributeValues contains invalid value: The parameter cannot be converted to a numeric "
                        + "value: x1 for key :v");
        put("{" + item + ",'ExpressionAttributeValues':{':v':{}}}",
                "ExpressionAttributeValues contains invalid value: Supplied AttributeValue is empty, must contain "
                        + "exactly one of the supported datatypes for key :v");
        put("{" + item + ",'ExpressionAttributeValues':{':v':{'NULL':false}}}",
                "One or more parameter values were invalid: Null attribute value types must have the value of true");
        put("{" + item + ",'ExpressionAttributeValues':{':v':" + nested(32) + "}}",
                "Nesting Levels have exceeded supported limits: Attributes in the item have nested levels beyond "
                        + "supported limit");
    }

    @Test
    void putOffersOnlyAllOldAndNone() {
        for (String rv : new String[] {"ALL_NEW", "UPDATED_OLD", "UPDATED_NEW"}) {
            put("{'TableName':'Missing','Item':{'pk':{'S':'a'}},'ReturnValues':'" + rv + "'}",
                    "ReturnValues can only be ALL_OLD or NONE");
        }
    }

    @Test
    void theSizeLimitIsCheckedBeforeTheTableAndTheKeysAfterIt() {
        String big = "x".repeat(410_000);
        put("{'TableName':'Missing','Item':{'pk':{'S':'a'},'b':{'S':'" + big + "'}}}",
                "Item size has exceeded the maximum allowed size");
        db.fails("PutItem", "{'TableName':'Missing','Item':{'nokey':{'S':'a'}}}", "ResourceNotFoundException",
                "Requested resource not found");
    }

    @Test
    void tableKeysMustBePresentTypedNonEmptyAndSmall() {
        put("{'TableName':'Tbl','Item':{'notTheKey':{'S':'a'}}}",
                "One or more parameter values were invalid: Missing the key pk in the item");
        put("{'TableName':'Cmp','Item':{'pk':{'S':'a'}}}",
                "One or more parameter values were invalid: Missing the key sk in the item");
        put("{'TableName':'Tbl','Item':{'pk':{'N':'1'}}}",
                "One or more parameter values were invalid: Type mismatch for key pk expected: S actual: N");
        put("{'TableName':'Cmp','Item':{'pk':{'S':'a'},'sk':{'SS':['x']}}}",
                "One or more parameter values were invalid: Type mismatch for key sk expected: B actual: SS");
        put("{'TableName':'Tbl','Item':{'pk':{'S':''}}}", "One or more parameter values are not valid. "
                + "The AttributeValue for a key attribute cannot contain an empty string value. Key: pk");
        put("{'TableName':'Cmp','Item':{'pk':{'S':'a'},'sk':{'B':''}}}", "One or more parameter values are not valid. "
                + "The AttributeValue for a key attribute cannot contain an empty binary value. Key: sk");
        db.ok("PutItem", "{'TableName':'Tbl','Item':{'pk':{'S':'" + "k".repeat(2048) + "'}}}");
        put("{'TableName':'Tbl','Item':{'pk':{'S':'" + "k".repeat(2049) + "'}}}",
                "One or more parameter values were invalid: Size of hashkey has exceeded the maximum size limit of2048 bytes");
        String kb = java.util.Base64.getEncoder().encodeToString(new byte[1025]);
        put("{'TableName':'Cmp','Item':{'pk':{'S':'a'},'sk':{'B':'" + kb + "'}}}", "One or more parameter values were "
                + "invalid: Aggregated size of all range keys has exceeded the size limit of 1024 bytes");
    }

    @Test
    void indexKeysMustBeTypedAndNonEmptyAndTheFirstIndexByNameIsNamed() {
        String key = "'pk':{'S':'a'},'sk':{'B':'AQ=='}";
        put("{'TableName':'Cmp','Item':{" + key + ",'z':{'S':'1'}}}", "One or more parameter values were invalid: "
                + "Type mismatch for Index Key z Expected: N Actual: S IndexName: zeta");
        put("{'TableName':'Cmp','Item':{" + key + ",'z':{'S':'1'},'a2':{'N':'1'}}}",
                "One or more parameter values were invalid: Type mismatch for Index Key a2 Expected: S Actual: N "
                        + "IndexName: alpha");
        put("{'TableName':'Cmp','Item':{" + key + ",'a':{'S':''}}}", "One or more parameter values are not valid. "
                + "A value specified for a secondary index key is not supported. The AttributeValue for a key "
                + "attribute cannot contain an empty string value. IndexName: alpha, IndexKey: a");
        put("{'TableName':'Cmp','Item':{" + key + ",'l':{'B':''}}}", "One or more parameter values are not valid. "
                + "A value specified for a secondary index key is not supported. The AttributeValue for a key "
                + "attribute cannot contain an empty binary value. IndexName: byL, IndexKey: l");
        db.ok("PutItem", "{'TableName':'Cmp','Item':{" + key + ",'a':{'S':'only the hash key: not indexed'}}}");
    }
}
