package io.tidelog.dynamodb.stream;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The shard a table's stream records go to. A stream has one shard for its whole life: every
 * record of a table is in log order anyway, which is all a shard promises. Enabling a stream
 * again gives a new stream label and so a new shard, as DynamoDB starts a new stream.
 *
 * <p>Shard ids have DynamoDB's shape, {@code shardId-<20 digits>-<8 hex>}: the digits are the
 * stream's creation time in milliseconds (read from its label), the hex a hash of the table
 * name and label.
 */
public final class StreamShards {
    private StreamShards() {}

    public static String shardId(String tableName, String streamLabel) {
        long millis;
        try {
            millis = LocalDateTime.parse(streamLabel).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeParseException | NullPointerException e) {
            millis = streamLabel == null ? 0 : Math.abs((long) streamLabel.hashCode());
        }
        String digits = Long.toString(millis);
        int hash = (tableName + "/" + streamLabel).hashCode();
        return "shardId-" + "0".repeat(Math.max(0, 20 - digits.length())) + digits + "-"
                + String.format("%08x", hash);
    }
}
