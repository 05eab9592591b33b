package io.tidelog.dynamodb.testing;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tidelog.backend.StorageBackend;
import io.tidelog.dynamodb.stream.StreamShards;
import io.tidelog.dynamodb.table.Projection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A CreateTable request for tests, built from a few calls and sent through the service:
 *
 * <pre>
 * TestTable.named("Orders").hash("pk", "S").range("sk", "N")
 *     .gsi("byStatus", "status", "S", null, null, Projection.ALL)
 *     .stream("NEW_AND_OLD_IMAGES").create(client);
 * </pre>
 */
public final class TestTable {
    private final String name;
    private final ObjectNode request = TestClient.JSON.createObjectNode();
    private final ArrayNode keySchema = request.putArray("KeySchema");
    private final Map<String, String> types = new LinkedHashMap<>();
    private String hash;

    private TestTable(String name) {
        this.name = name;
        request.put("TableName", name).put("BillingMode", "PAY_PER_REQUEST");
    }

    public static TestTable named(String name) {
        return new TestTable(name);
    }

    public TestTable hash(String attribute, String type) {
        hash = attribute;
        keySchema.addObject().put("AttributeName", attribute).put("KeyType", "HASH");
        types.put(attribute, type);
        return this;
    }

    public TestTable range(String attribute, String type) {
        keySchema.addObject().put("AttributeName", attribute).put("KeyType", "RANGE");
        types.put(attribute, type);
        return this;
    }

    /** A GSI; {@code sortAttribute} null for none. INCLUDE projections name {@code include}. */
    public TestTable gsi(String index, String hashAttribute, String hashType, String sortAttribute, String sortType,
            String projection, String... include) {
        ObjectNode i = indexes("GlobalSecondaryIndexes").addObject().put("IndexName", index);
        ArrayNode key = i.putArray("KeySchema");
        key.addObject().put("AttributeName", hashAttribute).put("KeyType", "HASH");
        types.put(hashAttribute, hashType);
        if (sortAttribute != null) {
            key.addObject().put("AttributeName", sortAttribute).put("KeyType", "RANGE");
            types.put(sortAttribute, sortType);
        }
        projection(i, projection, include);
        return this;
    }

    /** An LSI on the table's partition key and {@code sortAttribute}. */
    public TestTable lsi(String index, String sortAttribute, String sortType, String projection, String... include) {
        ObjectNode i = indexes("LocalSecondaryIndexes").addObject().put("IndexName", index);
        ArrayNode key = i.putArray("KeySchema");
        key.addObject().put("AttributeName", hash).put("KeyType", "HASH");
        key.addObject().put("AttributeName", sortAttribute).put("KeyType", "RANGE");
        types.put(sortAttribute, sortType);
        projection(i, projection, include);
        return this;
    }

    public TestTable stream(String viewType) {
        request.putObject("StreamSpecification").put("StreamEnabled", true).put("StreamViewType", viewType);
        return this;
    }

    public String name() {
        return name;
    }

    public TestTable create(TestClient client) {
        ArrayNode definitions = request.putArray("AttributeDefinitions");
        types.forEach((attribute, type) -> definitions.addObject().put("AttributeName", attribute)
                .put("AttributeType", type));
        client.callRaw("CreateTable", request.toString());
        client.backend().getTableMetadata(name).orElseThrow(() -> new AssertionError("CreateTable " + request));
        return this;
    }

    /** The shard of {@code table}'s current stream. */
    public static String streamShard(StorageBackend backend, String table) {
        return StreamShards.shardId(table, backend.getTableMetadata(table).orElseThrow().streamLabel());
    }

    private ArrayNode indexes(String member) {
        return request.has(member) ? (ArrayNode) request.get(member) : request.putArray(member);
    }

    private static void projection(ObjectNode index, String type, String... include) {
        ObjectNode p = index.putObject("Projection").put("ProjectionType", type);
        if (Projection.INCLUDE.equals(type)) {
            ArrayNode names = p.putArray("NonKeyAttributes");
            for (String n : include) {
                names.add(n);
            }
        }
    }
}
