package io.tidelog.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The forcer's protocol with a stand-in force, then the log's forces through it. */
class ForcerTest {
    private static final long INTERVAL = TimeUnit.MILLISECONDS.toNanos(40);

    @TempDir
    Path dir;

    /** A force that counts, and that can be held inside until released. */
    private static final class HeldForce implements Forcer.Action {
        final AtomicInteger started = new AtomicInteger();
        final AtomicInteger finished = new AtomicInteger();
        final Semaphore entered = new Semaphore(0);
        final Semaphore release = new Semaphore(Integer.MAX_VALUE);

        @Override
        public void force() {
            started.incrementAndGet();
            entered.release();
            release.acquireUninterruptibly();
            finished.incrementAndGet();
        }
    }

    private static Forcer started(HeldForce force) {
        Forcer f = new Forcer(force, INTERVAL, r -> {
            Thread t = new Thread(r, "forcer-test");
            t.setDaemon(true);
            return t;
        });
        f.start();
        return f;
    }

    @Test
    void anOwedForceHappensWithinTheIntervalAndOnlyOnce() throws Exception {
        HeldForce force = new HeldForce();
        Forcer f = started(force);
        long owed = System.nanoTime();
        f.owe();
        f.owe(); // already owed: the first write's deadline stands
        assertTrue(force.entered.tryAcquire(5, TimeUnit.SECONDS), "never forced");
        long waited = System.nanoTime() - owed;
        assertTrue(waited >= INTERVAL / 2, "forced after " + waited / 1000 + " µs, before it was due");
        Thread.sleep(3 * INTERVAL / 1_000_000);
        assertEquals(1, force.started.get(), "one owed force, one force");
        f.stop();
    }

    @Test
    void aWriteDuringAForceIsOwedTheNextOne() throws Exception {
        HeldForce force = new HeldForce();
        force.release.drainPermits();
        Forcer f = started(force);
        f.owe();
        assertTrue(force.entered.tryAcquire(5, TimeUnit.SECONDS));
        // the force has started, so this write may have missed it
        f.owe();
        force.release.release(Integer.MAX_VALUE / 2);
        assertTrue(force.entered.tryAcquire(5, TimeUnit.SECONDS), "the second write was never forced");
        assertEquals(2, force.started.get());
        f.stop();
    }

    @Test
    void coveredWritesAreNotForcedAgain() throws Exception {
        HeldForce force = new HeldForce();
        Forcer f = started(force);
        f.owe();
        f.covered();
        Thread.sleep(3 * INTERVAL / 1_000_000);
        assertEquals(0, force.started.get());
        f.stop();
    }

    @Test
    void forceNowWaitsForAForceThatStartedAfterTheCall() throws Exception {
        HeldForce force = new HeldForce();
        force.release.drainPermits();
        Forcer f = started(force);
        f.owe();
        assertTrue(force.entered.tryAcquire(5, TimeUnit.SECONDS));
        // a force is running, but it may have started before the caller's writes
        CompletableFuture<Void> caller = CompletableFuture.runAsync(f::forceNow);
        Thread.sleep(50);
        assertFalse(caller.isDone());
        force.release.release(); // the force already running ends
        Thread.sleep(50);
        assertFalse(caller.isDone(), "returned on a force that began before it was asked for");
        assertTrue(force.entered.tryAcquire(5, TimeUnit.SECONDS));
        force.release.release();
        caller.get(5, TimeUnit.SECONDS);
        assertEquals(2, force.finished.get());
        f.stop();
    }

    @Test
    void anInterruptedCallerStillGetsItsForceAndKeepsItsInterrupt() throws Exception {
        HeldForce force = new HeldForce();
        Forcer f = started(force);
        Thread.currentThread().interrupt();
        f.forceNow();
        assertTrue(Thread.interrupted(), "the interrupt was swallowed");
        assertEquals(1, force.finished.get());
        f.stop();
    }

    @Test
    void stopFinishesAskedForcesAndLaterCallsFailClearly() throws Exception {
        HeldForce force = new HeldForce();
        force.release.drainPermits();
        Forcer f = started(force);
        CompletableFuture<Void> caller = CompletableFuture.runAsync(f::forceNow);
        assertTrue(force.entered.tryAcquire(5, TimeUnit.SECONDS));
        CountDownLatch stopped = new CountDownLatch(1);
        Thread stopper = new Thread(() -> {
            f.stop();
            stopped.countDown();
        });
        stopper.start();
        assertFalse(stopped.await(50, TimeUnit.MILLISECONDS), "stopped in the middle of a force");
        force.release.release();
        assertTrue(stopped.await(5, TimeUnit.SECONDS));
        caller.get(5, TimeUnit.SECONDS);
        LogException e = assertThrows(LogException.class, f::forceNow);
        assertTrue(e.getMessage().contains("closed"), e.getMessage());
    }

    @Test
    void aForceFromAnInterruptedThreadLeavesTheLogWritable() throws Exception {
        try (FileLog log = FileLog.open(dir, LogOptions.defaults().withSyncMode(SyncMode.NONE))) {
            assertEquals(1, log.append(List.of(EventSamples.counted("p", 1, "x")), null, null, null).join());
            Thread.currentThread().interrupt();
            log.force();
            assertTrue(Thread.interrupted());
            assertEquals(1, log.stats().forces());
            assertEquals(2, log.append(List.of(EventSamples.counted("p", 2, "x")), null, null, null).join());
            log.force();
            assertEquals(2, log.stats().forces());
        }
        try (ReadableLog reader = FileLog.openReadOnly(dir)) {
            assertEquals(2, reader.lastSequence());
        }
    }

    @Test
    void forcesFromManyThreadsWhileAppendingAllReturn() throws Exception {
        try (FileLog log = FileLog.open(dir, LogOptions.defaults().withSyncMode(SyncMode.ASYNC))) {
            List<CompletableFuture<Void>> workers = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int id = t;
                workers.add(CompletableFuture.runAsync(() -> {
                    for (int i = 0; i < 200; i++) {
                        log.append(List.of(EventSamples.counted("t" + id, i, "x")), null, null, null).join();
                        if (i % 20 == 0) {
                            log.force();
                        }
                    }
                }));
            }
            CompletableFuture.allOf(workers.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            assertEquals(800, log.lastSequence());
            assertTrue(log.stats().forces() >= 1);
        }
    }
}
