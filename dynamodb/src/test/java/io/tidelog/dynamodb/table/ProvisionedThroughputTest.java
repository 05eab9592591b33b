package io.tidelog.dynamodb.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ProvisionedThroughputTest {
    private static final double MORNING = Instant.parse("2026-03-01T08:00:00Z").getEpochSecond();

    @Test
    void roundTripsThroughItsCatalogDocument() {
        ProvisionedThroughput t = new ProvisionedThroughput(5, 6, 1.5, 2.25, 3, 0.5);
        assertEquals(t, ProvisionedThroughput.parse(CatalogFormat.write(t.toJson())));
        assertEquals(ProvisionedThroughput.of(1, 2), ProvisionedThroughput.parse(
                "{\"ReadCapacityUnits\":1,\"WriteCapacityUnits\":2}"));
        assertNull(ProvisionedThroughput.parse(null));
        assertNull(ProvisionedThroughput.parse("null"));
    }

    @Test
    void increasesAndDecreasesAreStampedAndDecreasesCountedPerUtcDay() {
        ProvisionedThroughput up = ProvisionedThroughput.of(5, 5).changedTo(10, 5, MORNING);
        assertEquals(MORNING, up.lastIncrease());
        assertNull(up.lastDecrease());
        assertEquals(0, up.decreases());

        ProvisionedThroughput down = up.changedTo(10, 1, MORNING + 60).changedTo(2, 1, MORNING + 120);
        assertEquals(2, down.decreasesOn(Instant.parse("2026-03-01T23:59:59Z")));
        assertEquals(0, down.decreasesOn(Instant.parse("2026-03-02T00:00:00Z")));
        assertEquals(MORNING, down.lastIncrease());
        assertEquals(MORNING + 120, down.lastDecrease());

        double nextDay = Instant.parse("2026-03-02T01:00:00Z").getEpochSecond();
        assertEquals(1, down.changedTo(1, 1, nextDay).decreases(), "the count starts again on a new day");
    }
}
