package io.tidelog.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tidelog.schemas.ItemPut;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a writer (SIGKILL) at a random moment while it appends in SYNC mode, then checks that
 * reopening keeps every entry it acknowledged and that the log has no gap. The rounds share the
 * directory, so each one also recovers what the previous kill left.
 */
class CrashTest {
    @TempDir
    Path dir;

    @Test
    void everyAcknowledgedEntrySurvivesAKill() throws Exception {
        Random random = new Random();
        TreeMap<Long, String> acknowledged = new TreeMap<>();
        for (int round = 0; round < 3; round++) {
            int killAfter = 50 + random.nextInt(400);
            try (ChildJvm child = ChildJvm.start(CrashWriterMain.class, dir.toString(), "3")) {
                for (int seen = 0; seen < killAfter; seen++) {
                    String line = child.readLine(Duration.ofSeconds(30));
                    assertNotNull(line, "the writer stopped early: " + child.stderr());
                    record(acknowledged, line);
                }
                Thread.sleep(random.nextInt(20));
                child.kill();
                for (String line : child.remainingLines()) {
                    record(acknowledged, line);
                }
            }
            checkAfterCrash(acknowledged, round);
        }
    }

    private void checkAfterCrash(TreeMap<Long, String> acknowledged, int round) {
        try (FileLog log = FileLog.open(dir, LogOptions.defaults())) {
            List<StoredEntry> all = TestLogs.readAll(log);
            TestLogs.assertGapFree(all);
            long last = log.lastSequence();
            assertEquals(all.size(), last);
            assertTrue(acknowledged.lastKey() <= last, "round " + round + ": acknowledged " + acknowledged.lastKey()
                    + " but the log ends at " + last + " (" + log.recovery() + ")");
            Map<String, Integer> next = new HashMap<>();
            for (StoredEntry e : all) {
                ItemPut put = (ItemPut) e.entry().getEvents().get(0);
                int expected = next.getOrDefault(put.getPk(), 0);
                assertEquals(expected, put.getItemSize(), "each producer's entries in order");
                assertEquals("payload-" + expected, put.getItemJson());
                next.put(put.getPk(), expected + 1);
            }
            acknowledged.forEach((seq, what) -> {
                ItemPut put = (ItemPut) all.get((int) (seq - 1)).entry().getEvents().get(0);
                assertEquals(what, put.getPk() + " " + put.getItemSize(), "entry " + seq);
            });
        }
    }

    /** Parses {@code ack <sequence> <producer> <counter>}. */
    private static void record(TreeMap<Long, String> acknowledged, String line) {
        String[] parts = line.split(" ");
        assertTrue(parts.length == 4 && parts[0].equals("ack"), line);
        assertEquals(null, acknowledged.put(Long.parseLong(parts[1]), parts[2] + " " + parts[3]), line);
    }
}
