package io.tidelog.dynamodb.item;

import com.fasterxml.jackson.core.JsonGenerator;
import io.tidelog.dynamodb.value.AttributeValue;
import io.tidelog.dynamodb.value.AttributeValueJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The {@code ItemCollectionMetrics} of a write to a table with local secondary indexes: the
 * partition key of the item collection it wrote to and the collection's size in GB, which
 * DynamoDB reports as a range ({@code SizeEstimateRangeGB}); ours is exact, both ends equal.
 */
public record ItemCollectionMetrics(Map<String, AttributeValue> collectionKey, double sizeGb) {

    public ItemCollectionMetrics {
        collectionKey = Map.copyOf(collectionKey);
    }

    public void write(JsonGenerator g) {
        try {
            g.writeStartObject();
            g.writeFieldName("ItemCollectionKey");
            AttributeValueJson.writeMap(g, collectionKey);
            g.writeArrayFieldStart("SizeEstimateRangeGB");
            g.writeNumber(sizeGb);
            g.writeNumber(sizeGb);
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
