package io.tidelog.dynamodb.operation.item;

import io.tidelog.backend.WriteResult;
import io.tidelog.dynamodb.capacity.CapacityMode;
import io.tidelog.dynamodb.capacity.TableCapacity;
import io.tidelog.dynamodb.error.ConstraintViolations;
import io.tidelog.dynamodb.expression.ExpressionParameters;
import io.tidelog.dynamodb.expression.RequestExpressions;
import io.tidelog.dynamodb.item.ItemCollectionMetrics;
import io.tidelog.dynamodb.item.ItemCollections;
import io.tidelog.dynamodb.item.ItemKey;
import io.tidelog.dynamodb.item.ItemLocks;
import io.tidelog.dynamodb.item.ItemWrites;
import io.tidelog.dynamodb.item.KeyValidation;
import io.tidelog.dynamodb.item.StoredItems;
import io.tidelog.dynamodb.json.Request;
import io.tidelog.dynamodb.json.Response;
import io.tidelog.dynamodb.operation.Context;
import io.tidelog.dynamodb.operation.Operation;
import io.tidelog.dynamodb.operation.ReplyMembers;
import io.tidelog.dynamodb.operation.ReturnOptions;
import io.tidelog.dynamodb.operation.ReturnValues;
import io.tidelog.dynamodb.table.TableCatalog;
import io.tidelog.dynamodb.table.TableNames;
import io.tidelog.dynamodb.table.TableSchema;
import io.tidelog.dynamodb.value.AttributeValue;
import io.tidelog.dynamodb.value.ItemSize;
import java.util.List;
import java.util.Map;

/**
 * DeleteItem: removes one item by its key, under an optional condition.
 *
 * <p>Validation, in DynamoDB's order: the key's values as they are read; together the table
 * name, the key's presence, the Return* options and the legacy condition's operators; the
 * expression parameters and the condition; then the table, ReturnValues limited to {@code NONE}
 * and {@code ALL_OLD}, and the key against the schema.
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
        ConstraintViolations violations = new ConstraintViolations();
        TableNames.checkForItems(tableName, "tableName", violations);
        if (key == null) {
            violations.notNull("key");
        }
        ReturnOptions.returnConsumedCapacity(capacity, violations);
        ReturnOptions.returnValues(returnValues, violations);
        ReturnOptions.returnItemCollectionMetrics(metrics, violations);
        ReturnOptions.returnValuesOnConditionCheckFailure(onFailure, violations);
        WriteCondition.constrainLegacy(request, violations);
        violations.throwIfAny();
        ExpressionParameters.DELETE_ITEM.check(request);
        RequestExpressions expressions = RequestExpressions.from(request, ExpressionParameters.DELETE_ITEM);
        WriteCondition condition = WriteCondition.of(request, expressions.condition(), onFailure);
        CapacityMode mode = CapacityMode.of(capacity);

        try (TableCatalog.Held held = ctx.tables().read(tableName)) {
            TableSchema table = ctx.tables().require(tableName);
            if (returnValues != null && !RETURN_VALUES.contains(returnValues)) {
                new ConstraintViolations().oneOf("returnValues", returnValues, RETURN_VALUES).throwIfAny();
            }
            ReturnValues rv = ReturnValues.of(returnValues);
            KeyValidation.key(table, key);
            ItemKey itemKey = ItemKey.of(table.key(), key);
            Map<String, AttributeValue> before;
            ItemCollectionMetrics collection = null;
            try (ItemLocks.Held lock = ctx.locks().lock(table.name(), itemKey.pk(), itemKey.sk())) {
                before = StoredItems.get(ctx.backend(), table, itemKey);
                condition.check(before);
                ItemWrites writes = new ItemWrites(ctx.clock());
                writes.delete(table, itemKey, before, null);
                WriteResult result = writes.apply(ctx.backend());
                if (result != null) {
                    ctx.wrote(result.sequence());
                }
                if (ReturnOptions.wantsMetrics(metrics) && ItemCollections.apply(table)) {
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
