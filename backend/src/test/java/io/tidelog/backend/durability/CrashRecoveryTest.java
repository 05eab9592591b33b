package io.tidelog.backend.durability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tidelog.backend.Durability;
import io.tidelog.backend.ItemRow;
import io.tidelog.backend.ScanParams;
import io.tidelog.backend.StorageBackend;
import io.tidelog.backend.Tidelog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A child JVM writes in SYNC durability and is killed with SIGKILL at a random moment, several
 * times over the same store. After every kill the store reopens with every acknowledged write
 * visible and no transaction partly applied, and the views equal a rebuild from the log.
 */
class CrashRecoveryTest {

    @TempDir
    Path dir;

    /**
     * A process crash loses nothing acknowledged in any mode: SYNC forced it, ASYNC and NONE
     * wrote it to the operating system, which outlives the process (§3.4).
     */
    @ParameterizedTest
    @EnumSource(Durability.class)
    void acknowledgedWritesSurviveSigkillAndTransactionsAreAllOrNothing(Durability durability) throws Exception {
        Random random = new Random();
        Set<String> ackedPuts = new HashSet<>();
        Set<String> ackedTx = new HashSet<>();
        for (int run = 0; run < 3; run++) {
            // stdout goes to a file: a killed child's pipe can lose its last lines to the JDK's
            // drain on exit, and every acknowledgement printed must be checked
            Path out = dir.resolveSibling(dir.getFileName() + "-acks-" + durability + "-" + run);
            Process p = new ProcessBuilder(javaBin(), "-cp", System.getProperty("java.class.path"),
                    CrashWorkload.class.getName(), dir.toString(), "r" + run, durability.name())
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .redirectOutput(out.toFile()).start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (countAcks(completeLines(out)) < 20 && System.nanoTime() < deadline && p.isAlive()) {
                Thread.sleep(5);
            }
            Thread.sleep(50 + random.nextInt(400));
            p.destroyForcibly();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            List<String> lines = completeLines(out);
            assertTrue(countAcks(lines) >= 20, "child made progress before the kill: " + lines.size());
            for (String l : lines) {
                if (l.startsWith("PUT ")) {
                    ackedPuts.add("S:" + l.substring(4));
                } else if (l.startsWith("TX ")) {
                    ackedTx.add(l.substring(3));
                }
            }
            verify(ackedPuts, ackedTx);
        }
    }

    private void verify(Set<String> ackedPuts, Set<String> ackedTx) {
        Map<String, String> rows = new HashMap<>();
        long lastSequence;
        try (StorageBackend b = Tidelog.open(dir)) {
            for (ItemRow r : b.scanItems("t", ScanParams.builder().build())) {
                rows.put(r.pk(), r.itemJson());
            }
            lastSequence = b.lastSequence();
        }
        for (String k : ackedPuts) {
            assertTrue(rows.containsKey(k), "acknowledged put lost: " + k);
        }
        for (String tx : ackedTx) {
            for (int i = 0; i < 3; i++) {
                assertTrue(rows.containsKey("S:" + tx + "-" + i), "acknowledged transaction lost: " + tx);
            }
        }
        // no transaction partly visible, acknowledged or not
        Map<String, Integer> txParts = new HashMap<>();
        for (String k : rows.keySet()) {
            int dash = k.lastIndexOf('-');
            if (k.contains("-tx")) {
                txParts.merge(k.substring(2, dash), 1, Integer::sum);
            }
        }
        txParts.forEach((tx, n) -> assertEquals(3, n, "transaction partly recovered: " + tx));
        // the views equal a fresh rebuild from the log
        io.tidelog.backend.internal.StoreLayoutAccess.deleteViews(dir);
        try (StorageBackend b = Tidelog.open(dir)) {
            Map<String, String> rebuilt = new HashMap<>();
            for (ItemRow r : b.scanItems("t", ScanParams.builder().build())) {
                rebuilt.put(r.pk(), r.itemJson());
            }
            assertEquals(rows, rebuilt);
            assertEquals(lastSequence, b.lastSequence());
        }
    }

    private static int countAcks(List<String> lines) {
        return (int) lines.stream().filter(l -> l.startsWith("PUT ") || l.startsWith("TX ")).count();
    }

    /** The lines of {@code file} that are complete (a killed writer may leave half a line). */
    private static List<String> completeLines(Path file) throws java.io.IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        int end = text.lastIndexOf('\n');
        return end < 0 ? List.of() : List.of(text.substring(0, end).split("\n", -1));
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
