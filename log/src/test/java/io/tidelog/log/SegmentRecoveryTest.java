package io.tidelog.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tidelog.schemas.LogEntry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Recovery across several segments: headers, continuity, and the indexes of sealed segments. */
class SegmentRecoveryTest {
    @TempDir
    Path tmp;

    private Path original;
    private List<StoredEntry> stored;
    private List<Path> segments;
    private int caseNumber;

    @BeforeEach
    void writeLog() {
        original = tmp.resolve("original");
        try (FileLog log = FileLog.open(original, options())) {
            for (int i = 0; i < 200; i++) {
                log.append(List.of(EventSamples.counted("p", i, "w".repeat(i % 60))), null, null, null);
            }
            log.append(List.of(EventSamples.counted("p", 200, "")), null, null, null).join();
            stored = TestLogs.readAll(log);
        }
        segments = TestLogs.segmentFiles(original);
        assertTrue(segments.size() >= 5, "segments: " + segments.size());
    }

    private static LogOptions options() {
        return LogOptions.defaults().withSyncMode(SyncMode.NONE).withSegmentBytes(2048).withIndexIntervalBytes(256);
    }

    private Path copy() throws IOException {
        return TestLogs.copyLog(original, tmp.resolve("case-" + caseNumber++));
    }

    private List<LogEntry> written() {
        return TestLogs.entries(stored);
    }

    @Test
    void aSealedSegmentWithoutIndexIsReadAndItsIndexRebuilt() throws IOException {
        Path dir = copy();
        Path index = dir.resolve(segments.get(1).getFileName().toString().replace(".log", ".index"));
        Files.delete(index);
        try (ReadableLog log = FileLog.openReadOnly(dir)) {
            assertEquals(written(), TestLogs.entries(TestLogs.readAll(log)));
            long inSecond = stored.stream().filter(s -> s.position().segment() > 1).findFirst().orElseThrow()
                    .sequence() + 3;
            assertEquals(written().get((int) inSecond - 1), TestLogs.readFrom(log, inSecond).get(0).entry());
        }
        assertFalse(Files.exists(index), "a read-only open writes no index");
        try (FileLog log = FileLog.open(dir, options())) {
            assertTrue(log.recovery().indexesRebuilt());
            assertEquals(written(), TestLogs.entries(TestLogs.readAll(log)));
        }
        assertTrue(Files.exists(index));
    }

    @Test
    void aMissingSegmentIsASequenceGap() throws IOException {
        Path dir = copy();
        Files.delete(dir.resolve(segments.get(2).getFileName()));
        Path next = dir.resolve(segments.get(3).getFileName());
        LogCorruptException e = assertThrows(LogCorruptException.class, () -> FileLog.open(dir, options()).close());
        assertEquals(next, e.file());
        assertTrue(e.getMessage().contains("gap"), e.getMessage());
        assertThrows(LogCorruptException.class, () -> FileLog.openReadOnly(dir).close());
    }

    @Test
    void aDamagedFrameAtTheEndOfASealedSegmentIsCorruption() throws IOException {
        Path dir = copy();
        Path first = dir.resolve(segments.get(0).getFileName());
        RecoveryTest.flip(first, Files.size(first) - 3);
        LogCorruptException e = assertThrows(LogCorruptException.class, () -> FileLog.open(dir, options()).close());
        assertEquals(first, e.file());
    }

    @Test
    void aDamagedSegmentHeaderIsCorruption() throws IOException {
        for (int which : new int[] {0, segments.size() - 1}) {
            Path dir = copy();
            Path segment = dir.resolve(segments.get(which).getFileName());
            RecoveryTest.flip(segment, 5);
            LogCorruptException e = assertThrows(LogCorruptException.class, () -> FileLog.open(dir, options()).close());
            assertEquals(segment, e.file());
            assertEquals(0, e.offset());
        }
    }

    @Test
    void aSegmentWhoseCreationWasCutShortIsRemoved() throws IOException {
        long last = stored.size();
        for (int length : new int[] {0, 10, FrameFormat.SEGMENT_HEADER_BYTES}) {
            Path dir = copy();
            Path torn = dir.resolve(LogDirectory.baseName(last + 1) + ".log");
            Files.write(torn, new byte[length]);
            try (ReadableLog log = FileLog.openReadOnly(dir)) {
                assertEquals(last, log.lastSequence());
            }
            assertTrue(Files.exists(torn));
            try (FileLog log = FileLog.open(dir, options())) {
                assertEquals(torn, log.recovery().file());
                assertEquals(length, log.recovery().truncatedBytes());
                assertEquals(last, log.recovery().lastSequence());
                assertEquals(written(), TestLogs.entries(TestLogs.readAll(log)));
                long next = log.append(List.of(EventSamples.counted("q", 1, "")), null, null, null).join();
                assertEquals(last + 1, next);
            }
        }
    }

    @Test
    void leftoverTemporaryFilesAreRemovedByTheWriterOnly() throws IOException {
        Path dir = copy();
        Path leftover = dir.resolve(LogDirectory.baseName(999) + ".log.tmp");
        Files.write(leftover, new byte[7]);
        FileLog.openReadOnly(dir).close();
        assertTrue(Files.exists(leftover));
        FileLog.open(dir, options()).close();
        assertFalse(Files.exists(leftover));
    }

    @Test
    void reopeningManyTimesKeepsEverything() {
        Path dir = original;
        long expected = stored.size();
        for (int round = 0; round < 5; round++) {
            try (FileLog log = FileLog.open(dir, options())) {
                assertFalse(log.recovery().truncated());
                assertEquals(expected, log.lastSequence());
                for (int i = 0; i < 20; i++) {
                    log.append(List.of(EventSamples.counted("r" + round, i, "z".repeat(i))), null, null, null);
                }
                expected += 20;
                long next = log.append(List.of(EventSamples.counted("r", 0, "")), null, null, null).join();
                assertEquals(expected + 1, next);
                expected++;
            }
        }
        try (ReadableLog log = FileLog.openReadOnly(dir)) {
            List<StoredEntry> all = TestLogs.readAll(log);
            assertEquals(expected, all.size());
            TestLogs.assertGapFree(all);
        }
    }
}
