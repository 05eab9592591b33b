package io.tidelog.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.tidelog.schemas.ItemPut;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Simulated power losses under a log being written by several producers in SYNC, ASYNC and
 * NONE, with small segments so that losses also hit segment creation. After each loss the log
 * must open, for a reader and for a writer; every entry forced before the loss (acknowledged in
 * SYNC, or covered by a {@code force()} that returned) must be there, exactly as appended; and
 * what is there must be a gap-free prefix of what was appended, each producer's entries in its
 * order.
 *
 * <p>{@code -Dtidelog.powerLosses=N} sets the number of losses (the {@code long} Maven profile
 * runs thousands); {@code -Dtidelog.seed=S} replays a run.
 */
class PowerLossTest {
    private static final int LOSSES = Integer.getInteger("tidelog.powerLosses", 100);
    private static final int LOSSES_PER_DIRECTORY = 3;

    @TempDir
    Path tmp;

    private long discardedFrames;
    private long truncations;

    @Test
    void theLogOpensAfterEveryPowerLossWithEveryForcedEntry() throws Exception {
        long base = Long.getLong("tidelog.seed", System.nanoTime());
        System.out.println(LOSSES + " simulated power losses, seed " + base);
        int losses = 0;
        for (int round = 0; losses < LOSSES; round++) {
            Path dir = tmp.resolve("round-" + round);
            SimulatedDisk disk = new SimulatedDisk(new Random(base + round));
            Random random = new Random(base + round);
            Map<String, String> appended = new HashMap<>();
            for (int phase = 0; phase < LOSSES_PER_DIRECTORY && losses < LOSSES; phase++, losses++) {
                String seed = "seed " + base + ", round " + round + ", phase " + phase;
                try {
                    runPhase(dir, disk, random, phase, appended, seed);
                } catch (AssertionError | RuntimeException e) {
                    throw new AssertionError(seed + " (" + disk.lastLoss() + "): " + e.getMessage(), e);
                }
            }
            RecoveryTest.deleteTree(dir);
        }
        assertTrue(truncations > 0, "some losses left something to cut");
        assertTrue(discardedFrames > 0, "some losses kept complete frames after lost ones");
    }

    private void runPhase(Path dir, SimulatedDisk disk, Random random, int phase, Map<String, String> appended,
            String seed) throws Exception {
        SyncMode mode = SyncMode.values()[random.nextInt(3)];
        LogOptions options = LogOptions.defaults().withSyncMode(mode).withSegmentBytes(8192).withRingSize(64)
                .withAsyncForceInterval(Duration.ofMillis(2)).withIndexIntervalBytes(256);
        Map<Long, String> acknowledged = new ConcurrentHashMap<>();
        AtomicLong forcedThrough = new AtomicLong();
        long crashAfter = 1 + random.nextInt(600);
        FileLog log = FileLog.open(dir, options, null, disk);
        disk.powerLossAt(disk.operations() + crashAfter);
        List<Thread> producers = new ArrayList<>();
        int producerCount = 1 + random.nextInt(3);
        for (int p = 0; p < producerCount; p++) {
            String name = "ph" + phase + "-p" + p;
            int entries = 5 + random.nextInt(60);
            long producerSeed = random.nextLong();
            boolean forces = p == 0;
            producers.add(new Thread(() -> produce(log, name, entries, new Random(producerSeed), forces, mode,
                    appended, acknowledged, forcedThrough)));
        }
        producers.forEach(Thread::start);
        for (Thread t : producers) {
            t.join();
        }
        disk.powerLoss(); // if the armed operation never came: what was written is still unforced
        try {
            log.close();
        } catch (LogException expected) {
            // the disk is off
        }
        disk.restart();
        try (ReadableLog reader = FileLog.openReadOnly(dir)) {
            check(TestLogs.readAll(reader), appended, acknowledged, forcedThrough.get(), "reader");
        }
        try (FileLog reopened = FileLog.open(dir, LogOptions.defaults(), null, disk)) {
            RecoveryReport report = reopened.recovery();
            if (report.truncated()) {
                truncations++;
            }
            discardedFrames += report.discardedFrames();
            check(TestLogs.readAll(reopened), appended, acknowledged, forcedThrough.get(), "writer " + report);
        }
    }

    /** Appends {@code entries} entries, sometimes one at a time, sometimes several before waiting. */
    private static void produce(Log log, String name, int entries, Random random, boolean forces, SyncMode mode,
            Map<String, String> appended, Map<Long, String> acknowledged, AtomicLong forcedThrough) {
        int i = 0;
        try {
            while (i < entries) {
                int burst = 1 + random.nextInt(4);
                List<CompletableFuture<Long>> futures = new ArrayList<>();
                List<String> ids = new ArrayList<>();
                for (int b = 0; b < burst && i < entries; b++, i++) {
                    String id = name + "/" + i;
                    String payload = id + ":" + "v".repeat(random.nextInt(random.nextInt(8) == 0 ? 3000 : 300));
                    synchronized (appended) {
                        appended.put(id, payload);
                    }
                    ids.add(id);
                    futures.add(log.append(List.of(EventSamples.counted(name, i, payload)), null, null, null));
                }
                for (int f = 0; f < futures.size(); f++) {
                    long seq = futures.get(f).join();
                    acknowledged.put(seq, ids.get(f));
                    if (mode == SyncMode.SYNC) {
                        forcedThrough.accumulateAndGet(seq, Math::max);
                    }
                }
                if (forces && random.nextInt(5) == 0) {
                    long through = acknowledged.keySet().stream().mapToLong(Long::longValue).max().orElse(0);
                    log.force();
                    forcedThrough.accumulateAndGet(through, Math::max);
                }
            }
        } catch (RuntimeException failedWithThePower) {
            // every append after the loss fails; the entries it took with it are checked below
        }
    }

    private static void check(List<StoredEntry> entries, Map<String, String> appended, Map<Long, String> acknowledged,
            long forcedThrough, String who) {
        TestLogs.assertGapFree(entries);
        if (entries.size() < forcedThrough) {
            fail(who + ": entries up to " + forcedThrough + " were forced, the log holds " + entries.size());
        }
        Map<String, Integer> nextOf = new HashMap<>();
        for (StoredEntry e : entries) {
            ItemPut put = (ItemPut) e.entry().getEvents().get(0);
            String producer = put.getPk();
            String id = producer + "/" + put.getSk();
            int counter = Integer.parseInt(put.getSk());
            int next = nextOf.getOrDefault(producer, 0);
            assertEquals(next, counter, who + ": entry " + e.sequence() + " breaks " + producer + "'s order");
            nextOf.put(producer, next + 1);
            String payload;
            synchronized (appended) {
                payload = appended.get(id);
            }
            assertEquals(payload, put.getItemJson(), who + ": entry " + e.sequence() + " is not what was appended");
            String acked = acknowledged.get(e.sequence());
            if (acked != null) {
                assertEquals(acked, id, who + ": entry " + e.sequence() + " was acknowledged as another");
            }
        }
    }
}
