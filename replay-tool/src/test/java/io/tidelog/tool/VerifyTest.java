package io.tidelog.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tidelog.backend.StorageBackend;
import io.tidelog.backend.Tidelog;
import io.tidelog.backend.internal.StoreLayout;
import io.tidelog.projections.Family;
import io.tidelog.projections.SnapshotReader;
import io.tidelog.projections.ViewBatch;
import io.tidelog.projections.Views;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.RocksIterator;

class VerifyTest {
    @TempDir
    Path tmp;

    @Test
    void healthyStorePassesTamperedViewFailsNamingFamilyAndKey() {
        Path dir = tmp.resolve("s");
        Fixtures.workload(dir, 12);
        Fixtures.Run ok = Fixtures.run("verify", "--data", dir.toString());
        assertEquals(0, ok.code(), ok.out() + ok.err());
        assertTrue(ok.out().contains("verify: OK"), ok.out());

        // tamper with one base row while the store is closed
        String tamperedKey;
        try (Views v = Views.open(StoreLayout.views(dir))) {
            byte[] key;
            try (SnapshotReader r = v.snapshot(); RocksIterator it = r.iterator(Family.BASE)) {
                it.seekToFirst();
                key = it.key();
            }
            tamperedKey = new String(key, StandardCharsets.ISO_8859_1);
            try (ViewBatch b = v.newBatch()) {
                b.put(Family.BASE, key, "tampered".getBytes(StandardCharsets.UTF_8));
                v.write(b, v.appliedSequence());
            }
        }
        Fixtures.Run bad = Fixtures.run("verify", "--data", dir.toString());
        assertEquals(TidelogCli.FAILED, bad.code(), bad.out());
        assertTrue(bad.out().contains("verify: FAILED"), bad.out());
        assertTrue(bad.out().contains("DIFF BASE VALUE_DIFFERS"), bad.out());
        String pk = tamperedKey.replaceAll("[^ -~]", "");
        assertTrue(pk.contains("S:c"), pk);
        assertTrue(bad.out().contains("S:c"), bad.out());
        assertTrue(bad.out().contains("actual=tampered"), bad.out());

        // rebuild repairs it
        Fixtures.Run rebuilt = Fixtures.run("rebuild", "--data", dir.toString());
        assertEquals(0, rebuilt.code(), rebuilt.err());
        assertEquals(0, Fixtures.run("verify", "--data", dir.toString()).code());
        try (StorageBackend db = Tidelog.open(dir)) {
            assertTrue(db.countItems(DemoCommand.TABLE) > 0);
        }
    }

    @Test
    void extraKeyInAViewIsReported() {
        Path dir = tmp.resolve("s");
        Fixtures.workload(dir, 3);
        try (Views v = Views.open(StoreLayout.views(dir)); ViewBatch b = v.newBatch()) {
            b.put(Family.CATALOG, "Ghost".getBytes(StandardCharsets.UTF_8), new byte[] {1});
            v.write(b, v.appliedSequence());
        }
        Fixtures.Run bad = Fixtures.run("verify", "--data", dir.toString());
        assertEquals(TidelogCli.FAILED, bad.code());
        assertTrue(bad.out().contains("DIFF CATALOG UNEXPECTED key=Ghost"), bad.out());
    }
}
