package io.tidelog.backend.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tidelog.backend.BackendException;
import io.tidelog.backend.Durability;
import io.tidelog.backend.Horizon;
import io.tidelog.backend.Retention;
import io.tidelog.backend.RetentionFloor;
import io.tidelog.backend.StorageBackend;
import io.tidelog.backend.Tidelog;
import io.tidelog.backend.TidelogOptions;
import io.tidelog.backend.audit.AuditHistory;
import io.tidelog.backend.internal.LogCheck;
import io.tidelog.backend.internal.Progress;
import io.tidelog.backend.internal.StoreLayout;
import io.tidelog.backend.internal.Verify;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Retention the options ask for runs on its own thread while writes go on, keeps the log within
 * its bounds, and never crosses a retention floor.
 */
class AutomaticRetentionTest {
    /** Seconds the soak test writes; the long-run profile raises it. */
    private static final long SOAK_SECONDS = Long.getLong("tidelog.soakSeconds", 3);
    private static final long SEGMENT = 16 << 10;
    private static final long BOUND = 96 << 10;

    @TempDir
    Path dir;

    private static long logBytes(Path store) {
        return LogCheck.segments(StoreLayout.log(store)).stream().mapToLong(LogCheck.Segment::sizeBytes).sum();
    }

    private static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "timed out waiting until " + what);
            Thread.sleep(10);
        }
    }

    private static void put(StorageBackend b, int i) {
        String item = "{\"i\":{\"N\":\"" + i + "\"},\"pad\":{\"S\":\"" + "x".repeat(120) + "\"}}";
        b.putItem("t", "S:k" + (i % 300), "", item, item.length());
    }

    /**
     * Writes continuously under a size bound and checks the log after every write. The bound
     * holds with one segment of slack: the segment being written, which fills while the thread
     * trims the rest. That needs each compaction to end before the next segment fills, so the
     * writer keeps to a rate at which one of these small segments takes about two seconds to
     * fill, well above what a compaction takes on a busy test machine.
     */
    @Test
    void aSizeBoundHoldsWhileWritingGoesOn() throws Exception {
        long segment = 32 << 10;
        long bound = 128 << 10;
        TidelogOptions options = TidelogOptions.builder().durability(Durability.ASYNC)
                .checkpointInterval(200).logSegmentBytes(segment).retentionBytes(bound).build();
        try (StorageBackend b = Tidelog.open(dir, options)) {
            b.createDataTable("t");
            Retention retention = Retention.of(b);
            int i = 0;
            // fill past the bound at full speed, then let the trimmer catch up
            while (logBytes(dir) <= bound + segment) {
                put(b, i++);
            }
            awaitTrue(() -> logBytes(dir) <= bound + segment, "the first trim");
            long worst = 0;
            long trims = 0;
            long previous = retention.horizon().sequence();
            long start = System.nanoTime();
            long end = start + TimeUnit.SECONDS.toNanos(SOAK_SECONDS);
            for (long n = 0; System.nanoTime() < end; n++) {
                put(b, i++);
                worst = Math.max(worst, logBytes(dir));
                long h = retention.horizon().sequence();
                assertTrue(h >= previous, "the horizon never moves back");
                trims += h > previous ? 1 : 0;
                previous = h;
                long due = start + n * TimeUnit.MILLISECONDS.toNanos(12);
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
            }
            assertTrue(worst <= bound + segment, "log reached " + worst + " bytes; bound " + bound
                    + " plus one segment of " + segment);
            assertTrue(trims >= 1, "the horizon moved " + trims + " times while writing");
            Horizon h = retention.horizon();
            try (StorageBackend at = Tidelog.openAt(dir, h.sequence())) {
                assertEquals(h.sequence(), at.lastSequence());
            }
        }
        assertTrue(logBytes(dir) <= bound + segment);
        Verify.Report r = Verify.run(dir, 5, Progress.NONE);
        assertTrue(r.ok(), r.toString());
    }

    /** A floor holds the horizon back; once it goes, retention catches up. */
    @Test
    void retentionNeverCrossesAFloor() throws Exception {
        TidelogOptions options = TidelogOptions.builder().durability(Durability.NONE)
                .checkpointInterval(100).logSegmentBytes(SEGMENT).retentionBytes(BOUND).build();
        try (StorageBackend b = Tidelog.open(dir, options)) {
            b.createDataTable("t");
            Retention retention = Retention.of(b);
            for (int i = 0; i < 100; i++) {
                put(b, i);
            }
            AtomicLong floorAt = new AtomicLong(b.lastSequence());
            RetentionFloor floor = floorAt::get;
            try (Retention.Registration hold = retention.addFloor(floor)) {
                for (int i = 100; i < 3000; i++) {
                    put(b, i);
                }
                Thread.sleep(200);
                assertTrue(logBytes(dir) > 2 * BOUND, "the floor kept the log from being trimmed");
                assertTrue(retention.horizon().sequence() <= floorAt.get(), "horizon " + retention.horizon());
                assertEquals(floorAt.get(), retention.compactBefore(b.lastSequence()).sequence(),
                        "an explicit compaction stops at the floor too");
                // the floor moves on: retention follows it, not past it
                floorAt.set(floorAt.get() + 500);
                awaitTrue(() -> retention.horizon().sequence() > 100, "retention follows the floor");
                Thread.sleep(100);
                assertTrue(retention.horizon().sequence() <= floorAt.get(), "horizon " + retention.horizon());
                BackendException e = assertThrows(BackendException.class, () -> retention.addFloor(() -> 10));
                assertEquals(BackendException.Kind.VALIDATION, e.kind());
            }
            awaitTrue(() -> logBytes(dir) <= BOUND + SEGMENT, "retention catches up once the floor is gone");
            assertTrue(retention.horizon().sequence() > floorAt.get());
        }
    }

    /** An age bound keeps every state from that long ago on, and drops the segments wholly older. */
    @Test
    void anAgeBoundKeepsEveryStateSinceThen() throws Exception {
        StepClock clock = new StepClock(Instant.parse("2026-05-01T00:00:00Z"), Duration.ofMillis(1));
        Duration age = Duration.ofSeconds(30);
        TidelogOptions options = TidelogOptions.builder().clock(clock).durability(Durability.NONE)
                .checkpointInterval(100).logSegmentBytes(SEGMENT).retentionAge(age).build();
        Instant cutoff;
        try (StorageBackend b = Tidelog.open(dir, options)) {
            b.createDataTable("t");
            for (int i = 0; i < 1500; i++) {
                put(b, i);
                if (i % 10 == 0) {
                    clock.advance(Duration.ofSeconds(1)); // 150 s of history
                }
            }
            cutoff = clock.instant().minus(age);
            Retention retention = Retention.of(b);
            awaitTrue(() -> retention.horizon().sequence() > 0 && !droppable(cutoff), "the old segments are gone");
            Horizon h = retention.horizon();
            assertTrue(!h.time().isAfter(cutoff), "horizon " + h + " is older than the cutoff " + cutoff);
        }
        try (StorageBackend at = Tidelog.openAt(dir, cutoff)) {
            assertTrue(at.lastSequence() > 0);
        }
        assertThrows(BackendException.class, () -> Tidelog.openAt(dir, cutoff.minus(age)).close());
    }

    /** Whether the oldest segment holds only mutations committed at or before {@code cutoff}. */
    private boolean droppable(Instant cutoff) {
        List<LogCheck.Segment> segments = LogCheck.segments(StoreLayout.log(dir));
        if (segments.size() < 2) {
            return false;
        }
        try (AuditHistory h = AuditHistory.open(dir)) {
            Instant lastOfOldest = h.timeOf(segments.get(1).base() - 1);
            // null: the oldest segment went while we looked; look again
            return lastOfOldest == null || !lastOfOldest.isAfter(cutoff);
        }
    }
}
