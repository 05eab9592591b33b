package io.tidelog.backend.durability;

import io.tidelog.backend.Durability;
import io.tidelog.backend.StorageBackend;
import io.tidelog.backend.Tidelog;
import io.tidelog.backend.TidelogOptions;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Child-JVM workload for {@link CrashRecoveryTest}: writes in the given durability from several
 * threads, mixing single puts, deletes of earlier puts' siblings, index writes and
 * three-item transactions, and prints one line per acknowledged write:
 * {@code PUT key}, {@code TX id} (all three keys {@code id-0..2} committed).
 */
public final class CrashWorkload {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        String run = args[1];
        Durability durability = Durability.valueOf(args[2]);
        StorageBackend b = Tidelog.open(dir, TidelogOptions.builder().durability(durability)
                .lockTimeout(java.time.Duration.ofSeconds(30)).build());
        if (!b.listTableNames().contains("t")) {
            try {
                b.createDataTable("t");
            } catch (RuntimeException alreadyThere) {
                // created by an earlier run that died before its catalog row
            }
        }
        System.out.println("READY");
        System.out.flush();
        AtomicLong counter = new AtomicLong();
        Thread[] threads = new Thread[4];
        for (int t = 0; t < threads.length; t++) {
            int thread = t;
            threads[t] = new Thread(() -> {
                while (true) {
                    long n = counter.incrementAndGet();
                    if (thread == 0 && n % 3 == 0) {
                        String id = run + "-tx" + n;
                        b.beginTransaction();
                        for (int i = 0; i < 3; i++) {
                            b.putItem("t", "S:" + id + "-" + i, "", "{\"n\":" + n + "}", 10);
                        }
                        b.commit();
                        ack("TX " + id);
                    } else {
                        String key = run + "-p" + n;
                        b.putItem("t", "S:" + key, "", "{\"n\":" + n + "}", 10);
                        ack("PUT " + key);
                    }
                }
            });
            threads[t].start();
        }
        threads[0].join();
    }

    private static synchronized void ack(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
