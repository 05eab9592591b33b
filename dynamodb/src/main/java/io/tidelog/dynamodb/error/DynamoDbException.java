package io.tidelog.dynamodb.error;

import io.tidelog.dynamodb.value.AttributeValue;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A failed DynamoDB call, as the API answers it: an {@link ErrorCode} and DynamoDB's message.
 * Raised anywhere below an operation and turned into the error reply in one place. The messages
 * themselves are built by {@link Errors}, so the same mistake always gets the same words.
 *
 * <p>Some errors carry more than a message: a conditional check failure may return the item it
 * was checked against, a cancelled transaction returns one reason per action.
 */
public final class DynamoDbException extends RuntimeException {
    private final ErrorCode code;
    private final Map<String, AttributeValue> item;
    private final List<CancellationReason> cancellationReasons;

    public DynamoDbException(ErrorCode code, String message) {
        this(code, message, null, null);
    }

    private DynamoDbException(ErrorCode code, String message, Map<String, AttributeValue> item,
            List<CancellationReason> reasons) {
        super(message, null, false, false);
        this.code = Objects.requireNonNull(code, "code");
        this.item = item;
        this.cancellationReasons = reasons;
    }

    /** A conditional check failure returning the item it was checked against (null: none). */
    public static DynamoDbException conditionalCheckFailed(String message, Map<String, AttributeValue> item) {
        return new DynamoDbException(ErrorCode.CONDITIONAL_CHECK_FAILED, message, item, null);
    }

    /** A cancelled transaction with its reasons, one per action, in request order. */
    public static DynamoDbException transactionCanceled(String message, List<CancellationReason> reasons) {
        return new DynamoDbException(ErrorCode.TRANSACTION_CANCELED, message, null, List.copyOf(reasons));
    }

    public ErrorCode code() {
        return code;
    }

    /** The item returned with a conditional check failure, or null. */
    public Map<String, AttributeValue> item() {
        return item;
    }

    /** The reasons of a cancelled transaction, or null. */
    public List<CancellationReason> cancellationReasons() {
        return cancellationReasons;
    }

    /**
     * Why one action of a transaction was or was not cancelled.
     *
     * @param code    {@code None}, {@code ConditionalCheckFailed}, {@code ValidationError}, ...
     * @param message null for {@code None}
     * @param item    the item when ReturnValuesOnConditionCheckFailure asked for it, else null
     */
    public record CancellationReason(String code, String message, Map<String, AttributeValue> item) {
        public static final CancellationReason NONE = new CancellationReason("None", null, null);
    }
}
