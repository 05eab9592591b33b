package io.tidelog.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tidelog.schemas.ItemPut;
import io.tidelog.schemas.LogEntry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TailTest {
    @TempDir
    Path dir;

    private static LogOptions options() {
        return LogOptions.defaults().withSyncMode(SyncMode.NONE).withSegmentBytes(4096).withIndexIntervalBytes(512);
    }

    /** Appends {@code count} entries, pausing now and then so readers catch up and wait. */
    private static Thread writer(Log log, int count) {
        Thread t = new Thread(() -> {
            try {
                for (int i = 0; i < count; i++) {
                    log.append(List.of(EventSamples.counted("w", i, "v".repeat(i % 100))), null, null, null);
                    if (i % 50 == 0) {
                        Thread.sleep(5);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "test-writer");
        t.start();
        return t;
    }

    private static void assertFollowed(List<StoredEntry> seen, int count) {
        assertEquals(count, seen.size());
        TestLogs.assertGapFree(seen);
        for (int i = 0; i < count; i++) {
            ItemPut put = (ItemPut) seen.get(i).entry().getEvents().get(0);
            assertEquals(i, put.getItemSize());
        }
    }

    @Test
    void aTailerInAnotherThreadSeesAppendsAsTheyHappen() throws Exception {
        int count = 1000;
        try (FileLog log = FileLog.open(dir, options()); LogTailer tailer = log.tail(1)) {
            assertEquals(Optional.empty(), tailer.next(Duration.ofMillis(20)));
            CompletableFuture<List<StoredEntry>> followed = CompletableFuture.supplyAsync(() -> follow(tailer, count));
            Thread writer = writer(log, count);
            assertFollowed(followed.get(30, TimeUnit.SECONDS), count);
            writer.join();
            assertEquals(count + 1, tailer.nextSequence());
            assertEquals(Optional.empty(), tailer.next(Duration.ofMillis(10)));

            CompletableFuture<Optional<StoredEntry>> waiting = CompletableFuture.supplyAsync(() -> {
                try {
                    return tailer.next(Duration.ofSeconds(10));
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(20);
            long seq = log.append(List.of(EventSamples.counted("late", 0, "")), null, null, null).join();
            assertEquals(seq, waiting.get(10, TimeUnit.SECONDS).orElseThrow().sequence());

            try (LogTailer fromMiddle = log.tail(777)) {
                assertEquals(777, fromMiddle.next(Duration.ZERO).orElseThrow().sequence());
                assertEquals(778, fromMiddle.nextSequence());
            }
        }
    }

    private static List<StoredEntry> follow(LogTailer tailer, int count) {
        List<StoredEntry> seen = new ArrayList<>();
        try {
            while (seen.size() < count) {
                Optional<StoredEntry> next = tailer.next(Duration.ofSeconds(10));
                if (next.isEmpty()) {
                    break;
                }
                seen.add(next.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return seen;
    }

    @Test
    void readOnlyInTheSameProcessSeesCompleteEntriesWhileTheWriterRuns() throws Exception {
        int count = 2000;
        try (FileLog log = FileLog.open(dir, options())) {
            Thread writer = writer(log, count);
            List<String> problems = new CopyOnWriteArrayList<>();
            int looks = 0;
            try (ReadableLog reader = FileLog.openReadOnly(dir); LogTailer tailer = reader.tail(1)) {
                CompletableFuture<List<StoredEntry>> followed =
                        CompletableFuture.supplyAsync(() -> follow(tailer, count));
                while (writer.isAlive() || looks < 3) {
                    try (ReadableLog snapshot = FileLog.openReadOnly(dir)) {
                        List<StoredEntry> entries = TestLogs.readAll(snapshot);
                        for (int i = 0; i < entries.size(); i++) {
                            ItemPut put = (ItemPut) entries.get(i).entry().getEvents().get(0);
                            if (entries.get(i).sequence() != i + 1 || put.getItemSize() != i) {
                                problems.add("entry " + (i + 1) + " read as " + entries.get(i));
                            }
                        }
                    }
                    looks++;
                }
                writer.join();
                assertFollowed(followed.get(30, TimeUnit.SECONDS), count);
                RoundTripTest.awaitLast(log, count);
                assertEquals(count, reader.lastSequence());
                assertEquals(TestLogs.entries(TestLogs.readAll(log)), TestLogs.entries(TestLogs.readAll(reader)));
            }
            assertEquals(List.of(), problems);
            assertTrue(TestLogs.segmentFiles(dir).size() > 10);
        }
    }

    @Test
    void aReaderInAnotherProcessFollowsTheWriter() throws Exception {
        int count = 1500;
        try (FileLog log = FileLog.open(dir, options());
                ChildJvm child = ChildJvm.start(TailReaderMain.class, dir.toString(), Integer.toString(count))) {
            String ready = child.readLine(Duration.ofSeconds(30));
            assertEquals("ready", ready, ready == null ? child.stderr() : ready);
            Thread writer = writer(log, count);
            List<String> lines = new ArrayList<>();
            while (lines.size() < count) {
                String line = child.readLine(Duration.ofSeconds(30));
                assertNotNull(line, "the child stopped after " + lines.size() + " entries: " + child.stderr());
                lines.add(line);
            }
            writer.join();
            assertEquals(0, child.waitFor(Duration.ofSeconds(30)), child.stderr());
            List<LogEntry> written = TestLogs.entries(TestLogs.readAll(log));
            for (int i = 0; i < count; i++) {
                ItemPut put = (ItemPut) written.get(i).getEvents().get(0);
                assertEquals("seq " + (i + 1) + " " + put.getPk() + " " + put.getItemSize(), lines.get(i));
            }
        }
    }
}
