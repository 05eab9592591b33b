package io.tidelog.backend.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Model-based test of the storage backend: long random operation sequences applied to a real
 * {@code Tidelog} store and to {@link ReferenceModel}; every call must agree (value, or failure
 * kind), every read result must be equal, {@code lastSequence()} must follow §3.3/§8.1.
 *
 * <p>Per seed: a full-state comparison, close and reopen every {@value #REOPEN_EVERY} operations;
 * once, deletion of {@code views/} (rebuilt from the log) and a full comparison; random
 * (sequence, instant, model snapshot) points checked at the end with {@code Tidelog.openAt}.
 *
 * <p>System properties: {@code tidelog.model.seed} runs only that seed; {@code tidelog.model.ops}
 * sets the number of operations per seed; {@code tidelog.model.randomSeeds} the number of random seeds
 * added to the fixed ones (default 1).
 */
class ModelBasedTest {

    static final int REOPEN_EVERY = 300;
    static final long[] FIXED_SEEDS = {1L, 7L, 20240601L};

    @TestFactory
    Stream<DynamicTest> randomOperationSequences() {
        int ops = Integer.getInteger("tidelog.model.ops", 1500);
        List<Long> seeds = new ArrayList<>();
        String only = System.getProperty("tidelog.model.seed");
        if (only != null && !only.isBlank()) {
            seeds.add(Long.parseLong(only.trim()));
        } else {
            for (long s : FIXED_SEEDS) {
                seeds.add(s);
            }
            int randomSeeds = Integer.getInteger("tidelog.model.randomSeeds", 1);
            for (int k = 0; k < randomSeeds; k++) {
                long random = System.nanoTime() ^ Double.doubleToLongBits(Math.random());
                System.out.println("[model] random seed for this run: " + random);
                seeds.add(random);
            }
        }
        return seeds.stream().map(s -> DynamicTest.dynamicTest("seed " + s, () -> runSeed(s, ops)));
    }

    static void runSeed(long seed, int ops) throws IOException {
        Path tmp = Files.createTempDirectory("tidelog-model-" + seed + "-");
        Path dir = tmp.resolve("store"); // does not exist yet: open creates it (§2.1)
        long start = System.nanoTime();
        ModelRun run = new ModelRun(seed, dir);
        try {
            run.open();
            if (run.backend.lastSequence() != 0) {
                throw run.failure("fresh store has lastSequence() " + run.backend.lastSequence());
            }
            run.snapshot(); // the empty initial state at sequence 0
            OpGenerator gen = new OpGenerator(run);
            int rebuildAt = ops / 3 + run.rnd.nextInt(Math.max(1, ops / 3));
            int openAtLiveAt = run.rnd.nextInt(Math.max(1, ops));
            while (run.opIndex < ops) {
                int before = run.opIndex;
                gen.randomOp();
                if (run.opIndex == before) {
                    continue;
                }
                if (!run.model.inTransaction() && run.rnd.nextInt(120) == 0 && run.snaps.size() < 12) {
                    run.snapshot();
                }
                if (run.opIndex / REOPEN_EVERY != before / REOPEN_EVERY) {
                    run.fullCompare(run.backend, run.model.current(), "live state before reopen");
                    run.reopen("periodic reopen");
                }
                if (before < rebuildAt && run.opIndex >= rebuildAt) {
                    run.rebuildViews();
                }
                if (before < openAtLiveAt && run.opIndex >= openAtLiveAt) {
                    run.openAtBesideWriter();
                }
            }
            if (run.model.inTransaction()) {
                run.step("commit()", ModelRun.Type.COMMIT, b -> {
                    b.commit();
                    return null;
                }, m -> {
                    m.commit();
                    return null;
                });
            }
            run.phase = "end";
            run.fullCompare(run.backend, run.model.current(), "final live state");
            run.snapshot();
            long lastSeq = run.backend.lastSequence();
            run.openAtBesideWriter();
            run.reopen("final reopen");
            run.checkClosed();
            run.checkPointInTime(lastSeq);
            System.out.printf("[model] seed %d: %d ops, %d compared calls, %d snapshots, %.1f s%n", seed,
                    run.opIndex, run.compared, run.snaps.size(), (System.nanoTime() - start) / 1e9);
            StringBuilder cov = new StringBuilder("[model] seed " + seed + " ok/failed/non-empty per operation:");
            run.stats.forEach((k, v) -> cov.append(' ').append(k).append('=').append(v[0]).append('/').append(v[1]).append('/').append(v[2]));
            ReferenceModel.State st = run.model.committed();
            cov.append(String.format("%n[model] seed %d final state: %d catalog rows, %d data tables with %d rows,"
                    + " %d GSI tables with %d entries, %d LSI tables with %d entries, %d stream records", seed,
                    st.catalog.size(), st.data.size(), st.data.values().stream().mapToInt(java.util.Map::size).sum(),
                    st.gsi.size(), st.gsi.values().stream().mapToInt(java.util.Map::size).sum(),
                    st.lsi.size(), st.lsi.values().stream().mapToInt(java.util.Map::size).sum(), st.streams.size()));
            System.out.println(cov);
        } finally {
            run.shutdown();
            try {
                if (run.backend != null) {
                    run.backend.close();
                }
            } catch (RuntimeException ignored) {
                // already closed or broken; the failure above is what matters
            }
            ModelRun.deleteRecursively(tmp);
        }
    }
}
