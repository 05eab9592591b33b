package io.tidelog.backend.durability;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * H2's torture test on the store: a fixed workload is run once per operation it makes, failing
 * that one write, force or segment creation of the log. Every failure reaches the caller as a
 * {@code BackendException} of kind {@code IO}; reads go on after it; later writes go through once
 * the fault has passed (the store opens its log again in place); close releases the store; and
 * reopened, the store holds every acknowledged mutation, in order, and views that are exactly
 * what its log gives.
 */
class StoreFaultTest {
    private static final long SEGMENT_BYTES = 2 << 10;
    private static final int STEPS = 16;
    private static final TidelogOptions OPTIONS =
            TidelogOptions.builder().durability(Durability.SYNC).checkpointInterval(0).build();

    @TempDir
    Path tmp;

    @ParameterizedTest
    @EnumSource(FaultyDisk.Operation.class)
    void failingEachOperationOfAWorkloadInTurnLosesNothingAcknowledged(FaultyDisk.Operation operation)
            throws Exception {
        FaultyDisk counting = new FaultyDisk(new SimulatedDisk(new Random(0)));
        run(tmp.resolve("count"), counting, "dry run");
        long operations = counting.count(operation);
        System.out.println(operation + ": " + operations + " in the workload, each failed in turn");
        assertTrue(operations > 3, operation + " happens in the workload: " + operations);
        for (long n = 1; n <= operations; n++) {
            FaultyDisk disk = new FaultyDisk(new SimulatedDisk(new Random(n)));
            disk.fail(operation, n);
            String context = operation + " #" + n + " of " + operations;
            Path dir = tmp.resolve(operation + "-" + n);
            boolean surfaced = run(dir, disk, context);
            assertEquals(1, disk.failures(), context + ": the fault was injected");
            assertTrue(surfaced, context + ": the failure reached a caller");
            if (n % 8 == 0) {
                Verify.Report report = Verify.run(dir, 5, Progress.NONE);
                assertTrue(report.ok(), context + ": verify: " + report);
            }
        }
    }

    /** Runs the workload on a new store on {@code disk}, then checks it; returns whether anything failed. */
    private static boolean run(Path dir, FaultyDisk disk, String context) {
        boolean failed = false;
        TracedWorkload workload = new TracedWorkload(new Random(42), 1, 3);
        StorageBackend store;
        try {
            store = Store.open(dir, OPTIONS, disk, SEGMENT_BYTES);
        } catch (BackendException e) {
            assertIo(e, context + ", opening");
            failed = true;
            store = Store.open(dir, OPTIONS, disk, SEGMENT_BYTES);
        }
        for (int step = 0; step < STEPS; step++) {
            if (step == 6 || step == 11) {
                try {
                    if (step == 6) {
                        store.enableBulkLoading();
                    } else {
                        store.disableBulkLoading();
                    }
                } catch (BackendException e) {
                    assertIo(e, context + ", bulk loading switch at step " + step);
                    failed = true;
                }
            }
            BackendException e = workload.step(store);
            if (e != null) {
                assertIo(e, context + ", step " + step);
                failed = true;
                readsGoOn(store, context);
            }
        }
        try {
            store.close();
        } catch (BackendException e) {
            assertIo(e, context + ", closing");
            failed = true;
        }
        try (StorageBackend reopened = Store.open(dir, OPTIONS, new SimulatedDisk(new Random(1)), SEGMENT_BYTES)) {
            workload.check(dir, reopened, a -> a.outcome() == TracedWorkload.Outcome.ACKNOWLEDGED, context);
            assertEquals(null, workload.step(reopened), context + ": a write after reopening");
        }
        return failed;
    }

    private static void readsGoOn(StorageBackend store, String context) {
        for (String table : store.listTableNames()) {
            store.getTableMetadata(table);
        }
        store.lastSequence();
        try {
            store.scanItems("t1", ScanParams.builder().limit(5).build());
        } catch (BackendException e) {
            assertEquals(BackendException.Kind.OTHER, e.kind(), context + ": a read after a failure: " + e);
        }
    }

    private static void assertIo(BackendException e, String context) {
        assertEquals(BackendException.Kind.IO, e.kind(), context + ": " + e);
    }
}
