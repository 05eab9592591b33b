package io.tidelog.log;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tidelog.schemas.LogEntry;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecoveryTest {
    private static final String SEGMENT = "00000000000000000001.log";

    @TempDir
    Path tmp;

    private static final int MARK = FrameFormat.Layout.current().headerBytes();

    private Path original;
    private List<LogEntry> written;
    private List<Long> frameStarts;
    private long segmentSize;
    /** Where the last entry's frame ends: the close's force mark follows. */
    private long entriesEnd;
    private int caseNumber;

    /**
     * A one-segment log of 31 entries of different sizes, with an index entry every ~100 bytes.
     * The last three are small, to keep the cases of cutting them at every byte few.
     */
    @BeforeEach
    void writeLog() throws IOException {
        original = tmp.resolve("original");
        try (FileLog log = FileLog.open(original, options())) {
            for (int i = 0; i < 28; i++) {
                log.append(List.of(EventSamples.counted("p", i, "v".repeat(20 + (i * 37) % 90))), "tx" + i, null, null);
            }
            for (String last : List.of("abc", "", "z")) {
                log.append(List.of(EventSamples.counted("p", 30, last)), null, null, null).join();
            }
            List<StoredEntry> stored = TestLogs.readAll(log);
            written = TestLogs.entries(stored);
            frameStarts = stored.stream().map(s -> s.position().offset()).toList();
        }
        segmentSize = Files.size(original.resolve(SEGMENT));
        entriesEnd = segmentSize - MARK;
        assertEquals(0, readInt(original.resolve(SEGMENT), entriesEnd), "a clean close ends with a force mark");
    }

    private static LogOptions options() {
        return LogOptions.defaults().withSyncMode(SyncMode.NONE).withIndexIntervalBytes(100).withRingSize(64);
    }

    private Path copy() throws IOException {
        return TestLogs.copyLog(original, tmp.resolve("case-" + caseNumber++));
    }

    private long frameEnd(int i) {
        return i + 1 < frameStarts.size() ? frameStarts.get(i + 1) : entriesEnd;
    }

    @Test
    void tornTailAtEveryByteOfTheLastFrames() throws IOException {
        int n = written.size();
        for (int f = n - 3; f < n; f++) {
            for (long cut = frameStarts.get(f); cut < frameEnd(f); cut++) {
                Path dir = copy();
                truncate(dir.resolve(SEGMENT), cut);
                try (FileLog log = FileLog.open(dir, options())) {
                    RecoveryReport report = log.recovery();
                    String at = "frame " + f + " cut at " + cut;
                    assertEquals(dir.resolve(SEGMENT), report.file(), at);
                    assertEquals(frameStarts.get(f), report.validBytes(), at);
                    assertEquals(cut - frameStarts.get(f), report.truncatedBytes(), at);
                    assertEquals(f, report.lastSequence(), at);
                    assertEquals(written.subList(0, f), TestLogs.entries(TestLogs.readAll(log)), at);
                    long next = log.append(List.of(EventSamples.counted("q", 0, "after")), null, null, null).join();
                    assertEquals(f + 1, next, at);
                }
                assertEquals(frameStarts.get(f) + frameLength(dir, f) + MARK, Files.size(dir.resolve(SEGMENT)));
                deleteTree(dir);
            }
        }
    }

    private long frameLength(Path dir, int f) throws IOException {
        return MARK + (readInt(dir.resolve(SEGMENT), frameStarts.get(f)) & 0xFFFFFFFFL);
    }

    private static int readInt(Path file, long offset) throws IOException {
        try (FileChannel ch = FileChannel.open(file)) {
            ByteBuffer b = ByteBuffer.allocate(4);
            ch.read(b, offset);
            return b.flip().getInt();
        }
    }

    @Test
    void readOnlyOpenReadsUpToTheTornTailAndChangesNothing() throws IOException {
        int n = written.size();
        Path dir = copy();
        long cut = frameStarts.get(n - 1) + 5;
        truncate(dir.resolve(SEGMENT), cut);
        Files.delete(dir.resolve("00000000000000000001.index"));
        Files.write(dir.resolve("00000000000000000002.log.tmp"), new byte[3]);
        Map<Path, String> before = snapshot(dir);
        try (ReadableLog log = FileLog.openReadOnly(dir)) {
            assertEquals(n - 1, log.lastSequence());
            assertEquals(written.subList(0, n - 1), TestLogs.entries(TestLogs.readAll(log)));
            assertEquals(written.get(n - 2), TestLogs.readFrom(log, n - 1).get(0).entry());
            assertEquals(n, log.seekByTime(Instant.MAX));
        }
        assertEquals(before, snapshot(dir), "a read-only open changes no file");
        assertFalse(Files.exists(dir.resolve(DirectoryLock.FILE_NAME)), "a read-only open takes no lock");
    }

    /** Every file under {@code dir} with its size and content hash. */
    private static Map<Path, String> snapshot(Path dir) throws IOException {
        Map<Path, String> files = new TreeMap<>();
        try (var all = Files.walk(dir)) {
            for (Path f : all.filter(Files::isRegularFile).toList()) {
                byte[] bytes = Files.readAllBytes(f);
                files.put(dir.relativize(f), bytes.length + ":" + Arrays.hashCode(bytes));
            }
        }
        return files;
    }

    @Test
    void garbageFromARandomOffsetToTheEnd() throws IOException {
        Random random = new Random(42);
        for (int round = 0; round < 25; round++) {
            Path dir = copy();
            int header = FrameFormat.SEGMENT_HEADER_BYTES;
            long offset = header + random.nextInt((int) segmentSize - header);
            byte[] garbage = new byte[(int) (segmentSize - offset) + random.nextInt(3000)];
            random.nextBytes(garbage);
            try (FileChannel ch = FileChannel.open(dir.resolve(SEGMENT), StandardOpenOption.WRITE)) {
                ch.write(ByteBuffer.wrap(garbage), offset);
            }
            int intact = 0;
            while (intact < written.size() && frameEnd(intact) <= offset) {
                intact++;
            }
            try (FileLog log = FileLog.open(dir, options())) {
                String at = "garbage from " + offset;
                assertEquals(written.subList(0, intact), TestLogs.entries(TestLogs.readAll(log)), at);
                long valid = intact == 0 ? FrameFormat.SEGMENT_HEADER_BYTES : frameEnd(intact - 1);
                assertEquals(valid, log.recovery().validBytes(), at);
                assertEquals(offset + garbage.length - valid, log.recovery().truncatedBytes(), at);
                long next = log.append(List.of(EventSamples.counted("q", 0, "after")), null, null, null).join();
                assertEquals(intact + 1, next, at);
            }
            deleteTree(dir);
        }
    }

    @Test
    void aFlippedByteWithValidFramesAfterItIsCorruption() throws IOException {
        int k = written.size() / 2;
        long at = frameStarts.get(k) + 12;
        for (boolean readOnly : new boolean[] {false, true}) {
            Path dir = copy();
            Path segment = dir.resolve(SEGMENT);
            flip(segment, at);
            byte[] before = Files.readAllBytes(segment);
            LogCorruptException e = assertThrows(LogCorruptException.class,
                    () -> (readOnly ? FileLog.openReadOnly(dir) : FileLog.open(dir, options())).close());
            assertTrue(e.getMessage().contains(SEGMENT), e.getMessage());
            assertTrue(e.getMessage().contains(Long.toString(frameStarts.get(k))), e.getMessage());
            assertEquals(frameStarts.get(k), e.offset());
            assertEquals(segment, e.file());
            assertArrayEquals(before, Files.readAllBytes(segment), "nothing is truncated");
        }
    }

    @Test
    void aDamagedLengthWithValidFramesAfterItIsCorruption() throws IOException {
        int k = written.size() / 3;
        for (int length : new int[] {0x7FFF_FFFF, (int) segmentSize, 1}) {
            Path dir = copy();
            try (FileChannel ch = FileChannel.open(dir.resolve(SEGMENT), StandardOpenOption.WRITE)) {
                ch.write(ByteBuffer.allocate(4).putInt(0, length), frameStarts.get(k));
            }
            LogCorruptException e = assertThrows(LogCorruptException.class, () -> FileLog.open(dir, options()).close());
            assertEquals(frameStarts.get(k), e.offset(), "length " + length);
        }
    }

    @Test
    void aFlippedByteInTheLastFrameIsATornTailUnlessACloseVouchedForIt() throws IOException {
        int last = written.size() - 1;
        Path closed = copy();
        flip(closed.resolve(SEGMENT), frameStarts.get(last) + 20);
        LogCorruptException e = assertThrows(LogCorruptException.class, () -> FileLog.open(closed, options()).close());
        assertEquals(frameStarts.get(last), e.offset(), "the close's force mark vouches for the last frame");

        Path crashed = copy();
        truncate(crashed.resolve(SEGMENT), entriesEnd);
        flip(crashed.resolve(SEGMENT), frameStarts.get(last) + 20);
        try (FileLog log = FileLog.open(crashed, options())) {
            assertEquals(last, log.lastSequence());
            assertEquals(entriesEnd - frameStarts.get(last), log.recovery().truncatedBytes());
            assertEquals(0, log.recovery().discardedFrames());
        }
    }

    @Test
    void aMissingOrStaleIndexIsRebuilt() throws IOException {
        Path index = original.resolve("00000000000000000001.index");
        byte[] good = Files.readAllBytes(index);
        assertTrue(good.length > SegmentIndex.HEADER_BYTES + 5 * SegmentIndex.ENTRY_BYTES, "the test log has an index");

        Path missing = copy();
        Files.delete(missing.resolve(index.getFileName()));
        Path stale = copy();
        byte[] wrong = good.clone();
        wrong[wrong.length - 17] ^= 1; // the last entry's sequence
        Files.write(stale.resolve(index.getFileName()), wrong);
        Path torn = copy();
        Files.write(torn.resolve(index.getFileName()), Arrays.copyOf(good, good.length - 5));

        for (Path dir : List.of(missing, stale, torn)) {
            try (ReadableLog log = FileLog.openReadOnly(dir)) {
                assertEquals(written, TestLogs.entries(TestLogs.readAll(log)));
                assertEquals(written.get(20), TestLogs.readFrom(log, 21).get(0).entry());
            }
            try (FileLog log = FileLog.open(dir, options())) {
                assertTrue(log.recovery().indexesRebuilt(), dir.toString());
                assertFalse(log.recovery().truncated());
                assertEquals(written.get(20), TestLogs.readFrom(log, 21).get(0).entry());
            }
            assertArrayEquals(good, Files.readAllBytes(dir.resolve(index.getFileName())));
        }
        try (FileLog log = FileLog.open(missing, options())) {
            assertFalse(log.recovery().indexesRebuilt(), "the rebuilt index is kept");
        }
    }

    private static void truncate(Path file, long size) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.truncate(size);
        }
    }

    static void flip(Path file, long offset) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer b = ByteBuffer.allocate(1);
            ch.read(b, offset);
            b.put(0, (byte) (b.get(0) ^ 0x40));
            ch.write(b.rewind(), offset);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        List<Path> all = new ArrayList<>();
        try (var files = Files.walk(dir)) {
            files.forEach(all::add);
        }
        for (int i = all.size() - 1; i >= 0; i--) {
            Files.delete(all.get(i));
        }
    }
}
