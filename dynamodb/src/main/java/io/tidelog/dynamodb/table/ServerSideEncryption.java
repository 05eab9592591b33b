package io.tidelog.dynamodb.table;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A table's encryption with a KMS key, as the catalog stores it:
 * {@code {"Enabled":true, "SSEType":"KMS", "KMSMasterKeyId":"arn:aws:kms:…:key/…"}}. A table
 * encrypted with DynamoDB's own key (the default, and {@code Enabled: false}) stores none and
 * shows no {@code SSEDescription}.
 */
public record ServerSideEncryption(String sseType, String kmsMasterKeyArn) {

    public static ServerSideEncryption parse(String json) {
        if (json == null || json.equals("null")) {
            return null;
        }
        JsonNode d = CatalogFormat.parse(json);
        if (!d.path("Enabled").asBoolean(false)) {
            return null;
        }
        return new ServerSideEncryption(d.path("SSEType").asText("KMS"), d.path("KMSMasterKeyId").asText(null));
    }

    public ObjectNode toJson() {
        ObjectNode o = CatalogFormat.object();
        o.put("Enabled", true).put("SSEType", sseType).put("KMSMasterKeyId", kmsMasterKeyArn);
        return o;
    }
}
