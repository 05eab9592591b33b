package io.tidelog.backend.concurrency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tidelog.backend.BackendException;
import io.tidelog.backend.Durability;
import io.tidelog.backend.ItemRow;
import io.tidelog.backend.ScanParams;
import io.tidelog.backend.StorageBackend;
import io.tidelog.backend.Tidelog;
import io.tidelog.backend.TidelogOptions;
import io.tidelog.backend.internal.StoreLayoutAccess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writers, readers and transactions at once. Transfers between accounts run in transactions, so
 * every reader on every other thread must always see the same total; plain writers add unique
 * rows. Nothing may deadlock (every join is bounded), and afterwards the state equals a rebuild
 * of the views from the log.
 */
class ConcurrentWorkloadTest {
    private static final int ACCOUNTS = 10;
    private static final int INITIAL = 100;

    @TempDir
    Path dir;

    @Test
    void transactionsStayAtomicUnderConcurrentWritersAndReaders() throws Exception {
        TidelogOptions options = TidelogOptions.builder().durability(Durability.ASYNC)
                .lockTimeout(Duration.ofSeconds(20)).build();
        StorageBackend b = Tidelog.open(dir, options);
        b.createDataTable("acct");
        b.createDataTable("log");
        for (int i = 0; i < ACCOUNTS; i++) {
            b.putItem("acct", "S:a" + i, "", balance(INITIAL), 8);
        }
        AtomicBoolean stop = new AtomicBoolean();
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> written = new ConcurrentLinkedQueue<>();
        AtomicLong transfers = new AtomicLong();
        AtomicLong reads = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            int seed = t;
            threads.add(new Thread(() -> run(failures, stop, () -> {
                Random r = new Random(seed);
                int from = r.nextInt(ACCOUNTS);
                int to = (from + 1 + r.nextInt(ACCOUNTS - 1)) % ACCOUNTS;
                b.beginTransaction();
                try {
                    int a = parse(b.getItem("acct", "S:a" + from, "").orElseThrow());
                    int c = parse(b.getItem("acct", "S:a" + to, "").orElseThrow());
                    int amount = r.nextInt(5);
                    b.putItem("acct", "S:a" + from, "", balance(a - amount), 8);
                    b.putItem("acct", "S:a" + to, "", balance(c + amount), 8);
                    if (r.nextInt(5) == 0) {
                        b.rollback();
                    } else {
                        b.commit();
                        transfers.incrementAndGet();
                    }
                } catch (RuntimeException e) {
                    b.rollback();
                    throw e;
                }
            })));
        }
        for (int t = 0; t < 3; t++) {
            int writer = t;
            AtomicLong n = new AtomicLong();
            threads.add(new Thread(() -> run(failures, stop, () -> {
                String key = "S:w" + writer + "-" + n.incrementAndGet();
                b.putItem("log", key, "", "{\"k\":\"" + key + "\"}", 4);
                written.add(key);
            })));
        }
        for (int t = 0; t < 2; t++) {
            threads.add(new Thread(() -> run(failures, stop, () -> {
                int sum = 0;
                for (ItemRow row : b.scanItems("acct", ScanParams.builder().build())) {
                    sum += parse(row.itemJson());
                }
                assertEquals(ACCOUNTS * INITIAL, sum, "a reader saw part of a transaction");
                reads.incrementAndGet();
            })));
        }
        threads.forEach(Thread::start);
        Thread.sleep(3_000);
        stop.set(true);
        for (Thread t : threads) {
            t.join(30_000);
            assertFalse(t.isAlive(), "thread still running: deadlock? " + t);
        }
        assertTrue(failures.isEmpty(), () -> "failures: " + failures);
        assertTrue(transfers.get() > 10 && reads.get() > 10, "workload made progress");

        Map<String, String> accounts = dump(b, "acct");
        Map<String, String> logRows = dump(b, "log");
        assertEquals(written.size(), logRows.size());
        written.forEach(k -> assertTrue(logRows.containsKey(k), k));
        assertEquals(ACCOUNTS * INITIAL, accounts.values().stream().mapToInt(ConcurrentWorkloadTest::parse).sum());
        long last = b.lastSequence();
        b.close();

        StoreLayoutAccess.deleteViews(dir);
        try (StorageBackend rebuilt = Tidelog.open(dir, options)) {
            assertEquals(accounts, dump(rebuilt, "acct"));
            assertEquals(logRows, dump(rebuilt, "log"));
            assertEquals(last, rebuilt.lastSequence());
        }
    }

    private interface Step {
        void run();
    }

    private static void run(ConcurrentLinkedQueue<Throwable> failures, AtomicBoolean stop, Step step) {
        try {
            while (!stop.get()) {
                step.run();
            }
        } catch (BackendException e) {
            failures.add(e);
        } catch (Throwable e) {
            failures.add(e);
        }
    }

    private static Map<String, String> dump(StorageBackend b, String table) {
        Map<String, String> out = new TreeMap<>();
        for (ItemRow r : b.scanItems(table, ScanParams.builder().build())) {
            out.put(r.pk(), r.itemJson());
        }
        return out;
    }

    private static String balance(int v) {
        return "{\"b\":{\"N\":\"" + v + "\"}}";
    }

    private static int parse(String json) {
        int start = json.indexOf("\"N\":\"") + 5;
        return Integer.parseInt(json.substring(start, json.indexOf('"', start)));
    }
}
