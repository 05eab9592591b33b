package io.tidelog.dynamodb.operation.item;

import io.tidelog.dynamodb.capacity.CapacityMode;
import io.tidelog.dynamodb.capacity.CapacityUnits;
import io.tidelog.dynamodb.capacity.ConsumedCapacity;
import io.tidelog.dynamodb.error.ConstraintErrors;
import io.tidelog.dynamodb.error.RequestErrors;
import io.tidelog.dynamodb.item.ItemKey;
import io.tidelog.dynamodb.item.ItemValidation;
import io.tidelog.dynamodb.item.KeyValidation;
import io.tidelog.dynamodb.item.StoredItems;
import io.tidelog.dynamodb.json.Request;
import io.tidelog.dynamodb.json.Response;
import io.tidelog.dynamodb.operation.Context;
import io.tidelog.dynamodb.operation.ExpressionParameters;
import io.tidelog.dynamodb.operation.Operation;
import io.tidelog.dynamodb.operation.ReplyMembers;
import io.tidelog.dynamodb.operation.RequestConstraints;
import io.tidelog.dynamodb.table.TableCatalog;
import io.tidelog.dynamodb.table.TableSchema;
import io.tidelog.dynamodb.value.AttributeValue;
import io.tidelog.dynamodb.value.AttributeValueJson;
import io.tidelog.dynamodb.value.ItemSize;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * GetItem: one item by its key, whole or projected. Takes no item lock: the store's reads see
 * one committed state.
 *
 * <p>Validation, in DynamoDB's order: together the key's presence, the table name, the capacity
 * option and a non-empty {@code AttributesToGet}; the expression parameters; the key's values;
 * {@code AttributesToGet} without duplicates; then the table and the key against its schema.
 *
 * <p>Without a projection the stored JSON is copied into the reply as it is, unparsed; it is
 * parsed only when the consumed capacity (sized on the whole item) is asked for.
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
        RequestConstraints constraints = new RequestConstraints().notNull("key", key).tableName(tableName)
                .returnConsumedCapacity(capacity);
        if (attributesToGet != null && attributesToGet.isEmpty()) {
            constraints.fail(ConstraintErrors.minLength("attributesToGet", "[]", 1));
        }
        constraints.check();
        ExpressionParameters.of(request).legacy("AttributesToGet").expression("ProjectionExpression").check();
        ItemValidation.values(key);
        if (attributesToGet != null) {
            Set<String> seen = new HashSet<>();
            for (String name : attributesToGet) {
                if (!seen.add(name)) {
                    throw RequestErrors.duplicateAttributeToGet(name);
                }
            }
        }
        CapacityMode mode = CapacityMode.of(capacity);
        boolean consistent = Boolean.TRUE.equals(consistentRead);

        try (TableCatalog.Held held = ctx.tables().read(tableName)) {
            TableSchema table = ctx.tables().require(tableName);
            KeyValidation.key(table, key);
            String json = StoredItems.json(ctx.backend(), table, ItemKey.of(table.key(), key));
            if (json != null) {
                response.rawItem("Item", json);
            }
            if (mode.wanted()) {
                int size = json == null ? 0 : ItemSize.of(AttributeValueJson.readItem(json));
                ReplyMembers.capacity(response, mode,
                        ConsumedCapacity.of(table.name(), CapacityUnits.read(size, consistent)));
            }
        }
    }
}
