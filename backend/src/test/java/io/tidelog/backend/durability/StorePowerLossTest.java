package io.tidelog.backend.durability;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tidelog.backend.BackendException;
import io.tidelog.backend.Durability;
import io.tidelog.backend.StorageBackend;
import io.tidelog.backend.TidelogOptions;
import io.tidelog.backend.internal.Progress;
import io.tidelog.backend.internal.Store;
import io.tidelog.backend.internal.Verify;
import io.tidelog.log.SimulatedDisk;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Simulated power losses under a store being written, in every durability mode and with bulk
 * loading switched on and off, its log on a {@link SimulatedDisk} with small segments. After
 * each loss the store must open; every mutation forced before the loss (acknowledged in SYNC,
 * or before a {@code disableBulkLoading()} that returned) must be in its log; the log must hold
 * a prefix of the mutations made, in order; and the views must be exactly what that prefix
 * gives, nothing of a mutation half applied. Every few losses, {@code verify} must also pass.
 *
 * <p>{@code -Dtidelog.storePowerLosses=N} sets the number of losses (the {@code long} Maven
 * profile runs 1,000); {@code -Dtidelog.seed=S} replays a run.
 */
class StorePowerLossTest {
    private static final int LOSSES = Integer.getInteger("tidelog.storePowerLosses", 100);
    private static final int LOSSES_PER_STORE = 4;
    private static final long SEGMENT_BYTES = 16 << 10;

    @TempDir
    Path tmp;

    @Test
    void theStoreOpensAfterEveryPowerLossWithEveryForcedMutationAndNothingHalfApplied() throws Exception {
        long base = Long.getLong("tidelog.seed", System.nanoTime());
        System.out.println(LOSSES + " simulated power losses, seed " + base);
        int losses = 0;
        int rounds = 0;
        int unforcedLost = 0;
        while (losses < LOSSES) {
            Path dir = tmp.resolve("store-" + rounds);
            Random random = new Random(base + rounds);
            SimulatedDisk disk = new SimulatedDisk(new Random(base + rounds));
            TracedWorkload workload = new TracedWorkload(random, 1);
            Set<Integer> forced = new HashSet<>();
            for (int phase = 0; phase < LOSSES_PER_STORE && losses < LOSSES; phase++, losses++) {
                String context = "seed " + base + ", store " + rounds + ", loss " + phase;
                try {
                    unforcedLost += lose(dir, disk, random, workload, forced, losses % 10 == 0, context);
                } catch (AssertionError | RuntimeException e) {
                    throw new AssertionError(context + " (" + disk.lastLoss() + "): " + e.getMessage(), e);
                }
            }
            deleteTree(dir);
            rounds++;
        }
        assertTrue(unforcedLost > 0, "some losses took acknowledged mutations that were not forced");
    }

    /**
     * One power loss: writes until the power goes (or cuts it after the workload), brings the
     * disk back, reopens and checks. {@code forced} holds the mutations that must be in the log
     * from now on, and gains those this phase forced and those the reopened log holds (opening
     * forced them). Returns how many acknowledged mutations the loss took.
     */
    private int lose(Path dir, SimulatedDisk disk, Random random, TracedWorkload workload, Set<Integer> forced,
            boolean verify, String context) throws Exception {
        Durability durability = Durability.values()[random.nextInt(3)];
        TidelogOptions options = TidelogOptions.builder().durability(durability).checkpointInterval(0).build();
        StorageBackend store = Store.open(dir, options, disk, SEGMENT_BYTES);
        disk.powerLossAt(disk.operations() + 1 + random.nextInt(400));
        boolean bulk = false;
        int first = workload.attempts().size();
        int steps = 5 + random.nextInt(40);
        for (int i = 0; i < steps; i++) {
            if (random.nextInt(12) == 0) {
                try {
                    if (bulk) {
                        store.disableBulkLoading();
                        acknowledgedSince(workload, first).forEach(a -> forced.add(a.op().id()));
                    } else {
                        store.enableBulkLoading();
                    }
                    bulk = !bulk;
                } catch (BackendException e) {
                    break;
                }
            }
            if (workload.step(store) != null) {
                break;
            }
            if (durability == Durability.SYNC && !bulk) {
                acknowledgedSince(workload, first).forEach(a -> forced.add(a.op().id()));
            }
        }
        disk.powerLoss();
        try {
            store.close();
        } catch (BackendException expected) {
            // the log cannot be forced: the power is off
        }
        disk.restart();
        try (StorageBackend reopened = Store.open(dir, options, disk, SEGMENT_BYTES)) {
            workload.check(dir, reopened, a -> forced.contains(a.op().id()), context);
        }
        Set<Integer> logged = new HashSet<>(TracedWorkload.loggedIds(dir));
        forced.addAll(logged);
        if (verify) {
            Verify.Report report = Verify.run(dir, 5, Progress.NONE);
            assertTrue(report.ok(), context + ": verify: " + report);
        }
        return (int) acknowledgedSince(workload, first).filter(a -> !logged.contains(a.op().id())).count();
    }

    private static Stream<TracedWorkload.Attempt> acknowledgedSince(TracedWorkload workload, int first) {
        List<TracedWorkload.Attempt> all = workload.attempts();
        return all.subList(first, all.size()).stream()
                .filter(a -> a.outcome() == TracedWorkload.Outcome.ACKNOWLEDGED);
    }

    private static void deleteTree(Path dir) throws Exception {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
