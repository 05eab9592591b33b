package io.tidelog.dynamodb.operation.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tidelog.backend.TableMetadata;
import io.tidelog.backend.Durability;
import io.tidelog.backend.TidelogOptions;
import io.tidelog.dynamodb.ServiceOptions;
import io.tidelog.dynamodb.testing.LocalDynamoDb;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** UpdateTable's changes other than indexes: capacity, billing, ceilings, stream, class, protection. */
class UpdateTableTest {
    @TempDir
    Path dir;
    LocalDynamoDb db;
    final MovableClock clock = new MovableClock(Instant.parse("2026-03-01T10:00:00Z"));

    @BeforeEach
    void open() {
        db = LocalDynamoDb.open(dir, TidelogOptions.builder().durability(Durability.NONE).build(),
                ServiceOptions.defaults().withClock(clock));
        TableFixtures.createAll(db);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private JsonNode describe(String table) {
        return db.call("DescribeTable", "{\"TableName\":\"" + table + "\"}").get("Table");
    }

    private JsonNode update(String table, String members) {
        return db.call("UpdateTable", "{\"TableName\":\"" + table + "\"," + members + "}").get("TableDescription");
    }

    private static String capacity(long read, long write) {
        return "\"ProvisionedThroughput\":{\"ReadCapacityUnits\":" + read + ",\"WriteCapacityUnits\":" + write + "}";
    }

    @Test
    void aCapacityChangeShowsTheOldUnitsWhileUpdatingAndTheNewOnesAfter() {
        clock.set(Instant.parse("2026-03-01T10:00:00.250Z"));
        JsonNode reply = update("Prov", capacity(15, 5));
        assertEquals("UPDATING", reply.get("TableStatus").asText());
        JsonNode shown = reply.get("ProvisionedThroughput");
        assertEquals(5, shown.get("ReadCapacityUnits").asLong());
        assertEquals(1772359200.25, shown.get("LastIncreaseDateTime").asDouble());
        assertFalse(shown.has("LastDecreaseDateTime"));

        JsonNode after = describe("Prov");
        assertEquals("ACTIVE", after.get("TableStatus").asText());
        assertEquals(LocalDynamoDb.parse("{\"LastIncreaseDateTime\":1.77235920025E9,\"NumberOfDecreasesToday\":0,"
                + "\"ReadCapacityUnits\":15,\"WriteCapacityUnits\":5}"), after.get("ProvisionedThroughput"));

        clock.set(Instant.parse("2026-03-01T11:00:00Z"));
        update("Prov", capacity(15, 2));
        update("Prov", capacity(10, 3));
        JsonNode decreased = describe("Prov").get("ProvisionedThroughput");
        assertEquals(2, decreased.get("NumberOfDecreasesToday").asLong(), "a mixed change counts as a decrease");
        assertEquals(1772362800.0, decreased.get("LastDecreaseDateTime").asDouble());
        assertEquals(1772362800.0, decreased.get("LastIncreaseDateTime").asDouble());

        clock.set(Instant.parse("2026-03-02T00:00:01Z"));
        assertEquals(0, describe("Prov").get("ProvisionedThroughput").get("NumberOfDecreasesToday").asLong(),
                "a new UTC day starts with no decreases");
    }

    @Test
    void switchingToOnDemandAndBack() {
        JsonNode toOnDemand = update("Prov", "\"BillingMode\":\"PAY_PER_REQUEST\"");
        assertEquals("UPDATING", toOnDemand.get("TableStatus").asText());
        JsonNode onDemand = describe("Prov");
        assertEquals("PAY_PER_REQUEST", onDemand.get("BillingModeSummary").get("BillingMode").asText());
        assertEquals(1772359200.0, onDemand.get("BillingModeSummary").get("LastUpdateToPayPerRequestDateTime")
                .asDouble());
        assertEquals(0, onDemand.get("ProvisionedThroughput").get("ReadCapacityUnits").asLong());
        assertEquals(0, onDemand.get("GlobalSecondaryIndexes").get(0).get("ProvisionedThroughput")
                .get("ReadCapacityUnits").asLong());
        assertTrue(onDemand.has("WarmThroughput"));

        clock.set(Instant.parse("2026-03-01T12:00:00Z"));
        update("Prov", "\"BillingMode\":\"PROVISIONED\"," + capacity(3, 4) + ",\"GlobalSecondaryIndexUpdates\":[{"
                + "\"Update\":{\"IndexName\":\"byG\"," + capacity(1, 2) + "}}]");
        JsonNode back = describe("Prov");
        assertEquals(LocalDynamoDb.parse("{\"BillingMode\":\"PROVISIONED\",\"LastUpdateToPayPerRequestDateTime\":"
                + "1.7723592E9}"), back.get("BillingModeSummary"), "the last switch to on demand stays shown");
        assertEquals(3, back.get("ProvisionedThroughput").get("ReadCapacityUnits").asLong());
        assertEquals(4, back.get("ProvisionedThroughput").get("WriteCapacityUnits").asLong());
        JsonNode index = back.get("GlobalSecondaryIndexes").get(0).get("ProvisionedThroughput");
        assertEquals(1, index.get("ReadCapacityUnits").asLong());
        assertEquals(2, index.get("WriteCapacityUnits").asLong());
        assertFalse(back.has("WarmThroughput"));
    }

    @Test
    void onDemandToOnDemandIsAccepted() {
        JsonNode reply = update("Plain", "\"BillingMode\":\"PAY_PER_REQUEST\"");
        assertEquals("ACTIVE", reply.get("TableStatus").asText());
        assertEquals("PAY_PER_REQUEST", describe("Plain").get("BillingModeSummary").get("BillingMode").asText());
    }

    @Test
    void onDemandCeilingsMergeAndMinusOneRemovesOne() {
        JsonNode reply = update("Plain", "\"OnDemandThroughput\":{\"MaxReadRequestUnits\":100,"
                + "\"MaxWriteRequestUnits\":50}");
        assertEquals(LocalDynamoDb.parse("{\"MaxReadRequestUnits\":100,\"MaxWriteRequestUnits\":50}"),
                reply.get("OnDemandThroughput"));
        JsonNode echoed = update("Plain", "\"OnDemandThroughput\":{\"MaxReadRequestUnits\":-1}");
        assertEquals(LocalDynamoDb.parse("{\"MaxReadRequestUnits\":-1,\"MaxWriteRequestUnits\":50}"),
                echoed.get("OnDemandThroughput"), "the reply echoes the removal");
        assertEquals(LocalDynamoDb.parse("{\"MaxWriteRequestUnits\":50}"), describe("Plain").get("OnDemandThroughput"));
        update("Plain", "\"OnDemandThroughput\":{\"MaxWriteRequestUnits\":-1}");
        assertFalse(describe("Plain").has("OnDemandThroughput"));

        update("Plain", "\"OnDemandThroughput\":{\"MaxWriteRequestUnits\":9}");
        update("Plain", "\"BillingMode\":\"PROVISIONED\"," + capacity(1, 1));
        assertFalse(describe("Plain").has("OnDemandThroughput"), "switching to provisioned drops the ceilings");
    }

    @Test
    void aStreamIsEnabledDisabledAndEnabledAgainWithAnotherViewType() {
        JsonNode enabled = update("Plain", "\"StreamSpecification\":{\"StreamEnabled\":true,"
                + "\"StreamViewType\":\"KEYS_ONLY\"}");
        assertEquals("KEYS_ONLY", enabled.get("StreamSpecification").get("StreamViewType").asText());
        String first = enabled.get("LatestStreamLabel").asText();
        assertEquals("2026-03-01T10:00:00.000", first);

        JsonNode disabled = update("Plain", "\"StreamSpecification\":{\"StreamEnabled\":false}");
        assertFalse(disabled.has("StreamSpecification"));
        assertFalse(disabled.has("LatestStreamArn"));
        TableMetadata row = db.backend().getTableMetadata("Plain").orElseThrow();
        assertFalse(row.streamEnabled());
        assertEquals(first, row.streamLabel(), "the old stream's label is kept");

        JsonNode again = update("Plain", "\"StreamSpecification\":{\"StreamEnabled\":true,"
                + "\"StreamViewType\":\"NEW_AND_OLD_IMAGES\"}");
        assertEquals("NEW_AND_OLD_IMAGES", again.get("StreamSpecification").get("StreamViewType").asText());
        assertNotEquals(first, again.get("LatestStreamLabel").asText(), "a new stream, even within the millisecond");
        assertEquals(TableFixtures.ARN_PREFIX + "Plain/stream/" + again.get("LatestStreamLabel").asText(),
                again.get("LatestStreamArn").asText());
    }

    @Test
    void onDemandBillingAndAStreamMayChangeTogether() {
        update("Prov", "\"BillingMode\":\"PAY_PER_REQUEST\",\"StreamSpecification\":{\"StreamEnabled\":true,"
                + "\"StreamViewType\":\"NEW_IMAGE\"}");
        JsonNode t = describe("Prov");
        assertEquals("PAY_PER_REQUEST", t.get("BillingModeSummary").get("BillingMode").asText());
        assertTrue(t.get("StreamSpecification").get("StreamEnabled").asBoolean());
    }

    @Test
    void tableClassAndDeletionProtection() {
        JsonNode reply = update("Plain", "\"TableClass\":\"STANDARD_INFREQUENT_ACCESS\"");
        assertEquals("STANDARD_INFREQUENT_ACCESS", reply.get("TableClassSummary").get("TableClass").asText());
        assertEquals("ValidationException", db.fail("DeleteTable", "{\"TableName\":\"Ppr\"}").type());
        assertFalse(update("Ppr", "\"DeletionProtectionEnabled\":false").get("DeletionProtectionEnabled").asBoolean());
        db.call("DeleteTable", "{\"TableName\":\"Ppr\"}");
        assertTrue(update("Plain", "\"DeletionProtectionEnabled\":true").get("DeletionProtectionEnabled").asBoolean());
        assertEquals("ValidationException", db.fail("DeleteTable", "{\"TableName\":\"Plain\"}").type());
    }

    @Test
    void aRefusedUpdateChangesNothing() {
        TableMetadata before = db.backend().getTableMetadata("Prov").orElseThrow();
        long sequence = db.backend().lastSequence();
        db.fail("UpdateTable", "{\"TableName\":\"Prov\"," + capacity(5, 5) + "}");
        db.fail("UpdateTable", "{\"TableName\":\"Prov\",\"GlobalSecondaryIndexUpdates\":[{\"Update\":{\"IndexName\":"
                + "\"byG\"," + capacity(5, 5) + "}}]}");
        assertEquals(before, db.backend().getTableMetadata("Prov").orElseThrow());
        assertEquals(sequence, db.backend().lastSequence());
    }

    /** A clock the test moves. */
    static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
