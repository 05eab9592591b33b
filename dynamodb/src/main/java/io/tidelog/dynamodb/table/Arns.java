package io.tidelog.dynamodb.table;

import io.tidelog.dynamodb.ServiceOptions;
import io.tidelog.dynamodb.error.Errors;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * The Amazon Resource Names of DynamoDB's resources, in the one region and account the service
 * plays:
 *
 * <pre>
 * table   arn:aws:dynamodb:&lt;region&gt;:&lt;account&gt;:table/&lt;table&gt;
 * index   arn:aws:dynamodb:&lt;region&gt;:&lt;account&gt;:table/&lt;table&gt;/index/&lt;index&gt;
 * stream  arn:aws:dynamodb:&lt;region&gt;:&lt;account&gt;:table/&lt;table&gt;/stream/&lt;label&gt;
 * </pre>
 *
 * A stream's label is the time the stream was enabled, as DynamoDB writes it: ISO-8601 in UTC
 * with milliseconds and no zone ({@code 2024-01-15T10:30:00.123}). Enabling a stream again gives
 * a new label, hence a new stream ARN.
 */
public record Arns(String region, String accountId) {
    private static final String PREFIX = "arn:";
    private static final DateTimeFormatter LABEL =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    public Arns {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(accountId, "accountId");
    }

    public static Arns of(ServiceOptions options) {
        return new Arns(options.region(), options.accountId());
    }

    public String table(String tableName) {
        return "arn:aws:dynamodb:" + region + ":" + accountId + ":table/" + tableName;
    }

    public String index(String tableName, String indexName) {
        return table(tableName) + "/index/" + indexName;
    }

    public String stream(String tableName, String label) {
        return table(tableName) + "/stream/" + label;
    }

    /** The label of a stream enabled at {@code enabledAt}. */
    public static String streamLabel(Instant enabledAt) {
        return LABEL.format(enabledAt);
    }

    /**
     * The table a resource ARN names, for the tagging operations. A table ARN and a stream ARN
     * name their table; anything else is refused with DynamoDB's words for what is wrong with it.
     * The region and account are not checked: the service answers for one of each.
     *
     * @param arn a present ARN (callers refuse a missing one first)
     */
    public static String tableOf(String arn) {
        if (arn.isEmpty()) {
            throw Errors.tableArnMissing();
        }
        if (!arn.startsWith(PREFIX)) {
            throw Errors.arnWithoutPrefix(arn);
        }
        String[] parts = arn.split(":", 6);
        if (parts.length < 6 || !parts[2].equals("dynamodb")) {
            throw Errors.notADynamoDbArn(arn);
        }
        String resource = parts[5];
        if (!resource.startsWith("table/")) {
            throw Errors.invalidTableArn(arn);
        }
        String path = resource.substring("table/".length());
        int slash = path.indexOf('/');
        String table = slash < 0 ? path : path.substring(0, slash);
        String rest = slash < 0 ? "" : path.substring(slash);
        if (rest.startsWith("/index/")) {
            throw Errors.arnNotTableOrStream(arn);
        }
        if (!rest.isEmpty() && !(rest.startsWith("/stream/") && rest.length() > "/stream/".length())) {
            throw Errors.invalidTableArn(arn);
        }
        if (!TableNames.isValid(table)) {
            throw Errors.invalidTableArn(arn);
        }
        return table;
    }
}
