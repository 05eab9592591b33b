package io.tidelog.backend.pointintime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tidelog.backend.BackendException;
import io.tidelog.backend.Durability;
import io.tidelog.backend.ItemRow;
import io.tidelog.backend.ScanParams;
import io.tidelog.backend.StorageBackend;
import io.tidelog.backend.StreamRecord;
import io.tidelog.backend.Tidelog;
import io.tidelog.backend.TidelogOptions;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A random workload under a controlled clock (which sometimes stands still and sometimes goes
 * backwards); after every mutation the expected state is recorded with its sequence and commit
 * time. Then {@code openAt} by sequence and by instant, at random points, with checkpoints every
 * few entries, must show exactly the recorded state.
 */
class PointInTimeReplayTest {

    @TempDir
    Path dir;

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        volatile Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    record Point(long sequence, Instant commitTime, String state) {}

    @Test
    void openAtEqualsTheStateRecordedAtEachPointBySequenceAndByInstant() {
        ManualClock clock = new ManualClock();
        Random random = new Random(11);
        List<Point> points = new ArrayList<>();
        TidelogOptions options = TidelogOptions.builder().clock(clock).durability(Durability.NONE)
                .checkpointInterval(7).checkpointRetention(3).build();
        Instant lastCommit = Instant.MIN;
        try (StorageBackend b = Tidelog.open(dir, options)) {
            points.add(new Point(0, null, dump(b)));
            b.createDataTable("t");
            lastCommit = clock.now.truncatedTo(ChronoUnit.MICROS);
            points.add(new Point(b.lastSequence(), lastCommit, dump(b)));
            for (int i = 0; i < 120; i++) {
                int step = random.nextInt(10);
                clock.now = step == 0 ? clock.now.minusMillis(3)
                        : step == 1 ? clock.now : clock.now.plusNanos(random.nextInt(5_000_000));
                String key = "S:k" + random.nextInt(15);
                switch (random.nextInt(4)) {
                    case 0 -> b.deleteItem("t", key, "");
                    case 1 -> {
                        b.beginTransaction();
                        b.putItem("t", key, "", "{\"i\":" + i + "}", i);
                        b.insertStreamRecord("t", "MODIFY", "{}", null, null, String.valueOf(i), "s", i);
                        b.commit();
                    }
                    default -> b.putItem("t", key, "", "{\"i\":" + i + "}", i);
                }
                Instant candidate = clock.now.truncatedTo(ChronoUnit.MICROS);
                lastCommit = candidate.isAfter(lastCommit) ? candidate : lastCommit;
                points.add(new Point(b.lastSequence(), lastCommit, dump(b)));
            }
        }
        // by sequence: every recorded point
        for (Point p : points) {
            try (StorageBackend at = Tidelog.openAt(dir, p.sequence())) {
                assertEquals(p.state(), dump(at), "openAt sequence " + p.sequence());
                assertEquals(p.sequence(), at.lastSequence());
            }
        }
        // by instant: exact commit times, just before, just after, and before everything
        TreeMap<Instant, Point> lastAtTime = new TreeMap<>();
        for (Point p : points.subList(1, points.size())) {
            lastAtTime.put(p.commitTime(), p); // later points win ties: the newest at that time
        }
        List<Instant> probes = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            Instant t = points.get(1 + random.nextInt(points.size() - 1)).commitTime();
            probes.add(t);
            probes.add(t.minusNanos(1_000));
            probes.add(t.plusNanos(999));
        }
        probes.add(Instant.parse("2025-01-01T00:00:00Z"));
        for (Instant t : probes) {
            var entry = lastAtTime.floorEntry(t.truncatedTo(ChronoUnit.MICROS));
            Point expected = entry == null ? points.get(0) : entry.getValue();
            try (StorageBackend at = Tidelog.openAt(dir, t)) {
                assertEquals(expected.sequence(), at.lastSequence(), "openAt " + t);
                assertEquals(expected.state(), dump(at), "openAt " + t);
            }
        }
    }

    private static String dump(StorageBackend b) {
        StringBuilder sb = new StringBuilder();
        sb.append(b.listTableNames());
        try {
            for (ItemRow r : b.scanItems("t", ScanParams.builder().build())) {
                sb.append('\n').append(r);
            }
            for (StreamRecord r : b.getStreamRecords("t", "s", Long.MIN_VALUE, 1000)) {
                sb.append('\n').append(r);
            }
            sb.append("\ncount=").append(b.countItems("t"));
        } catch (BackendException e) {
            sb.append("\nno table: ").append(e.kind());
        }
        return sb.toString();
    }
}
