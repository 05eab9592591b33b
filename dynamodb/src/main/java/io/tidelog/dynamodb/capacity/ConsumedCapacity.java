package io.tidelog.dynamodb.capacity;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code ConsumedCapacity} of one table in a reply: the table's own units and each
 * secondary index's (by index name, in the table's index order). {@code TOTAL} reports the sum
 * alone; {@code INDEXES} adds the {@code Table} share and, for indexes that consumed anything,
 * {@code GlobalSecondaryIndexes} and {@code LocalSecondaryIndexes}.
 */
public record ConsumedCapacity(String tableName, double tableUnits, Map<String, Double> globalIndexes,
        Map<String, Double> localIndexes) {

    public ConsumedCapacity {
        globalIndexes = Collections.unmodifiableMap(new LinkedHashMap<>(globalIndexes));
        localIndexes = Collections.unmodifiableMap(new LinkedHashMap<>(localIndexes));
    }

    /** A read or a write that touched no index. */
    public static ConsumedCapacity of(String tableName, double units) {
        return new ConsumedCapacity(tableName, units, Map.of(), Map.of());
    }

    public double total() {
        double sum = tableUnits;
        for (double u : globalIndexes.values()) {
            sum += u;
        }
        for (double u : localIndexes.values()) {
            sum += u;
        }
        return sum;
    }

    /** Writes the capacity as a JSON object, as {@code mode} (not NONE) reports it. */
    public void write(JsonGenerator g, CapacityMode mode) {
        try {
            g.writeStartObject();
            g.writeStringField("TableName", tableName);
            g.writeNumberField("CapacityUnits", total());
            if (mode == CapacityMode.INDEXES) {
                g.writeObjectFieldStart("Table");
                g.writeNumberField("CapacityUnits", tableUnits);
                g.writeEndObject();
                indexes(g, "GlobalSecondaryIndexes", globalIndexes);
                indexes(g, "LocalSecondaryIndexes", localIndexes);
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void indexes(JsonGenerator g, String member, Map<String, Double> units) throws IOException {
        if (units.isEmpty()) {
            return;
        }
        g.writeObjectFieldStart(member);
        for (Map.Entry<String, Double> e : units.entrySet()) {
            g.writeObjectFieldStart(e.getKey());
            g.writeNumberField("CapacityUnits", e.getValue());
            g.writeEndObject();
        }
        g.writeEndObject();
    }
}
