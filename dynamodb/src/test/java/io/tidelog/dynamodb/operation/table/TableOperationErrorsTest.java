package io.tidelog.dynamodb.operation.table;

import static io.tidelog.dynamodb.operation.table.ErrorCase.validation;
import static io.tidelog.dynamodb.operation.table.TableFixtures.ARN_PREFIX;

import io.tidelog.dynamodb.testing.LocalDynamoDb;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The refusals of DescribeTable, DeleteTable, ListTables, the TTL operations and the tagging
 * operations, with DynamoDB's exact messages and error types.
 */
class TableOperationErrorsTest {
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

    static Stream<ErrorCase> names(String operation) {
        return Stream.of(
                validation(operation + ": missing name", operation, "{}",
                        "The parameter 'TableName' is required but was not present in the request"),
                validation(operation + ": empty name", operation, "{\"TableName\":\"\"}",
                        "TableName must be at least 3 characters long and at most 255 characters long"),
                validation(operation + ": short name", operation, "{\"TableName\":\"a;\"}",
                        "TableName must be at least 3 characters long and at most 255 characters long"),
                validation(operation + ": long name", operation, "{\"TableName\":\"" + "a".repeat(256) + "\"}",
                        "TableName must be at least 3 characters long and at most 255 characters long"),
                validation(operation + ": name pattern", operation, "{\"TableName\":\"abc;\"}",
                        "1 validation error detected: Value 'abc;' at 'tableName' failed to satisfy constraint: "
                                + "Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+"),
                new ErrorCase(operation + ": missing table", operation, "{\"TableName\":\"Nope\"}",
                        "ResourceNotFoundException", "Requested resource not found: Table: Nope not found"));
    }

    static Stream<ErrorCase> cases() {
        Stream<ErrorCase> byName = Stream.of("DescribeTable", "DeleteTable", "DescribeTimeToLive")
                .flatMap(TableOperationErrorsTest::names);
        String ttl = "UpdateTimeToLive";
        String tag = "TagResource";
        String untag = "UntagResource";
        String list = "ListTagsOfResource";
        Stream<ErrorCase> others = Stream.of(
                validation("DeleteTable: deletion protection", "DeleteTable", "{\"TableName\":\"Ppr\"}",
                        "Resource cannot be deleted as it is currently protected against deletion. Disable deletion "
                                + "protection first."),
                validation("ListTables: limit 0", "ListTables", "{\"Limit\":0}",
                        "1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: Member must "
                                + "have value greater than or equal to 1"),
                validation("ListTables: limit 101", "ListTables", "{\"Limit\":101}",
                        "1 validation error detected: Value '101' at 'limit' failed to satisfy constraint: Member must "
                                + "have value less than or equal to 100"),
                validation("ListTables: bad start name and limit", "ListTables",
                        "{\"ExclusiveStartTableName\":\"a;\",\"Limit\":500}",
                        "3 validation errors detected: Value 'a;' at 'exclusiveStartTableName' failed to satisfy "
                                + "constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+; Value "
                                + "'a;' at 'exclusiveStartTableName' failed to satisfy constraint: Member must have "
                                + "length greater than or equal to 3; Value '500' at 'limit' failed to satisfy "
                                + "constraint: Member must have value less than or equal to 100"),

                validation("UpdateTimeToLive: missing name", ttl, "{}",
                        "The parameter 'TableName' is required but was not present in the request"),
                validation("UpdateTimeToLive: short name", ttl, "{\"TableName\":\"ab\"}",
                        "TableName must be at least 3 characters long and at most 255 characters long"),
                validation("UpdateTimeToLive: missing specification", ttl, "{\"TableName\":\"Plain\"}",
                        "1 validation error detected: Value null at 'timeToLiveSpecification' failed to satisfy "
                                + "constraint: Member must not be null"),
                validation("UpdateTimeToLive: name pattern and empty specification", ttl,
                        "{\"TableName\":\"abc;\",\"TimeToLiveSpecification\":{}}",
                        "3 validation errors detected: Value 'abc;' at 'tableName' failed to satisfy constraint: "
                                + "Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+; Value null at "
                                + "'timeToLiveSpecification.enabled' failed to satisfy constraint: Member must not be "
                                + "null; Value null at 'timeToLiveSpecification.attributeName' failed to satisfy "
                                + "constraint: Member must not be null"),
                validation("UpdateTimeToLive: empty attribute", ttl, "{\"TableName\":\"Plain\","
                        + "\"TimeToLiveSpecification\":{\"Enabled\":true,\"AttributeName\":\"\"}}",
                        "1 validation error detected: Value '' at 'timeToLiveSpecification.attributeName' failed to "
                                + "satisfy constraint: Member must have length greater than or equal to 1"),
                validation("UpdateTimeToLive: long attribute", ttl, "{\"TableName\":\"Plain\","
                        + "\"TimeToLiveSpecification\":{\"Enabled\":true,\"AttributeName\":\"" + "t".repeat(256) + "\"}}",
                        "1 validation error detected: Value '" + "t".repeat(256) + "' at "
                                + "'timeToLiveSpecification.attributeName' failed to satisfy constraint: Member must "
                                + "have length less than or equal to 255"),
                new ErrorCase("UpdateTimeToLive: missing table", ttl, "{\"TableName\":\"Nope\","
                        + "\"TimeToLiveSpecification\":{\"Enabled\":true,\"AttributeName\":\"ttl\"}}",
                        "ResourceNotFoundException", "Requested resource not found: Table: Nope not found"),
                validation("UpdateTimeToLive: enabled again", ttl, "{\"TableName\":\"Ppr\","
                        + "\"TimeToLiveSpecification\":{\"Enabled\":true,\"AttributeName\":\"exp\"}}",
                        "TimeToLive is already enabled"),
                validation("UpdateTimeToLive: enabled on another attribute", ttl, "{\"TableName\":\"Ppr\","
                        + "\"TimeToLiveSpecification\":{\"Enabled\":true,\"AttributeName\":\"other\"}}",
                        "TimeToLive is active on a different AttributeName: current AttributeName is exp"),
                validation("UpdateTimeToLive: disabled on another attribute", ttl, "{\"TableName\":\"Ppr\","
                        + "\"TimeToLiveSpecification\":{\"Enabled\":false,\"AttributeName\":\"other\"}}",
                        "TimeToLive is active on a different AttributeName: current AttributeName is exp"),
                validation("UpdateTimeToLive: disabled again", ttl, "{\"TableName\":\"Plain\","
                        + "\"TimeToLiveSpecification\":{\"Enabled\":false,\"AttributeName\":\"ttl\"}}",
                        "TimeToLive is already disabled"),

                validation("ListTagsOfResource: no ARN", list, "{}", "Invalid TableArn"),
                validation("ListTagsOfResource: empty ARN", list, "{\"ResourceArn\":\"\"}", "Invalid TableArn"),
                validation("ListTagsOfResource: not an ARN", list, "{\"ResourceArn\":\"not-a-valid-arn\"}",
                        "One or more parameter values were invalid: ARNs must start with 'arn:': not-a-valid-arn"),
                validation("ListTagsOfResource: another service", list, "{\"ResourceArn\":\"arn:aws:s3:::bucket\"}",
                        "One or more parameter values were invalid: Provided Arn is not a DynamoDB resource arn: "
                                + "arn:aws:s3:::bucket"),
                validation("ListTagsOfResource: too few parts", list, "{\"ResourceArn\":\"arn:aws:dynamodb\"}",
                        "One or more parameter values were invalid: Provided Arn is not a DynamoDB resource arn: "
                                + "arn:aws:dynamodb"),
                validation("ListTagsOfResource: an index", list, "{\"ResourceArn\":\"" + ARN_PREFIX + "Ppr/index/byG\"}",
                        "One or more parameter values were invalid: Invalid resource arn provided, only table or stream "
                                + "is accepted. Provided resource arn: " + ARN_PREFIX + "Ppr/index/byG"),
                validation("ListTagsOfResource: short table name", list, "{\"ResourceArn\":\"" + ARN_PREFIX + "ab\"}",
                        "Invalid TableArn: Invalid ResourceArn provided as input " + ARN_PREFIX + "ab"),
                validation("ListTagsOfResource: not a table", list, "{\"ResourceArn\":"
                        + "\"arn:aws:dynamodb:us-east-1:000000000000:backup/b1\"}",
                        "Invalid TableArn: Invalid ResourceArn provided as input "
                                + "arn:aws:dynamodb:us-east-1:000000000000:backup/b1"),
                validation("ListTagsOfResource: trailing path", list, "{\"ResourceArn\":\"" + ARN_PREFIX + "Ppr/x\"}",
                        "Invalid TableArn: Invalid ResourceArn provided as input " + ARN_PREFIX + "Ppr/x"),
                new ErrorCase("ListTagsOfResource: missing table", list, "{\"ResourceArn\":\"" + ARN_PREFIX
                        + "nonexistent_table_xyz\"}", "AccessDeniedException",
                        "User: arn:aws:iam::000000000000:root is not authorized to perform: "
                                + "dynamodb:ListTagsOfResource on resource: " + ARN_PREFIX + "nonexistent_table_xyz"),

                validation("TagResource: no ARN", tag, "{\"Tags\":[{\"Key\":\"k\",\"Value\":\"v\"}]}",
                        "Invalid TableArn"),
                validation("TagResource: no tags", tag, "{\"ResourceArn\":\"" + ARN_PREFIX + "Plain\"}",
                        "1 validation error detected: Value null at 'tags' failed to satisfy constraint: Member must not "
                                + "be null"),
                validation("TagResource: invalid ARN", tag, "{\"ResourceArn\":\"not-a-valid-arn\",\"Tags\":[{\"Key\":"
                        + "\"env\",\"Value\":\"test\"}]}",
                        "One or more parameter values were invalid: ARNs must start with 'arn:': not-a-valid-arn"),
                validation("TagResource: empty tags", tag, "{\"ResourceArn\":\"" + ARN_PREFIX + "Plain\",\"Tags\":[]}",
                        "Atleast one Tag needs to be provided as Input."),
                validation("TagResource: reserved key", tag, "{\"ResourceArn\":\"" + ARN_PREFIX + "Plain\",\"Tags\":[{"
                        + "\"Key\":\"aws:x\",\"Value\":\"v\"}]}",
                        "Tag Key cannot be prefixed with aws:, Key: aws:x"),
                new ErrorCase("TagResource: missing table", tag, "{\"ResourceArn\":\"" + ARN_PREFIX + "Nope\","
                        + "\"Tags\":[{\"Key\":\"k\",\"Value\":\"v\"}]}", "ResourceNotFoundException",
                        "Requested resource not found: ResourcArn: " + ARN_PREFIX + "Nope not found"),

                validation("UntagResource: no ARN", untag, "{\"TagKeys\":[\"k\"]}", "Invalid TableArn"),
                validation("UntagResource: no keys", untag, "{\"ResourceArn\":\"" + ARN_PREFIX + "Plain\"}",
                        "1 validation error detected: Value null at 'tagKeys' failed to satisfy constraint: Member must "
                                + "not be null"),
                validation("UntagResource: empty key", untag, "{\"ResourceArn\":\"" + ARN_PREFIX + "Plain\","
                        + "\"TagKeys\":[\"\"]}",
                        "1 validation error detected: Value '' at 'tagKeys.1.member' failed to satisfy constraint: "
                                + "Member must have length greater than or equal to 1"),
                validation("UntagResource: no keys in the list", untag, "{\"ResourceArn\":\"" + ARN_PREFIX + "Plain\","
                        + "\"TagKeys\":[]}",
                        "Atleast one Tag Key needs to be provided as Input."),
                new ErrorCase("UntagResource: missing table", untag, "{\"ResourceArn\":\"" + ARN_PREFIX + "Nope\","
                        + "\"TagKeys\":[\"k\"]}", "ResourceNotFoundException", "Requested resource not found"));
        return Stream.concat(byName, others);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void refusesWithDynamoDbsMessage(ErrorCase error) {
        error.check(db);
    }
}
