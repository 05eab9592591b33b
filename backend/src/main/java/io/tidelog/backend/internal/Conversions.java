package io.tidelog.backend.internal;

import io.tidelog.backend.TableMetadata;
import io.tidelog.backend.Tag;
import io.tidelog.projections.CatalogRow;
import java.util.ArrayList;
import java.util.List;

/** Between the views' records and the API's records. */
final class Conversions {
    private Conversions() {}

    static TableMetadata metadata(CatalogRow r) {
        return new TableMetadata(r.tableName(), r.keySchema(), r.attributeDefinitions(),
                r.gsiDefinitions(), r.lsiDefinitions(), r.streamEnabled(), r.streamViewType(),
                r.streamLabel(), r.ttlAttribute(), r.ttlEnabled(), r.createdAt(), r.tableStatus(),
                r.billingMode(), r.provisionedThroughput(), r.sseSpecification(), r.tableClass(),
                r.deletionProtectionEnabled(), r.onDemandThroughput(), r.tableId());
    }

    static List<Tag> tags(CatalogRow r) {
        List<Tag> out = new ArrayList<>(r.tags().size());
        r.tags().forEach(t -> out.add(new Tag(t.key(), t.value())));
        return List.copyOf(out);
    }
}
