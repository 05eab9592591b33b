package io.tidelog.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tidelog.schemas.LogEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Retention's part in the log: whole segments dropped from its start, and the log then starting later. */
class SegmentDropTest {
    @TempDir
    Path dir;

    private static LogOptions options() {
        return LogOptions.defaults().withSyncMode(SyncMode.NONE).withSegmentBytes(2048).withIndexIntervalBytes(256);
    }

    private static void write(FileLog log, int from, int to) {
        for (int i = from; i < to; i++) {
            log.append(List.of(EventSamples.counted("p", i, "w".repeat(i % 60))), null, null, null).join();
        }
    }

    @Test
    void droppedSegmentsAreGoneAndTheLogStartsAtTheKeptOne() {
        List<LogEntry> all;
        long keptBase;
        try (FileLog log = FileLog.open(dir, options())) {
            write(log, 0, 200);
            all = TestLogs.entries(TestLogs.readAll(log));
            List<SegmentSpan> spans = log.segments();
            assertTrue(spans.size() >= 5, "segments: " + spans);
            assertEquals(1, spans.get(0).base());
            for (int i = 1; i < spans.size(); i++) {
                assertEquals(spans.get(i - 1).lastSequence() + 1, spans.get(i).base(), "contiguous: " + spans);
                assertTrue(spans.get(i - 1).bytes() > FrameFormat.SEGMENT_HEADER_BYTES);
            }
            keptBase = spans.get(3).base();
            assertEquals(3, log.dropSegmentsBefore(keptBase));
            assertEquals(keptBase, log.firstSequence());
            assertEquals(keptBase, log.segments().get(0).base());
            assertEquals(all.subList((int) keptBase - 1, all.size()), TestLogs.entries(TestLogs.readAll(log)),
                    "a read from 1 starts at the first entry kept");
            assertEquals(0, log.dropSegmentsBefore(keptBase), "nothing more before it");
            // appends go on after a drop
            write(log, 200, 230);
            assertEquals(230, log.lastSequence());
        }
        for (long base = 1; base < keptBase; base++) {
            assertFalse(Files.exists(dir.resolve(LogDirectory.baseName(base) + ".log")));
            assertFalse(Files.exists(dir.resolve(LogDirectory.baseName(base) + ".index")));
        }
        try (FileLog log = FileLog.open(dir, options())) {
            assertEquals(keptBase, log.firstSequence());
            assertEquals(230, log.lastSequence());
            List<StoredEntry> read = TestLogs.readAll(log);
            assertEquals(keptBase, read.get(0).sequence());
            assertEquals(all.subList((int) keptBase - 1, all.size()), TestLogs.entries(read).subList(0, all.size()
                    - (int) keptBase + 1));
        }
        try (ReadableLog log = FileLog.openReadOnly(dir)) {
            assertEquals(keptBase, log.firstSequence());
            assertEquals(keptBase, TestLogs.readAll(log).get(0).sequence());
            assertEquals(keptBase, log.seekByTime(Instant.EPOCH), "the oldest entry the log still holds");
        }
    }

    @Test
    void theSegmentAppendedToIsNeverDroppedAndABaseMustBeASegment() {
        try (FileLog log = FileLog.open(dir, options())) {
            write(log, 0, 100);
            List<SegmentSpan> spans = log.segments();
            SegmentSpan last = spans.get(spans.size() - 1);
            assertThrows(IllegalArgumentException.class, () -> log.dropSegmentsBefore(last.base() + 1));
            assertEquals(spans, log.segments(), "a refused drop changes nothing");
            assertEquals(spans.size() - 1, log.dropSegmentsBefore(last.base()));
            assertEquals(List.of(log.segments().get(0)), log.segments());
            write(log, 100, 200);
            assertEquals(last.base(), TestLogs.readAll(log).get(0).sequence());
        }
    }

    /**
     * A drop cut short by a crash: the oldest segment is gone, and of the second only its index
     * (the index goes first). The log opens from the second segment, whole and gap-free.
     */
    @Test
    void aLogMissingItsOldestSegmentsOpensFromTheNextOne() throws Exception {
        long second;
        try (FileLog log = FileLog.open(dir, options())) {
            write(log, 0, 120);
            second = log.segments().get(1).base();
        }
        LogDirectory directory = new LogDirectory(dir, Disk.system());
        directory.deleteSegment(1);
        Files.delete(directory.indexPath(second));
        try (FileLog log = FileLog.open(dir, options())) {
            assertEquals(second, log.firstSequence());
            assertTrue(log.recovery().indexesRebuilt());
            List<StoredEntry> read = TestLogs.readAll(log);
            for (int i = 0; i < read.size(); i++) {
                assertEquals(second + i, read.get(i).sequence());
            }
            assertEquals(120, read.get(read.size() - 1).sequence());
        }
    }
}
