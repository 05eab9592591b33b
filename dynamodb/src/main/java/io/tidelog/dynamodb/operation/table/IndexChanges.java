package io.tidelog.dynamodb.operation.table;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tidelog.backend.TableMetadata;
import io.tidelog.dynamodb.error.Errors;
import io.tidelog.dynamodb.table.CatalogFormat;
import io.tidelog.dynamodb.table.OnDemandThroughput;
import io.tidelog.dynamodb.table.ProvisionedThroughput;
import io.tidelog.dynamodb.table.TableSchema;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What an UpdateTable request's {@code GlobalSecondaryIndexUpdates} do to a table's index
 * definitions: the rules that need the table ({@link #check}), then the new definitions
 * ({@link #apply}). Not thread-safe: one per call, under the table's write lock.
 */
final class IndexChanges {
    private final TableMetadata table;
    private final UpdateRequest u;
    private final boolean onDemandNow;
    private final boolean onDemandAfter;
    private final double nowSeconds;
    private final ArrayNode globals;
    private final ArrayNode locals;
    private final List<String> dropped = new ArrayList<>();
    private IndexDefinition created;

    IndexChanges(TableMetadata table, UpdateRequest u, boolean onDemandNow, boolean onDemandAfter, double nowSeconds) {
        this.table = table;
        this.u = u;
        this.onDemandNow = onDemandNow;
        this.onDemandAfter = onDemandAfter;
        this.nowSeconds = nowSeconds;
        this.globals = UpdateTable.indexDocuments(table.gsiDefinitions());
        this.locals = UpdateTable.indexDocuments(table.lsiDefinitions());
    }

    void check() {
        if (u.indexUpdates() != null) {
            for (IndexUpdate i : u.indexUpdates()) {
                if (i.update() != null) {
                    checkChange(i.update());
                } else if (i.delete() != null) {
                    checkDelete(i.delete());
                } else {
                    checkCreate(i.create());
                }
            }
        }
        checkIndexCapacityOnSwitch();
    }

    private void checkChange(IndexUpdate.Change change) {
        ObjectNode index = UpdateTable.find(globals, change.indexName());
        Capacity capacity = change.capacity();
        if (index == null) {
            if (UpdateTable.find(locals, change.indexName()) != null) {
                throw Errors.notAGlobalIndex("update", change.indexName());
            }
            if (capacity != null && (capacity.read() > Capacity.MAX_UNITS || capacity.write() > Capacity.MAX_UNITS)) {
                throw Errors.indexUpdateBlocked();
            }
            throw Errors.indexNotFound(change.indexName(), table.tableName());
        }
        if (capacity == null) {
            return;
        }
        CreateTable.checkBounds(capacity);
        if (onDemandAfter) {
            throw Errors.indexCapacityWithPayPerRequest(change.indexName());
        }
        ProvisionedThroughput current = UpdateTable.throughputOf(index);
        if (!onDemandNow && current != null && current.read() == capacity.read()
                && current.write() == capacity.write()) {
            throw Errors.indexThroughputUnchanged(change.indexName(), current.read(), capacity.read(),
                    current.write(), capacity.write());
        }
    }

    private void checkDelete(String indexName) {
        if (UpdateTable.find(globals, indexName) != null) {
            return;
        }
        if (UpdateTable.find(locals, indexName) != null) {
            throw Errors.notAGlobalIndex("delete", indexName);
        }
        throw Errors.indexNotFound(indexName, table.tableName());
    }

    private void checkCreate(IndexDefinition create) {
        if (UpdateTable.find(globals, create.name()) != null || UpdateTable.find(locals, create.name()) != null) {
            throw Errors.indexAlreadyExists();
        }
        if (globals.size() >= DefinitionRules.MAX_GLOBAL_INDEXES) {
            throw Errors.globalIndexLimitReached();
        }
        if (u.definitions() == null) {
            throw Errors.indexDefinitionMissing(create.name());
        }
        DefinitionRules.keyStructure(create.keySchema());
        DefinitionRules.projection(create);
        List<String> declared = DefinitionRules.names(u.definitions());
        for (KeyElement k : create.keySchema()) {
            if (!declared.contains(k.attributeName())) {
                throw Errors.keyAttributesNotDefined(List.of(k.attributeName()), declared);
            }
        }
        if (onDemandAfter && create.capacity() != null) {
            throw Errors.indexThroughputWithPayPerRequest(create.name());
        }
        if (!onDemandAfter && create.capacity() == null) {
            throw Errors.indexThroughputRequired(create.name());
        }
        int projected = 0;
        for (JsonNode d : globals) {
            projected += d.path("Projection").path("NonKeyAttributes").size();
        }
        for (JsonNode d : locals) {
            projected += d.path("Projection").path("NonKeyAttributes").size();
        }
        DefinitionRules.projectedAttributes(projected, List.of(create));
        created = create;
    }

    /** A switch to provisioned billing must give every remaining GSI its capacity in the same call. */
    private void checkIndexCapacityOnSwitch() {
        if (!onDemandNow || onDemandAfter) {
            return;
        }
        Set<String> given = new HashSet<>();
        Set<String> deleted = new HashSet<>();
        if (u.indexUpdates() != null) {
            for (IndexUpdate i : u.indexUpdates()) {
                if (i.update() != null && i.update().capacity() != null) {
                    given.add(i.update().indexName());
                }
                if (i.delete() != null) {
                    deleted.add(i.delete());
                }
            }
        }
        List<String> missing = new ArrayList<>();
        for (String name : UpdateTable.indexNames(globals)) {
            if (!given.contains(name) && !deleted.contains(name)) {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            throw Errors.indexThroughputRequired(String.join(",", missing));
        }
    }

    /** Applies the updates to the index definitions; the catalog is written by the caller. */
    void apply() {
        for (IndexUpdate i : u.indexUpdates()) {
            if (i.update() != null) {
                applyChange(i.update());
            } else if (i.delete() != null) {
                globals.remove(UpdateTable.indexNames(globals).indexOf(i.delete()));
                dropped.add(i.delete());
            } else {
                globals.add(DefinitionDocuments.index(i.create(), !onDemandAfter));
            }
        }
    }

    /** The index created by the call, or null. */
    IndexDefinition created() {
        return created;
    }

    /** The indexes deleted by the call, whose tables are dropped. */
    List<String> dropped() {
        return dropped;
    }

    /** The GSI definitions document after {@link #apply}; null when no GSI is left. */
    String globalDefinitions() {
        return globals.isEmpty() ? null : CatalogFormat.write(globals);
    }

    /** The attribute definitions document after {@link #apply}. */
    String attributeDefinitions() {
        return CatalogFormat.write(reconciledDefinitions());
    }

    /** The table's schema with the definitions after {@link #apply}, for filling a new index. */
    TableSchema schemaAfter() {
        return TableSchema.of(withDefinitions(attributeDefinitions(), globalDefinitions()));
    }

    private void applyChange(IndexUpdate.Change change) {
        ObjectNode index = UpdateTable.find(globals, change.indexName());
        if (change.capacity() != null) {
            ProvisionedThroughput current = UpdateTable.throughputOf(index);
            ProvisionedThroughput base = current == null || onDemandNow ? ProvisionedThroughput.of(0, 0) : current;
            index.set("ProvisionedThroughput",
                    base.changedTo(change.capacity().read(), change.capacity().write(), nowSeconds).toJson());
        }
        if (change.onDemand() != null) {
            OnDemandThroughput current = UpdateTable.ceilingsOf(index);
            OnDemandThroughput merged = (current == null ? new OnDemandThroughput(null, null) : current)
                    .mergedWith(change.onDemand()).withoutRemoved();
            if (merged == null) {
                index.remove("OnDemandThroughput");
            } else {
                index.set("OnDemandThroughput", merged.toJson());
            }
        }
    }

    /**
     * The table's attribute definitions after the call: those still used by a key of the table or
     * of an index, plus the new index's from the request. A type the table already declares for an
     * attribute is kept, as DynamoDB ignores a redeclaration.
     */
    private ArrayNode reconciledDefinitions() {
        Set<String> used = new HashSet<>();
        CatalogFormat.parse(table.keySchema()).forEach(k -> used.add(k.path("AttributeName").asText()));
        for (ArrayNode indexes : List.of(globals, locals)) {
            for (JsonNode d : indexes) {
                d.path("KeySchema").forEach(k -> used.add(k.path("AttributeName").asText()));
            }
        }
        ArrayNode out = CatalogFormat.array();
        Set<String> kept = new HashSet<>();
        for (JsonNode d : CatalogFormat.parse(table.attributeDefinitions())) {
            String attribute = d.path("AttributeName").asText();
            if (used.contains(attribute) && kept.add(attribute)) {
                out.add(d);
            }
        }
        if (u.definitions() != null) {
            for (AttributeDefinition d : u.definitions()) {
                if (used.contains(d.name()) && kept.add(d.name())) {
                    out.addObject().put("AttributeName", d.name()).put("AttributeType", d.type());
                }
            }
        }
        return out;
    }

    private TableMetadata withDefinitions(String attributeDefinitions, String globalDefinitions) {
        TableMetadata m = table;
        return new TableMetadata(m.tableName(), m.keySchema(), attributeDefinitions, globalDefinitions,
                m.lsiDefinitions(), m.streamEnabled(), m.streamViewType(), m.streamLabel(), m.ttlAttribute(),
                m.ttlEnabled(), m.createdAt(), m.tableStatus(), m.billingMode(), m.provisionedThroughput(),
                m.sseSpecification(), m.tableClass(), m.deletionProtectionEnabled(), m.onDemandThroughput(),
                m.tableId());
    }
}
