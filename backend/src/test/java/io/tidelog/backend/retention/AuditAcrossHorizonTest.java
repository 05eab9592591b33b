package io.tidelog.backend.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tidelog.backend.BackendException;
import io.tidelog.backend.Durability;
import io.tidelog.backend.Retention;
import io.tidelog.backend.StorageBackend;
import io.tidelog.backend.Tidelog;
import io.tidelog.backend.TidelogOptions;
import io.tidelog.backend.audit.AuditHistory;
import io.tidelog.backend.audit.AuditQuery;
import io.tidelog.backend.audit.AuditRecord;
import io.tidelog.backend.audit.ChangePosition;
import io.tidelog.backend.audit.ChangeRecord;
import io.tidelog.backend.audit.ChangeStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit history and the change stream after a compaction: after the horizon they are
 * exactly what they were before it (before-images of rows last changed before the horizon come
 * from the base, the stream's view type from the base's catalog); before it they are refused
 * with an error that names the horizon.
 */
class AuditAcrossHorizonTest {
    @TempDir
    Path dir;

    private final StepClock clock = new StepClock(Instant.parse("2026-03-01T10:00:00Z"), Duration.ofMillis(1));
    private long last;

    private TidelogOptions options() {
        return TidelogOptions.builder().clock(clock).durability(Durability.NONE)
                .checkpointInterval(50).logSegmentBytes(4096).build();
    }

    @BeforeEach
    void write() {
        try (StorageBackend b = Tidelog.open(dir, options())) {
            RetentionWorkload.setUp(b);
            new RetentionWorkload(3).run(b, 500);
            last = b.lastSequence();
        }
    }

    private void compact(long sequence) {
        try (StorageBackend b = Tidelog.open(dir, options())) {
            assertEquals(sequence, Retention.of(b).compactBefore(sequence).sequence());
        }
    }

    private List<AuditRecord> history(AuditQuery q) {
        try (AuditHistory h = AuditHistory.open(dir)) {
            return h.list(q);
        }
    }

    private static List<AuditRecord> after(List<AuditRecord> records, long horizon) {
        return records.stream().filter(r -> r.sequence() > horizon).toList();
    }

    @Test
    void historyAfterTheHorizonIsUnchangedWithBeforeImagesFromTheBase() {
        List<AuditQuery> queries = List.of(AuditQuery.all(), AuditQuery.all().withAll(true),
                AuditQuery.all().table("b"), AuditQuery.all().table("a").key("S:k3", ""), AuditQuery.all().key("S:k7", null));
        List<List<AuditRecord>> before = queries.stream().map(this::history).toList();
        long horizon = last / 2;
        compact(horizon);

        for (int i = 0; i < queries.size(); i++) {
            assertEquals(after(before.get(i), horizon), history(queries.get(i)), "query " + queries.get(i));
        }
        // the equality above covers rows whose previous change is before the horizon: make sure there are some
        Map<String, Long> lastChange = new HashMap<>();
        int fromBase = 0;
        for (AuditRecord r : before.get(0)) {
            if (r.change() == null) {
                continue;
            }
            String key = r.tableName() + "/" + r.pk() + "/" + r.sk();
            Long previous = lastChange.put(key, r.sequence());
            if (r.sequence() > horizon && previous != null && previous <= horizon && r.before() != null) {
                fromBase++;
            }
        }
        assertTrue(fromBase >= 5, "before-images taken from the base: " + fromBase);

        assertEquals(history(AuditQuery.all()), history(AuditQuery.all().from(horizon + 1)));
        assertEquals(horizon + 1, history(AuditQuery.all()).get(0).sequence());
        BackendException e = assertThrows(BackendException.class, () -> history(AuditQuery.all().from(5)));
        assertEquals(BackendException.Kind.VALIDATION, e.kind());
        assertTrue(e.getMessage().contains("the earliest state still available is sequence " + horizon), e.getMessage());
        try (AuditHistory h = AuditHistory.open(dir)) {
            assertEquals(horizon, h.horizon().sequence());
        }
    }

    private static List<ChangeRecord> drain(ChangeStream s) throws InterruptedException {
        List<ChangeRecord> out = new ArrayList<>();
        long end = s.logLastSequence();
        while (true) {
            Optional<ChangeRecord> r = s.poll(Duration.ofMillis(20));
            if (r.isPresent()) {
                out.add(r.get());
            } else if (s.nextLogSequence() > end) {
                return out;
            }
        }
    }

    private List<ChangeRecord> stream(String table, ChangeStream.Start start) throws InterruptedException {
        try (ChangeStream s = ChangeStream.open(dir, table, start)) {
            return drain(s);
        }
    }

    @Test
    void theChangeStreamStartsAtTheHorizonWithTheViewTypeOfTheBase() throws Exception {
        Map<String, List<ChangeRecord>> before = new HashMap<>();
        for (String t : RetentionWorkload.TABLES) {
            before.put(t, stream(t, ChangeStream.Start.trimHorizon()));
        }
        long horizon = last / 2;
        compact(horizon);

        for (String t : RetentionWorkload.TABLES) {
            List<ChangeRecord> kept = before.get(t).stream().filter(r -> r.position().logSequence() > horizon).toList();
            assertTrue(kept.size() >= 5 && kept.size() < before.get(t).size(), t + ": " + kept.size());
            assertEquals(kept, stream(t, ChangeStream.Start.trimHorizon()), "trim horizon of " + t);
            ChangeRecord third = kept.get(2);
            assertEquals(kept.subList(3, kept.size()), stream(t, ChangeStream.Start.after(third.position())));
            assertEquals(kept, stream(t, ChangeStream.Start.after(new ChangePosition(horizon, 99))),
                    "resuming after the horizon's own entry misses nothing");
        }
        // table a's catalog row (written long before the horizon) says NEW_IMAGE: old images stay filtered
        assertTrue(stream("a", ChangeStream.Start.trimHorizon()).stream()
                .allMatch(r -> "NEW_IMAGE".equals(r.streamViewType()) && r.oldImage() == null));

        for (ChangeStream.Start refused : List.of(ChangeStream.Start.atSequence(3), ChangeStream.Start.atSequence(0),
                ChangeStream.Start.after(new ChangePosition(horizon - 1, 0)))) {
            BackendException e = assertThrows(BackendException.class, () -> stream("a", refused));
            assertEquals(BackendException.Kind.VALIDATION, e.kind(), refused.toString());
            assertTrue(e.getMessage().contains("sequence " + horizon + ", committed at"), e.getMessage());
        }
    }

    /** A consumer that falls behind retention is told so, with the new horizon, not handed a gap. */
    @Test
    void aConsumerThatRetentionOvertakesGetsAnErrorNamingTheHorizon() throws Exception {
        long firstHorizon = last / 4;
        compact(firstHorizon);
        try (ChangeStream s = ChangeStream.open(dir, "b", ChangeStream.Start.trimHorizon())) {
            long second = last * 3 / 4;
            compact(second);
            BackendException e = assertThrows(BackendException.class, () -> drain(s));
            assertEquals(BackendException.Kind.VALIDATION, e.kind());
            assertTrue(e.getMessage().contains("sequence " + second + ", committed at"), e.getMessage());
        }
    }
}
