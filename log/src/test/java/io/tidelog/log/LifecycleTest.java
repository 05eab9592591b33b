package io.tidelog.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LifecycleTest {
    @TempDir
    Path dir;

    private static List<Object> event(int i) {
        return List.of(EventSamples.counted("p", i, "x"));
    }

    @Test
    void aSecondWriterInTheSameProcessIsLockedOut() {
        try (FileLog first = FileLog.open(dir, LogOptions.defaults())) {
            LogLockedException e =
                    assertThrows(LogLockedException.class, () -> FileLog.open(dir, LogOptions.defaults()));
            assertTrue(e.getMessage().contains("LOCK"), e.getMessage());
            assertEquals(1, first.append(event(1), null, null, null).join());
            try (ReadableLog reader = FileLog.openReadOnly(dir)) {
                assertEquals(1, reader.lastSequence());
            }
        }
        try (FileLog again = FileLog.open(dir, LogOptions.defaults())) {
            assertEquals(1, again.lastSequence());
        }
    }

    @Test
    void aWriterInAnotherProcessLocksTheDirectoryUntilItDies() throws Exception {
        try (ChildJvm child = ChildJvm.start(HoldLogMain.class, dir.toString())) {
            String line = child.readLine(Duration.ofSeconds(30));
            assertEquals("open", line, line == null ? child.stderr() : line);
            assertThrows(LogLockedException.class, () -> FileLog.open(dir, LogOptions.defaults()));
            child.kill();
        }
        try (FileLog log = FileLog.open(dir, LogOptions.defaults())) {
            assertEquals(1, log.lastSequence());
        }
    }

    @Test
    void closeIsIdempotentAndEndsAppending() {
        FileLog log = FileLog.open(dir, LogOptions.defaults());
        log.append(event(1), null, null, null).join();
        log.close();
        log.close();
        LogException e = assertThrows(LogException.class, () -> log.append(event(2), null, null, null));
        assertEquals("log is closed", e.getMessage());
        assertThrows(LogException.class, () -> log.read(1));
        assertThrows(LogException.class, log::force);
        assertEquals(1, log.lastSequence());
    }

    @Test
    void closeCompletesEveryAppendPublishedBeforeIt() throws Exception {
        FileLog log = FileLog.open(dir, LogOptions.defaults().withSyncMode(SyncMode.SYNC).withRingSize(64));
        List<CompletableFuture<Long>> futures = new CopyOnWriteArrayList<>();
        AtomicBoolean refused = new AtomicBoolean();
        List<Thread> producers = new ArrayList<>();
        for (int p = 0; p < 4; p++) {
            producers.add(new Thread(() -> {
                for (int i = 0; ; i++) {
                    try {
                        futures.add(log.append(event(i), null, null, null));
                    } catch (LogException e) {
                        refused.set(true);
                        return;
                    }
                }
            }));
        }
        producers.forEach(Thread::start);
        while (futures.size() < 500) {
            Thread.sleep(1);
        }
        log.close();
        for (Thread t : producers) {
            t.join(10_000);
        }
        assertTrue(refused.get());
        for (CompletableFuture<Long> f : futures) {
            assertTrue(f.isDone());
        }
        long acknowledged = futures.stream().filter(f -> !f.isCompletedExceptionally()).count();
        assertEquals(futures.size(), acknowledged);
        try (FileLog reopened = FileLog.open(dir, LogOptions.defaults())) {
            assertEquals(acknowledged, reopened.lastSequence());
        }
    }

    @Test
    void asyncForcesWithinTheInterval() throws Exception {
        Duration interval = Duration.ofMillis(100);
        try (FileLog log = FileLog.open(dir, LogOptions.defaults().withSyncMode(SyncMode.ASYNC)
                .withAsyncForceInterval(interval))) {
            for (int round = 0; round < 3; round++) {
                long before = log.stats().forces();
                log.append(event(round), null, null, null).join();
                long acknowledged = System.nanoTime();
                while (log.stats().forces() == before) {
                    assertTrue(System.nanoTime() - acknowledged < TimeUnit.SECONDS.toNanos(2), "never forced");
                    Thread.sleep(1);
                }
                long waited = System.nanoTime() - acknowledged;
                assertTrue(waited <= interval.toNanos() + TimeUnit.MILLISECONDS.toNanos(250),
                        "forced after " + waited / 1_000_000 + " ms");
                Thread.sleep(30);
            }
        }
    }

    @Test
    void noneForcesOnlyWhenAskedOrWhenLeavingNone() throws Exception {
        try (FileLog log = FileLog.open(dir, LogOptions.defaults().withSyncMode(SyncMode.NONE)
                .withAsyncForceInterval(Duration.ofMillis(10)))) {
            for (int i = 0; i < 50; i++) {
                log.append(event(i), null, null, null);
            }
            log.append(event(50), null, null, null).join();
            Thread.sleep(100);
            assertEquals(0, log.stats().forces());
            log.force();
            assertEquals(1, log.stats().forces());
            log.syncMode(SyncMode.SYNC);
            assertEquals(2, log.stats().forces(), "leaving NONE forces");
            assertEquals(SyncMode.SYNC, log.syncMode());
            log.append(event(51), null, null, null).join();
            assertEquals(3, log.stats().forces(), "a SYNC entry is forced before it is acknowledged");
            log.syncMode(SyncMode.NONE);
            log.append(event(52), null, null, null).join();
            assertEquals(3, log.stats().forces());
        }
    }

    @Test
    void anIoErrorFailsTheEntryAndEveryLaterAppend() throws IOException {
        Path dir = this.dir.resolve("log");
        FileLog log = FileLog.open(dir, LogOptions.defaults().withSegmentBytes(1024).withSyncMode(SyncMode.NONE));
        String big = "y".repeat(600);
        assertEquals(1, log.append(List.of(EventSamples.counted("p", 1, big)), null, null, null).join());
        RecoveryTest.deleteTree(dir);

        // the next entry does not fit: rolling needs a new file, in a directory that is gone
        CompletableFuture<Long> failing = log.append(List.of(EventSamples.counted("p", 2, big)), null, null, null);
        CompletionException e = assertThrows(CompletionException.class, failing::join);
        LogException cause = assertInstanceOf(LogException.class, e.getCause());
        assertInstanceOf(NoSuchFileException.class, cause.getCause());

        LogException later = assertThrows(LogException.class, () -> log.append(event(3), null, null, null));
        assertTrue(later.getMessage().contains("NoSuchFileException"), later.getMessage());
        assertInstanceOf(NoSuchFileException.class, later.getCause());
        assertThrows(LogException.class, log::force);
        assertEquals(1, log.lastSequence());
        log.close();
        assertTrue(Files.notExists(dir));
    }

    @Test
    void aFullRingBlocksProducersWithoutDroppingAnything() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CommitListener stalled = (entry, position, attachment, endOfBatch) -> release.await();
        int total = 40;
        LogOptions options = LogOptions.defaults().withRingSize(8).withSyncMode(SyncMode.NONE);
        try (FileLog log = FileLog.open(dir, options, stalled)) {
            List<CompletableFuture<Long>> futures = new CopyOnWriteArrayList<>();
            Thread producer = new Thread(() -> {
                for (int i = 0; i < total; i++) {
                    futures.add(log.append(event(i), null, null, null));
                }
            });
            producer.start();
            Thread.sleep(200);
            assertTrue(producer.isAlive(), "the producer waits for room in the ring");
            assertTrue(futures.size() <= 9, "appended " + futures.size());
            release.countDown();
            producer.join(10_000);
            assertEquals(total, futures.size());
            for (int i = 0; i < total; i++) {
                assertEquals(i + 1, futures.get(i).get(10, TimeUnit.SECONDS));
            }
        }
    }

    @Test
    void readOnlyNeedsAnExistingDirectory() {
        assertThrows(LogException.class, () -> FileLog.openReadOnly(dir.resolve("absent")));
        assertTrue(Files.notExists(dir.resolve("absent")));
    }

    @Test
    void closeFromTheLogsOwnThreadIsRefused() throws Exception {
        CompletableFuture<Throwable> seen = new CompletableFuture<>();
        FileLog[] self = new FileLog[1];
        CommitListener closer = (entry, position, attachment, endOfBatch) -> {
            try {
                self[0].close();
                seen.complete(null);
            } catch (Throwable t) {
                seen.complete(t);
            }
        };
        try (FileLog log = FileLog.open(dir, LogOptions.defaults(), closer)) {
            self[0] = log;
            log.append(event(1), null, null, null).join();
            assertInstanceOf(IllegalStateException.class, seen.get(10, TimeUnit.SECONDS));
        }
    }
}
