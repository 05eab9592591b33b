package io.tidelog.backend.contract;

import io.tidelog.backend.BaseItemRow;
import io.tidelog.backend.CreateTableMetadata;
import io.tidelog.backend.Durability;
import io.tidelog.backend.StorageBackend;
import io.tidelog.backend.Tidelog;
import io.tidelog.backend.TidelogOptions;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Child process for crash tests (not a test class). Opens the store given as args[0] with the
 * durability given as args[1], commits a known set of mutations, leaves a transaction open with
 * more writes, prints "READY &lt;lastSequence&gt;", waits for a line on stdin, and halts without
 * closing anything (a simulated process crash).
 */
public final class CrashChild {
    private CrashChild() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Durability durability = Durability.valueOf(args[1]);
        StorageBackend b = Tidelog.open(dir, TidelogOptions.builder().durability(durability).build());
        b.insertTableMetadata(new CreateTableMetadata("Orders", "[]", "[]", null, null, null, 1L, null, null,
                false, null, null));
        b.createDataTable("Orders");
        for (int i = 0; i < 10; i++) {
            b.putItem("Orders", "S:c" + i, "", "{\"i\":" + i + "}", i);
        }
        b.beginTransaction();
        b.putItem("Orders", "S:txn1", "", "{}", 1);
        b.putItem("Orders", "S:txn2", "", "{}", 1);
        b.commit();
        List<BaseItemRow> rows = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            rows.add(new BaseItemRow("S:bulk" + i, "", "{}", 1, 1.0 * i, "000000"));
        }
        b.enableBulkLoading();
        b.putBaseItems("Orders", rows);
        b.disableBulkLoading();
        long committed = b.lastSequence();
        // an open, never committed transaction
        b.beginTransaction();
        b.putItem("Orders", "S:open1", "", "{}", 1);
        b.createDataTable("OpenTxnTable");
        System.out.println("READY " + committed);
        System.out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        in.readLine();
        Runtime.getRuntime().halt(0);
    }
}
