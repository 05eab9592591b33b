package io.tidelog.backend.durability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tidelog.backend.BackendException;
import io.tidelog.backend.Durability;
import io.tidelog.backend.ScanParams;
import io.tidelog.backend.StorageBackend;
import io.tidelog.backend.TidelogOptions;
import io.tidelog.backend.internal.Progress;
import io.tidelog.backend.internal.Store;
import io.tidelog.backend.internal.Verify;
import io.tidelog.log.FaultyDisk;
import io.tidelog.log.SimulatedDisk;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full disk (ENOSPC, as the JDK reports it): writes fail with {@code IO} saying the disk is
 * full, reads go on, and writes work again once space is freed, on the same handle and after
 * reopening; nothing acknowledged is lost.
 */
class DiskFullTest {
    private static final long SEGMENT_BYTES = 4 << 10;

    @TempDir
    Path dir;

    private static TidelogOptions options(Durability durability) {
        return TidelogOptions.builder().durability(durability).checkpointInterval(0).build();
    }

    private static void put(StorageBackend store, String pk) {
        store.putItem("T", pk, "", json(pk), 20);
    }

    private static String json(String pk) {
        return "{\"pk\":\"" + pk + "\",\"pad\":\"" + "p".repeat(300) + "\"}";
    }

    private static void assertDiskFull(BackendException e) {
        assertEquals(BackendException.Kind.IO, e.kind(), e.toString());
        assertTrue(e.getMessage().startsWith("the disk is full"), e.getMessage());
        assertTrue(e.getMessage().contains(FaultyDisk.NO_SPACE), e.getMessage());
    }

    @Test
    void writesFailSayingTheDiskIsFullReadsGoOnAndWritesResumeOnceSpaceIsFreed() {
        FaultyDisk disk = new FaultyDisk(new SimulatedDisk(new Random(1)));
        try (StorageBackend store = Store.open(dir, options(Durability.SYNC), disk, SEGMENT_BYTES)) {
            store.createDataTable("T");
            for (int i = 0; i < 20; i++) {
                put(store, "a" + i);
            }
            disk.diskFull(true);
            for (int attempt = 0; attempt < 3; attempt++) {
                assertDiskFull(assertThrows(BackendException.class, () -> put(store, "b")));
                assertEquals(Optional.of(json("a7")), store.getItem("T", "a7", ""), "reads go on");
                assertEquals(20, store.scanItems("T", ScanParams.builder().build()).stream()
                        .filter(r -> r.pk().startsWith("a")).count());
            }
            assertDiskFull(assertThrows(BackendException.class, () -> {
                store.beginTransaction();
                try {
                    put(store, "tx");
                    store.commit();
                } finally {
                    store.rollback();
                }
            }));
            disk.diskFull(false);
            put(store, "c1");
            put(store, "c2");
            assertEquals(Optional.of(json("c1")), store.getItem("T", "c1", ""));
        }
        try (StorageBackend reopened = Store.open(dir, options(Durability.SYNC), new SimulatedDisk(new Random(2)),
                SEGMENT_BYTES)) {
            for (int i = 0; i < 20; i++) {
                assertEquals(Optional.of(json("a" + i)), reopened.getItem("T", "a" + i, ""));
            }
            assertEquals(Optional.of(json("c2")), reopened.getItem("T", "c2", ""));
        }
        assertTrue(Verify.run(dir, 5, Progress.NONE).ok());
    }

    @Test
    void aStoreClosedOnAFullDiskOpensOnItAndWritesOnceSpaceIsFreed() {
        FaultyDisk disk = new FaultyDisk(new SimulatedDisk(new Random(3)));
        StorageBackend store = Store.open(dir, options(Durability.ASYNC), disk, SEGMENT_BYTES);
        store.createDataTable("T");
        store.enableBulkLoading();
        for (int i = 0; i < 30; i++) {
            put(store, "a" + i);
        }
        disk.diskFull(true);
        assertDiskFull(assertThrows(BackendException.class, () -> {
            for (int i = 0; i < 100; i++) {
                put(store, "b" + i);
            }
        }));
        try {
            store.close();
        } catch (BackendException e) {
            assertEquals(BackendException.Kind.IO, e.kind(), e.toString());
        }
        try (StorageBackend full = Store.open(dir, options(Durability.SYNC), disk, SEGMENT_BYTES)) {
            for (int i = 0; i < 30; i++) {
                assertEquals(Optional.of(json("a" + i)), full.getItem("T", "a" + i, ""), "acknowledged a" + i);
            }
            assertDiskFull(assertThrows(BackendException.class, () -> put(full, "c")));
            disk.diskFull(false);
            put(full, "c");
        }
        try (StorageBackend again = Store.open(dir, options(Durability.SYNC), disk, SEGMENT_BYTES)) {
            assertEquals(Optional.of(json("c")), again.getItem("T", "c", ""));
        }
    }
}
