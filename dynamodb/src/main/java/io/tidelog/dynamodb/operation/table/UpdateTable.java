package io.tidelog.dynamodb.operation.table;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tidelog.backend.StorageBackend;
import io.tidelog.backend.TableMetadata;
import io.tidelog.dynamodb.error.ConstraintViolations;
import io.tidelog.dynamodb.error.Errors;
import io.tidelog.dynamodb.json.Request;
import io.tidelog.dynamodb.json.Response;
import io.tidelog.dynamodb.operation.Context;
import io.tidelog.dynamodb.operation.Operation;
import io.tidelog.dynamodb.table.Arns;
import io.tidelog.dynamodb.table.CatalogFormat;
import io.tidelog.dynamodb.table.OnDemandThroughput;
import io.tidelog.dynamodb.table.ProvisionedThroughput;
import io.tidelog.dynamodb.table.TableCatalog;
import io.tidelog.dynamodb.table.TableNames;
import io.tidelog.dynamodb.table.TableSchema;
import java.io.IOException;
import java.time.Instant;
import java.util.List;

/**
 * UpdateTable: billing mode and throughput, on-demand ceilings, the stream, the table class,
 * deletion protection, and one GSI created (with its entries backfilled from the table's items)
 * or deleted per call, with DynamoDB's rules on which changes may share a call.
 *
 * <p>Runs under the table's write lock. A new index is filled first, then every catalog change of
 * the call is made in one backend transaction, so the index appears in the catalog complete or
 * not at all. Changes take effect at once; the reply shows {@code UPDATING} with the previous
 * capacity while throughput or billing changes, as DynamoDB's does.
 */
public final class UpdateTable implements Operation {

    @Override
    public boolean writes() {
        return true;
    }

    @Override
    public void execute(Request r, Response out, Context c) throws IOException {
        String name = r.string("TableName");
        if (name == null) {
            throw Errors.tableNameRequired();
        }
        if (name.length() < TableNames.MIN_LENGTH || name.length() > TableNames.MAX_LENGTH) {
            throw Errors.tableNameLength();
        }
        ConstraintViolations v = new ConstraintViolations();
        if (!TableNames.matchesPattern(name)) {
            v.pattern("tableName", name, ConstraintViolations.NAME_PATTERN);
        }
        UpdateRequest u = UpdateRequest.read(r, v);
        v.throwIfAny();
        u.checkRequest();

        StorageBackend backend = c.backend();
        Instant now = c.clock().instant();
        TableMetadata updated;
        TableChanges changes;
        try (TableCatalog.Held held = c.tables().write(name)) {
            TableMetadata table = backend.getTableMetadata(name).orElseThrow(() -> Errors.tableNotFound(name));
            changes = new TableChanges(table, u, now);
            changes.check();
            changes.apply(backend);
            c.wrote(backend.lastSequence());
            updated = backend.getTableMetadata(name).orElseThrow();
        }
        TableDescription description = new TableDescription(updated, Arns.of(c.options()), now)
                .counts(TableCounts.live(backend, TableSchema.of(updated)));
        if (changes.changesCapacity()) {
            description.status("UPDATING").throughputShown(changes.throughputShown());
        }
        if (changes.onDemandEcho() != null) {
            description.onDemandShown(changes.onDemandEcho());
        }
        description.write(out.json(), "TableDescription");
    }

    /** A parsed GSI definitions document, mutable for the changes of one call. */
    static ArrayNode indexDocuments(String json) {
        if (json == null || json.equals("null")) {
            return CatalogFormat.array();
        }
        JsonNode parsed = CatalogFormat.parse(json);
        return parsed.isArray() ? (ArrayNode) parsed.deepCopy() : CatalogFormat.array();
    }

    static ObjectNode find(ArrayNode indexes, String name) {
        for (JsonNode d : indexes) {
            if (d.path("IndexName").asText().equals(name)) {
                return (ObjectNode) d;
            }
        }
        return null;
    }

    static ProvisionedThroughput throughputOf(ObjectNode index) {
        return ProvisionedThroughput.read(index.path("ProvisionedThroughput"));
    }

    static OnDemandThroughput ceilingsOf(ObjectNode index) {
        return OnDemandThroughput.read(index.path("OnDemandThroughput"));
    }

    static List<String> indexNames(ArrayNode indexes) {
        List<String> out = new java.util.ArrayList<>();
        indexes.forEach(d -> out.add(d.path("IndexName").asText()));
        return out;
    }
}
