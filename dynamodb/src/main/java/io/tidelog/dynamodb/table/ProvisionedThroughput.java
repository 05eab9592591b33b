package io.tidelog.dynamodb.table;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * A table's or a GSI's provisioned throughput with its history, as the catalog stores it:
 *
 * <pre>
 * {"ReadCapacityUnits":5, "WriteCapacityUnits":5,
 *  "LastIncreaseDateTime":1700000000.123, "LastDecreaseDateTime":1700000100.5,
 *  "NumberOfDecreasesToday":1, "LastUpdateToPayPerRequestDateTime":1690000000.0}
 * </pre>
 *
 * Times are epoch seconds with a fraction; absent members are null here. The count of decreases
 * belongs to the UTC day of the last decrease and reads as zero on any later day.
 *
 * @param lastUpdateToPayPerRequest when the table last switched to on-demand billing, kept across
 *                                  a switch back to provisioned billing (DynamoDB shows it then too)
 */
public record ProvisionedThroughput(long read, long write, Double lastIncrease, Double lastDecrease,
        int decreases, Double lastUpdateToPayPerRequest) {

    public static ProvisionedThroughput of(long read, long write) {
        return new ProvisionedThroughput(read, write, null, null, 0, null);
    }

    /** The document's throughput, or null for a null or {@code "null"} document. */
    public static ProvisionedThroughput parse(String json) {
        if (json == null || json.equals("null")) {
            return null;
        }
        return read(CatalogFormat.parse(json));
    }

    /** The throughput of a parsed document (a missing node reads as null). */
    public static ProvisionedThroughput read(JsonNode d) {
        if (d == null || d.isMissingNode() || d.isNull()) {
            return null;
        }
        return new ProvisionedThroughput(d.path("ReadCapacityUnits").asLong(0), d.path("WriteCapacityUnits").asLong(0),
                time(d, "LastIncreaseDateTime"), time(d, "LastDecreaseDateTime"),
                d.path("NumberOfDecreasesToday").asInt(0), time(d, "LastUpdateToPayPerRequestDateTime"));
    }

    private static Double time(JsonNode d, String member) {
        JsonNode v = d.get(member);
        return v == null || !v.isNumber() ? null : v.doubleValue();
    }

    public ObjectNode toJson() {
        ObjectNode o = CatalogFormat.object();
        o.put("ReadCapacityUnits", read).put("WriteCapacityUnits", write);
        if (lastIncrease != null) {
            o.put("LastIncreaseDateTime", lastIncrease);
        }
        if (lastDecrease != null) {
            o.put("LastDecreaseDateTime", lastDecrease);
        }
        if (decreases != 0) {
            o.put("NumberOfDecreasesToday", decreases);
        }
        if (lastUpdateToPayPerRequest != null) {
            o.put("LastUpdateToPayPerRequestDateTime", lastUpdateToPayPerRequest);
        }
        return o;
    }

    /** The decreases made on the UTC day of {@code now}. */
    public int decreasesOn(Instant now) {
        if (lastDecrease == null || decreases == 0) {
            return 0;
        }
        return day(lastDecrease).equals(LocalDate.ofInstant(now, ZoneOffset.UTC)) ? decreases : 0;
    }

    /**
     * This throughput changed to {@code newRead}/{@code newWrite} at {@code now} (epoch seconds):
     * a rise of either stamps the increase time, a fall of either stamps the decrease time and
     * counts one more decrease today.
     */
    public ProvisionedThroughput changedTo(long newRead, long newWrite, double now) {
        boolean increase = newRead > read || newWrite > write;
        boolean decrease = newRead < read || newWrite < write;
        Instant at = Instant.ofEpochMilli(Math.round(now * 1000));
        return new ProvisionedThroughput(newRead, newWrite, increase ? Double.valueOf(now) : lastIncrease,
                decrease ? Double.valueOf(now) : lastDecrease, decrease ? decreasesOn(at) + 1 : decreasesOn(at),
                lastUpdateToPayPerRequest);
    }

    public ProvisionedThroughput withLastUpdateToPayPerRequest(Double time) {
        return new ProvisionedThroughput(read, write, lastIncrease, lastDecrease, decreases, time);
    }

    private static LocalDate day(double epochSeconds) {
        return LocalDate.ofInstant(Instant.ofEpochMilli(Math.round(epochSeconds * 1000)), ZoneOffset.UTC);
    }
}
