package io.tidelog.dynamodb.error;

/**
 * The errors DynamoDB's API answers with: the {@code __type} it puts on the wire, the short code
 * PartiQL batches report per statement, and the HTTP status.
 */
public enum ErrorCode {
    VALIDATION("com.amazon.coral.validate#ValidationException", "ValidationError", 400),
    SERIALIZATION("com.amazon.coral.service#SerializationException", "SerializationError", 400),
    UNKNOWN_OPERATION("com.amazon.coral.service#UnknownOperationException", "UnknownOperation", 400),
    MISSING_AUTHENTICATION_TOKEN("com.amazon.coral.service#MissingAuthenticationTokenException",
            "MissingAuthenticationToken", 400),
    UNRECOGNIZED_CLIENT("com.amazon.coral.service#UnrecognizedClientException", "UnrecognizedClient", 400),
    INVALID_SIGNATURE("com.amazon.coral.service#InvalidSignatureException", "InvalidSignature", 400),
    RESOURCE_NOT_FOUND("com.amazonaws.dynamodb.v20120810#ResourceNotFoundException", "ResourceNotFound", 400),
    RESOURCE_IN_USE("com.amazonaws.dynamodb.v20120810#ResourceInUseException", "ResourceInUse", 400),
    CONDITIONAL_CHECK_FAILED("com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException",
            "ConditionalCheckFailed", 400),
    TRANSACTION_CANCELED("com.amazonaws.dynamodb.v20120810#TransactionCanceledException",
            "TransactionConflict", 400),
    TRANSACTION_CONFLICT("com.amazonaws.dynamodb.v20120810#TransactionConflictException",
            "TransactionConflict", 400),
    TRANSACTION_IN_PROGRESS("com.amazonaws.dynamodb.v20120810#TransactionInProgressException",
            "TransactionInProgress", 400),
    IDEMPOTENT_PARAMETER_MISMATCH("com.amazonaws.dynamodb.v20120810#IdempotentParameterMismatchException",
            "IdempotentParameterMismatch", 400),
    DUPLICATE_ITEM("com.amazonaws.dynamodb.v20120810#DuplicateItemException", "DuplicateItem", 400),
    ITEM_COLLECTION_SIZE_LIMIT_EXCEEDED(
            "com.amazonaws.dynamodb.v20120810#ItemCollectionSizeLimitExceededException",
            "ItemCollectionSizeLimitExceeded", 400),
    PROVISIONED_THROUGHPUT_EXCEEDED(
            "com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException",
            "ProvisionedThroughputExceeded", 400),
    LIMIT_EXCEEDED("com.amazonaws.dynamodb.v20120810#LimitExceededException", "RequestLimitExceeded", 400),
    ACCESS_DENIED("com.amazonaws.dynamodb.v20120810#AccessDeniedException", "AccessDenied", 400),
    EXPIRED_ITERATOR("com.amazonaws.dynamodb.v20120810#ExpiredIteratorException", "ExpiredIterator", 400),
    TRIMMED_DATA_ACCESS("com.amazonaws.dynamodb.v20120810#TrimmedDataAccessException", "TrimmedDataAccess", 400),
    TABLE_NOT_FOUND("com.amazonaws.dynamodb.v20120810#TableNotFoundException", "TableNotFound", 400),
    TABLE_ALREADY_EXISTS("com.amazonaws.dynamodb.v20120810#TableAlreadyExistsException", "TableAlreadyExists", 400),
    TABLE_IN_USE("com.amazonaws.dynamodb.v20120810#TableInUseException", "TableInUse", 400),
    BACKUP_NOT_FOUND("com.amazonaws.dynamodb.v20120810#BackupNotFoundException", "BackupNotFound", 400),
    BACKUP_IN_USE("com.amazonaws.dynamodb.v20120810#BackupInUseException", "BackupInUse", 400),
    CONTINUOUS_BACKUPS_UNAVAILABLE("com.amazonaws.dynamodb.v20120810#ContinuousBackupsUnavailableException",
            "ContinuousBackupsUnavailable", 400),
    POINT_IN_TIME_RECOVERY_UNAVAILABLE(
            "com.amazonaws.dynamodb.v20120810#PointInTimeRecoveryUnavailableException",
            "PointInTimeRecoveryUnavailable", 400),
    INVALID_RESTORE_TIME("com.amazonaws.dynamodb.v20120810#InvalidRestoreTimeException", "InvalidRestoreTime", 400),
    INTERNAL_SERVER_ERROR("com.amazonaws.dynamodb.v20120810#InternalServerError", "InternalServerError", 500);

    private final String wireType;
    private final String shortCode;
    private final int status;

    ErrorCode(String wireType, String shortCode, int status) {
        this.wireType = wireType;
        this.shortCode = shortCode;
        this.status = status;
    }

    /** The {@code __type} of the error body. */
    public String wireType() {
        return wireType;
    }

    /** The name after the {@code #}: what SDKs turn into an exception class. */
    public String typeName() {
        return wireType.substring(wireType.indexOf('#') + 1);
    }

    /** The code a {@code BatchStatementError} carries. */
    public String shortCode() {
        return shortCode;
    }

    public int status() {
        return status;
    }
}
