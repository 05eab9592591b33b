package io.tidelog.dynamodb.operation.table;

import io.tidelog.dynamodb.error.ConstraintViolations;
import io.tidelog.dynamodb.error.Errors;
import io.tidelog.dynamodb.json.Request;
import io.tidelog.dynamodb.table.OnDemandThroughput;
import java.util.List;

/**
 * An UpdateTable request as asked, with the rules that need no table: something must change,
 * billing mode and capacity must agree, and DynamoDB's rules on which changes may share a call
 * (server-side encryption, the table class and deletion protection each alone; on-demand ceilings
 * only with a billing mode; no stream change with a capacity change; no index created or deleted
 * beside a capacity or stream change).
 *
 * @param billingMode   null when not asked
 * @param capacity      the table's new capacity, or null
 * @param indexUpdates  {@code GlobalSecondaryIndexUpdates}, or null
 * @param definitions   {@code AttributeDefinitions}, or null
 * @param ceilings      non-empty {@code OnDemandThroughput}, or null
 * @param tableClass    null when not asked
 * @param deletionProtection null when not asked
 */
record UpdateRequest(String billingMode, Capacity capacity, List<IndexUpdate> indexUpdates,
        List<AttributeDefinition> definitions, StreamRequest stream, Encryption encryption,
        OnDemandThroughput ceilings, String tableClass, Boolean deletionProtection) {

    static UpdateRequest read(Request r, ConstraintViolations v) {
        Capacity capacity = DefinitionReader.capacity(r, "ProvisionedThroughput", "provisionedThroughput", v);
        String billingMode = DefinitionReader.oneOf(r, "BillingMode", "billingMode", DefinitionReader.BILLING_MODES, v);
        List<IndexUpdate> indexUpdates = IndexUpdate.read(r, v);
        List<AttributeDefinition> definitions = DefinitionReader.attributeDefinitions(r, false, v);
        StreamRequest stream = StreamRequest.read(r, v);
        Encryption encryption = Encryption.read(r, v);
        String tableClass = DefinitionReader.oneOf(r, "TableClass", "tableClass", DefinitionReader.TABLE_CLASSES, v);
        return new UpdateRequest(billingMode, capacity, indexUpdates, definitions, stream, encryption,
                DefinitionReader.onDemand(r, "OnDemandThroughput"), tableClass, r.bool("DeletionProtectionEnabled"));
    }

    boolean hasIndexUpdates() {
        return indexUpdates != null && !indexUpdates.isEmpty();
    }

    boolean changesIndexes() {
        if (indexUpdates == null) {
            return false;
        }
        for (IndexUpdate i : indexUpdates) {
            if (i.changesIndexes()) {
                return true;
            }
        }
        return false;
    }

    void checkRequest() {
        if (capacity == null && billingMode == null && !stream.present() && !hasIndexUpdates()
                && !encryption.present() && deletionProtection == null && ceilings == null && tableClass == null) {
            throw Errors.nothingToUpdate();
        }
        if (CreateTable.PROVISIONED.equals(billingMode) && capacity == null) {
            throw Errors.throughputRequiredWhenProvisioned();
        }
        if (CreateTable.PAY_PER_REQUEST.equals(billingMode) && capacity != null) {
            throw Errors.capacityWithPayPerRequest();
        }
        if (capacity != null) {
            CreateTable.checkBounds(capacity);
        }
        if (indexUpdates != null) {
            IndexUpdate.checkList(indexUpdates);
        }
        checkSharing();
        stream.checkAtUpdate();
    }

    private void checkSharing() {
        boolean sse = encryption.present();
        boolean classChange = tableClass != null;
        boolean protection = deletionProtection != null;
        int changes = (sse ? 1 : 0) + (classChange ? 1 : 0) + (protection ? 1 : 0) + (capacity != null ? 1 : 0)
                + (billingMode != null ? 1 : 0) + (stream.present() ? 1 : 0) + (ceilings != null ? 1 : 0)
                + (hasIndexUpdates() ? 1 : 0);
        if (sse && changes > 1) {
            throw Errors.mustBeOnlyChange("Server-Side Encryption");
        }
        if (classChange && changes > 1) {
            throw Errors.mustBeOnlyChange("TableClass");
        }
        if (protection && changes > 1) {
            throw Errors.mustBeOnlyChange("DeletionProtection");
        }
        if (ceilings != null && (capacity != null || stream.present() || hasIndexUpdates())) {
            throw Errors.onDemandThroughputOnlyWithBillingMode();
        }
        if (stream.present() && (capacity != null || CreateTable.PROVISIONED.equals(billingMode))) {
            throw Errors.streamChangeWithThroughputChange();
        }
        if (changesIndexes() && capacity != null) {
            throw Errors.indexChangeWithThroughputChange();
        }
        if (changesIndexes() && stream.present()) {
            throw Errors.indexChangeWithStreamChange();
        }
    }
}
