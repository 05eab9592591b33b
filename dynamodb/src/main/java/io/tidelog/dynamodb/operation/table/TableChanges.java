package io.tidelog.dynamodb.operation.table;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tidelog.backend.StorageBackend;
import io.tidelog.backend.TableMetadata;
import io.tidelog.dynamodb.error.Errors;
import io.tidelog.dynamodb.table.Arns;
import io.tidelog.dynamodb.table.CatalogFormat;
import io.tidelog.dynamodb.table.OnDemandThroughput;
import io.tidelog.dynamodb.table.ProvisionedThroughput;
import io.tidelog.dynamodb.table.ServerSideEncryption;
import io.tidelog.dynamodb.table.TableSchema;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What an UpdateTable request does to one table: the rules that depend on the table as it is
 * ({@link #check}), then the changes ({@link #apply}). Not thread-safe: one per call, under the
 * table's write lock.
 */
final class TableChanges {
    private final TableMetadata table;
    private final UpdateRequest u;
    private final Instant now;
    private final double nowSeconds;
    private final boolean onDemandNow;
    private final boolean onDemandAfter;
    private final ProvisionedThroughput stored;
    private final ArrayNode globals;
    private final ArrayNode locals;
    private IndexDefinition created;
    private OnDemandThroughput onDemandEcho;

    TableChanges(TableMetadata table, UpdateRequest u, Instant now) {
        this.table = table;
        this.u = u;
        this.now = now;
        this.nowSeconds = now.toEpochMilli() / 1000.0;
        this.onDemandNow = CreateTable.PAY_PER_REQUEST.equals(table.billingMode());
        this.onDemandAfter = u.billingMode() != null ? CreateTable.PAY_PER_REQUEST.equals(u.billingMode()) : onDemandNow;
        this.stored = ProvisionedThroughput.parse(table.provisionedThroughput());
        this.globals = UpdateTable.indexDocuments(table.gsiDefinitions());
        this.locals = UpdateTable.indexDocuments(table.lsiDefinitions());
    }

    /** Whether the call changes capacity units or billing mode (the table then shows UPDATING). */
    boolean changesCapacity() {
        return u.capacity() != null || onDemandAfter != onDemandNow;
    }

    /** The on-demand ceilings the reply echoes (a removal's -1 kept), or null. */
    OnDemandThroughput onDemandEcho() {
        return onDemandEcho;
    }

    /** The throughput a reply shows while capacity changes: the new history with the old units. */
    ProvisionedThroughput throughputShown() {
        ProvisionedThroughput after = ProvisionedThroughput.parse(newThroughputJson());
        long read = onDemandNow ? 0 : currentRead();
        long write = onDemandNow ? 0 : currentWrite();
        return after == null ? null : new ProvisionedThroughput(read, write, after.lastIncrease(),
                after.lastDecrease(), after.decreases(), after.lastUpdateToPayPerRequest());
    }

    private long currentRead() {
        return stored == null ? 0 : stored.read();
    }

    private long currentWrite() {
        return stored == null ? 0 : stored.write();
    }

    void check() {
        Capacity capacity = u.capacity();
        if (onDemandNow && u.billingMode() == null && capacity != null) {
            throw Errors.capacityWithPayPerRequest();
        }
        checkCeilings();
        if (capacity != null && !onDemandNow && capacity.read() == currentRead() && capacity.write() == currentWrite()) {
            throw Errors.throughputUnchanged(currentRead(), capacity.read(), currentWrite(), capacity.write());
        }
        if (u.stream().present()) {
            if (u.stream().enabled() && table.streamEnabled()) {
                throw Errors.streamAlreadyEnabled(table.tableName());
            }
            if (!u.stream().enabled() && !table.streamEnabled()) {
                throw Errors.noStreamToDisable(table.tableName());
            }
        }
        if (u.encryption().present()) {
            if (u.encryption().kms() == null && ServerSideEncryption.parse(table.sseSpecification()) == null) {
                throw Errors.alreadyEncryptedByDefault();
            }
            throw Errors.encryptionChangeUnsupported();
        }
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

    private void checkCeilings() {
        OnDemandThroughput ceilings = u.ceilings();
        if (ceilings == null) {
            return;
        }
        if (!onDemandAfter) {
            throw Errors.onDemandThroughputWhenProvisioned(
                    ceilings.maxRead() != null ? "MaxReadRequestUnits" : "MaxWriteRequestUnits");
        }
        if (outOfRange(ceilings.maxRead())) {
            throw Errors.onDemandThroughputOutOfRange("MaxReadRequestUnits");
        }
        if (outOfRange(ceilings.maxWrite())) {
            throw Errors.onDemandThroughputOutOfRange("MaxWriteRequestUnits");
        }
    }

    private static boolean outOfRange(Long ceiling) {
        return ceiling != null && (ceiling == 0 || ceiling < OnDemandThroughput.REMOVE);
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

    /** Fills a created index, then makes every catalog change in one backend transaction. */
    void apply(StorageBackend backend) {
        String name = table.tableName();
        String attributeDefinitions = table.attributeDefinitions();
        List<String> dropped = new ArrayList<>();
        if (u.indexUpdates() != null) {
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
            attributeDefinitions = CatalogFormat.write(reconciledDefinitions());
        }
        String globalDefinitions = globals.isEmpty() ? null : CatalogFormat.write(globals);
        if (created != null) {
            TableSchema withIndex = TableSchema.of(withDefinitions(attributeDefinitions, globalDefinitions));
            IndexBackfill.fill(backend, withIndex, withIndex.index(created.name()));
        }
        backend.beginTransaction();
        boolean committed = false;
        try {
            if (u.indexUpdates() != null) {
                backend.updateTableMetadata(name, attributeDefinitions, globalDefinitions);
                for (String index : dropped) {
                    backend.dropGsiTable(name, index);
                }
            }
            applyBilling(backend);
            if (u.tableClass() != null) {
                backend.updateTableClass(name, u.tableClass());
            }
            if (u.deletionProtection() != null) {
                backend.updateDeletionProtection(name, u.deletionProtection());
            }
            if (u.stream().present()) {
                if (u.stream().enabled()) {
                    backend.enableStream(name, u.stream().viewType(), newStreamLabel());
                } else {
                    backend.disableStream(name);
                }
            }
            backend.commit();
            committed = true;
        } finally {
            if (!committed) {
                backend.rollback();
            }
        }
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

    private void applyBilling(StorageBackend backend) {
        String name = table.tableName();
        if (u.billingMode() != null && onDemandAfter != onDemandNow) {
            backend.updateBillingMode(name, onDemandAfter ? CreateTable.PAY_PER_REQUEST : CreateTable.PROVISIONED);
            if (!onDemandAfter) {
                backend.clearOnDemandThroughput(name);
            }
        }
        String throughput = newThroughputJson();
        if (throughput != null && !throughput.equals(table.provisionedThroughput())) {
            backend.updateProvisionedThroughput(name, throughput);
        }
        OnDemandThroughput ceilings = u.ceilings();
        if (ceilings != null) {
            OnDemandThroughput current = OnDemandThroughput.parse(table.onDemandThroughput());
            OnDemandThroughput merged = (current == null ? new OnDemandThroughput(null, null) : current)
                    .mergedWith(ceilings);
            onDemandEcho = merged;
            OnDemandThroughput effective = merged.withoutRemoved();
            if (effective == null) {
                backend.clearOnDemandThroughput(name);
            } else {
                backend.updateOnDemandThroughput(name, CatalogFormat.write(effective.toJson()));
            }
        }
    }

    /** The table's throughput document after the call (null: unchanged from none). */
    private String newThroughputJson() {
        Capacity capacity = u.capacity();
        if (onDemandAfter && !onDemandNow) {
            ProvisionedThroughput base = stored == null ? ProvisionedThroughput.of(0, 0) : stored;
            return CatalogFormat.write(new ProvisionedThroughput(0, 0, base.lastIncrease(), base.lastDecrease(),
                    base.decreases(), nowSeconds).toJson());
        }
        if (!onDemandAfter && onDemandNow) {
            Double lastSwitch = stored != null && stored.lastUpdateToPayPerRequest() != null
                    ? stored.lastUpdateToPayPerRequest() : Double.valueOf(table.createdAt());
            ProvisionedThroughput base = stored == null ? ProvisionedThroughput.of(0, 0)
                    : new ProvisionedThroughput(0, 0, stored.lastIncrease(), stored.lastDecrease(), stored.decreases(),
                            null);
            return CatalogFormat.write(base.changedTo(capacity.read(), capacity.write(), nowSeconds)
                    .withLastUpdateToPayPerRequest(lastSwitch).toJson());
        }
        if (capacity != null && !onDemandNow) {
            ProvisionedThroughput base = stored == null ? ProvisionedThroughput.of(0, 0) : stored;
            return CatalogFormat.write(base.changedTo(capacity.read(), capacity.write(), nowSeconds).toJson());
        }
        return table.provisionedThroughput();
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

    /** A label unlike the table's previous one, even when enabled again within the same millisecond. */
    private String newStreamLabel() {
        Instant at = now;
        String label = Arns.streamLabel(at);
        while (label.equals(table.streamLabel())) {
            at = at.plusMillis(1);
            label = Arns.streamLabel(at);
        }
        return label;
    }
}
