package io.tidelog.dynamodb.operation.table;

import io.tidelog.backend.CreateTableMetadata;
import io.tidelog.backend.StorageBackend;
import io.tidelog.backend.Tag;
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
import io.tidelog.dynamodb.table.ServerSideEncryption;
import io.tidelog.dynamodb.table.TableCatalog;
import io.tidelog.dynamodb.table.TableNames;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * CreateTable: validates the definition in DynamoDB's order, then writes the catalog row, the data
 * table and every index table, the stream settings and the tags in one backend transaction, so a
 * crash never leaves half a table. The table is usable at once; the reply shows DynamoDB's
 * {@code CREATING} status, as DynamoDB's own reply does.
 */
public final class CreateTable implements Operation {
    static final String PAY_PER_REQUEST = "PAY_PER_REQUEST";
    static final String PROVISIONED = "PROVISIONED";

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
        ConstraintViolations nameViolations = new ConstraintViolations();
        TableNames.checkForCreate(name, nameViolations);
        nameViolations.throwIfAny();

        ConstraintViolations v = new ConstraintViolations();
        String billingMode = DefinitionReader.oneOf(r, "BillingMode", "billingMode", DefinitionReader.BILLING_MODES, v);
        Capacity capacity = DefinitionReader.capacity(r, "ProvisionedThroughput", "provisionedThroughput", v);
        List<KeyElement> keys = DefinitionReader.keySchema(r, "KeySchema", "keySchema", true, v);
        List<AttributeDefinition> definitions = DefinitionReader.attributeDefinitions(r, true, v);
        List<IndexDefinition> locals = DefinitionReader.localIndexes(r, v);
        List<IndexDefinition> globals = DefinitionReader.globalIndexes(r, v);
        StreamRequest stream = StreamRequest.read(r, v);
        Encryption encryption = Encryption.read(r, v);
        List<Tag> tags = TagRules.read(r, "Tags", "tags", v);
        v.throwIfAny();

        boolean onDemand = PAY_PER_REQUEST.equals(billingMode);
        checkCapacity(onDemand, capacity);
        DefinitionRules.keysDefined(keys, definitions);
        DefinitionRules.keyStructure(keys);
        if (locals != null && locals.isEmpty()) {
            throw Errors.emptyIndexList("LocalSecondaryIndexes");
        }
        if (globals != null && globals.isEmpty()) {
            throw Errors.emptyIndexList("GlobalSecondaryIndexes");
        }
        List<IndexDefinition> allIndexes = new ArrayList<>();
        if (locals != null) {
            DefinitionRules.localIndexes(locals, keys, definitions);
            allIndexes.addAll(locals);
        }
        if (globals != null) {
            DefinitionRules.globalIndexes(globals, definitions, onDemand);
            allIndexes.addAll(globals);
        }
        if (locals != null && globals != null) {
            DefinitionRules.distinctAcrossKinds(locals, globals);
        }
        DefinitionRules.projectedAttributes(0, allIndexes);
        DefinitionRules.definitionsMatchKeys(keys, definitions, allIndexes);
        stream.checkAtCreate();
        ConstraintViolations classViolations = new ConstraintViolations();
        String tableClass = DefinitionReader.oneOf(r, "TableClass", "tableClass", DefinitionReader.TABLE_CLASSES,
                classViolations);
        classViolations.throwIfAny();
        OnDemandThroughput ceilings = DefinitionReader.onDemand(r, "OnDemandThroughput");
        checkCeilings(onDemand, ceilings);
        Encryption.check(r);
        if (tags != null) {
            TagRules.check(tags);
            TagRules.checkLimit(List.of(), tags);
        }
        Boolean deletionProtection = r.bool("DeletionProtectionEnabled");

        Arns arns = Arns.of(c.options());
        ServerSideEncryption sse = encryption.resolved(arns);
        CreateTableMetadata row = new CreateTableMetadata(name,
                CatalogFormat.write(DefinitionDocuments.keySchema(keys)),
                CatalogFormat.write(DefinitionDocuments.attributeDefinitions(definitions)),
                globals == null ? null : CatalogFormat.write(DefinitionDocuments.indexes(globals, !onDemand)),
                locals == null ? null : CatalogFormat.write(DefinitionDocuments.indexes(locals, false)),
                onDemand ? null : CatalogFormat.write(ProvisionedThroughput.of(capacity.read(), capacity.write()).toJson()),
                c.clock().instant().getEpochSecond(),
                sse == null ? null : CatalogFormat.write(sse.toJson()),
                tableClass, Boolean.TRUE.equals(deletionProtection), onDemand ? PAY_PER_REQUEST : PROVISIONED,
                ceilings == null ? null : CatalogFormat.write(ceilings.toJson()));

        StorageBackend backend = c.backend();
        TableMetadata created;
        try (TableCatalog.Held held = c.tables().write(name)) {
            if (backend.tableExists(name)) {
                throw Errors.tableAlreadyExists(name);
            }
            backend.beginTransaction();
            boolean committed = false;
            try {
                backend.insertTableMetadata(row);
                backend.createDataTable(name);
                for (IndexDefinition i : globals == null ? List.<IndexDefinition>of() : globals) {
                    // An index table left behind by an index creation that a crash cut short.
                    backend.dropGsiTable(name, i.name());
                    backend.createGsiTable(name, i.name());
                }
                for (IndexDefinition i : locals == null ? List.<IndexDefinition>of() : locals) {
                    backend.dropLsiTable(name, i.name());
                    backend.createLsiTable(name, i.name());
                }
                if (stream.enabled()) {
                    backend.enableStream(name, stream.viewType(), Arns.streamLabel(c.clock().instant()));
                }
                if (tags != null && !tags.isEmpty()) {
                    backend.setTags(name, tags);
                }
                backend.commit();
                committed = true;
            } finally {
                if (!committed) {
                    backend.rollback();
                }
            }
            c.wrote(backend.lastSequence());
            created = backend.getTableMetadata(name).orElseThrow();
        }
        TableDescription description = new TableDescription(created, arns, c.clock().instant())
                .status("CREATING").indexStatus("CREATING");
        if (deletionProtection == null) {
            description.withoutDeletionProtection();
        }
        description.write(out.json(), "TableDescription");
    }

    /** Capacity units go with provisioned billing only, within DynamoDB's bounds. */
    private static void checkCapacity(boolean onDemand, Capacity capacity) {
        if (onDemand && capacity != null) {
            throw Errors.capacityWithPayPerRequest();
        }
        if (capacity != null) {
            checkBounds(capacity);
        }
        if (!onDemand && capacity == null) {
            throw Errors.capacityRequiredWhenProvisioned();
        }
    }

    static void checkBounds(Capacity capacity) {
        if (capacity.read() > Capacity.MAX_UNITS) {
            throw Errors.capacityOutOfBounds("ReadCapacityUnits", capacity.read());
        }
        if (capacity.write() > Capacity.MAX_UNITS) {
            throw Errors.capacityOutOfBounds("WriteCapacityUnits", capacity.write());
        }
    }

    /** On-demand ceilings go with on-demand billing only and are at least 1. */
    private static void checkCeilings(boolean onDemand, OnDemandThroughput ceilings) {
        if (ceilings == null) {
            return;
        }
        if (!onDemand) {
            throw Errors.onDemandThroughputWhenProvisionedAtCreate(
                    ceilings.maxRead() != null ? "MaxReadRequestUnits" : "MaxWriteRequestUnits");
        }
        if (ceilings.maxRead() != null && ceilings.maxRead() < 1) {
            throw Errors.onDemandThroughputOutOfRange("MaxReadRequestUnits");
        }
        if (ceilings.maxWrite() != null && ceilings.maxWrite() < 1) {
            throw Errors.onDemandThroughputOutOfRange("MaxWriteRequestUnits");
        }
    }
}
