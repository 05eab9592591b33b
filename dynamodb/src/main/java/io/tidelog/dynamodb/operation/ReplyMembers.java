package io.tidelog.dynamodb.operation;

import io.tidelog.dynamodb.capacity.CapacityMode;
import io.tidelog.dynamodb.capacity.ConsumedCapacity;
import io.tidelog.dynamodb.item.ItemCollectionMetrics;
import io.tidelog.dynamodb.json.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The reply members several operations share: {@code ConsumedCapacity} (one table's, or a list
 * for multi-table calls) and {@code ItemCollectionMetrics} (one, or lists by table for batches).
 * A member that was not asked for is left out.
 */
public final class ReplyMembers {
    private ReplyMembers() {}

    /** {@code ConsumedCapacity} of a single-table call, when {@code mode} asks for it. */
    public static void capacity(Response response, CapacityMode mode, ConsumedCapacity capacity) {
        if (!mode.wanted()) {
            return;
        }
        try {
            response.json().writeFieldName("ConsumedCapacity");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        capacity.write(response.json(), mode);
    }

    /** {@code ConsumedCapacity} of a multi-table call: a list, one entry per table. */
    public static void capacities(Response response, CapacityMode mode, Collection<ConsumedCapacity> capacities) {
        if (!mode.wanted()) {
            return;
        }
        try {
            response.json().writeArrayFieldStart("ConsumedCapacity");
            for (ConsumedCapacity c : capacities) {
                c.write(response.json(), mode);
            }
            response.json().writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code ItemCollectionMetrics} of a single-item write, or nothing when null. */
    public static void metrics(Response response, ItemCollectionMetrics metrics) {
        if (metrics == null) {
            return;
        }
        try {
            response.json().writeFieldName("ItemCollectionMetrics");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        metrics.write(response.json());
    }

    /** {@code ItemCollectionMetrics} of a batch: lists by table; nothing when empty. */
    public static void metricsByTable(Response response, Map<String, List<ItemCollectionMetrics>> metrics) {
        if (metrics.isEmpty()) {
            return;
        }
        try {
            response.json().writeObjectFieldStart("ItemCollectionMetrics");
            for (Map.Entry<String, List<ItemCollectionMetrics>> e : metrics.entrySet()) {
                response.json().writeArrayFieldStart(e.getKey());
                for (ItemCollectionMetrics m : e.getValue()) {
                    m.write(response.json());
                }
                response.json().writeEndArray();
            }
            response.json().writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
