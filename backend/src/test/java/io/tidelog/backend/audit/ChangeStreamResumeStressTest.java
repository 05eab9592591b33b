package io.tidelog.backend.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tidelog.backend.StorageBackend;
import io.tidelog.backend.Tidelog;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reopening a change stream after its last position, many times while a writer appends. */
class ChangeStreamResumeStressTest {
    @TempDir
    Path tmp;

    @Test
    void everyRecordOnceAcrossReopens() throws Exception {
        Path dir = tmp.resolve("s");
        int total = 600;
        List<String> seen = new ArrayList<>();
        try (StorageBackend db = Tidelog.open(dir)) {
            AuditApiTest.table(db, "T", "NEW_AND_OLD_IMAGES");
            Thread writer = new Thread(() -> {
                for (int i = 0; i < total; i++) {
                    AuditApiTest.put(db, "T", "k" + (i % 17), "{\"i\":" + i + "}");
                }
            });
            writer.start();
            Random rnd = new Random(7);
            ChangePosition pos = null;
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (seen.size() < total && System.nanoTime() < deadline) {
                try (ChangeStream cs = ChangeStream.open(dir, "T",
                        pos == null ? ChangeStream.Start.trimHorizon() : ChangeStream.Start.after(pos))) {
                    int n = 1 + rnd.nextInt(8);
                    for (int i = 0; i < n; i++) {
                        Optional<ChangeRecord> r = cs.poll(Duration.ofMillis(200));
                        if (r.isEmpty()) {
                            break;
                        }
                        seen.add(r.get().sequenceNumber());
                        pos = r.get().position();
                    }
                }
            }
            writer.join();
        }
        List<String> expected = new ArrayList<>();
        for (int i = 1; i <= total; i++) {
            expected.add(Integer.toString(i));
        }
        assertEquals(expected, seen);
    }
}
