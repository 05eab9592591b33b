package io.tidelog.dynamodb.operation.item;

import io.tidelog.dynamodb.capacity.CapacityMode;
import io.tidelog.dynamodb.capacity.CapacityUnits;
import io.tidelog.dynamodb.capacity.ConsumedCapacity;
import io.tidelog.dynamodb.error.ConstraintViolations;
import io.tidelog.dynamodb.expression.ExpressionParameters;
import io.tidelog.dynamodb.expression.Projection;
import io.tidelog.dynamodb.expression.ProjectionEvaluator;
import io.tidelog.dynamodb.expression.RequestExpressions;
import io.tidelog.dynamodb.expression.legacy.AttributesToGet;
import io.tidelog.dynamodb.item.ItemKey;
import io.tidelog.dynamodb.item.KeyValidation;
import io.tidelog.dynamodb.item.StoredItems;
import io.tidelog.dynamodb.json.Request;
import io.tidelog.dynamodb.json.Response;
import io.tidelog.dynamodb.operation.Context;
import io.tidelog.dynamodb.operation.Operation;
import io.tidelog.dynamodb.operation.ReplyMembers;
import io.tidelog.dynamodb.operation.ReturnOptions;
import io.tidelog.dynamodb.table.TableCatalog;
import io.tidelog.dynamodb.table.TableNames;
import io.tidelog.dynamodb.table.TableSchema;
import io.tidelog.dynamodb.value.AttributeValue;
import io.tidelog.dynamodb.value.AttributeValueJson;
import io.tidelog.dynamodb.value.ItemSize;
import java.util.List;
import java.util.Map;

/**
 * GetItem: one item by its key, whole or projected. Takes no item lock: the store's reads see
 * one committed state.
 *
 * <p>Validation, in DynamoDB's order: the key's values as they are read; together the key's
 * presence, the table name, the capacity option and a non-empty {@code AttributesToGet}; the
 * expression parameters; {@code AttributesToGet} without duplicates, then the projection
 * expression; then the table and the key against its schema.
 *
 * <p>Without a projection the stored JSON is copied into the reply as it is, unparsed; it is
 * parsed only when the consumed capacity (sized on the whole item) is asked for. A projection
 * returns only the attributes it names, keys included only when named; an item that has none of
 * them is returned empty.
 */
public final class GetItem implements Operation {

    @Override
    public boolean writes() {
        return false;
    }

    @Override
    public void execute(Request request, Response response, Context ctx) {
        Map<String, AttributeValue> key = request.attributes("Key");
        String tableName = request.string("TableName");
        String capacity = request.string("ReturnConsumedCapacity");
        List<String> attributesToGet = request.strings("AttributesToGet");
        Boolean consistentRead = request.bool("ConsistentRead");
        ConstraintViolations violations = new ConstraintViolations();
        if (key == null) {
            violations.notNull("key");
        }
        TableNames.checkForItems(tableName, "tableName", violations);
        ReturnOptions.returnConsumedCapacity(capacity, violations);
        if (attributesToGet != null && attributesToGet.isEmpty()) {
            violations.minLength("attributesToGet", "[]", 1);
        }
        violations.throwIfAny();
        ExpressionParameters.GET_ITEM.check(request);
        Projection projection = attributesToGet != null ? AttributesToGet.projection(attributesToGet)
                : RequestExpressions.from(request, ExpressionParameters.GET_ITEM).projection();
        CapacityMode mode = CapacityMode.of(capacity);
        boolean consistent = Boolean.TRUE.equals(consistentRead);

        try (TableCatalog.Held held = ctx.tables().read(tableName)) {
            TableSchema table = ctx.tables().require(tableName);
            KeyValidation.key(table, key);
            String json = StoredItems.json(ctx.backend(), table, ItemKey.of(table.key(), key));
            Map<String, AttributeValue> item = json != null && (projection != null || mode.wanted())
                    ? AttributeValueJson.readItem(json) : null;
            if (json != null) {
                if (projection == null) {
                    response.rawItem("Item", json);
                } else {
                    response.item("Item", ProjectionEvaluator.apply(projection, item));
                }
            }
            if (mode.wanted()) {
                int size = item == null ? 0 : ItemSize.of(item);
                ReplyMembers.capacity(response, mode,
                        ConsumedCapacity.of(table.name(), CapacityUnits.read(size, consistent)));
            }
        }
    }
}
