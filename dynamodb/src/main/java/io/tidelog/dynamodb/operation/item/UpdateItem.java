package io.tidelog.dynamodb.operation.item;

import io.tidelog.backend.WriteResult;
import io.tidelog.dynamodb.capacity.CapacityMode;
import io.tidelog.dynamodb.capacity.TableCapacity;
import io.tidelog.dynamodb.error.ConstraintViolations;
import io.tidelog.dynamodb.expression.ExpressionParameters;
import io.tidelog.dynamodb.expression.ExpressionPaths;
import io.tidelog.dynamodb.expression.KeyAttributeChecks;
import io.tidelog.dynamodb.expression.RequestExpressions;
import io.tidelog.dynamodb.expression.Update;
import io.tidelog.dynamodb.expression.UpdateEvaluator;
import io.tidelog.dynamodb.expression.UpdateOutcome;
import io.tidelog.dynamodb.expression.legacy.LegacyUpdates;
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
import io.tidelog.dynamodb.table.SecondaryIndex;
import io.tidelog.dynamodb.table.TableNames;
import io.tidelog.dynamodb.table.TableSchema;
import io.tidelog.dynamodb.value.AttributeValue;
import io.tidelog.dynamodb.value.ItemSize;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * UpdateItem: changes some attributes of an item, creating it (with its key) when there is none,
 * under an optional condition. The changes come from an {@code UpdateExpression} or the legacy
 * {@code AttributeUpdates}; with neither, the item is only created if absent.
 *
 * <p>Validation, in DynamoDB's order: the key's values as they are read; the table name alone;
 * then together the key's presence, the Return* options and the legacy members' operators and
 * actions; the expression parameters; the legacy updates and condition; the expressions; then the
 * table, the key against its schema, no key attribute among those the update writes, and no
 * path looking inside a table or index key attribute.
 *
 * <p>Under the item's lock: the item is read, the condition decided against it as it was (an
 * absent item is empty, so {@code attribute_exists(pk)} fails), the update applied to it (or to
 * its key alone), and the result held to the update's size limit and to the index key rules,
 * which only look at the index key attributes the update changed.
 */
public final class UpdateItem implements Operation {

    @Override
    public boolean writes() {
        return true;
    }

    @Override
    public void execute(Request request, Response response, Context ctx) {
        Map<String, AttributeValue> keyMap = request.attributes("Key");
        String tableName = request.string("TableName");
        String returnValues = request.string("ReturnValues");
        String capacity = request.string("ReturnConsumedCapacity");
        String metrics = request.string("ReturnItemCollectionMetrics");
        String onFailure = request.string("ReturnValuesOnConditionCheckFailure");
        ConstraintViolations name = new ConstraintViolations();
        TableNames.checkForItems(tableName, "tableName", name);
        name.throwIfAny();
        ConstraintViolations violations = new ConstraintViolations();
        if (keyMap == null) {
            violations.notNull("key");
        }
        ReturnOptions.returnConsumedCapacity(capacity, violations);
        ReturnOptions.returnValues(returnValues, violations);
        ReturnOptions.returnItemCollectionMetrics(metrics, violations);
        ReturnOptions.returnValuesOnConditionCheckFailure(onFailure, violations);
        for (String failure : LegacyUpdates.constraintFailures(request.structure("AttributeUpdates"))) {
            violations.add(failure);
        }
        WriteCondition.constrainLegacy(request, violations);
        violations.throwIfAny();
        ExpressionParameters.UPDATE_ITEM.check(request);
        Request attributeUpdates = request.structure("AttributeUpdates");
        Update legacy = attributeUpdates == null ? null : LegacyUpdates.attributeUpdates(attributeUpdates);
        RequestExpressions expressions = RequestExpressions.from(request, ExpressionParameters.UPDATE_ITEM);
        WriteCondition condition = WriteCondition.of(request, expressions.condition(), onFailure);
        Update update = expressions.update() != null ? expressions.update() : legacy;
        ReturnValues rv = ReturnValues.of(returnValues);
        CapacityMode mode = CapacityMode.of(capacity);

        try (TableCatalog.Held held = ctx.tables().read(tableName)) {
            TableSchema table = ctx.tables().require(tableName);
            KeyValidation.key(table, keyMap);
            if (update != null) {
                KeyAttributeChecks.requireKeyNotUpdated(update, table.key());
                KeyAttributeChecks.requireScalarKeyAccess(ExpressionPaths.of(update), table.key(),
                        indexKeyAttributes(table));
            }
            ItemKey key = ItemKey.of(table.key(), keyMap);
            Map<String, AttributeValue> before;
            Map<String, AttributeValue> after;
            UpdateOutcome outcome = null;
            ItemCollectionMetrics collection = null;
            int size;
            try (ItemLocks.Held lock = ctx.locks().lock(table.name(), key.pk(), key.sk())) {
                before = StoredItems.get(ctx.backend(), table, key);
                condition.check(before);
                Map<String, AttributeValue> start = before != null ? before : ItemKey.attributes(table.key(), keyMap);
                after = start;
                if (update != null) {
                    outcome = UpdateEvaluator.apply(update, start);
                    outcome.requireWithinSizeLimit(table.key(), true);
                    after = outcome.after();
                }
                KeyValidation.updatedIndexKeys(table, before == null ? Map.of() : before, after);
                size = ItemSize.of(after);
                ItemCollections.checkLimit(ctx.backend(), table, key, before, after,
                        ctx.options().itemCollectionSizeLimit());
                ItemWrites writes = new ItemWrites(ctx.clock());
                writes.put(table, key, before, after, size, null);
                WriteResult result = writes.apply(ctx.backend());
                if (result != null) {
                    ctx.wrote(result.sequence());
                }
                if (ReturnOptions.wantsMetrics(metrics) && ItemCollections.apply(table)) {
                    collection = ItemCollections.metrics(ctx.backend(), table, key, keyMap);
                }
            }
            Map<String, AttributeValue> returned = switch (rv) {
                case NONE -> null;
                case ALL_OLD -> before;
                case ALL_NEW -> after;
                case UPDATED_OLD -> before == null || outcome == null ? null : outcome.updatedOld();
                case UPDATED_NEW -> outcome == null ? null : outcome.updatedNew();
            };
            if (returned != null && !returned.isEmpty()) {
                response.item("Attributes", returned);
            }
            if (mode.wanted()) {
                ReplyMembers.capacity(response, mode, new TableCapacity(table.name())
                        .write(table, key, before, before == null ? null : ItemSize.of(before), after, size)
                        .result());
            }
            ReplyMembers.metrics(response, collection);
        }
    }

    /** The key attributes of the table's indexes that are not the table's own. */
    private static Set<String> indexKeyAttributes(TableSchema table) {
        Set<String> out = new LinkedHashSet<>();
        for (SecondaryIndex index : table.indexes()) {
            for (String attribute : new String[] {index.key().partition().name(),
                    index.key().hasSort() ? index.key().sort().name() : null}) {
                if (attribute != null && !table.key().contains(attribute)) {
                    out.add(attribute);
                }
            }
        }
        return out;
    }
}
