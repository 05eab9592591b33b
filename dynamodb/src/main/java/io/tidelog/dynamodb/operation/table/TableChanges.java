package io.tidelog.dynamodb.operation.table;

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
    private final IndexChanges indexes;
    private OnDemandThroughput onDemandEcho;

    TableChanges(TableMetadata table, UpdateRequest u, Instant now) {
        this.table = table;
        this.u = u;
        this.now = now;
        this.nowSeconds = now.toEpochMilli() / 1000.0;
        this.onDemandNow = CreateTable.PAY_PER_REQUEST.equals(table.billingMode());
        this.onDemandAfter = u.billingMode() != null ? CreateTable.PAY_PER_REQUEST.equals(u.billingMode()) : onDemandNow;
        this.stored = ProvisionedThroughput.parse(table.provisionedThroughput());
        this.indexes = new IndexChanges(table, u, onDemandNow, onDemandAfter, nowSeconds);
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
        indexes.check();
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

    /** Fills a created index, then makes every catalog change in one backend transaction. */
    void apply(StorageBackend backend) {
        String name = table.tableName();
        if (u.indexUpdates() != null) {
            indexes.apply();
        }
        if (indexes.created() != null) {
            TableSchema withIndex = indexes.schemaAfter();
            IndexBackfill.fill(backend, withIndex, withIndex.index(indexes.created().name()));
        }
        backend.beginTransaction();
        boolean committed = false;
        try {
            if (u.indexUpdates() != null) {
                backend.updateTableMetadata(name, indexes.attributeDefinitions(), indexes.globalDefinitions());
                for (String index : indexes.dropped()) {
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
