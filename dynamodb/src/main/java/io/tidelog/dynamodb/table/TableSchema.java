package io.tidelog.dynamodb.table;

import com.fasterxml.jackson.databind.JsonNode;
import io.tidelog.backend.TableMetadata;
import java.util.ArrayList;
import java.util.List;

/**
 * A table as item operations need it, parsed once from its catalog row: its key, its indexes,
 * its stream and TTL settings. Immutable; a table change produces a new one.
 *
 * @param metadata the catalog row it was parsed from
 */
public record TableSchema(TableMetadata metadata, KeySchema key, List<SecondaryIndex> globalIndexes,
        List<SecondaryIndex> localIndexes) {

    public TableSchema {
        globalIndexes = List.copyOf(globalIndexes);
        localIndexes = List.copyOf(localIndexes);
    }

    public static TableSchema of(TableMetadata m) {
        JsonNode definitions = CatalogFormat.parse(m.attributeDefinitions());
        KeySchema key = CatalogFormat.readKeySchema(CatalogFormat.parse(m.keySchema()), definitions);
        return new TableSchema(m, key,
                CatalogFormat.readIndexes(m.gsiDefinitions(), true, definitions),
                CatalogFormat.readIndexes(m.lsiDefinitions(), false, definitions));
    }

    public String name() {
        return metadata.tableName();
    }

    /** Every secondary index, global ones first. */
    public List<SecondaryIndex> indexes() {
        List<SecondaryIndex> all = new ArrayList<>(globalIndexes.size() + localIndexes.size());
        all.addAll(globalIndexes);
        all.addAll(localIndexes);
        return all;
    }

    /** The index named {@code name} (global or local), or null. */
    public SecondaryIndex index(String name) {
        for (SecondaryIndex i : globalIndexes) {
            if (i.name().equals(name)) {
                return i;
            }
        }
        for (SecondaryIndex i : localIndexes) {
            if (i.name().equals(name)) {
                return i;
            }
        }
        return null;
    }

    /** The stream view type while a stream is enabled, else null. */
    public String streamViewType() {
        return metadata.streamEnabled() ? metadata.streamViewType() : null;
    }

    /** The TTL attribute while TTL is enabled, else null. */
    public String ttlAttribute() {
        return metadata.ttlEnabled() ? metadata.ttlAttribute() : null;
    }
}
