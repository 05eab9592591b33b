package io.tidelog.dynamodb.item;

import io.tidelog.dynamodb.error.ItemErrors;
import io.tidelog.dynamodb.value.AttributeValue;
import io.tidelog.dynamodb.value.ItemSize;
import java.util.Map;

/**
 * DynamoDB's limit on the items it stores: 400 KB, sized as DynamoDB sizes them. The values an
 * item may hold (sets, numbers, nesting) are checked when they are read from the request
 * ({@link io.tidelog.dynamodb.value.AttributeValueJson}); keys by {@link KeyValidation}. An
 * update's result has a limit of its own wording
 * ({@link io.tidelog.dynamodb.expression.UpdateOutcome#requireWithinSizeLimit}).
 */
public final class ItemValidation {
    private ItemValidation() {}

    /**
     * The size of an item bound for storage; raises DynamoDB's {@code Item size has exceeded the
     * maximum allowed size} above 400 KB.
     */
    public static int size(Map<String, AttributeValue> item) {
        int size = ItemSize.of(item);
        if (size > ItemSize.MAX_ITEM_BYTES) {
            throw ItemErrors.itemTooLarge();
        }
        return size;
    }
}
