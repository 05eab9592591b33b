package io.tidelog.dynamodb.table;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The JSON documents a table's catalog row holds, in DynamoDB's own wire shapes so that
 * {@code DescribeTable} can return them as they are:
 *
 * <pre>
 * keySchema             [{"AttributeName":"pk","KeyType":"HASH"}, {"AttributeName":"sk","KeyType":"RANGE"}]
 * attributeDefinitions  [{"AttributeName":"pk","AttributeType":"S"}, ...]   exactly the key attributes of the
 *                                                                          table and its indexes
 * gsiDefinitions        [{"IndexName":"byStatus","KeySchema":[...],"Projection":{"ProjectionType":"INCLUDE",
 *                         "NonKeyAttributes":["a"]}, "ProvisionedThroughput":{...}, "OnDemandThroughput":{...}},
 *                        ...]                                                   (null: none; in creation order)
 * lsiDefinitions        [{"IndexName":"byDate","KeySchema":[...],"Projection":{...}}, ...]     (null: none)
 * provisionedThroughput {"ReadCapacityUnits":5,"WriteCapacityUnits":5, "LastIncreaseDateTime":…,
 *                        "LastDecreaseDateTime":…, "NumberOfDecreasesToday":1,
 *                        "LastUpdateToPayPerRequestDateTime":…}     ({@link ProvisionedThroughput}; null: none)
 * onDemandThroughput    {"MaxReadRequestUnits":100, "MaxWriteRequestUnits":50}  ({@link OnDemandThroughput})
 * sseSpecification      {"Enabled":true,"SSEType":"KMS","KMSMasterKeyId":"arn:aws:kms:…"}
 *                                                                          ({@link ServerSideEncryption})
 * </pre>
 *
 * The plain columns: {@code billingMode} is {@code PROVISIONED} or {@code PAY_PER_REQUEST},
 * {@code tableClass} the class asked for (null: never set), {@code createdAt} the creation time
 * in epoch seconds, {@code streamLabel} the time the latest stream was enabled
 * ({@link Arns#streamLabel}). A GSI's throughput document has the table's shape; an on-demand
 * table keeps a throughput document only for its history (its units read as zero).
 *
 * An index definition may carry more members; readers ignore those they do not know.
 */
public final class CatalogFormat {
    static final ObjectMapper JSON = new ObjectMapper();

    private CatalogFormat() {}

    public static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a catalog row holds malformed JSON: " + json, e);
        }
    }

    public static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ObjectNode object() {
        return JSON.createObjectNode();
    }

    public static ArrayNode array() {
        return JSON.createArrayNode();
    }

    /** The key schema document of {@code key}. */
    public static ArrayNode keySchema(KeySchema key) {
        ArrayNode a = array();
        a.addObject().put("AttributeName", key.partition().name()).put("KeyType", "HASH");
        if (key.hasSort()) {
            a.addObject().put("AttributeName", key.sort().name()).put("KeyType", "RANGE");
        }
        return a;
    }

    /** The attribute definitions document: name → scalar type, in the given order. */
    public static ArrayNode attributeDefinitions(Map<String, String> types) {
        ArrayNode a = array();
        types.forEach((name, type) -> a.addObject().put("AttributeName", name).put("AttributeType", type));
        return a;
    }

    /** The projection document of {@code p}. */
    public static ObjectNode projection(Projection p) {
        ObjectNode o = object();
        o.put("ProjectionType", p.type());
        if (!p.nonKeyAttributes().isEmpty()) {
            ArrayNode names = o.putArray("NonKeyAttributes");
            p.nonKeyAttributes().forEach(names::add);
        }
        return o;
    }

    static KeySchema readKeySchema(JsonNode keySchema, JsonNode attributeDefinitions) {
        KeyAttribute partition = null;
        KeyAttribute sort = null;
        for (JsonNode e : keySchema) {
            String name = e.path("AttributeName").asText();
            KeyAttribute a = new KeyAttribute(name, typeOf(name, attributeDefinitions));
            if ("HASH".equals(e.path("KeyType").asText())) {
                partition = a;
            } else {
                sort = a;
            }
        }
        if (partition == null) {
            throw new IllegalStateException("a key schema without a HASH key: " + keySchema);
        }
        return new KeySchema(partition, sort);
    }

    static List<SecondaryIndex> readIndexes(String json, boolean global, JsonNode attributeDefinitions) {
        if (json == null || json.equals("null")) {
            return List.of();
        }
        List<SecondaryIndex> out = new ArrayList<>();
        for (JsonNode d : parse(json)) {
            JsonNode p = d.path("Projection");
            List<String> nonKey = new ArrayList<>();
            p.path("NonKeyAttributes").forEach(n -> nonKey.add(n.asText()));
            String type = p.path("ProjectionType").asText(Projection.ALL);
            out.add(new SecondaryIndex(d.path("IndexName").asText(), global,
                    readKeySchema(d.path("KeySchema"), attributeDefinitions), new Projection(type, nonKey)));
        }
        return List.copyOf(out);
    }

    private static String typeOf(String attribute, JsonNode attributeDefinitions) {
        for (JsonNode d : attributeDefinitions) {
            if (attribute.equals(d.path("AttributeName").asText())) {
                return d.path("AttributeType").asText();
            }
        }
        throw new IllegalStateException("key attribute " + attribute + " has no attribute definition");
    }
}
