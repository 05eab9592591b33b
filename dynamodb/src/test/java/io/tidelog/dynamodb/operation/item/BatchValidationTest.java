package io.tidelog.dynamodb.operation.item;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tidelog.dynamodb.Reply;
import io.tidelog.dynamodb.testing.TestClient;
import io.tidelog.dynamodb.testing.TestTable;
import java.nio.file.Path;
import java.util.StringJoiner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** BatchGetItem's and BatchWriteItem's validation: every message, and which one comes first. */
class BatchValidationTest {
    @TempDir
    Path dir;
    TestClient db;

    @BeforeEach
    void open() {
        db = TestClient.open(dir);
        TestTable.named("Tbl").hash("pk", "S").create(db);
        TestTable.named("Num").hash("id", "N").create(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    static String keys(String prefix, int n) {
        StringJoiner j = new StringJoiner(",");
        for (int i = 0; i < n; i++) {
            j.add("{'pk':{'S':'" + prefix + i + "'}}");
        }
        return j.toString();
    }

    static String puts(String prefix, int n) {
        StringJoiner j = new StringJoiner(",");
        for (int i = 0; i < n; i++) {
            j.add("{'PutRequest':{'Item':{'pk':{'S':'" + prefix + i + "'}}}}");
        }
        return j.toString();
    }

    @Test
    void batchGetNeedsRequestItemsWithKeys() {
        db.invalid("BatchGetItem", "{'RequestItems':{}}", "The requestItems parameter is required for BatchGetItem");
        db.invalid("BatchGetItem", "{}", "1 validation error detected: Value null at 'requestItems' failed to "
                + "satisfy constraint: Member must not be null");
        db.invalid("BatchGetItem", "{'RequestItems':{'Tbl':{'Keys':[]}}}", "1 validation error detected: Value at "
                + "'requestItems.Tbl.member.keys' failed to satisfy constraint: Member must have length greater than or "
                + "equal to 1");
        db.invalid("BatchGetItem", "{'RequestItems':{'x!':{'Keys':[{'pk':{'S':'a'}}]}}}", "1 validation error "
                + "detected: Value 'x!' at 'tableName' failed to satisfy constraint: Member must satisfy regular "
                + "expression pattern: [a-zA-Z0-9_.-]+");
    }

    @Test
    void batchGetTakesAtMost100Keys() {
        db.ok("BatchGetItem", "{'RequestItems':{'Tbl':{'Keys':[" + keys("k", 100) + "]}}}");
        db.invalid("BatchGetItem", "{'RequestItems':{'Tbl':{'Keys':[" + keys("k", 101) + "]}}}",
                "1 validation error detected: Value at 'RequestItems.Tbl.member.Keys' failed to satisfy constraint: "
                        + "Member must have length less than or equal to 100");
        db.invalid("BatchGetItem", "{'RequestItems':{'Tbl':{'Keys':[" + keys("k", 60) + "]},"
                + "'Num':{'Keys':[" + keys("k", 41).replace("'pk':{'S'", "'id':{'N'").replace(":'k", ":'") + "]}}}",
                "Too many items requested for the BatchGetItem call");
    }

    @Test
    void batchGetRefusesDuplicateKeysMixedProjectionsAndMissingTables() {
        db.invalid("BatchGetItem", "{'RequestItems':{'Tbl':{'Keys':[{'pk':{'S':'d'}},{'pk':{'S':'d'}}]}}}",
                "Provided list of item keys contains duplicates");
        db.invalid("BatchGetItem", "{'RequestItems':{'Tbl':{'Keys':[{'pk':{'S':'a'}}],'AttributesToGet':['a']},"
                + "'Num':{'Keys':[{'id':{'N':'1'}}],'ProjectionExpression':'a'}}}", "Can not use both expression and "
                + "non-expression parameters in the same request: Non-expression parameters: {AttributesToGet} "
                + "Expression parameters: {ProjectionExpression}");
        db.invalid("BatchGetItem", "{'RequestItems':{'Tbl':{'Keys':[{'pk':{'S':'a'}}],'AttributesToGet':['a','a']}}}",
                "One or more parameter values were invalid: Duplicate value in attribute name: a");
        db.fails("BatchGetItem", "{'RequestItems':{'Tbl':{'Keys':[{'pk':{'S':'a'}}]},'Nope':{'Keys':[{'pk':{'S':'a'}}]}}}",
                "ResourceNotFoundException", "Requested resource not found");
        db.invalid("BatchGetItem", "{'RequestItems':{'Tbl':{'Keys':[{'pk':{'N':'1'}}]}}}",
                "The provided key element does not match the schema");
    }

    @Test
    void batchWriteNeedsRequestItemsWithOneTo25Requests() {
        db.invalid("BatchWriteItem", "{'RequestItems':{}}", "The requestItems parameter is required for BatchWriteItem");
        Reply many = db.call("BatchWriteItem", "{'RequestItems':{'Tbl':[" + puts("w", 26) + "]}}");
        String message = TestClient.parse(many.body()).get("message").asText();
        assertTrue(message.matches("(?s)^1 validation error detected: Value '\\{Tbl=\\[.+\\]\\}' at 'requestItems' "
                + "failed to satisfy constraint: Map value must satisfy constraint: \\[Member must have length less "
                + "than or equal to 25, Member must have length greater than or equal to 1\\]$"), message);
        assertTrue(message.contains("{PutRequest: {Item: {pk: {S: w0}}}}"), message);
        db.invalid("BatchWriteItem", "{'RequestItems':{'Tbl':[]}}", "1 validation error detected: Value '{Tbl=[]}' at "
                + "'requestItems' failed to satisfy constraint: Map value must satisfy constraint: [Member must have "
                + "length less than or equal to 25, Member must have length greater than or equal to 1]");
        db.invalid("BatchWriteItem", "{'RequestItems':{'Tbl':[" + puts("a", 20) + "],'Num':["
                + puts("b", 6).replace("'pk':{'S':'b", "'id':{'N':'") + "]}}",
                "Too many items requested for the BatchWriteItem call");
        assertEquals(0, db.backend().countItems("Tbl"));
    }

    @Test
    void batchWriteRefusesDuplicateItemsAndValidatesEveryRequestBeforeWriting() {
        db.invalid("BatchWriteItem", "{'RequestItems':{'Tbl':[{'PutRequest':{'Item':{'pk':{'S':'d'}}}},"
                + "{'DeleteRequest':{'Key':{'pk':{'S':'d'}}}}]}}", "Provided list of item keys contains duplicates");
        db.invalid("BatchWriteItem", "{'RequestItems':{'Tbl':[{'PutRequest':{'Item':{'pk':{'S':'ok'}}}},"
                + "{'PutRequest':{'Item':{'pk':{'S':'bad'},'s':{'SS':[]}}}}]}}",
                "One or more parameter values were invalid: An string set  may not be empty");
        db.invalid("BatchWriteItem", "{'RequestItems':{'Tbl':[{'PutRequest':{'Item':{'pk':{'S':'ok'}}}},"
                + "{'PutRequest':{'Item':{'pk':{'N':'1'}}}}]}}", "The provided key element does not match the schema");
        db.invalid("BatchWriteItem", "{'RequestItems':{'Tbl':[{'PutRequest':{'Item':{'pk':{'S':'ok'}}}},"
                + "{'PutRequest':{'Item':{'other':{'S':'1'}}}}]}}",
                "One or more parameter values were invalid: Missing the key pk in the item");
        db.invalid("BatchWriteItem", "{'RequestItems':{'Tbl':[{}]}}", "Supplied AttributeValue has more than one "
                + "datatypes set, must contain exactly one of the supported datatypes");
        db.fails("BatchWriteItem", "{'RequestItems':{'Tbl':[{'PutRequest':{'Item':{'pk':{'S':'ok'}}}}],"
                + "'Nope':[{'PutRequest':{'Item':{'pk':{'S':'a'}}}}]}}", "ResourceNotFoundException",
                "Requested resource not found");
        assertEquals(0, db.backend().countItems("Tbl"), "no request of a refused batch is written");
    }
}
