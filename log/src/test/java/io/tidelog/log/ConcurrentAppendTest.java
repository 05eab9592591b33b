package io.tidelog.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tidelog.schemas.ItemPut;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConcurrentAppendTest {
    @TempDir
    Path dir;

    @Test
    void manyProducersAsync() throws Exception {
        run(LogOptions.defaults().withSyncMode(SyncMode.ASYNC).withSegmentBytes(1 << 20).withRingSize(1024), 8, 10_000);
    }

    @Test
    void manyProducersNone() throws Exception {
        run(LogOptions.defaults().withSyncMode(SyncMode.NONE).withSegmentBytes(1 << 20).withRingSize(256), 8, 10_000);
    }

    @Test
    void manyProducersSync() throws Exception {
        FileLog log = run(LogOptions.defaults().withSyncMode(SyncMode.SYNC), 4, 500);
        JournalStats stats = log.stats();
        assertEquals(2000, stats.entries());
        assertTrue(stats.forces() >= stats.batches(), stats.toString());
    }

    private FileLog run(LogOptions options, int producers, int perProducer) throws Exception {
        FileLog log = FileLog.open(dir, options);
        List<List<CompletableFuture<Long>>> futures = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        CountDownLatch go = new CountDownLatch(1);
        for (int p = 0; p < producers; p++) {
            List<CompletableFuture<Long>> mine = new ArrayList<>(perProducer);
            futures.add(mine);
            String name = "producer-" + p;
            threads.add(new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < perProducer; i++) {
                    mine.add(log.append(List.of(EventSamples.counted(name, i, "payload")), null, name, null));
                }
            }, name));
        }
        threads.forEach(Thread::start);
        go.countDown();
        for (Thread t : threads) {
            t.join(TimeUnit.SECONDS.toMillis(60));
        }
        Map<Long, String> bySequence = new HashMap<>();
        for (int p = 0; p < producers; p++) {
            List<CompletableFuture<Long>> mine = futures.get(p);
            assertEquals(perProducer, mine.size());
            long previous = 0;
            for (int i = 0; i < perProducer; i++) {
                long seq = mine.get(i).get(30, TimeUnit.SECONDS);
                assertTrue(seq > previous, "a producer's appends keep their order");
                previous = seq;
                assertEquals(null, bySequence.put(seq, "producer-" + p + "/" + i), "sequence given twice: " + seq);
            }
        }
        int total = producers * perProducer;
        assertEquals(total, bySequence.size());
        assertEquals(total, log.lastSequence());

        List<StoredEntry> stored = TestLogs.readAll(log);
        assertEquals(total, stored.size());
        TestLogs.assertGapFree(stored);
        Map<String, Integer> nextCounter = new HashMap<>();
        for (StoredEntry s : stored) {
            ItemPut put = (ItemPut) s.entry().getEvents().get(0);
            int expected = nextCounter.getOrDefault(put.getPk(), 0);
            assertEquals(expected, put.getItemSize(), "order of " + put.getPk());
            nextCounter.put(put.getPk(), expected + 1);
            assertEquals(put.getPk() + "/" + put.getItemSize(), bySequence.get(s.sequence()),
                    "the future's sequence is the entry's");
        }
        log.close();
        try (FileLog reopened = FileLog.open(dir, options)) {
            assertEquals(total, reopened.lastSequence());
            assertEquals(0, reopened.recovery().truncatedBytes());
        }
        return log;
    }
}
