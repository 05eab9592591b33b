package io.tidelog.backend.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tidelog.backend.BackendException;
import io.tidelog.backend.Durability;
import io.tidelog.backend.ItemRow;
import io.tidelog.backend.Retention;
import io.tidelog.backend.ScanParams;
import io.tidelog.backend.StorageBackend;
import io.tidelog.backend.Tidelog;
import io.tidelog.backend.TidelogOptions;
import io.tidelog.backend.internal.CompactionCrashChild;
import io.tidelog.backend.internal.LogCheck;
import io.tidelog.backend.internal.Progress;
import io.tidelog.backend.internal.StoreLayout;
import io.tidelog.backend.internal.Verify;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A process that dies in the middle of a compaction leaves a store that opens, with the old
 * horizon or the new one, and nothing lost: first stopped dead after each step in turn, then
 * killed with SIGKILL at random moments while its retention thread compacts under a stream of
 * writes.
 */
class RetentionCrashTest {
    private static final long SEGMENT = 4096;

    @TempDir
    static Path shared;

    private static Path prepared;
    private static long last;
    private static long firstHorizon;
    private static long horizon;
    private static String stateAtHorizon;
    private static String stateAtEnd;

    @TempDir
    Path dir;

    static TidelogOptions options(Durability durability) {
        return TidelogOptions.builder().durability(durability).checkpointInterval(60)
                .logSegmentBytes(SEGMENT).retentionBytes(48 << 10).build();
    }

    /** For looking at a store after a crash: no retention of its own. */
    private static TidelogOptions checking() {
        return TidelogOptions.builder().durability(Durability.NONE).checkpointInterval(60).logSegmentBytes(SEGMENT)
                .build();
    }

    /** A store already compacted once, and the states a second compaction must keep. */
    @BeforeAll
    static void prepare() {
        prepared = shared.resolve("prepared");
        TidelogOptions options = TidelogOptions.builder().clock(new StepClock(Instant.parse("2026-04-01T00:00:00Z"),
                Duration.ofMillis(1))).durability(Durability.NONE).checkpointInterval(60).logSegmentBytes(SEGMENT)
                .build();
        try (StorageBackend b = Tidelog.open(prepared, options)) {
            RetentionWorkload.setUp(b);
            new RetentionWorkload(5).run(b, 300);
            last = b.lastSequence();
            firstHorizon = last / 4;
            horizon = last * 2 / 3;
            Retention.of(b).compactBefore(firstHorizon);
            stateAtEnd = StoreDump.of(b);
        }
        try (StorageBackend at = Tidelog.openAt(prepared, horizon)) {
            stateAtHorizon = StoreDump.of(at);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    @ParameterizedTest
    @ValueSource(strings = {"BASE_BUILT", "STREAMS_ARCHIVED", "BASE_NAMED", "HORIZON_RECORDED", "SEGMENTS_DROPPED"})
    void aCompactionStoppedAfterAnyStepLeavesTheOldHorizonOrTheNew(String step) throws Exception {
        Path store = dir.resolve("store");
        copyTree(prepared, store);
        Process p = new ProcessBuilder(javaBin(), "-cp", System.getProperty("java.class.path"),
                CompactionCrashChild.class.getName(), store.toString(), Long.toString(horizon), step,
                Long.toString(SEGMENT))
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.out").toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals("HALT " + step, Files.readString(dir.resolve("child.out")).strip().lines()
                .filter(l -> l.startsWith("HALT") || l.startsWith("NOT")).findFirst().orElse("nothing"));
        boolean recorded = step.equals("HORIZON_RECORDED") || step.equals("SEGMENTS_DROPPED");
        if (step.equals("HORIZON_RECORDED")) {
            // and as if the process also died after deleting the oldest segment only
            Files.delete(LogCheck.segments(StoreLayout.log(store)).get(0).path());
        }
        checkAfterCrash(store, recorded ? horizon : firstHorizon);
    }

    private static void checkAfterCrash(Path store, long expectedHorizon) {
        try (StorageBackend b = Tidelog.open(store, checking())) {
            assertEquals(expectedHorizon, Retention.of(b).horizon().sequence());
            assertEquals(last, b.lastSequence(), "nothing lost");
            assertEquals(stateAtEnd, StoreDump.of(b));
        }
        try (StorageBackend at = Tidelog.openAt(store, horizon)) {
            assertEquals(stateAtHorizon, StoreDump.of(at));
        }
        if (expectedHorizon == horizon) {
            assertThrows(BackendException.class, () -> Tidelog.openAt(store, horizon - 1).close());
        } else {
            Tidelog.openAt(store, horizon - 1).close();
        }
        try (Stream<Path> base = Files.list(store.resolve("base"))) {
            assertEquals(Set.of(String.format("%020d", expectedHorizon), "HORIZON", "streams"),
                    new HashSet<>(base.map(x -> x.getFileName().toString()).toList()), "leftovers are cleared");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        long first = LogCheck.segments(StoreLayout.log(store)).get(0).base();
        assertTrue(first <= expectedHorizon + 1, "the log continues the base: " + first);
        Verify.Report r = Verify.run(store, 5, Progress.NONE);
        assertTrue(r.ok(), r.toString());
    }

    @Test
    void sigkillWhileRetentionCompactsUnderWritesLosesNothing() throws Exception {
        Random random = new Random();
        Set<String> acked = new HashSet<>();
        long previousHorizon = 0;
        for (int run = 0; run < 3; run++) {
            Path out = dir.resolve("acks-" + run);
            Process p = new ProcessBuilder(javaBin(), "-cp", System.getProperty("java.class.path"),
                    RetentionKillChild.class.getName(), dir.resolve("store").toString(), "r" + run)
                    .redirectError(ProcessBuilder.Redirect.INHERIT).redirectOutput(out.toFile()).start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (acks(out).size() < 200 && System.nanoTime() < deadline && p.isAlive()) {
                Thread.sleep(5);
            }
            Thread.sleep(300 + random.nextInt(900));
            p.destroyForcibly();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            List<String> lines = acks(out);
            assertTrue(lines.size() >= 200, "the child made progress: " + lines.size());
            acked.addAll(lines);

            Path store = dir.resolve("store");
            try (StorageBackend b = Tidelog.open(store, checking())) {
                Set<String> present = new HashSet<>();
                for (ItemRow r : b.scanItems("t", ScanParams.builder().build())) {
                    present.add(r.pk());
                }
                for (String k : acked) {
                    assertTrue(present.contains(k), "acknowledged put lost: " + k);
                }
                long h = Retention.of(b).horizon().sequence();
                assertTrue(h >= previousHorizon, "the horizon moved back: " + h + " < " + previousHorizon);
                assertTrue(run == 0 || h > 0, "retention ran");
                previousHorizon = h;
                try (StorageBackend at = Tidelog.openAt(store, h)) {
                    assertEquals(h, at.lastSequence());
                }
            }
            Verify.Report r = Verify.run(store, 5, Progress.NONE);
            assertTrue(r.ok(), r.toString());
            assertFalse(Files.exists(store.resolve("base").resolve("building.tmp")));
        }
        assertTrue(previousHorizon > 0, "retention compacted at least once");
    }

    private static List<String> acks(Path file) throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        int end = text.lastIndexOf('\n');
        if (end < 0) {
            return List.of();
        }
        return Stream.of(text.substring(0, end).split("\n")).filter(l -> l.startsWith("PUT "))
                .map(l -> l.substring(4)).toList();
    }
}
