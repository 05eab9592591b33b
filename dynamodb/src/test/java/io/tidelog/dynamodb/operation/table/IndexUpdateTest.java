package io.tidelog.dynamodb.operation.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import io.tidelog.backend.BackendException;
import io.tidelog.backend.ItemRow;
import io.tidelog.backend.Keys;
import io.tidelog.backend.QueryParams;
import io.tidelog.backend.ScanParams;
import io.tidelog.dynamodb.testing.LocalDynamoDb;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GSIs created by UpdateTable (backfilled from the table's items) and deleted by it. */
class IndexUpdateTest {
    @TempDir
    Path dir;
    LocalDynamoDb db;

    private static final String BASE = """
            {"TableName":"Base","KeySchema":[{"AttributeName":"pk","KeyType":"HASH"},{"AttributeName":"sk","KeyType":"RANGE"}],
             "AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"},{"AttributeName":"sk","AttributeType":"S"}],
             "BillingMode":"PAY_PER_REQUEST"}""";

    @BeforeEach
    void open() {
        db = LocalDynamoDb.open(dir);
        db.call("CreateTable", BASE);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private JsonNode createIndex(String name, String definitions, String keySchema, String projection) {
        return db.call("UpdateTable", "{\"TableName\":\"Base\",\"AttributeDefinitions\":[" + definitions + "],"
                + "\"GlobalSecondaryIndexUpdates\":[{\"Create\":{\"IndexName\":\"" + name + "\",\"KeySchema\":"
                + keySchema + ",\"Projection\":" + projection + "}}]}").get("TableDescription");
    }

    private List<ItemRow> query(String index, String partitionKeyString) {
        return db.backend().queryGsiItems("Base", index, partitionKeyString, QueryParams.builder().forward(true).build());
    }

    @Test
    void aNewIndexHoldsTheEntriesOfTheItemsAlreadyThere() {
        db.store("Base", "{\"pk\":{\"S\":\"item1\"},\"sk\":{\"S\":\"a\"},\"gsiPk\":{\"S\":\"group1\"},\"data\":{\"S\":\"hello\"}}");
        db.store("Base", "{\"pk\":{\"S\":\"item2\"},\"sk\":{\"S\":\"b\"},\"gsiPk\":{\"S\":\"group1\"},\"data\":{\"S\":\"world\"}}");
        db.store("Base", "{\"pk\":{\"S\":\"item3\"},\"sk\":{\"S\":\"c\"},\"gsiPk\":{\"S\":\"group2\"},\"data\":{\"S\":\"other\"}}");
        db.store("Base", "{\"pk\":{\"S\":\"item4\"},\"sk\":{\"S\":\"d\"},\"gsiPk\":{\"N\":\"7\"}}");
        db.store("Base", "{\"pk\":{\"S\":\"item5\"},\"sk\":{\"S\":\"e\"}}");

        JsonNode reply = createIndex("gsiQuery", "{\"AttributeName\":\"gsiPk\",\"AttributeType\":\"S\"}",
                "[{\"AttributeName\":\"gsiPk\",\"KeyType\":\"HASH\"}]", "{\"ProjectionType\":\"ALL\"}");
        JsonNode index = reply.get("GlobalSecondaryIndexes").get(0);
        assertEquals("gsiQuery", index.get("IndexName").asText());
        assertEquals("ACTIVE", index.get("IndexStatus").asText());
        assertEquals(3, index.get("ItemCount").asLong(), "sparse: a number and a missing key are not in it");

        List<ItemRow> group1 = query("gsiQuery", Keys.stringKey("group1"));
        assertEquals(2, group1.size());
        assertEquals(LocalDynamoDb.parse("{\"pk\":{\"S\":\"item1\"},\"sk\":{\"S\":\"a\"},\"gsiPk\":{\"S\":\"group1\"},"
                + "\"data\":{\"S\":\"hello\"}}"), LocalDynamoDb.parse(group1.get(0).itemJson()));
        assertEquals(1, query("gsiQuery", Keys.stringKey("group2")).size());
        assertEquals(LocalDynamoDb.parse("""
                [{"AttributeName":"gsiPk","AttributeType":"S"},{"AttributeName":"pk","AttributeType":"S"},
                 {"AttributeName":"sk","AttributeType":"S"}]"""),
                db.call("DescribeTable", "{\"TableName\":\"Base\"}").get("Table").get("AttributeDefinitions"));

        db.store("Base", "{\"pk\":{\"S\":\"item6\"},\"sk\":{\"S\":\"f\"},\"gsiPk\":{\"S\":\"group2\"}}");
        assertEquals(2, query("gsiQuery", Keys.stringKey("group2")).size(), "later writes maintain the index");
    }

    @Test
    void aCompositeIndexWithIncludeProjectsItsAttributes() {
        db.store("Base", "{\"pk\":{\"S\":\"p\"},\"sk\":{\"S\":\"1\"},\"g\":{\"S\":\"x\"},\"n\":{\"N\":\"10\"},"
                + "\"keep\":{\"S\":\"k\"},\"drop\":{\"S\":\"d\"}}");
        db.store("Base", "{\"pk\":{\"S\":\"p\"},\"sk\":{\"S\":\"2\"},\"g\":{\"S\":\"x\"},\"n\":{\"N\":\"9\"}}");
        createIndex("byGN", "{\"AttributeName\":\"g\",\"AttributeType\":\"S\"},{\"AttributeName\":\"n\","
                + "\"AttributeType\":\"N\"}", "[{\"AttributeName\":\"g\",\"KeyType\":\"HASH\"},{\"AttributeName\":"
                + "\"n\",\"KeyType\":\"RANGE\"}]", "{\"ProjectionType\":\"INCLUDE\",\"NonKeyAttributes\":[\"keep\"]}");
        List<ItemRow> rows = query("byGN", Keys.stringKey("x"));
        assertEquals(2, rows.size());
        assertEquals(Keys.numberKey("9"), rows.get(0).sk(), "ordered by the index sort key");
        assertEquals(LocalDynamoDb.parse("{\"pk\":{\"S\":\"p\"},\"sk\":{\"S\":\"1\"},\"g\":{\"S\":\"x\"},"
                + "\"n\":{\"N\":\"10\"},\"keep\":{\"S\":\"k\"}}"), LocalDynamoDb.parse(rows.get(1).itemJson()));
    }

    @Test
    void backfillReadsEveryPageOfALargeTable() {
        int n = IndexBackfill.PAGE * 2 + 3;
        for (int i = 0; i < n; i++) {
            db.store("Base", "{\"pk\":{\"S\":\"p" + i + "\"},\"sk\":{\"S\":\"s\"},\"k\":{\"S\":\"g" + (i % 3) + "\"}}");
        }
        createIndex("byK", "{\"AttributeName\":\"k\",\"AttributeType\":\"S\"}",
                "[{\"AttributeName\":\"k\",\"KeyType\":\"HASH\"}]", "{\"ProjectionType\":\"KEYS_ONLY\"}");
        assertEquals(n, db.backend().scanGsiItems("Base", "byK", ScanParams.builder().build()).size());
        assertEquals(n, db.call("DescribeTable", "{\"TableName\":\"Base\"}").get("Table")
                .get("GlobalSecondaryIndexes").get(0).get("ItemCount").asLong());
    }

    @Test
    void deletingAnIndexDropsItsEntriesAndUnusedDefinitions() {
        createIndex("gsi1", "{\"AttributeName\":\"g1\",\"AttributeType\":\"S\"}",
                "[{\"AttributeName\":\"g1\",\"KeyType\":\"HASH\"}]", "{\"ProjectionType\":\"ALL\"}");
        createIndex("gsi2", "{\"AttributeName\":\"g2\",\"AttributeType\":\"N\"},{\"AttributeName\":\"g1\","
                + "\"AttributeType\":\"N\"}", "[{\"AttributeName\":\"g2\",\"KeyType\":\"HASH\"},{\"AttributeName\":"
                + "\"g1\",\"KeyType\":\"RANGE\"}]", "{\"ProjectionType\":\"KEYS_ONLY\"}");
        JsonNode both = db.call("DescribeTable", "{\"TableName\":\"Base\"}").get("Table");
        assertEquals(List.of("gsi1", "gsi2"), List.of(both.get("GlobalSecondaryIndexes").get(0).get("IndexName").asText(),
                both.get("GlobalSecondaryIndexes").get(1).get("IndexName").asText()));
        assertEquals("{\"AttributeName\":\"g1\",\"AttributeType\":\"S\"}",
                both.get("AttributeDefinitions").get(0).toString(), "a redeclared attribute keeps its type");
        db.store("Base", "{\"pk\":{\"S\":\"p\"},\"sk\":{\"S\":\"s\"},\"g1\":{\"S\":\"a\"}}");

        JsonNode reply = db.call("UpdateTable", "{\"TableName\":\"Base\",\"GlobalSecondaryIndexUpdates\":[{\"Delete\":{"
                + "\"IndexName\":\"gsi1\"}}]}").get("TableDescription");
        assertEquals(1, reply.get("GlobalSecondaryIndexes").size());
        assertThrows(BackendException.class, () -> query("gsi1", Keys.stringKey("a")));
        assertEquals(4, reply.get("AttributeDefinitions").size(), "g1 is still gsi2's sort key");

        db.call("UpdateTable", "{\"TableName\":\"Base\",\"GlobalSecondaryIndexUpdates\":[{\"Delete\":{"
                + "\"IndexName\":\"gsi2\"}}]}");
        JsonNode none = db.call("DescribeTable", "{\"TableName\":\"Base\"}").get("Table");
        assertFalse(none.has("GlobalSecondaryIndexes"));
        assertEquals(LocalDynamoDb.parse("""
                [{"AttributeName":"pk","AttributeType":"S"},{"AttributeName":"sk","AttributeType":"S"}]"""),
                none.get("AttributeDefinitions"));

        db.store("Base", "{\"pk\":{\"S\":\"q\"},\"sk\":{\"S\":\"s\"},\"g1\":{\"S\":\"a\"}}");
        assertEquals(2, db.backend().countItems("Base"), "the table works without indexes");
        createIndex("gsi1", "{\"AttributeName\":\"g1\",\"AttributeType\":\"S\"}",
                "[{\"AttributeName\":\"g1\",\"KeyType\":\"HASH\"}]", "{\"ProjectionType\":\"ALL\"}");
        assertEquals(2, query("gsi1", Keys.stringKey("a")).size(), "created again under the same name");
    }

    @Test
    void aLeftoverIndexTableFromAnInterruptedCreationIsReplaced() {
        db.backend().createGsiTable("Base", "gsi1");
        db.backend().insertGsiItem("Base", "gsi1", Keys.stringKey("stale"), "", Keys.stringKey("x"), Keys.stringKey("y"),
                "{}");
        db.store("Base", "{\"pk\":{\"S\":\"p\"},\"sk\":{\"S\":\"s\"},\"g1\":{\"S\":\"a\"}}");
        createIndex("gsi1", "{\"AttributeName\":\"g1\",\"AttributeType\":\"S\"}",
                "[{\"AttributeName\":\"g1\",\"KeyType\":\"HASH\"}]", "{\"ProjectionType\":\"ALL\"}");
        assertEquals(1, db.backend().scanGsiItems("Base", "gsi1", ScanParams.builder().build()).size());
    }

    @Test
    void theTwentyFirstIndexIsALimit() {
        for (int i = 0; i < 20; i++) {
            createIndex("gsi" + i, "{\"AttributeName\":\"a" + i + "\",\"AttributeType\":\"S\"}",
                    "[{\"AttributeName\":\"a" + i + "\",\"KeyType\":\"HASH\"}]", "{\"ProjectionType\":\"KEYS_ONLY\"}");
        }
        LocalDynamoDb.Failure f = db.fail("UpdateTable", "{\"TableName\":\"Base\",\"AttributeDefinitions\":[{"
                + "\"AttributeName\":\"z\",\"AttributeType\":\"S\"}],\"GlobalSecondaryIndexUpdates\":[{\"Create\":{"
                + "\"IndexName\":\"gsi20\",\"KeySchema\":[{\"AttributeName\":\"z\",\"KeyType\":\"HASH\"}],"
                + "\"Projection\":{\"ProjectionType\":\"ALL\"}}}]}");
        assertEquals(new LocalDynamoDb.Failure(400, "LimitExceededException", "Subscriber limit exceeded: The number "
                + "of global secondary indexes exceeds the per-table limit of 20"), f);
    }

    @Test
    void projectedAttributesCountAcrossExistingIndexes() {
        StringBuilder sixty = new StringBuilder();
        StringBuilder fortyOne = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            sixty.append(i == 0 ? "" : ",").append("\"a").append(i).append("\"");
        }
        for (int i = 0; i < 41; i++) {
            fortyOne.append(i == 0 ? "" : ",").append("\"b").append(i).append("\"");
        }
        createIndex("gsi1", "{\"AttributeName\":\"g1\",\"AttributeType\":\"S\"}",
                "[{\"AttributeName\":\"g1\",\"KeyType\":\"HASH\"}]",
                "{\"ProjectionType\":\"INCLUDE\",\"NonKeyAttributes\":[" + sixty + "]}");
        LocalDynamoDb.Failure f = db.fail("UpdateTable", "{\"TableName\":\"Base\",\"AttributeDefinitions\":[{"
                + "\"AttributeName\":\"g2\",\"AttributeType\":\"S\"}],\"GlobalSecondaryIndexUpdates\":[{\"Create\":{"
                + "\"IndexName\":\"gsi2\",\"KeySchema\":[{\"AttributeName\":\"g2\",\"KeyType\":\"HASH\"}],"
                + "\"Projection\":{\"ProjectionType\":\"INCLUDE\",\"NonKeyAttributes\":[" + fortyOne + "]}}}]}");
        assertEquals("One or more parameter values were invalid: Number of projected attributes in all indexes "
                + "exceeds limit of 100", f.message());
    }

    @Test
    void anIndexOfAProvisionedTableGetsItsCapacityAndCanChangeIt() {
        db.call("CreateTable", TableFixtures.PROV);
        db.call("UpdateTable", "{\"TableName\":\"Prov\",\"AttributeDefinitions\":[{\"AttributeName\":\"h\","
                + "\"AttributeType\":\"S\"}],\"GlobalSecondaryIndexUpdates\":[{\"Create\":{\"IndexName\":\"byH\","
                + "\"KeySchema\":[{\"AttributeName\":\"h\",\"KeyType\":\"HASH\"}],\"Projection\":{\"ProjectionType\":"
                + "\"ALL\"},\"ProvisionedThroughput\":{\"ReadCapacityUnits\":3,\"WriteCapacityUnits\":4}}}]}");
        db.call("UpdateTable", "{\"TableName\":\"Prov\",\"GlobalSecondaryIndexUpdates\":[{\"Update\":{\"IndexName\":"
                + "\"byG\",\"ProvisionedThroughput\":{\"ReadCapacityUnits\":8,\"WriteCapacityUnits\":5}}}]}");
        JsonNode indexes = db.call("DescribeTable", "{\"TableName\":\"Prov\"}").get("Table").get("GlobalSecondaryIndexes");
        assertEquals(8, indexes.get(0).get("ProvisionedThroughput").get("ReadCapacityUnits").asLong());
        assertEquals(LocalDynamoDb.parse("{\"NumberOfDecreasesToday\":0,\"ReadCapacityUnits\":3,"
                + "\"WriteCapacityUnits\":4}"), indexes.get(1).get("ProvisionedThroughput"));
    }
}
