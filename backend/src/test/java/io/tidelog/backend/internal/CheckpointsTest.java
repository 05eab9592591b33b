package io.tidelog.backend.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tidelog.backend.Durability;
import io.tidelog.backend.ItemRow;
import io.tidelog.backend.ScanParams;
import io.tidelog.backend.StorageBackend;
import io.tidelog.backend.Tidelog;
import io.tidelog.backend.TidelogOptions;
import io.tidelog.log.FileLog;
import io.tidelog.log.LogReader;
import io.tidelog.log.ReadableLog;
import io.tidelog.log.StoredEntry;
import io.tidelog.projections.Views;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointsTest {
    @TempDir
    Path dir;

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

    /**
     * Checkpoints are taken on their own thread while writes go on; each one must be named by
     * exactly the state it holds, or a point-in-time open would replay from the wrong place.
     */
    @Test
    void checkpointsTakenWhileWritingAreNamedByTheSequenceTheyHold() {
        TidelogOptions options = TidelogOptions.builder().durability(Durability.ASYNC)
                .checkpointInterval(40).checkpointRetention(50).build();
        for (int session = 0; session < 4; session++) {
            // each session starts a checkpoint while it goes on writing; its close waits for it
            try (StorageBackend b = Tidelog.open(dir, options)) {
                if (session == 0) {
                    b.createDataTable("t");
                }
                for (int i = 0; i < 500; i++) {
                    b.putItem("t", "k" + (i % 97), "", "{\"i\":" + i + "}", 10);
                }
            }
        }
        List<Long> taken = Checkpoints.list(dir);
        assertTrue(taken.size() >= 4, "checkpoints: " + taken);
        for (long s : taken) {
            try (Views v = Views.openReadOnly(StoreLayout.checkpoints(dir).resolve(Checkpoints.name(s)))) {
                assertEquals(s, v.appliedSequence(), "checkpoint " + s);
            }
        }
        try (Stream<Path> names = Files.list(StoreLayout.checkpoints(dir))) {
            assertTrue(names.allMatch(p -> p.getFileName().toString().matches("\\d{20}")),
                    "a temporary checkpoint was left behind");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * After a power loss in ASYNC the log can end before the newest checkpoint. The sequences
     * after its end go to new entries, so such a checkpoint must not be used to open them.
     */
    @Test
    void checkpointsBeyondTheEndOfTheLogAreDiscardedAtOpen() throws IOException {
        TidelogOptions options = TidelogOptions.builder().durability(Durability.ASYNC)
                .checkpointInterval(10).checkpointRetention(100).build();
        try (StorageBackend b = Tidelog.open(dir, options)) {
            b.createDataTable("t");
        }
        for (int session = 0; session < 6; session++) {
            // a session's close waits for the checkpoint it started: one at least every 10 entries
            try (StorageBackend b = Tidelog.open(dir, options)) {
                for (int i = 0; i < 10; i++) {
                    b.putItem("t", "k" + (session * 10 + i), "", "{\"old\":" + i + "}", 10);
                }
            }
        }
        List<Long> before = Checkpoints.list(dir);
        long newest = before.get(before.size() - 1);
        assertTrue(newest > 30, "checkpoints: " + before);
        // the tail lost: the log now ends at entry 30
        long cut;
        try (ReadableLog log = FileLog.openReadOnly(StoreLayout.log(dir)); LogReader r = log.read(31)) {
            StoredEntry e = r.next();
            assertEquals(31, e.sequence());
            cut = e.position().offset();
        }
        Path segment;
        try (Stream<Path> files = Files.list(StoreLayout.log(dir))) {
            segment = files.filter(p -> p.getFileName().toString().endsWith(".log")).max(Path::compareTo).orElseThrow();
        }
        try (FileChannel ch = FileChannel.open(segment, StandardOpenOption.WRITE)) {
            ch.truncate(cut);
        }
        Map<Long, List<ItemRow>> states = new HashMap<>();
        try (StorageBackend b = Tidelog.open(dir, options)) {
            assertEquals(30, b.lastSequence());
            assertTrue(Checkpoints.list(dir).stream().allMatch(s -> s <= 30), "kept: " + Checkpoints.list(dir));
            for (int i = 0; i < 40; i++) {
                b.putItem("t", "k" + i, "", "{\"new\":" + i + "}", 10);
                states.put(b.lastSequence(), b.scanItems("t", ScanParams.builder().build()));
            }
        }
        for (long s : before) {
            if (s > 30 && states.containsKey(s)) {
                try (StorageBackend at = Tidelog.openAt(dir, s)) {
                    assertEquals(states.get(s), at.scanItems("t", ScanParams.builder().build()), "openAt " + s);
                }
            }
        }
        assertFalse(states.isEmpty());
    }
}
