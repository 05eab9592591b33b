package io.tidelog.dynamodb.operation.table;

import static io.tidelog.dynamodb.operation.table.ErrorCase.validation;

import io.tidelog.dynamodb.testing.LocalDynamoDb;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every CreateTable refusal, with DynamoDB's exact message, in DynamoDB's order of checks. */
class CreateTableErrorsTest {
    @TempDir
    static Path dir;
    static LocalDynamoDb db;

    @BeforeAll
    static void open() {
        db = LocalDynamoDb.open(dir);
        TableFixtures.createAll(db);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    private static final String PK = "{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"}";
    private static final String PK_S = "{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"}";
    private static final String SK = "{\"AttributeName\":\"sk\",\"KeyType\":\"RANGE\"}";
    private static final String SK_S = "{\"AttributeName\":\"sk\",\"AttributeType\":\"S\"}";
    private static final String P = "One or more parameter values were invalid: ";

    /** A valid on-demand table "New" with key pk, sk and the given extra members. */
    private static String composite(String extra) {
        return "{\"TableName\":\"New\",\"KeySchema\":[" + PK + "," + SK + "],\"AttributeDefinitions\":[" + PK_S + ","
                + SK_S + "],\"BillingMode\":\"PAY_PER_REQUEST\"" + extra + "}";
    }

    private static String composite(String definitions, String extra) {
        return "{\"TableName\":\"New\",\"KeySchema\":[" + PK + "," + SK + "],\"AttributeDefinitions\":[" + definitions
                + "],\"BillingMode\":\"PAY_PER_REQUEST\"" + extra + "}";
    }

    private static String hashOnly(String extra) {
        return "{\"TableName\":\"New\",\"KeySchema\":[" + PK + "],\"AttributeDefinitions\":[" + PK_S
                + "],\"BillingMode\":\"PAY_PER_REQUEST\"" + extra + "}";
    }

    private static String gsi(String name, String key, String projection) {
        return "{\"IndexName\":\"" + name + "\",\"KeySchema\":[{\"AttributeName\":\"" + key
                + "\",\"KeyType\":\"HASH\"}],\"Projection\":" + projection + "}";
    }

    private static String lsi(String name, String hash, String range, String projection) {
        return "{\"IndexName\":\"" + name + "\",\"KeySchema\":[{\"AttributeName\":\"" + hash
                + "\",\"KeyType\":\"HASH\"},{\"AttributeName\":\"" + range + "\",\"KeyType\":\"RANGE\"}],\"Projection\":"
                + projection + "}";
    }

    static Stream<ErrorCase> cases() {
        String c = "CreateTable";
        String longName = "a".repeat(256);
        List<ErrorCase> cases = new ArrayList<>(List.of(
                validation("missing name", c, "{}",
                        "The parameter 'TableName' is required but was not present in the request"),
                validation("short name", c, "{\"TableName\":\"ab\"}",
                        "1 validation error detected: Value 'ab' at 'tableName' failed to satisfy constraint: "
                                + "Member must have length greater than or equal to 3"),
                validation("empty name", c, "{\"TableName\":\"\"}",
                        "2 validation errors detected: Value '' at 'tableName' failed to satisfy constraint: Member must "
                                + "satisfy regular expression pattern: [a-zA-Z0-9_.-]+; Value '' at 'tableName' failed "
                                + "to satisfy constraint: Member must have length greater than or equal to 3"),
                validation("long name", c, "{\"TableName\":\"" + longName + "\"}",
                        "1 validation error detected: Value '" + longName + "' at 'tableName' failed to satisfy "
                                + "constraint: Member must have length less than or equal to 255"),
                validation("name pattern", c, "{\"TableName\":\"bad;name\",\"KeySchema\":[]}",
                        "1 validation error detected: Value 'bad;name' at 'tableName' failed to satisfy constraint: "
                                + "Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+"),
                validation("nothing but a name", c, "{\"TableName\":\"New\"}",
                        "2 validation errors detected: Value null at 'keySchema' failed to satisfy constraint: Member "
                                + "must not be null; Value null at 'attributeDefinitions' failed to satisfy constraint: "
                                + "Member must not be null"),
                validation("billing mode and key type together", c, "{\"TableName\":\"New\",\"AttributeDefinitions\":["
                        + PK_S + "],\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"INVALID\"}],"
                        + "\"BillingMode\":\"INVALID_MODE\"}",
                        "2 validation errors detected: Value 'INVALID_MODE' at 'billingMode' failed to satisfy "
                                + "constraint: Member must satisfy enum value set: [PROVISIONED, PAY_PER_REQUEST]; Value "
                                + "'INVALID' at 'keySchema.1.member.keyType' failed to satisfy constraint: Member must "
                                + "satisfy enum value set: [HASH, RANGE]"),
                validation("capacity below 1", c, "{\"TableName\":\"New\",\"AttributeDefinitions\":[" + PK_S
                        + "],\"KeySchema\":[" + PK + "],\"ProvisionedThroughput\":{\"ReadCapacityUnits\":0,"
                        + "\"WriteCapacityUnits\":-1}}",
                        "2 validation errors detected: Value '-1' at 'provisionedThroughput.writeCapacityUnits' failed "
                                + "to satisfy constraint: Member must have value greater than or equal to 1; Value '0' "
                                + "at 'provisionedThroughput.readCapacityUnits' failed to satisfy constraint: Member "
                                + "must have value greater than or equal to 1"),
                validation("capacity missing members", c, "{\"TableName\":\"New\",\"AttributeDefinitions\":[" + PK_S
                        + "],\"KeySchema\":[" + PK + "],\"ProvisionedThroughput\":{}}",
                        "2 validation errors detected: Value null at 'provisionedThroughput.writeCapacityUnits' failed "
                                + "to satisfy constraint: Member must not be null; Value null at "
                                + "'provisionedThroughput.readCapacityUnits' failed to satisfy constraint: Member must "
                                + "not be null"),
                validation("three key elements", c, "{\"TableName\":\"New\",\"AttributeDefinitions\":[" + PK_S + ","
                        + SK_S + "],\"KeySchema\":[" + PK + "," + SK + ",{\"AttributeName\":\"extra\",\"KeyType\":"
                        + "\"RANGE\"}],\"BillingMode\":\"PAY_PER_REQUEST\"}",
                        "1 validation error detected: Value '[KeySchemaElement(attributeName=pk, keyType=HASH), "
                                + "KeySchemaElement(attributeName=sk, keyType=RANGE), KeySchemaElement(attributeName="
                                + "extra, keyType=RANGE)]' at 'keySchema' failed to satisfy constraint: Member must "
                                + "have length less than or equal to 2"),
                validation("empty key schema", c, "{\"TableName\":\"New\",\"AttributeDefinitions\":[" + PK_S
                        + "],\"KeySchema\":[],\"BillingMode\":\"PAY_PER_REQUEST\"}",
                        "1 validation error detected: Value '[]' at 'keySchema' failed to satisfy constraint: Member "
                                + "must have length greater than or equal to 1"),
                validation("key element without members", c, "{\"TableName\":\"New\",\"AttributeDefinitions\":["
                        + PK_S + "],\"KeySchema\":[{}],\"BillingMode\":\"PAY_PER_REQUEST\"}",
                        "2 validation errors detected: Value null at 'keySchema.1.member.attributeName' failed to "
                                + "satisfy constraint: Member must not be null; Value null at 'keySchema.1.member.keyType' "
                                + "failed to satisfy constraint: Member must not be null"),
                validation("attribute type", c, "{\"TableName\":\"New\",\"AttributeDefinitions\":[{\"AttributeName\":"
                        + "\"pk\",\"AttributeType\":\"INVALID\"}],\"KeySchema\":[" + PK + "],\"BillingMode\":"
                        + "\"PAY_PER_REQUEST\"}",
                        "1 validation error detected: Value 'INVALID' at 'attributeDefinitions.1.member.attributeType' "
                                + "failed to satisfy constraint: Member must satisfy enum value set: [B, N, S]"),
                validation("attribute definition without members", c, "{\"TableName\":\"New\",\"AttributeDefinitions\""
                        + ":[{}],\"KeySchema\":[" + PK + "],\"BillingMode\":\"PAY_PER_REQUEST\"}",
                        "2 validation errors detected: Value null at 'attributeDefinitions.1.member.attributeName' "
                                + "failed to satisfy constraint: Member must not be null; Value null at "
                                + "'attributeDefinitions.1.member.attributeType' failed to satisfy constraint: Member "
                                + "must not be null"),
                validation("local index shape", c, composite(",\"LocalSecondaryIndexes\":[{\"IndexName\":\"a;\","
                        + "\"KeySchema\":[],\"Projection\":{\"ProjectionType\":\"BAD\",\"NonKeyAttributes\":[]}}]"),
                        "5 validation errors detected: Value 'a;' at 'localSecondaryIndexes.1.member.indexName' failed "
                                + "to satisfy constraint: Member must satisfy regular expression pattern: "
                                + "[a-zA-Z0-9_.-]+; Value 'a;' at 'localSecondaryIndexes.1.member.indexName' failed to "
                                + "satisfy constraint: Member must have length greater than or equal to 3; Value '[]' "
                                + "at 'localSecondaryIndexes.1.member.keySchema' failed to satisfy constraint: Member "
                                + "must have length greater than or equal to 1; Value 'BAD' at "
                                + "'localSecondaryIndexes.1.member.projection.projectionType' failed to satisfy "
                                + "constraint: Member must satisfy enum value set: [ALL, INCLUDE, KEYS_ONLY]; Value '[]' "
                                + "at 'localSecondaryIndexes.1.member.projection.nonKeyAttributes' failed to satisfy "
                                + "constraint: Member must have length greater than or equal to 1"),
                validation("global index members in DynamoDB's order", c, composite(",\"GlobalSecondaryIndexes\":[{}]"),
                        "3 validation errors detected: Value null at 'globalSecondaryIndexes.1.member.keySchema' failed "
                                + "to satisfy constraint: Member must not be null; Value null at "
                                + "'globalSecondaryIndexes.1.member.projection' failed to satisfy constraint: Member "
                                + "must not be null; Value null at 'globalSecondaryIndexes.1.member.indexName' failed to "
                                + "satisfy constraint: Member must not be null"),
                validation("global index capacity", c, composite(",\"GlobalSecondaryIndexes\":[{\"IndexName\":\"idx\","
                        + "\"KeySchema\":[" + PK + "],\"Projection\":{\"ProjectionType\":\"ALL\"},"
                        + "\"ProvisionedThroughput\":{\"ReadCapacityUnits\":0}}]"),
                        "2 validation errors detected: Value null at "
                                + "'globalSecondaryIndexes.1.member.provisionedThroughput.writeCapacityUnits' failed to "
                                + "satisfy constraint: Member must not be null; Value '0' at "
                                + "'globalSecondaryIndexes.1.member.provisionedThroughput.readCapacityUnits' failed to "
                                + "satisfy constraint: Member must have value greater than or equal to 1"),
                validation("stream specification shape", c, hashOnly(",\"StreamSpecification\":{\"StreamViewType\":"
                        + "\"BAD\"}"),
                        "2 validation errors detected: Value null at 'streamSpecification.streamEnabled' failed to "
                                + "satisfy constraint: Member must not be null; Value 'BAD' at "
                                + "'streamSpecification.streamViewType' failed to satisfy constraint: Member must "
                                + "satisfy enum value set: [NEW_IMAGE, OLD_IMAGE, NEW_AND_OLD_IMAGES, KEYS_ONLY]"),
                validation("encryption type", c, hashOnly(",\"SSESpecification\":{\"Enabled\":true,\"SSEType\":\"XYZ\"}"),
                        "1 validation error detected: Value 'XYZ' at 'sSESpecification.sSEType' failed to satisfy "
                                + "constraint: Member must satisfy enum value set: [AES256, KMS]"),
                validation("tag shapes", c, hashOnly(",\"Tags\":[{\"Key\":\"\",\"Value\":\"v\"},{\"Key\":\"k\"},{\"Key\":\""
                        + "k".repeat(129) + "\",\"Value\":\"" + "v".repeat(257) + "\"}]"),
                        "4 validation errors detected: Value '' at 'tags.1.member.key' failed to satisfy constraint: "
                                + "Member must have length greater than or equal to 1; Value null at 'tags.2.member.value' "
                                + "failed to satisfy constraint: Member must not be null; Value '" + "k".repeat(129)
                                + "' at 'tags.3.member.key' failed to satisfy constraint: Member must have length less "
                                + "than or equal to 128; Value '" + "v".repeat(257) + "' at 'tags.3.member.value' failed "
                                + "to satisfy constraint: Member must have length less than or equal to 256"),

                validation("capacity with on-demand billing", c, hashOnly(",\"ProvisionedThroughput\":{"
                        + "\"ReadCapacityUnits\":1,\"WriteCapacityUnits\":1}"),
                        P + "Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is "
                                + "PAY_PER_REQUEST"),
                validation("read capacity out of bounds", c, "{\"TableName\":\"New\",\"AttributeDefinitions\":[" + PK_S
                        + "],\"KeySchema\":[" + PK + "],\"ProvisionedThroughput\":{\"ReadCapacityUnits\":1000000000001,"
                        + "\"WriteCapacityUnits\":1000000000001}}",
                        "Given value 1000000000001 for ReadCapacityUnits is out of bounds"),
                validation("write capacity out of bounds", c, "{\"TableName\":\"New\",\"AttributeDefinitions\":[" + PK_S
                        + "],\"KeySchema\":[" + PK + "],\"ProvisionedThroughput\":{\"ReadCapacityUnits\":1000000000000,"
                        + "\"WriteCapacityUnits\":1000000000001}}",
                        "Given value 1000000000001 for WriteCapacityUnits is out of bounds"),
                validation("provisioned by default without capacity", c, "{\"TableName\":\"New\","
                        + "\"AttributeDefinitions\":[" + PK_S + "],\"KeySchema\":[" + PK + "]}",
                        P + "ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is "
                                + "PROVISIONED"),
                validation("provisioned without capacity", c, "{\"TableName\":\"New\",\"AttributeDefinitions\":["
                        + PK_S + "],\"KeySchema\":[" + PK + "],\"BillingMode\":\"PROVISIONED\"}",
                        P + "ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is "
                                + "PROVISIONED"),
                validation("key attribute not defined", c, "{\"TableName\":\"New\",\"AttributeDefinitions\":[{"
                        + "\"AttributeName\":\"b\",\"AttributeType\":\"S\"}],\"KeySchema\":[{\"AttributeName\":\"a\","
                        + "\"KeyType\":\"HASH\"}],\"BillingMode\":\"PAY_PER_REQUEST\"}",
                        P + "Some index key attributes are not defined in AttributeDefinitions. Keys: [a], "
                                + "AttributeDefinitions: [b]"),
                validation("same attribute twice in the key", c, "{\"TableName\":\"New\",\"AttributeDefinitions\":["
                        + PK_S + "],\"KeySchema\":[" + PK + ",{\"AttributeName\":\"pk\",\"KeyType\":\"RANGE\"}],"
                        + "\"BillingMode\":\"PAY_PER_REQUEST\"}",
                        "Invalid KeySchema: Some index key attribute have no definition"),
                validation("composite key attribute not defined", c, "{\"TableName\":\"New\",\"AttributeDefinitions\""
                        + ":[" + SK_S + "],\"KeySchema\":[" + PK + "," + SK + "],\"BillingMode\":\"PAY_PER_REQUEST\"}",
                        "Invalid KeySchema: Some index key attribute have no definition"),
                validation("no definitions at all", c, "{\"TableName\":\"New\",\"AttributeDefinitions\":[],"
                        + "\"KeySchema\":[" + PK + "],\"BillingMode\":\"PAY_PER_REQUEST\"}",
                        "Invalid KeySchema: Some index key attribute have no definition"),
                validation("first key not HASH", c, "{\"TableName\":\"New\",\"AttributeDefinitions\":[" + PK_S
                        + "],\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"RANGE\"}],\"BillingMode\":"
                        + "\"PAY_PER_REQUEST\"}",
                        "Invalid KeySchema: The first KeySchemaElement is not a HASH key type"),
                validation("second key not RANGE", c, "{\"TableName\":\"New\",\"AttributeDefinitions\":[" + PK_S + ","
                        + SK_S + "],\"KeySchema\":[" + PK + ",{\"AttributeName\":\"sk\",\"KeyType\":\"HASH\"}],"
                        + "\"BillingMode\":\"PAY_PER_REQUEST\"}",
                        "Invalid KeySchema: The second KeySchemaElement is not a RANGE key type"),
                validation("empty local index list", c, composite(",\"LocalSecondaryIndexes\":[]"),
                        P + "List of LocalSecondaryIndexes is empty"),
                validation("empty global index list", c, composite(",\"GlobalSecondaryIndexes\":[]"),
                        P + "List of GlobalSecondaryIndexes is empty"),
                validation("local index on a hash-only table", c, "{\"TableName\":\"New\",\"AttributeDefinitions\":["
                        + PK_S + ",{\"AttributeName\":\"l\",\"AttributeType\":\"S\"}],\"KeySchema\":[" + PK
                        + "],\"BillingMode\":\"PAY_PER_REQUEST\",\"LocalSecondaryIndexes\":["
                        + lsi("lsi1", "pk", "l", "{\"ProjectionType\":\"ALL\"}") + "]}",
                        P + "Table KeySchema does not have a range key, which is required when specifying a "
                                + "LocalSecondaryIndex"),
                validation("local index key not defined", c, composite(",\"LocalSecondaryIndexes\":["
                        + lsi("lsi1", "pk", "x", "{\"ProjectionType\":\"ALL\"}") + "]"),
                        P + "Some index key attributes are not defined in AttributeDefinitions. Keys: [pk, x], "
                                + "AttributeDefinitions: [pk, sk]"),
                validation("local index with one key name twice", c, composite(",\"LocalSecondaryIndexes\":["
                        + lsi("lsi1", "pk", "pk", "{\"ProjectionType\":\"ALL\"}") + "]"),
                        "Both the Hash Key and the Range Key element in the KeySchema have the same name"),
                validation("local index without range key", c, composite(",\"LocalSecondaryIndexes\":[{\"IndexName\":"
                        + "\"lsi1\",\"KeySchema\":[" + PK + "],\"Projection\":{\"ProjectionType\":\"ALL\"}}]"),
                        P + "Index KeySchema does not have a range key for index: lsi1"),
                validation("local index with another hash key", c, composite(PK_S + "," + SK_S + ",{\"AttributeName\":"
                        + "\"other\",\"AttributeType\":\"S\"},{\"AttributeName\":\"l\",\"AttributeType\":\"N\"}",
                        ",\"LocalSecondaryIndexes\":[" + lsi("lsi1", "other", "l", "{\"ProjectionType\":\"ALL\"}") + "]"),
                        P + "Index KeySchema does not have the same leading hash key as table KeySchema for index: "
                                + "lsi1. index hash key: other, table hash key: pk"),
                validation("projection without type", c, composite(",\"GlobalSecondaryIndexes\":["
                        + gsi("gsi1", "sk", "{}") + "]"),
                        P + "Unknown ProjectionType: null"),
                validation("ALL with non-key attributes", c, composite(",\"GlobalSecondaryIndexes\":["
                        + gsi("gsi1", "sk", "{\"ProjectionType\":\"ALL\",\"NonKeyAttributes\":[\"a\"]}") + "]"),
                        P + "ProjectionType is ALL, but NonKeyAttributes is specified"),
                validation("KEYS_ONLY with non-key attributes", c, composite(",\"LocalSecondaryIndexes\":["
                        + lsi("lsi1", "pk", "sk", "{\"ProjectionType\":\"KEYS_ONLY\",\"NonKeyAttributes\":[\"a\"]}")
                        + "]"),
                        P + "ProjectionType is KEYS_ONLY, but NonKeyAttributes is specified"),
                validation("INCLUDE without non-key attributes", c, composite(",\"GlobalSecondaryIndexes\":["
                        + gsi("gsi1", "sk", "{\"ProjectionType\":\"INCLUDE\"}") + "]"),
                        P + "ProjectionType is INCLUDE, but NonKeyAttributes is not specified"),
                validation("a non-key attribute twice", c, composite(",\"GlobalSecondaryIndexes\":["
                        + gsi("gsi1", "sk", "{\"ProjectionType\":\"INCLUDE\",\"NonKeyAttributes\":[\"a\",\"b\",\"a\"]}")
                        + "]"),
                        P + "Duplicate element in NonKeyAttributes: a"),
                validation("duplicate global index names", c, composite(",\"GlobalSecondaryIndexes\":["
                        + gsi("sameIndex", "sk", "{\"ProjectionType\":\"ALL\"}") + ","
                        + gsi("sameIndex", "pk", "{\"ProjectionType\":\"ALL\"}") + "]"),
                        P + "Duplicate index name: sameIndex"),
                validation("a global and a local index of one name", c, composite(",\"LocalSecondaryIndexes\":["
                        + lsi("idx", "pk", "sk", "{\"ProjectionType\":\"ALL\"}") + "],\"GlobalSecondaryIndexes\":["
                        + gsi("idx", "sk", "{\"ProjectionType\":\"ALL\"}") + "]"),
                        P + "Duplicate index name: idx"),
                validation("capacity on an on-demand table's index", c, composite(",\"GlobalSecondaryIndexes\":[{"
                        + "\"IndexName\":\"gsi1\",\"KeySchema\":[" + PK + "],\"Projection\":{\"ProjectionType\":\"ALL\"},"
                        + "\"ProvisionedThroughput\":{\"ReadCapacityUnits\":1,\"WriteCapacityUnits\":1}}]"),
                        P + "ProvisionedThroughput should not be specified for index: gsi1 when BillingMode is "
                                + "PAY_PER_REQUEST"),
                validation("no capacity on a provisioned table's index", c, "{\"TableName\":\"New\","
                        + "\"AttributeDefinitions\":[" + PK_S + "],\"KeySchema\":[" + PK + "],\"ProvisionedThroughput\":{"
                        + "\"ReadCapacityUnits\":1,\"WriteCapacityUnits\":1},\"GlobalSecondaryIndexes\":["
                        + gsi("gsi1", "pk", "{\"ProjectionType\":\"ALL\"}") + "]}",
                        P + "ProvisionedThroughput is not specified for index: gsi1"),
                validation("unused attribute definition", c, hashOnly("").replace("\"AttributeDefinitions\":[" + PK_S,
                        "\"AttributeDefinitions\":[" + PK_S + ",{\"AttributeName\":\"extra\",\"AttributeType\":\"N\"}"),
                        P + "Number of attributes in KeySchema does not exactly match number of attributes defined in "
                                + "AttributeDefinitions"),
                validation("enabled stream without view type", c, hashOnly(",\"StreamSpecification\":{"
                        + "\"StreamEnabled\":true}"),
                        P + "Table is being created with a stream enabled, UpdateViewType is required"),
                validation("disabled stream with view type", c, hashOnly(",\"StreamSpecification\":{"
                        + "\"StreamEnabled\":false,\"StreamViewType\":\"KEYS_ONLY\"}"),
                        P + "Table is being created with a stream disabled, UpdateViewType should not be specified"),
                validation("table class", c, hashOnly(",\"TableClass\":\"BAD\""),
                        "1 validation error detected: Value 'BAD' at 'tableClass' failed to satisfy constraint: Member "
                                + "must satisfy enum value set: [STANDARD, STANDARD_INFREQUENT_ACCESS]"),
                validation("on-demand ceilings on a provisioned table", c, "{\"TableName\":\"New\","
                        + "\"AttributeDefinitions\":[" + PK_S + "],\"KeySchema\":[" + PK + "],\"ProvisionedThroughput\":{"
                        + "\"ReadCapacityUnits\":1,\"WriteCapacityUnits\":1},\"OnDemandThroughput\":{"
                        + "\"MaxWriteRequestUnits\":10}}",
                        P + "MaxWriteRequestUnits for OnDemandThroughput cannot be specified when table BillingMode is "
                                + "PROVISIONED."),
                validation("on-demand ceiling below 1", c, hashOnly(",\"OnDemandThroughput\":{\"MaxReadRequestUnits\":"
                        + "-1}"),
                        P + "Requested MaxReadRequestUnits for OnDemandThroughput for table is outside of valid range"),
                validation("encryption type without encryption", c, hashOnly(",\"SSESpecification\":{\"Enabled\":"
                        + "false,\"SSEType\":\"KMS\"}"),
                        P + "SSEType can not be specified if Enabled is false"),
                validation("key without encryption", c, hashOnly(",\"SSESpecification\":{\"KMSMasterKeyId\":\"k\"}"),
                        P + "KMSMasterKeyId can not be specified if Enabled is false"),
                validation("AES256", c, hashOnly(",\"SSESpecification\":{\"Enabled\":true,\"SSEType\":\"AES256\"}"),
                        P + "SSEType AES256 is not supported"),
                validation("key without KMS type", c, hashOnly(",\"SSESpecification\":{\"Enabled\":true,"
                        + "\"KMSMasterKeyId\":\"k\"}"),
                        P + "SSEType KMS is required if KMSMasterKeyId is specified"),
                validation("tag key characters", c, hashOnly(",\"Tags\":[{\"Key\":\"a<b\",\"Value\":\"v\"}]"),
                        "The Tag Key provided is invalid, Key: a<b"),
                validation("tag value characters", c, hashOnly(",\"Tags\":[{\"Key\":\"k\",\"Value\":\"v|w\"}]"),
                        "The Tag Value provided is invalid, Value: v|w"),
                validation("reserved tag key", c, hashOnly(",\"Tags\":[{\"Key\":\"aws:team\",\"Value\":\"v\"}]"),
                        "Tag Key cannot be prefixed with aws:, Key: aws:team"),
                validation("tag key twice", c, hashOnly(",\"Tags\":[{\"Key\":\"k\",\"Value\":\"1\"},{\"Key\":\"k\","
                        + "\"Value\":\"2\"}]"),
                        "Duplicate Tag Keys provided as input: Duplicate Tag Key found k"),
                validation("51 tags", c, hashOnly(",\"Tags\":" + tags(51)),
                        "Number of Tags exceed the current limit for the provided ResourceArn"),
                new ErrorCase("existing table", c, TableFixtures.plain("Plain"), "ResourceInUseException",
                        "Table already exists: Plain")));
        cases.add(tooManyIndexes(c));
        cases.add(tooManyLocalIndexes(c));
        cases.add(tooManyProjected(c));
        cases.add(tooManyConstraints(c));
        return cases.stream();
    }

    static String tags(int n) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < n; i++) {
            b.append(i == 0 ? "" : ",").append("{\"Key\":\"k").append(i).append("\",\"Value\":\"v\"}");
        }
        return b.append("]").toString();
    }

    private static ErrorCase tooManyIndexes(String c) {
        StringBuilder indexes = new StringBuilder();
        for (int i = 0; i < 21; i++) {
            indexes.append(i == 0 ? "" : ",").append(gsi("gsi" + i, "sk", "{\"ProjectionType\":\"KEYS_ONLY\"}"));
        }
        return validation("21 global indexes", c, composite(",\"GlobalSecondaryIndexes\":[" + indexes + "]"),
                P + "GlobalSecondaryIndex count exceeds the per-table limit of 20");
    }

    private static ErrorCase tooManyLocalIndexes(String c) {
        StringBuilder indexes = new StringBuilder();
        StringBuilder definitions = new StringBuilder(PK_S + "," + SK_S);
        for (int i = 0; i < 6; i++) {
            indexes.append(i == 0 ? "" : ",").append(lsi("lsi" + i, "pk", "l" + i, "{\"ProjectionType\":\"ALL\"}"));
            definitions.append(",{\"AttributeName\":\"l").append(i).append("\",\"AttributeType\":\"S\"}");
        }
        return validation("6 local indexes", c, composite(definitions.toString(),
                ",\"LocalSecondaryIndexes\":[" + indexes + "]"),
                P + "Number of LocalSecondaryIndexes exceeds per-table limit of 5");
    }

    private static ErrorCase tooManyProjected(String c) {
        StringBuilder a = new StringBuilder();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 51; i++) {
            a.append(i == 0 ? "" : ",").append("\"a").append(i).append("\"");
            b.append(i == 0 ? "" : ",").append("\"b").append(i).append("\"");
        }
        return validation("101 projected attributes", c, composite(",\"GlobalSecondaryIndexes\":["
                + gsi("gsiA", "sk", "{\"ProjectionType\":\"INCLUDE\",\"NonKeyAttributes\":[" + a + "]}") + ","
                + gsi("gsiB", "pk", "{\"ProjectionType\":\"INCLUDE\",\"NonKeyAttributes\":[" + b + "]}") + "]"),
                P + "Number of projected attributes in all indexes exceeds limit of 100");
    }

    /** Eleven broken members: DynamoDB reports the first ten. */
    private static ErrorCase tooManyConstraints(String c) {
        StringBuilder keys = new StringBuilder();
        StringBuilder message = new StringBuilder("10 validation errors detected: Value '[");
        for (int i = 0; i < 11; i++) {
            keys.append(i == 0 ? "" : ",").append("{\"AttributeName\":\"a\",\"KeyType\":\"X\"}");
            message.append(i == 0 ? "" : ", ").append("KeySchemaElement(attributeName=a, keyType=X)");
        }
        message.append("]' at 'keySchema' failed to satisfy constraint: Member must have length less than or equal to 2");
        for (int i = 1; i <= 9; i++) {
            message.append("; Value 'X' at 'keySchema.").append(i).append(".member.keyType' failed to satisfy ")
                    .append("constraint: Member must satisfy enum value set: [HASH, RANGE]");
        }
        return validation("more than ten broken members", c, "{\"TableName\":\"New\",\"AttributeDefinitions\":[],"
                + "\"KeySchema\":[" + keys + "]}", message.toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void refusesWithDynamoDbsMessage(ErrorCase error) {
        error.check(db);
    }
}
