package io.tidelog.dynamodb.error;

import java.util.List;

/**
 * DynamoDB's error messages, each built in one place so that the same mistake always gets the
 * same words. The wording follows real DynamoDB exactly, including its spacing and punctuation.
 */
public final class Errors {
    private Errors() {}

    public static DynamoDbException validation(String message) {
        return new DynamoDbException(ErrorCode.VALIDATION, message);
    }

    /** DynamoDB's envelope for request-constraint failures: {@code 1 validation error detected: …}. */
    public static DynamoDbException constraints(List<String> failures) {
        if (failures.size() == 1) {
            return validation("1 validation error detected: " + failures.get(0));
        }
        return validation(failures.size() + " validation errors detected: " + String.join("; ", failures));
    }

    public static DynamoDbException serialization(String message) {
        return new DynamoDbException(ErrorCode.SERIALIZATION, message);
    }

    public static DynamoDbException internal(String message) {
        return new DynamoDbException(ErrorCode.INTERNAL_SERVER_ERROR, message);
    }

    // Requests and operations

    public static DynamoDbException unknownOperation() {
        return new DynamoDbException(ErrorCode.UNKNOWN_OPERATION, "");
    }

    public static DynamoDbException malformedJson() {
        return serialization("Start of structure or map found where not expected.");
    }

    // Tables

    public static DynamoDbException tableNotFound() {
        return new DynamoDbException(ErrorCode.RESOURCE_NOT_FOUND, "Requested resource not found");
    }

    public static DynamoDbException tableNotFound(String tableName) {
        return new DynamoDbException(ErrorCode.RESOURCE_NOT_FOUND,
                "Requested resource not found: Table: " + tableName + " not found");
    }

    public static DynamoDbException tableNameRequired() {
        return validation("The parameter 'TableName' is required but was not present in the request");
    }

    public static DynamoDbException tableNameLength() {
        return validation("TableName must be at least 3 characters long and at most 255 characters long");
    }

    public static DynamoDbException tableAlreadyExists(String tableName) {
        return new DynamoDbException(ErrorCode.RESOURCE_IN_USE, "Table already exists: " + tableName);
    }

    public static DynamoDbException deletionProtected() {
        return validation("Resource cannot be deleted as it is currently protected against deletion. "
                + "Disable deletion protection first.");
    }

    // Table definitions: keys, attribute definitions and indexes

    private static DynamoDbException invalidParameter(String detail) {
        return validation("One or more parameter values were invalid: " + detail);
    }

    public static DynamoDbException keyAttributeWithoutDefinition() {
        return validation("Invalid KeySchema: Some index key attribute have no definition");
    }

    public static DynamoDbException keyAttributesNotDefined(java.util.List<String> keys,
            java.util.List<String> definitions) {
        return invalidParameter("Some index key attributes are not defined in AttributeDefinitions. Keys: ["
                + String.join(", ", keys) + "], AttributeDefinitions: [" + String.join(", ", definitions) + "]");
    }

    public static DynamoDbException firstKeyNotHash() {
        return validation("Invalid KeySchema: The first KeySchemaElement is not a HASH key type");
    }

    public static DynamoDbException secondKeyNotRange() {
        return validation("Invalid KeySchema: The second KeySchemaElement is not a RANGE key type");
    }

    public static DynamoDbException hashAndRangeKeySameName() {
        return validation("Both the Hash Key and the Range Key element in the KeySchema have the same name");
    }

    public static DynamoDbException attributeDefinitionCountMismatch() {
        return invalidParameter("Number of attributes in KeySchema does not exactly match number of attributes "
                + "defined in AttributeDefinitions");
    }

    /** {@code member}: {@code LocalSecondaryIndexes} or {@code GlobalSecondaryIndexes}. */
    public static DynamoDbException emptyIndexList(String member) {
        return invalidParameter("List of " + member + " is empty");
    }

    public static DynamoDbException localIndexWithoutTableRangeKey() {
        return invalidParameter("Table KeySchema does not have a range key, which is required when specifying a "
                + "LocalSecondaryIndex");
    }

    public static DynamoDbException indexWithoutRangeKey(String indexName) {
        return invalidParameter("Index KeySchema does not have a range key for index: " + indexName);
    }

    public static DynamoDbException indexHashKeyDiffers(String indexName, String indexHash, String tableHash) {
        return invalidParameter("Index KeySchema does not have the same leading hash key as table KeySchema for "
                + "index: " + indexName + ". index hash key: " + indexHash + ", table hash key: " + tableHash);
    }

    public static DynamoDbException projectionTypeMissing() {
        return invalidParameter("Unknown ProjectionType: null");
    }

    public static DynamoDbException nonKeyAttributesNotAllowed(String projectionType) {
        return invalidParameter("ProjectionType is " + projectionType + ", but NonKeyAttributes is specified");
    }

    public static DynamoDbException nonKeyAttributesMissing() {
        return invalidParameter("ProjectionType is INCLUDE, but NonKeyAttributes is not specified");
    }

    public static DynamoDbException duplicateNonKeyAttribute(String attribute) {
        return invalidParameter("Duplicate element in NonKeyAttributes: " + attribute);
    }

    public static DynamoDbException tooManyProjectedAttributes() {
        return invalidParameter("Number of projected attributes in all indexes exceeds limit of 100");
    }

    public static DynamoDbException duplicateIndexName(String indexName) {
        return invalidParameter("Duplicate index name: " + indexName);
    }

    public static DynamoDbException tooManyLocalIndexes() {
        return invalidParameter("Number of LocalSecondaryIndexes exceeds per-table limit of 5");
    }

    public static DynamoDbException tooManyGlobalIndexes() {
        return invalidParameter("GlobalSecondaryIndex count exceeds the per-table limit of 20");
    }

    // Billing mode and throughput

    public static DynamoDbException capacityWithPayPerRequest() {
        return invalidParameter("Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode "
                + "is PAY_PER_REQUEST");
    }

    public static DynamoDbException indexThroughputWithPayPerRequest(String indexName) {
        return invalidParameter("ProvisionedThroughput should not be specified for index: " + indexName
                + " when BillingMode is PAY_PER_REQUEST");
    }

    public static DynamoDbException indexThroughputMissing(String indexName) {
        return invalidParameter("ProvisionedThroughput is not specified for index: " + indexName);
    }

    /** UpdateTable's word for a switch to PROVISIONED that leaves GSIs without throughput. */
    public static DynamoDbException indexThroughputRequired(String indexNames) {
        return invalidParameter("ProvisionedThroughput must be specified for index: " + indexNames);
    }

    public static DynamoDbException indexCapacityWithPayPerRequest(String indexName) {
        return invalidParameter("Neither ReadCapacityUnits nor WriteCapacityUnits can be specified for index: "
                + indexName + " when BillingMode is PAY_PER_REQUEST");
    }

    /** {@code member}: {@code ReadCapacityUnits} or {@code WriteCapacityUnits}. */
    public static DynamoDbException capacityOutOfBounds(String member, long value) {
        return validation("Given value " + value + " for " + member + " is out of bounds");
    }

    public static DynamoDbException capacityRequiredWhenProvisioned() {
        return invalidParameter("ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is "
                + "PROVISIONED");
    }

    public static DynamoDbException throughputRequiredWhenProvisioned() {
        return invalidParameter("ProvisionedThroughput must be specified when BillingMode is PROVISIONED");
    }

    public static DynamoDbException throughputUnchanged(long currentRead, long read, long currentWrite, long write) {
        return validation("The provisioned throughput for the table will not change. The requested value equals the "
                + "current value. Current ReadCapacityUnits provisioned for the table: " + currentRead
                + ". Requested ReadCapacityUnits: " + read + ". Current WriteCapacityUnits provisioned for the table: "
                + currentWrite + ". Requested WriteCapacityUnits: " + write + ". Refer to the Amazon DynamoDB "
                + "Developer Guide for current limits and how to request higher limits.");
    }

    public static DynamoDbException indexThroughputUnchanged(String indexName, long currentRead, long read,
            long currentWrite, long write) {
        return validation("The provisioned throughput for the index " + indexName + " will not change. The requested "
                + "value equals the current value. Current ReadCapacityUnits provisioned for the index: " + currentRead
                + ". Requested ReadCapacityUnits: " + read + ". Current WriteCapacityUnits provisioned for the index: "
                + currentWrite + ". Requested WriteCapacityUnits: " + write + ". Refer to the Amazon DynamoDB "
                + "Developer Guide for current limits and how to request higher limits.");
    }

    /** {@code member}: {@code MaxReadRequestUnits} or {@code MaxWriteRequestUnits}. */
    public static DynamoDbException onDemandThroughputWhenProvisionedAtCreate(String member) {
        return invalidParameter(member + " for OnDemandThroughput cannot be specified when table BillingMode is "
                + "PROVISIONED.");
    }

    public static DynamoDbException onDemandThroughputWhenProvisioned(String member) {
        return invalidParameter(member + " for OnDemandThroughput cannot be specified when the table BillingMode is "
                + "PROVISIONED");
    }

    public static DynamoDbException onDemandThroughputOutOfRange(String member) {
        return invalidParameter("Requested " + member + " for OnDemandThroughput for table is outside of valid range");
    }

    // UpdateTable

    public static DynamoDbException nothingToUpdate() {
        return validation("At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled, "
                + "GlobalSecondaryIndexUpdates, SSESpecification, ReplicaUpdates, MultiAccountReplicaReady, "
                + "ReplicaTransitRoleArn, MultiRegionConsistency, DeletionProtectionEnabled, OnDemandThroughput, "
                + "WarmThroughput or TableClass is required");
    }

    /** {@code change}: {@code Server-Side Encryption}, {@code TableClass} or {@code DeletionProtection}. */
    public static DynamoDbException mustBeOnlyChange(String change) {
        return invalidParameter(change + " modification must be the only operation in the request");
    }

    public static DynamoDbException onDemandThroughputOnlyWithBillingMode() {
        return invalidParameter("OnDemandThroughput can only be combined with BillingMode in an UpdateTable request");
    }

    public static DynamoDbException streamChangeWithThroughputChange() {
        return invalidParameter("You cannot modify stream status while updating table IOPS");
    }

    public static DynamoDbException indexChangeWithThroughputChange() {
        return invalidParameter("You cannot create or delete index while updating table IOPS");
    }

    public static DynamoDbException indexChangeWithStreamChange() {
        return invalidParameter("You cannot create or delete index while changing stream status");
    }

    public static DynamoDbException emptyIndexUpdate() {
        return invalidParameter("One of GlobalSecondaryIndexUpdate.Update, GlobalSecondaryIndexUpdate.Create, "
                + "GlobalSecondaryIndexUpdate.Delete must not be null");
    }

    public static DynamoDbException severalIndexActions() {
        return invalidParameter("Only one global secondary index action is allowed per GlobalSecondaryIndexUpdate "
                + "object");
    }

    public static DynamoDbException repeatedIndexUpdate(String indexName) {
        return invalidParameter("Only one global secondary index update per index is allowed simultaneously. Index: "
                + indexName);
    }

    public static DynamoDbException onlyOneIndexChange() {
        return new DynamoDbException(ErrorCode.LIMIT_EXCEEDED,
                "Subscriber limit exceeded: Only 1 online index can be created or deleted simultaneously per table");
    }

    public static DynamoDbException globalIndexLimitReached() {
        return new DynamoDbException(ErrorCode.LIMIT_EXCEEDED,
                "Subscriber limit exceeded: The number of global secondary indexes exceeds the per-table limit of 20");
    }

    public static DynamoDbException indexAlreadyExists() {
        return validation("Attempting to create an index which already exists");
    }

    public static DynamoDbException indexNotFound(String indexName, String tableName) {
        return new DynamoDbException(ErrorCode.RESOURCE_NOT_FOUND,
                "Requested resource not found: Index: " + indexName + " for table: " + tableName + " not found");
    }

    public static DynamoDbException notAGlobalIndex(String action, String indexName) {
        return validation("Cannot " + action + " an index that is not a GlobalSecondaryIndex: " + indexName);
    }

    public static DynamoDbException indexUpdateBlocked() {
        return validation("This operation cannot be performed with given input values. Please contact DynamoDB "
                + "service team for more info: Action Blocked: IndexUpdate");
    }

    public static DynamoDbException indexDefinitionMissing(String indexName) {
        return invalidParameter("AttributeDefinitions is not specified for index: " + indexName);
    }

    // Server-side encryption

    public static DynamoDbException sseTypeWithoutEncryption() {
        return invalidParameter("SSEType can not be specified if Enabled is false");
    }

    public static DynamoDbException kmsKeyWithoutEncryption() {
        return invalidParameter("KMSMasterKeyId can not be specified if Enabled is false");
    }

    public static DynamoDbException kmsKeyNeedsKmsType() {
        return invalidParameter("SSEType KMS is required if KMSMasterKeyId is specified");
    }

    public static DynamoDbException aes256NotSupported() {
        return invalidParameter("SSEType AES256 is not supported");
    }

    public static DynamoDbException encryptionChangeUnsupported() {
        return invalidParameter("Server-Side Encryption modification is not supported by this endpoint: the "
                + "encryption of a table is fixed when it is created");
    }

    public static DynamoDbException alreadyEncryptedByDefault() {
        return invalidParameter("Table is already encrypted by default");
    }

    // Streams

    public static DynamoDbException streamViewTypeRequiredAtCreate() {
        return invalidParameter("Table is being created with a stream enabled, UpdateViewType is required");
    }

    public static DynamoDbException streamViewTypeForbiddenAtCreate() {
        return invalidParameter("Table is being created with a stream disabled, UpdateViewType should not be "
                + "specified");
    }

    public static DynamoDbException streamViewTypeRequired() {
        return invalidParameter("If stream is being enabled then UpdateViewType is required");
    }

    public static DynamoDbException streamViewTypeForbidden() {
        return invalidParameter("If stream is being disabled, then UpdateViewType must not be specified");
    }

    public static DynamoDbException streamAlreadyEnabled(String tableName) {
        return validation("Table already has an enabled stream: TableName: " + tableName);
    }

    public static DynamoDbException noStreamToDisable(String tableName) {
        return validation("Table has no stream to disable: TableName: " + tableName);
    }

    // Time to live

    public static DynamoDbException timeToLiveAlreadyEnabled() {
        return validation("TimeToLive is already enabled");
    }

    public static DynamoDbException timeToLiveAlreadyDisabled() {
        return validation("TimeToLive is already disabled");
    }

    public static DynamoDbException timeToLiveOnOtherAttribute(String currentAttribute) {
        return validation("TimeToLive is active on a different AttributeName: current AttributeName is "
                + currentAttribute);
    }

    // Resource ARNs and tags

    public static DynamoDbException tableArnMissing() {
        return validation("Invalid TableArn");
    }

    public static DynamoDbException arnWithoutPrefix(String arn) {
        return invalidParameter("ARNs must start with 'arn:': " + arn);
    }

    public static DynamoDbException notADynamoDbArn(String arn) {
        return invalidParameter("Provided Arn is not a DynamoDB resource arn: " + arn);
    }

    public static DynamoDbException arnNotTableOrStream(String arn) {
        return invalidParameter("Invalid resource arn provided, only table or stream is accepted. Provided resource "
                + "arn: " + arn);
    }

    public static DynamoDbException invalidTableArn(String arn) {
        return validation("Invalid TableArn: Invalid ResourceArn provided as input " + arn);
    }

    public static DynamoDbException resourceArnNotFound(String arn) {
        return new DynamoDbException(ErrorCode.RESOURCE_NOT_FOUND,
                "Requested resource not found: ResourcArn: " + arn + " not found");
    }

    public static DynamoDbException notAuthorized(String accountId, String action, String arn) {
        return new DynamoDbException(ErrorCode.ACCESS_DENIED, "User: arn:aws:iam::" + accountId
                + ":root is not authorized to perform: dynamodb:" + action + " on resource: " + arn);
    }

    public static DynamoDbException noTags() {
        return validation("Atleast one Tag needs to be provided as Input.");
    }

    public static DynamoDbException noTagKeys() {
        return validation("Atleast one Tag Key needs to be provided as Input.");
    }

    public static DynamoDbException invalidTagKey(String key) {
        return validation("The Tag Key provided is invalid, Key: " + key);
    }

    public static DynamoDbException invalidTagValue(String value) {
        return validation("The Tag Value provided is invalid, Value: " + value);
    }

    public static DynamoDbException reservedTagKey(String key) {
        return validation("Tag Key cannot be prefixed with aws:, Key: " + key);
    }

    public static DynamoDbException duplicateTagKey(String key) {
        return validation("Duplicate Tag Keys provided as input: Duplicate Tag Key found " + key);
    }

    public static DynamoDbException tooManyTags() {
        return validation("Number of Tags exceed the current limit for the provided ResourceArn");
    }

    // Attribute values

    public static DynamoDbException attributeValueEmpty() {
        return validation("Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
    }

    public static DynamoDbException attributeValueMultipleTypes() {
        return validation("Supplied AttributeValue has more than one datatypes set, "
                + "must contain exactly one of the supported datatypes");
    }

    public static DynamoDbException nullNotTrue() {
        return validation("One or more parameter values were invalid: Null attribute value types must have the value of true");
    }

    public static DynamoDbException emptyStringSet() {
        return validation("One or more parameter values were invalid: An string set  may not be empty");
    }

    public static DynamoDbException emptyNumberSet() {
        return validation("One or more parameter values were invalid: An number set  may not be empty");
    }

    public static DynamoDbException emptyBinarySet() {
        return validation("One or more parameter values were invalid: Binary sets should not be empty");
    }

    /** {@code elements} as the request gave them. */
    public static DynamoDbException duplicateStrings(List<String> elements) {
        return validation("One or more parameter values were invalid: Input collection [" + String.join(", ", elements)
                + "] contains duplicates.");
    }

    public static DynamoDbException duplicateNumbers() {
        return validation("Input collection contains duplicates");
    }

    /** {@code elements} in base64, as the request gave them. */
    public static DynamoDbException duplicateBinaries(List<String> elements) {
        return validation("One or more parameter values were invalid: Input collection [" + String.join(", ", elements)
                + "]of type BS contains duplicates.");
    }

    public static DynamoDbException nestingTooDeep() {
        return validation("Nesting Levels have exceeded supported limits: Attributes in the item have nested levels "
                + "beyond supported limit");
    }

    // Numbers

    public static DynamoDbException numberEmpty() {
        return validation("The parameter cannot be converted to a numeric value");
    }

    public static DynamoDbException numberUnparseable(String literal) {
        return validation("The parameter cannot be converted to a numeric value: " + literal);
    }

    public static DynamoDbException numberTooPrecise() {
        return validation("Attempting to store more than 38 significant digits in a Number");
    }

    public static DynamoDbException numberOverflow() {
        return validation("Number overflow. Attempting to store a number with magnitude larger than supported range");
    }

    public static DynamoDbException numberUnderflow() {
        return validation("Number underflow. Attempting to store a number with magnitude smaller than supported range");
    }
}
