package io.tidelog.dynamodb.operation.item;

import io.tidelog.backend.WriteResult;
import io.tidelog.dynamodb.capacity.CapacityMode;
import io.tidelog.dynamodb.capacity.TableCapacity;
import io.tidelog.dynamodb.item.ItemCollectionMetrics;
import io.tidelog.dynamodb.item.ItemCollections;
import io.tidelog.dynamodb.item.ItemKey;
import io.tidelog.dynamodb.item.ItemLocks;
import io.tidelog.dynamodb.item.ItemValidation;
import io.tidelog.dynamodb.item.ItemWrites;
import io.tidelog.dynamodb.item.KeyValidation;
import io.tidelog.dynamodb.item.StoredItems;
import io.tidelog.dynamodb.json.Request;
import io.tidelog.dynamodb.json.Response;
import io.tidelog.dynamodb.operation.Context;
import io.tidelog.dynamodb.operation.ExpressionParameters;
import io.tidelog.dynamodb.operation.Operation;
import io.tidelog.dynamodb.operation.ReplyMembers;
import io.tidelog.dynamodb.operation.RequestConstraints;
import io.tidelog.dynamodb.operation.ReturnValues;
import io.tidelog.dynamodb.table.TableCatalog;
import io.tidelog.dynamodb.table.TableSchema;
import io.tidelog.dynamodb.value.AttributeValue;
import io.tidelog.dynamodb.value.ItemSize;
import java.util.List;
import java.util.Map;

/**
 * DeleteItem: removes one item by its key, under an optional condition.
 *
 * <p>Validation, in DynamoDB's order: together the table name, the key's presence and the
 * Return* options; the expression parameters; the key's values; the condition; then the table,
 * ReturnValues limited to {@code NONE} and {@code ALL_OLD}, and the key against the schema.
 *
 * <p>The item is always read first, under its lock: a point read is far cheaper than the log
 * write it spares when the item is absent (deleting nothing writes nothing), and the indexes and
 * the stream need the old version anyway.
 */
public final class DeleteItem implements Operation {
    private static final List<String> RETURN_VALUES = List.of("ALL_OLD", "NONE");

    @Override
    public boolean writes() {
        return true;
    }

    @Override
    public void execute(Request request, Response response, Context ctx) {
        Map<String, AttributeValue> key = request.attributes("Key");
        String tableName = request.string("TableName");
        String returnValues = request.string("ReturnValues");
        String capacity = request.string("ReturnConsumedCapacity");
        String metrics = request.string("ReturnItemCollectionMetrics");
        String onFailure = request.string("ReturnValuesOnConditionCheckFailure");
        new RequestConstraints().tableName(tableName).notNull("key", key).returnConsumedCapacity(capacity)
                .returnValues(returnValues).returnItemCollectionMetrics(metrics)
                .returnValuesOnConditionCheckFailure(onFailure).check();
        ExpressionParameters.of(request).legacy("Expected").valueExpression("ConditionExpression").check();
        ItemValidation.values(key);
        CapacityMode mode = CapacityMode.of(capacity);
        boolean wantMetrics = "SIZE".equals(metrics);

        try (TableCatalog.Held held = ctx.tables().read(tableName)) {
            TableSchema table = ctx.tables().require(tableName);
            new RequestConstraints().oneOf("returnValues", returnValues, RETURN_VALUES).check();
            ReturnValues rv = ReturnValues.of(returnValues);
            KeyValidation.key(table, key);
            ItemKey itemKey = ItemKey.of(table.key(), key);
            Map<String, AttributeValue> before;
            ItemCollectionMetrics collection = null;
            try (ItemLocks.Held lock = ctx.locks().lock(table.name(), itemKey.pk(), itemKey.sk())) {
                before = StoredItems.get(ctx.backend(), table, itemKey);
                ItemWrites writes = new ItemWrites(ctx.clock());
                writes.delete(table, itemKey, before, null);
                WriteResult result = writes.apply(ctx.backend());
                if (result != null) {
                    ctx.wrote(result.sequence());
                }
                if (wantMetrics && ItemCollections.apply(table)) {
                    collection = ItemCollections.metrics(ctx.backend(), table, itemKey, key);
                }
            }
            if (rv == ReturnValues.ALL_OLD && before != null) {
                response.item("Attributes", before);
            }
            if (mode.wanted()) {
                ReplyMembers.capacity(response, mode, new TableCapacity(table.name())
                        .write(table, itemKey, before, before == null ? null : ItemSize.of(before), null, null)
                        .result());
            }
            ReplyMembers.metrics(response, collection);
        }
    }
}
