package io.tidelog.dynamodb;

import java.util.Objects;

/**
 * One request to the DynamoDB API, as the protocol layer received it.
 *
 * @param target   the operation, as the {@code X-Amz-Target} header names it, e.g.
 *                 {@code DynamoDB_20120810.PutItem} or {@code DynamoDBStreams_20120810.GetRecords};
 *                 null when the request named none
 * @param body     the request's JSON document (UTF-8), possibly empty
 * @param identity who is calling: the access key id of the request's credentials, recorded as the
 *                 identity of the mutations it makes; null when the request carried none
 * @param asOf     a past state to answer from ({@code X-Tidelog-As-Of}), or null for the current one
 */
public record Call(String target, byte[] body, String identity, String asOf) {
    public Call {
        Objects.requireNonNull(body, "body");
    }

    public static Call of(String target, byte[] body) {
        return new Call(target, body, null, null);
    }
}
