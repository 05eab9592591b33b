package io.tidelog.dynamodb.table;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The ceilings of an on-demand table or GSI, as the catalog stores them and DynamoDB shows them:
 * {@code {"MaxReadRequestUnits":100, "MaxWriteRequestUnits":50}}, either member optional. In an
 * UpdateTable request -1 removes a ceiling.
 */
public record OnDemandThroughput(Long maxRead, Long maxWrite) {
    public static final long REMOVE = -1;

    public boolean isEmpty() {
        return maxRead == null && maxWrite == null;
    }

    /** The document's ceilings; null for a null, {@code "null"} or empty document. */
    public static OnDemandThroughput parse(String json) {
        if (json == null || json.equals("null")) {
            return null;
        }
        return read(CatalogFormat.parse(json));
    }

    public static OnDemandThroughput read(JsonNode d) {
        if (d == null || !d.isObject()) {
            return null;
        }
        OnDemandThroughput t = new OnDemandThroughput(member(d, "MaxReadRequestUnits"), member(d, "MaxWriteRequestUnits"));
        return t.isEmpty() ? null : t;
    }

    private static Long member(JsonNode d, String name) {
        JsonNode v = d.get(name);
        return v == null || !v.isNumber() ? null : v.longValue();
    }

    /** These ceilings with {@code change} laid over them member by member (-1 kept as given). */
    public OnDemandThroughput mergedWith(OnDemandThroughput change) {
        return new OnDemandThroughput(change.maxRead != null ? change.maxRead : maxRead,
                change.maxWrite != null ? change.maxWrite : maxWrite);
    }

    /** These ceilings without the removed (-1) members; null when none is left. */
    public OnDemandThroughput withoutRemoved() {
        OnDemandThroughput t = new OnDemandThroughput(maxRead != null && maxRead == REMOVE ? null : maxRead,
                maxWrite != null && maxWrite == REMOVE ? null : maxWrite);
        return t.isEmpty() ? null : t;
    }

    public ObjectNode toJson() {
        ObjectNode o = CatalogFormat.object();
        if (maxRead != null) {
            o.put("MaxReadRequestUnits", maxRead);
        }
        if (maxWrite != null) {
            o.put("MaxWriteRequestUnits", maxWrite);
        }
        return o;
    }
}
