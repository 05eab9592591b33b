package io.tidelog.dynamodb.expression;

import io.tidelog.dynamodb.error.ExpressionErrors;
import io.tidelog.dynamodb.table.KeyAttribute;
import io.tidelog.dynamodb.table.KeySchema;
import io.tidelog.dynamodb.value.AttributeValue;
import io.tidelog.dynamodb.value.ItemSize;
import java.util.Map;

/**
 * An update applied to an item: the item before and after, and what {@code ReturnValues}
 * returns for {@code UPDATED_OLD} and {@code UPDATED_NEW}, which is the item projected on the
 * paths the update wrote or removed (so {@code SET a.b = :v} returns {@code a} with {@code b}
 * alone). An empty map there means DynamoDB returns no {@code Attributes} at all.
 */
public record UpdateOutcome(Update update, Map<String, AttributeValue> before, Map<String, AttributeValue> after) {

    /** The updated paths as they were: {@code ReturnValues: UPDATED_OLD}. */
    public Map<String, AttributeValue> updatedOld() {
        return ProjectionEvaluator.apply(update.paths(), before);
    }

    /** The updated paths as they are now: {@code ReturnValues: UPDATED_NEW}. */
    public Map<String, AttributeValue> updatedNew() {
        return ProjectionEvaluator.apply(update.paths(), after);
    }

    /**
     * Holds the updated item to DynamoDB's 400 KB limit. A standalone {@code UpdateItem} is
     * measured without its key attributes but with {@link Update#sizeOverhead()}; the item itself
     * must fit as well. Updates inside a transaction are measured as the item alone.
     *
     * @throws io.tidelog.dynamodb.error.DynamoDbException {@code Item size to update has exceeded
     *         the maximum allowed size}
     */
    public void requireWithinSizeLimit(KeySchema key, boolean standalone) {
        int size = ItemSize.of(after);
        int measured = size;
        if (standalone) {
            measured = size - keyBytes(key.partition()) - (key.hasSort() ? keyBytes(key.sort()) : 0)
                    + update.sizeOverhead();
        }
        if (size > ItemSize.MAX_ITEM_BYTES || measured > ItemSize.MAX_ITEM_BYTES) {
            throw ExpressionErrors.updatedItemTooLarge();
        }
    }

    private int keyBytes(KeyAttribute attribute) {
        AttributeValue v = after.get(attribute.name());
        return v == null ? 0 : ItemSize.utf8Length(attribute.name()) + ItemSize.of(v);
    }
}
