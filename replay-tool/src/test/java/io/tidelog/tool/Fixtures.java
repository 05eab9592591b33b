package io.tidelog.tool;

import io.tidelog.backend.Audit;
import io.tidelog.backend.StorageBackend;
import io.tidelog.backend.Tidelog;
import io.tidelog.backend.TidelogOptions;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import picocli.CommandLine;

/** Shared helpers: a workload store, and running the command line with captured output. */
final class Fixtures {
    private Fixtures() {}

    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        CommandLine cl = TidelogCli.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    static TidelogOptions options() {
        return TidelogOptions.builder().checkpointInterval(7).build();
    }

    /** The demo's table plus {@code n} orders by alternating users, some updated, some deleted. */
    static void workload(Path dir, int n) {
        try (StorageBackend db = Tidelog.open(dir, options())) {
            DemoCommand.createTable(db);
            write(db, 0, n);
        }
    }

    static void write(StorageBackend db, int from, int to) {
        for (int i = from; i < to; i++) {
            int k = i;
            Audit.as(i % 2 == 0 ? "alice" : "bob", () -> {
                DemoCommand.put(db, "c" + (k % 5), "o-" + k, "PLACED", Integer.toString(k), null);
                if (k % 3 == 0) {
                    DemoCommand.put(db, "c" + (k % 5), "o-" + k, "SHIPPED", Integer.toString(k), null);
                }
                if (k % 7 == 0) {
                    DemoCommand.delete(db, "S:c" + (k % 5), "S:o-" + k, null);
                }
            });
        }
    }
}
