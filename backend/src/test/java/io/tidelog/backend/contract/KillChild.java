package io.tidelog.backend.contract;

import io.tidelog.backend.Durability;
import io.tidelog.backend.StorageBackend;
import io.tidelog.backend.Tidelog;
import io.tidelog.backend.TidelogOptions;
import java.nio.file.Path;

/**
 * Child process for the SIGKILL test (not a test class): writes numbered items forever, every
 * fifth step as a two-row transaction, printing "STARTED" once the table exists. The parent kills
 * it at an arbitrary moment.
 */
public final class KillChild {
    private KillChild() {}

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        Durability durability = Durability.valueOf(args[1]);
        StorageBackend b = Tidelog.open(dir, TidelogOptions.builder().durability(durability).build());
        b.createDataTable("Orders");
        System.out.println("STARTED");
        System.out.flush();
        for (int i = 0; ; i++) {
            String k = String.format("S:%08d", i);
            if (i % 5 == 0) {
                b.beginTransaction();
                b.putItem("Orders", k, "S:a", "{\"pad\":\"" + "p".repeat(300) + "\"}", 1);
                b.putItem("Orders", k, "S:b", "{}", 1);
                b.commit();
            } else {
                b.putItem("Orders", k, "S:a", "{}", 1);
            }
        }
    }
}
