package io.tidelog.backend.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tidelog.backend.BackendException;
import io.tidelog.backend.Durability;
import io.tidelog.backend.Horizon;
import io.tidelog.backend.Retention;
import io.tidelog.backend.StorageBackend;
import io.tidelog.backend.Tidelog;
import io.tidelog.backend.TidelogOptions;
import io.tidelog.backend.audit.AuditHistory;
import io.tidelog.backend.internal.Checkpoints;
import io.tidelog.backend.internal.LogCheck;
import io.tidelog.backend.internal.Progress;
import io.tidelog.backend.internal.StoreLayout;
import io.tidelog.backend.internal.StoreLayoutAccess;
import io.tidelog.backend.internal.Verify;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compaction moves the horizon: every state at and after it reads exactly as before, the
 * segments wholly before it are gone, and anything before it is refused with an error that names
 * it. The views rebuilt from the base and the log equal the live ones.
 */
class CompactionTest {
    static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    @TempDir
    Path dir;

    private final StepClock clock = new StepClock(T0, Duration.ofMillis(1));

    private TidelogOptions options() {
        return TidelogOptions.builder().clock(clock).durability(Durability.NONE)
                .checkpointInterval(40).checkpointRetention(4).logSegmentBytes(4096).build();
    }

    /** Runs the workload, recording the live state after every few mutations by sequence. */
    private TreeMap<Long, String> write(int mutations) {
        TreeMap<Long, String> states = new TreeMap<>();
        RetentionWorkload workload = new RetentionWorkload(7);
        try (StorageBackend b = Tidelog.open(dir, options())) {
            RetentionWorkload.setUp(b);
            for (int i = 0; i < mutations; i++) {
                workload.run(b, 1);
                if (i % 9 == 0) {
                    states.put(b.lastSequence(), StoreDump.of(b));
                }
            }
            states.put(b.lastSequence(), StoreDump.of(b));
        }
        return states;
    }

    private Instant timeOf(long sequence) {
        try (AuditHistory h = AuditHistory.open(dir)) {
            return h.timeOf(sequence);
        }
    }

    private String openAt(long sequence) {
        try (StorageBackend at = Tidelog.openAt(dir, sequence)) {
            assertEquals(sequence, at.lastSequence());
            return StoreDump.of(at);
        }
    }

    private static long segmentsBytes(Path store) {
        return LogCheck.segments(StoreLayout.log(store)).stream().mapToLong(LogCheck.Segment::sizeBytes).sum();
    }

    @Test
    void statesAtAndAfterTheHorizonReadAsBeforeAndEarlierOnesAreRefused() {
        TreeMap<Long, String> live = write(700);
        long last = live.lastKey();
        long horizon = live.ceilingKey(last / 2);
        // what openAt showed before compacting: on both sides of the horizon, at it, and at the end
        Map<Long, String> before = new TreeMap<>();
        for (long s : List.of(1L, live.lowerKey(horizon), horizon - 1, horizon, horizon + 1,
                live.higherKey(horizon + 40), last)) {
            before.put(s, openAt(s));
        }
        Instant horizonTime = timeOf(horizon);
        long bytesBefore = segmentsBytes(dir);
        int segmentsBefore = LogCheck.segments(StoreLayout.log(dir)).size();

        try (StorageBackend b = Tidelog.open(dir, options())) {
            Horizon h = Retention.of(b).compactBefore(horizon);
            assertEquals(new Horizon(horizon, horizonTime), h);
            assertEquals(h, Retention.of(b).horizon());
            assertEquals(h, Retention.horizon(dir));
            assertEquals(live.get(last), StoreDump.of(b), "the live store reads as before, old stream records too");
            // the same request again, or an earlier one, leaves the horizon where it is
            assertEquals(h, Retention.of(b).compactBefore(horizon - 10));
        }

        List<LogCheck.Segment> segments = LogCheck.segments(StoreLayout.log(dir));
        long first = segments.get(0).base();
        assertTrue(first > 1 && first <= horizon + 1, "the log starts at " + first);
        assertTrue(segments.size() < segmentsBefore && segmentsBytes(dir) < bytesBefore / 2 + 8192,
                "segments wholly before the horizon are gone: " + segments.size() + " of " + segmentsBefore);
        assertTrue(Checkpoints.list(dir).stream().allMatch(c -> c >= horizon), "checkpoints " + Checkpoints.list(dir));

        for (Map.Entry<Long, String> e : before.entrySet()) {
            if (e.getKey() >= horizon) {
                assertEquals(e.getValue(), openAt(e.getKey()), "openAt " + e.getKey());
            } else {
                long s = e.getKey();
                BackendException x = assertThrows(BackendException.class, () -> Tidelog.openAt(dir, s).close());
                assertEquals(BackendException.Kind.VALIDATION, x.kind());
                assertTrue(x.getMessage().contains("sequence " + horizon + ", committed at " + horizonTime),
                        x.getMessage());
            }
        }
        List<Long> after = new ArrayList<>(live.tailMap(horizon).keySet());
        for (int i = 0; i < after.size(); i += after.size() / 4) {
            long s = after.get(i);
            assertEquals(live.get(s), openAt(s), "openAt " + s + " against the live state then");
        }
        // by instant: the horizon's own commit time still works, a microsecond earlier does not
        try (StorageBackend at = Tidelog.openAt(dir, horizonTime)) {
            assertEquals(horizon, at.lastSequence());
            assertEquals(before.get(horizon), StoreDump.of(at));
        }
        BackendException x = assertThrows(BackendException.class,
                () -> Tidelog.openAt(dir, horizonTime.minusNanos(1_000)).close());
        assertEquals(BackendException.Kind.VALIDATION, x.kind());
        assertTrue(x.getMessage().contains("sequence " + horizon), x.getMessage());
        assertThrows(BackendException.class, () -> Tidelog.openAt(dir, 0).close());

        assertViewsEqualARebuild();
    }

    @Test
    void compactingAgainMovesTheBaseOnAndARebuildStartsFromIt() {
        TreeMap<Long, String> live = write(500);
        long last = live.lastKey();
        long first = live.ceilingKey(last / 4);
        long second = live.ceilingKey(last * 3 / 4);
        try (StorageBackend b = Tidelog.open(dir, options())) {
            assertEquals(first, Retention.of(b).compactBefore(first).sequence());
            // writes go on between compactions
            new RetentionWorkload(99).run(b, 50);
            live.put(b.lastSequence(), StoreDump.of(b));
            assertEquals(second, Retention.of(b).compactBefore(timeOf(second)).sequence());
        }
        try (var bases = Files.list(dir.resolve("base"))) {
            assertEquals(List.of(String.format("%020d", second), "HORIZON", "streams"),
                    bases.map(p -> p.getFileName().toString()).sorted().toList(), "only the live base is kept");
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        assertEquals(live.get(second), openAt(second));
        assertViewsEqualARebuild();

        // views lost: the next open rebuilds them from the base, not from an empty store
        StoreLayoutAccess.deleteViews(dir);
        try (StorageBackend b = Tidelog.open(dir, options())) {
            assertEquals(live.lastEntry().getValue(), StoreDump.of(b));
        }
        assertViewsEqualARebuild();
    }

    @Test
    void sequencesOutsideTheLogAreRefusedAndAnEmptyStoreHasNothingToDrop() {
        try (StorageBackend b = Tidelog.open(dir, options())) {
            Retention r = Retention.of(b);
            assertEquals(Horizon.NONE, r.compactBefore(0));
            assertEquals(BackendException.Kind.VALIDATION,
                    assertThrows(BackendException.class, () -> r.compactBefore(1)).kind());
            assertEquals(BackendException.Kind.VALIDATION,
                    assertThrows(BackendException.class, () -> r.compactBefore(-1)).kind());
            RetentionWorkload.setUp(b);
            assertEquals(Horizon.NONE, r.compactBefore(T0.minusSeconds(60)), "nothing was committed before then");
        }
        try (StorageBackend at = Tidelog.openAt(dir, 1)) {
            assertEquals(BackendException.Kind.UNSUPPORTED,
                    assertThrows(BackendException.class, () -> Retention.of(at).compactBefore(1)).kind());
            assertEquals(Horizon.NONE, Retention.of(at).horizon());
        }
        assertFalse(Files.exists(dir.resolve("base")), "no compaction, no base");
    }

    /** Verify rebuilds the views from the base and the log and compares them with the live ones. */
    private void assertViewsEqualARebuild() {
        Verify.Report r = Verify.run(dir, 5, Progress.NONE);
        assertTrue(r.ok(), "verify: " + r);
    }
}
