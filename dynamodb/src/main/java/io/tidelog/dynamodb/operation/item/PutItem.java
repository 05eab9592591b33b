package io.tidelog.dynamodb.operation.item;

import io.tidelog.backend.WriteResult;
import io.tidelog.dynamodb.capacity.CapacityMode;
import io.tidelog.dynamodb.capacity.TableCapacity;
import io.tidelog.dynamodb.error.ConstraintViolations;
import io.tidelog.dynamodb.error.RequestErrors;
import io.tidelog.dynamodb.expression.ExpressionParameters;
import io.tidelog.dynamodb.expression.RequestExpressions;
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
import io.tidelog.dynamodb.operation.Operation;
import io.tidelog.dynamodb.operation.ReplyMembers;
import io.tidelog.dynamodb.operation.ReturnOptions;
import io.tidelog.dynamodb.operation.ReturnValues;
import io.tidelog.dynamodb.table.TableCatalog;
import io.tidelog.dynamodb.table.TableNames;
import io.tidelog.dynamodb.table.TableSchema;
import io.tidelog.dynamodb.value.AttributeValue;
import io.tidelog.dynamodb.value.AttributeValueJson;
import io.tidelog.dynamodb.value.ItemSize;
import java.util.Map;

/**
 * PutItem: writes a whole item in place of whatever the key held, under an optional condition.
 *
 * <p>Validation, in DynamoDB's order: the item's values as they are read; the table name alone;
 * then together the item's presence, the Return* options and the legacy condition's operators;
 * the expression parameters and the condition expression; ReturnValues limited to {@code NONE}
 * and {@code ALL_OLD}; the legacy condition; the item's size; then the table, and the item's
 * table and index keys.
 *
 * <p>Reading the replaced item. The item's lock is always held while it is written, so that a
 * put cannot slip between another writer's read and write of the same item. The item it replaces
 * is read first only when something decides with it: a condition, the table's secondary indexes
 * (their old entries are moved or removed), its stream (the record's old image and event name),
 * or its item collections (the 10 GB limit, on tables with LSIs, which are indexes). On any other
 * table the put is written without the read ({@link ItemWrites#putUnread}); {@code ALL_OLD} and
 * the consumed capacity then take the replaced item from the write's result, which the store
 * reads anyway while applying it.
 */
public final class PutItem implements Operation {

    @Override
    public boolean writes() {
        return true;
    }

    @Override
    public void execute(Request request, Response response, Context ctx) {
        Map<String, AttributeValue> item = request.attributes("Item");
        String tableName = request.string("TableName");
        String returnValues = request.string("ReturnValues");
        String capacity = request.string("ReturnConsumedCapacity");
        String metrics = request.string("ReturnItemCollectionMetrics");
        String onFailure = request.string("ReturnValuesOnConditionCheckFailure");
        ConstraintViolations name = new ConstraintViolations();
        TableNames.checkForItems(tableName, "tableName", name);
        name.throwIfAny();
        ConstraintViolations violations = new ConstraintViolations();
        if (item == null) {
            violations.notNull("item");
        }
        ReturnOptions.returnConsumedCapacity(capacity, violations);
        ReturnOptions.returnValues(returnValues, violations);
        ReturnOptions.returnItemCollectionMetrics(metrics, violations);
        ReturnOptions.returnValuesOnConditionCheckFailure(onFailure, violations);
        WriteCondition.constrainLegacy(request, violations);
        violations.throwIfAny();
        ExpressionParameters.PUT_ITEM.check(request);
        RequestExpressions expressions = RequestExpressions.from(request, ExpressionParameters.PUT_ITEM);
        ReturnValues rv = ReturnValues.of(returnValues);
        if (rv != ReturnValues.NONE && rv != ReturnValues.ALL_OLD) {
            throw RequestErrors.returnValuesAllOldOrNone();
        }
        WriteCondition condition = WriteCondition.of(request, expressions.condition(), onFailure);
        int size = ItemValidation.size(item);
        CapacityMode mode = CapacityMode.of(capacity);

        try (TableCatalog.Held held = ctx.tables().read(tableName)) {
            TableSchema table = ctx.tables().require(tableName);
            KeyValidation.item(table, item);
            ItemKey key = ItemKey.of(table.key(), item);
            boolean read = condition.present() || !ItemWrites.derivesNothing(table);
            Map<String, AttributeValue> before;
            String replacedJson = null;
            ItemCollectionMetrics collection = null;
            try (ItemLocks.Held lock = ctx.locks().lock(table.name(), key.pk(), key.sk())) {
                before = read ? StoredItems.get(ctx.backend(), table, key) : null;
                condition.check(before);
                ItemCollections.checkLimit(ctx.backend(), table, key, before, item,
                        ctx.options().itemCollectionSizeLimit());
                ItemWrites writes = new ItemWrites(ctx.clock());
                int position = -1;
                if (read) {
                    writes.put(table, key, before, item, size, null);
                } else {
                    position = writes.putUnread(table, key, item, size);
                }
                WriteResult result = writes.apply(ctx.backend());
                if (result != null) {
                    ctx.wrote(result.sequence());
                    if (position >= 0) {
                        replacedJson = result.previousItems().get(position);
                    }
                }
                if (ReturnOptions.wantsMetrics(metrics) && ItemCollections.apply(table)) {
                    collection = ItemCollections.metrics(ctx.backend(), table, key, item);
                }
            }
            if (replacedJson != null && mode.wanted()) {
                before = AttributeValueJson.readItem(replacedJson);
            }
            if (rv == ReturnValues.ALL_OLD) {
                if (replacedJson != null) {
                    response.rawItem("Attributes", replacedJson);
                } else if (before != null) {
                    response.item("Attributes", before);
                }
            }
            if (mode.wanted()) {
                ReplyMembers.capacity(response, mode, new TableCapacity(table.name())
                        .write(table, key, before, before == null ? null : ItemSize.of(before), item, size)
                        .result());
            }
            ReplyMembers.metrics(response, collection);
        }
    }
}
