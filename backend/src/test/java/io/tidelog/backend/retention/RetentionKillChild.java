package io.tidelog.backend.retention;

import io.tidelog.backend.BackendException;
import io.tidelog.backend.Durability;
import io.tidelog.backend.StorageBackend;
import io.tidelog.backend.Tidelog;
import io.tidelog.backend.TidelogOptions;
import java.nio.file.Path;

/**
 * Child process of {@link RetentionCrashTest} (not a test class): writes new items as fast as it
 * can into a store whose size bound keeps its retention thread compacting, and prints
 * {@code PUT key} once each put has returned. The parent kills it at a random moment.
 */
public final class RetentionKillChild {
    private RetentionKillChild() {}

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        String run = args[1];
        StorageBackend b = Tidelog.open(dir, RetentionCrashTest.options(Durability.ASYNC));
        try {
            b.createDataTable("t");
        } catch (BackendException createdByAnEarlierRun) {
            // the table is there already
        }
        System.out.println("READY");
        System.out.flush();
        for (long n = 0; ; n++) {
            String key = "S:" + run + "-" + n;
            b.putItem("t", key, "", "{\"n\":{\"N\":\"" + n + "\"},\"pad\":{\"S\":\"" + "p".repeat(200) + "\"}}", 64);
            if (n % 7 == 0) {
                b.insertStreamRecord("t", "INSERT", "{}", null, null, Long.toString(n), "s", n);
            }
            System.out.println("PUT " + key);
            System.out.flush();
        }
    }
}
