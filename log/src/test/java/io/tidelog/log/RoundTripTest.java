package io.tidelog.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tidelog.schemas.ItemPut;
import io.tidelog.schemas.LogEntry;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RoundTripTest {
    @TempDir
    Path dir;

    @Test
    void everyEventTypeRoundTrips() {
        List<Object> events = EventSamples.all(7);
        Set<Class<?>> types = new HashSet<>();
        events.forEach(e -> types.add(e.getClass()));
        assertEquals(EventSamples.EVENT_TYPES, types.size());

        List<Long> sequences = new ArrayList<>();
        try (FileLog log = FileLog.open(dir, LogOptions.defaults())) {
            for (int i = 0; i < events.size(); i++) {
                String tx = i % 2 == 0 ? "tx-" + i : null;
                sequences.add(log.append(List.of(events.get(i)), tx, "user-" + i, null).join());
            }
            sequences.add(log.append(events, "all", null, null).join());
            assertEquals(List.of(1L, 29L), List.of(sequences.get(0), sequences.get(28)));
            assertReadsBack(log, events);
        }
        try (ReadableLog log = FileLog.openReadOnly(dir)) {
            assertReadsBack(log, events);
        }
        try (FileLog log = FileLog.open(dir, LogOptions.defaults())) {
            assertReadsBack(log, events);
            assertEquals(30, log.append(List.of(events.get(0)), null, null, null).join());
        }
    }

    private static void assertReadsBack(ReadableLog log, List<Object> events) {
        List<StoredEntry> stored = TestLogs.readAll(log);
        assertEquals(events.size() + 1, stored.size());
        TestLogs.assertGapFree(stored);
        for (int i = 0; i < events.size(); i++) {
            LogEntry e = stored.get(i).entry();
            assertEquals(List.of(events.get(i)), e.getEvents(), "event " + events.get(i).getClass().getSimpleName());
            assertEquals(i % 2 == 0 ? "tx-" + i : null, e.getTransactionId());
            assertEquals("user-" + i, e.getIdentity());
            assertEquals(e, log.readAt(stored.get(i).position()).entry());
        }
        LogEntry all = stored.get(events.size()).entry();
        assertEquals(events, all.getEvents());
        assertEquals("all", all.getTransactionId());
        assertEquals(1, log.firstSequence());
        assertEquals(events.size() + 1, log.lastSequence());
    }

    @Test
    void emptyLog() {
        try (FileLog log = FileLog.open(dir, LogOptions.defaults())) {
            assertEquals(0, log.firstSequence());
            assertEquals(0, log.lastSequence());
            assertFalse(log.read(1).hasNext());
            assertEquals(1, log.seekByTime(Instant.EPOCH));
            assertEquals(new RecoveryReport(null, 0, 0, 0, 0, false), log.recovery());
        }
        try (ReadableLog log = FileLog.openReadOnly(dir)) {
            assertEquals(0, log.lastSequence());
            assertFalse(log.read(1).hasNext());
        }
    }

    @Test
    void entriesLargerThanTheRemainingSpaceOrAWholeSegment() {
        LogOptions options = LogOptions.defaults().withSegmentBytes(4096).withSyncMode(SyncMode.NONE);
        List<String> payloads = List.of(
                TestLogs.text(1000, 'a'), TestLogs.text(1000, 'b'), TestLogs.text(1000, 'c'),
                TestLogs.text(2000, 'd'), // does not fit after three 1000-byte entries
                TestLogs.text(10_000, 'e'), // larger than a whole segment: alone in its own
                TestLogs.text(10, 'f'));
        List<StoredEntry> stored;
        try (FileLog log = FileLog.open(dir, options)) {
            for (int i = 0; i < payloads.size(); i++) {
                log.append(List.of(EventSamples.counted("p", i, payloads.get(i))), null, null, null).join();
            }
            stored = TestLogs.readAll(log);
        }
        List<Long> segments = stored.stream().map(s -> s.position().segment()).toList();
        assertEquals(List.of(1L, 1L, 1L, 4L, 5L, 6L), segments);
        assertEquals(4, TestLogs.segmentFiles(dir).size());
        for (int i = 0; i < payloads.size(); i++) {
            assertEquals(payloads.get(i), ((ItemPut) stored.get(i).entry().getEvents().get(0)).getItemJson());
        }
        try (ReadableLog log = FileLog.openReadOnly(dir)) {
            assertEquals(TestLogs.entries(stored), TestLogs.entries(TestLogs.readAll(log)));
        }
    }

    @Test
    void segmentsRollAndReadsAndSeeksCrossThem() throws InterruptedException {
        Instant start = Instant.parse("2030-01-01T00:00:00Z");
        SteppingClock clock = new SteppingClock(start, Duration.ofMillis(1), 3);
        LogOptions options = LogOptions.defaults().withSegmentBytes(2048).withSyncMode(SyncMode.NONE)
                .withIndexIntervalBytes(200).withClock(clock);
        int n = 600;
        List<StoredEntry> stored;
        try (FileLog log = FileLog.open(dir, options)) {
            for (int i = 0; i < n; i++) {
                log.append(List.of(EventSamples.counted("p", i, "x".repeat(i % 50))), null, null, null);
            }
            log.force();
            awaitLast(log, n);
            stored = TestLogs.readAll(log);
            assertEquals(n, stored.size());
            TestLogs.assertGapFree(stored);
            assertTrue(TestLogs.segmentFiles(dir).size() > 10, "segments: " + TestLogs.segmentFiles(dir).size());
            assertSeeks(log, stored, clock);
            assertTrue(log.stats().segmentsRolled() > 10);
        }
        try (ReadableLog log = FileLog.openReadOnly(dir)) {
            assertEquals(TestLogs.entries(stored), TestLogs.entries(TestLogs.readAll(log)));
            assertSeeks(log, stored, clock);
        }
        try (FileLog log = FileLog.open(dir, options.withClock(clock))) {
            assertFalse(log.recovery().truncated());
            assertFalse(log.recovery().indexesRebuilt());
            assertEquals(n, log.recovery().lastSequence());
            assertSeeks(log, stored, clock);
        }
    }

    private static void assertSeeks(ReadableLog log, List<StoredEntry> stored, SteppingClock clock) {
        int n = stored.size();
        for (int from : new int[] {1, 2, 57, 58, 299, 300, 301, n - 1, n}) {
            List<StoredEntry> tail = TestLogs.readFrom(log, from);
            assertEquals(n - from + 1, tail.size(), "from " + from);
            assertEquals(stored.get(from - 1).entry(), tail.get(0).entry());
            assertEquals(stored.get(from - 1).position(), tail.get(0).position());
        }
        assertFalse(log.read(n + 1).hasNext());
        assertEquals(stored.get(0).entry(), TestLogs.readFrom(log, 0).get(0).entry());
        for (int i = 0; i < n; i += 7) {
            assertEquals(stored.get(i).entry(), log.readAt(stored.get(i).position()).entry());
        }
        // three entries share each millisecond: the first of the three is "at or after"
        for (int i = 0; i < n; i += 3) {
            Instant t = clock.at(i);
            assertEquals(i + 1, log.seekByTime(t), "at " + t);
            assertEquals(i + 4 > n ? n + 1 : i + 4, log.seekByTime(t.plusNanos(1)), "just after " + t);
        }
        assertEquals(1, log.seekByTime(Instant.EPOCH));
        assertEquals(n + 1, log.seekByTime(clock.at(n).plusSeconds(1)));
        assertEquals(n + 1, log.seekByTime(Instant.MAX));
        assertEquals(1, log.seekByTime(Instant.MIN));
    }

    static void awaitLast(ReadableLog log, long sequence) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (log.lastSequence() < sequence) {
            assertTrue(System.nanoTime() < deadline, "log did not reach " + sequence);
            Thread.sleep(1);
        }
    }

    @Test
    void readAtRejectsPositionsWithoutAnEntry() {
        try (FileLog log = FileLog.open(dir, LogOptions.defaults().withSyncMode(SyncMode.NONE))) {
            log.append(List.of(EventSamples.counted("p", 1, "x")), null, null, null).join();
            StoredEntry first = TestLogs.readAll(log).get(0);
            assertEquals(new LogPosition(1, 32), first.position());
            assertThrows(LogException.class, () -> log.readAt(new LogPosition(1, 33)));
            assertThrows(LogException.class, () -> log.readAt(new LogPosition(1, 4096)));
            assertThrows(LogException.class, () -> log.readAt(new LogPosition(2, 32)));
        }
    }

    @Test
    void rejectsObjectsThatAreNotEvents() {
        try (FileLog log = FileLog.open(dir, LogOptions.defaults())) {
            assertThrows(IllegalArgumentException.class, () -> log.append(List.of("not an event"), null, null, null));
            assertThrows(NullPointerException.class, () -> log.append(null, null, null, null));
            assertEquals(1, log.append(List.of(EventSamples.counted("p", 1, "x")), null, null, null).join());
            assertNotEquals(0, log.lastSequence());
        }
    }
}
