package io.tidelog.dynamodb.operation.table;

import io.tidelog.dynamodb.testing.LocalDynamoDb;

/** Request bodies of the tables the control-plane tests share. */
final class TableFixtures {
    private TableFixtures() {}

    static final String ARN_PREFIX = "arn:aws:dynamodb:us-east-1:000000000000:table/";

    /** Provisioned 5/5, hash key {@code pk}, GSI {@code byG} on {@code g} (INCLUDE x) at 5/5. */
    static final String PROV = """
            {"TableName":"Prov","KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}],
             "AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"},{"AttributeName":"g","AttributeType":"S"}],
             "ProvisionedThroughput":{"ReadCapacityUnits":5,"WriteCapacityUnits":5},
             "GlobalSecondaryIndexes":[{"IndexName":"byG","KeySchema":[{"AttributeName":"g","KeyType":"HASH"}],
               "Projection":{"ProjectionType":"INCLUDE","NonKeyAttributes":["x"]},
               "ProvisionedThroughput":{"ReadCapacityUnits":5,"WriteCapacityUnits":5}}]}""";

    /**
     * On demand, key {@code pk}/{@code sk}, GSI {@code byG} on {@code g} (ALL), LSI {@code byL} on
     * {@code l} (N, KEYS_ONLY), a NEW_IMAGE stream, deletion protection.
     */
    static final String PPR = """
            {"TableName":"Ppr","KeySchema":[{"AttributeName":"pk","KeyType":"HASH"},{"AttributeName":"sk","KeyType":"RANGE"}],
             "AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"},{"AttributeName":"sk","AttributeType":"S"},
               {"AttributeName":"g","AttributeType":"S"},{"AttributeName":"l","AttributeType":"N"}],
             "BillingMode":"PAY_PER_REQUEST",
             "GlobalSecondaryIndexes":[{"IndexName":"byG","KeySchema":[{"AttributeName":"g","KeyType":"HASH"}],
               "Projection":{"ProjectionType":"ALL"}}],
             "LocalSecondaryIndexes":[{"IndexName":"byL","KeySchema":[{"AttributeName":"pk","KeyType":"HASH"},
               {"AttributeName":"l","KeyType":"RANGE"}],"Projection":{"ProjectionType":"KEYS_ONLY"}}],
             "StreamSpecification":{"StreamEnabled":true,"StreamViewType":"NEW_IMAGE"},
             "DeletionProtectionEnabled":true}""";

    /** On demand, hash key {@code pk}, nothing else. */
    static String plain(String name) {
        return """
                {"TableName":"%s","KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}],
                 "AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"}],"BillingMode":"PAY_PER_REQUEST"}"""
                .formatted(name);
    }

    /** Creates Prov, Ppr (with TTL on {@code exp}) and Plain. */
    static void createAll(LocalDynamoDb db) {
        db.call("CreateTable", PROV);
        db.call("CreateTable", PPR);
        db.call("UpdateTimeToLive", """
                {"TableName":"Ppr","TimeToLiveSpecification":{"Enabled":true,"AttributeName":"exp"}}""");
        db.call("CreateTable", plain("Plain"));
    }
}
