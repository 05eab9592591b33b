package io.tidelog.backend.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckpointsTest {

    /** Retention thins checkpoints evenly instead of dropping the oldest, so history stays covered. */
    @Test
    void retentionKeepsCheckpointsSpreadOverTheWholeLog() {
        List<Long> kept = new ArrayList<>();
        int retain = 8;
        for (long seq = 100; seq <= 10_000; seq += 100) {
            kept.add(seq);
            while (kept.size() > retain) {
                kept.remove(Checkpoints.thinnest(kept));
            }
        }
        assertEquals(retain, kept.size());
        assertEquals(10_000L, kept.get(kept.size() - 1), "the newest is always kept");
        long previous = 0;
        for (long s : kept) {
            assertTrue(s - previous <= 2 * 10_000 / retain, "gap before " + s + " in " + kept);
            previous = s;
        }
    }
}
