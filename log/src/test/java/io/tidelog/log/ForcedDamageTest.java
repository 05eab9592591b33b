package io.tidelog.log;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tidelog.schemas.LogEntry;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recovery tells damage to writes that were never forced (a power loss keeps some unforced
 * writes and loses others, out of order: cut and reported) from damage to forced data
 * (refused, naming the file and offset), by the forced-through marks of the frames after the
 * damage. Version 1 segments, whose frames carry no mark, keep version 1's rule.
 */
class ForcedDamageTest {
    private static final String SEGMENT = "00000000000000000001.log";
    private static final int MARK = FrameFormat.Layout.current().headerBytes();

    @TempDir
    Path tmp;

    /** Writes 20 entries, joined one by one in SYNC (each forced before the next is framed) or not at all in NONE. */
    private List<StoredEntry> write(Path dir, SyncMode mode) {
        try (FileLog log = FileLog.open(dir, LogOptions.defaults().withSyncMode(mode))) {
            for (int i = 0; i < 20; i++) {
                var f = log.append(List.of(EventSamples.counted("p", i, "x".repeat(40 + i))), null, null, null);
                if (mode == SyncMode.SYNC || i == 19) {
                    f.join();
                }
            }
            return TestLogs.readAll(log);
        }
    }

    /** Removes the force mark a clean close wrote: the log as a crash before the close left it. */
    private static void cutCloseMark(Path segment) throws IOException {
        try (FileChannel ch = FileChannel.open(segment, StandardOpenOption.WRITE)) {
            ch.truncate(ch.size() - MARK);
        }
    }

    private static void zero(Path file, long from, long to) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.allocate((int) (to - from)), from);
        }
    }

    @Test
    void aHoleInUnforcedWritesFollowedByCompleteFramesIsCutAndReported() throws IOException {
        Path dir = tmp.resolve("none");
        List<StoredEntry> written = write(dir, SyncMode.NONE);
        Path segment = dir.resolve(SEGMENT);
        cutCloseMark(segment);
        long hole = written.get(7).position().offset();
        zero(segment, hole, written.get(9).position().offset());
        long size = Files.size(segment);
        byte[] before = Files.readAllBytes(segment);

        try (ReadableLog reader = FileLog.openReadOnly(dir)) {
            assertEquals(7, reader.lastSequence(), "a reader stops at the hole");
        }
        assertArrayEquals(before, Files.readAllBytes(segment), "a reader changes nothing");
        try (FileLog log = FileLog.open(dir, LogOptions.defaults())) {
            RecoveryReport report = log.recovery();
            assertEquals(7, report.lastSequence());
            assertEquals(hole, report.validBytes());
            assertEquals(size - hole, report.truncatedBytes());
            assertEquals(11, report.discardedFrames(), "entries 10 to 20 were complete, but never forced");
            assertEquals(TestLogs.entries(written.subList(0, 7)), TestLogs.entries(TestLogs.readAll(log)));
            assertEquals(8, log.append(List.of(EventSamples.counted("q", 0, "")), null, null, null).join());
        }
    }

    @Test
    void damageBeforeAFrameThatVouchesForItIsCorruption() throws IOException {
        Path dir = tmp.resolve("sync");
        List<StoredEntry> written = write(dir, SyncMode.SYNC);
        Path segment = dir.resolve(SEGMENT);
        cutCloseMark(segment);
        long damaged = written.get(7).position().offset();
        zero(segment, damaged, written.get(8).position().offset());
        byte[] before = Files.readAllBytes(segment);
        for (boolean readOnly : new boolean[] {false, true}) {
            LogCorruptException e = assertThrows(LogCorruptException.class,
                    () -> (readOnly ? FileLog.openReadOnly(dir) : FileLog.open(dir, LogOptions.defaults())).close());
            assertEquals(segment, e.file());
            assertEquals(damaged, e.offset());
            assertTrue(e.getMessage().contains("entries up to 8 had been forced"), e.getMessage());
        }
        assertArrayEquals(before, Files.readAllBytes(segment), "nothing is truncated");
    }

    @Test
    void theCloseMarkVouchesForEntriesNoFrameVouchedFor() throws IOException {
        Path dir = tmp.resolve("closed");
        List<StoredEntry> written = write(dir, SyncMode.NONE);
        long damaged = written.get(12).position().offset();
        zero(dir.resolve(SEGMENT), damaged + 3, damaged + 5);
        LogCorruptException e = assertThrows(LogCorruptException.class,
                () -> FileLog.open(dir, LogOptions.defaults()).close());
        assertEquals(damaged, e.offset());
    }

    @Test
    void aCloseWithNothingNewWritesNoSecondMark() throws IOException {
        Path dir = tmp.resolve("reopened");
        write(dir, SyncMode.NONE);
        long size = Files.size(dir.resolve(SEGMENT));
        for (int i = 0; i < 3; i++) {
            FileLog.open(dir, LogOptions.defaults()).close();
        }
        assertEquals(size, Files.size(dir.resolve(SEGMENT)));
    }

    @Test
    void versionOneSegmentsAreReadAndTheNextEntryStartsAVersionTwoSegment() throws IOException {
        Path dir = tmp.resolve("v1");
        List<LogEntry> old = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            old.add(new LogEntry((long) i, 1_000_000L * i, i == 3 ? "tx" : null, null,
                    List.of(EventSamples.counted("v1", i, "old"))));
        }
        VersionOneSegments.write(dir, 1, old);
        try (ReadableLog reader = FileLog.openReadOnly(dir)) {
            assertEquals(old, TestLogs.entries(TestLogs.readAll(reader)));
        }
        try (FileLog log = FileLog.open(dir, LogOptions.defaults())) {
            assertEquals(5, log.lastSequence());
            assertEquals(old, TestLogs.entries(TestLogs.readAll(log)));
            assertEquals(6, log.append(List.of(EventSamples.counted("v2", 6, "new")), null, null, null).join());
        }
        Path second = dir.resolve(LogDirectory.baseName(6) + LogDirectory.SEGMENT_SUFFIX);
        try (FileChannel ch = FileChannel.open(second)) {
            ByteBuffer header = ByteBuffer.allocate(6);
            ch.read(header, 0);
            assertEquals(2, header.getShort(4), "new segments are written in format version 2");
        }
        try (ReadableLog reader = FileLog.openReadOnly(dir)) {
            List<StoredEntry> all = TestLogs.readAll(reader);
            TestLogs.assertGapFree(all);
            assertEquals(old, TestLogs.entries(all.subList(0, 5)));
            assertEquals("new", ((io.tidelog.schemas.ItemPut) all.get(5).entry().getEvents().get(0)).getItemJson());
        }
    }

    @Test
    void versionOneRecoveryKeepsItsRule() throws IOException {
        List<LogEntry> old = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            old.add(new LogEntry((long) i, 1_000_000L * i, null, null, List.of(EventSamples.counted("v1", i, "old"))));
        }
        Path middle = tmp.resolve("middle");
        List<Long> offsets = VersionOneSegments.write(middle, 1, old);
        RecoveryTest.flip(middle.resolve(SEGMENT), offsets.get(2) + 12);
        LogCorruptException e = assertThrows(LogCorruptException.class,
                () -> FileLog.open(middle, LogOptions.defaults()).close());
        assertEquals(offsets.get(2), e.offset(), "a version 1 frame vouches for everything before it");

        Path last = tmp.resolve("last");
        VersionOneSegments.write(last, 1, old);
        RecoveryTest.flip(last.resolve(SEGMENT), offsets.get(5) + 12);
        try (FileLog log = FileLog.open(last, LogOptions.defaults())) {
            assertEquals(5, log.lastSequence(), "a damaged last frame is a torn tail");
            assertEquals(offsets.get(5), log.recovery().validBytes());
        }
    }
}
