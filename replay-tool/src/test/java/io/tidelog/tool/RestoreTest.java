package io.tidelog.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tidelog.backend.ItemRow;
import io.tidelog.backend.Keys;
import io.tidelog.backend.ScanParams;
import io.tidelog.backend.StorageBackend;
import io.tidelog.backend.Tidelog;
import io.tidelog.backend.audit.AuditHistory;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RestoreTest {
    @TempDir
    Path tmp;

    static List<String> dump(StorageBackend b) {
        List<String> out = new ArrayList<>();
        out.add("lastSequence=" + b.lastSequence());
        for (String t : b.listTableNames()) {
            out.add("meta " + b.getTableMetadata(t));
            out.add("tags " + b.getTags(t));
            try {
                for (ItemRow r : b.scanItems(t, ScanParams.builder().build())) {
                    out.add("item " + t + " " + r);
                }
                for (ItemRow r : b.scanGsiItems(t, "byStatus", ScanParams.builder().build())) {
                    out.add("gsi " + t + " " + r);
                }
            } catch (RuntimeException e) {
                out.add("scan error " + e.getMessage());
            }
            out.add("stream " + b.getStreamRecords(t, DemoCommand.SHARD, 0, Integer.MAX_VALUE));
            out.add("next " + b.nextStreamSequenceNumber(t));
            out.add("expired " + b.expiredItems(t, Long.MAX_VALUE, 1000));
        }
        try {
            out.add("stats " + b.tableStats());
        } catch (RuntimeException e) {
            out.add("stats error " + e.getMessage()); // a catalog row without its data table
        }
        return out;
    }

    @Test
    void restoreMatchesOpenAtAndTakesWrites() {
        Path src = tmp.resolve("src");
        Fixtures.workload(src, 30);
        long last;
        try (AuditHistory h = AuditHistory.open(src)) {
            last = h.lastSequence();
        }
        for (long seq : new long[] {1, 9, last / 2, last - 1, last}) {
            Path to = tmp.resolve("r" + seq);
            Fixtures.Run run = Fixtures.run("restore", "--data", src.toString(), "--seq", Long.toString(seq),
                    "--to", to.toString());
            assertEquals(0, run.code(), run.err());
            assertTrue(run.out().contains("as of sequence " + seq), run.out());
            List<String> expected;
            try (StorageBackend at = Tidelog.openAt(src, seq)) {
                expected = dump(at);
            }
            try (StorageBackend restored = Tidelog.open(to)) {
                assertEquals(expected, dump(restored), "restore at " + seq);
            }
            // times and identities preserved: the restored log's history is a prefix of the source's
            try (AuditHistory a = AuditHistory.open(src); AuditHistory b = AuditHistory.open(to)) {
                assertEquals(a.list(io.tidelog.backend.audit.AuditQuery.all().to(seq).withAll(true)),
                        b.list(io.tidelog.backend.audit.AuditQuery.all().withAll(true)));
            }
            // the new store takes writes
            try (StorageBackend restored = Tidelog.open(to)) {
                restored.insertStreamRecord("X", "INSERT", "{}", null, null, "1", "s", 1);
                restored.createDataTable("Fresh");
                restored.putItem("Fresh", Keys.stringKey("new"), "", "{}", 2);
                assertEquals(seq + 3, restored.lastSequence());
                assertEquals("{}", restored.getItem("Fresh", Keys.stringKey("new"), "").orElseThrow());
            }
            try (StorageBackend reopened = Tidelog.open(to)) {
                assertTrue(reopened.lastSequence() > seq);
            }
        }
    }

    @Test
    void restoreByInstant() throws Exception {
        Path src = tmp.resolve("src");
        Fixtures.workload(src, 5);
        Thread.sleep(20);
        Instant between = Instant.now();
        Thread.sleep(20);
        long before;
        try (StorageBackend db = Tidelog.open(src, Fixtures.options())) {
            before = db.lastSequence();
            Fixtures.write(db, 5, 8);
        }
        Path to = tmp.resolve("at");
        Fixtures.Run run = Fixtures.run("restore", "--data", src.toString(), "--at", between.toString(),
                "--to", to.toString());
        assertEquals(0, run.code(), run.err());
        try (StorageBackend at = Tidelog.openAt(src, between); StorageBackend r = Tidelog.open(to)) {
            assertEquals(before, r.lastSequence());
            assertEquals(dump(at), dump(r));
        }
    }
}
