package io.tidelog.backend.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tidelog.backend.BackendException;
import io.tidelog.backend.Durability;
import io.tidelog.backend.Retention;
import io.tidelog.backend.StorageBackend;
import io.tidelog.backend.Tidelog;
import io.tidelog.backend.TidelogOptions;
import io.tidelog.log.LogPosition;
import io.tidelog.schemas.StreamRecordInserted;
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

/** The files retention writes: the stream archive and the horizon record, whole and damaged, and how a store that does not join up is refused. */
class BaseFilesTest {
    @TempDir
    Path dir;

    private static StreamRecordInserted record(int i) {
        return new StreamRecordInserted("t" + (i % 2), "s" + (i % 3), "MODIFY", "{\"k\":" + i + "}",
                i % 2 == 0 ? null : "{\"new\":" + i + "}", "{\"old\":" + i + "}", Integer.toString(i), 1000L + i,
                i % 5 == 0 ? null : "id-" + i);
    }

    @Test
    void archivedRecordsAreFoundByPositionAndDamageIsReported() throws IOException {
        List<StreamArchive.Kept> kept = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            kept.add(new StreamArchive.Kept(32 + 100L * (i / 2), i % 2, 1000 + i / 2, record(i)));
        }
        StreamArchive.write(dir, 77, kept);
        try (StreamArchive.Reader r = new StreamArchive.Reader(dir)) {
            for (StreamArchive.Kept k : kept) {
                assertEquals(k.record(), r.find(new LogPosition(77, k.frameOffset()), k.eventIndex(), k.logSequence()));
            }
            assertNull(r.find(new LogPosition(77, 33), 0, 1000), "no record at that offset");
            assertNull(r.find(new LogPosition(77, 32), 5, 1000), "no record at that event index");
            assertNull(r.find(new LogPosition(78, 32), 0, 1000), "no archive for that segment");
            BackendException wrong = assertThrows(BackendException.class,
                    () -> r.find(new LogPosition(77, 32), 0, 999));
            assertTrue(wrong.getMessage().contains("belongs to log sequence 1000"), wrong.getMessage());
        }
        Path file = StreamArchive.file(dir, 77);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long at = ch.size() - 3;
            ByteBuffer b = ByteBuffer.allocate(1);
            ch.read(b, at);
            ch.write(ByteBuffer.wrap(new byte[] {(byte) (b.get(0) ^ 0x40)}), at);
        }
        StreamArchive.Kept lastKept = kept.get(kept.size() - 1);
        try (StreamArchive.Reader r = new StreamArchive.Reader(dir)) {
            BackendException e = assertThrows(BackendException.class, () -> r.find(
                    new LogPosition(77, lastKept.frameOffset()), lastKept.eventIndex(), lastKept.logSequence()));
            assertEquals(BackendException.Kind.IO, e.kind());
            assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("checksum"), e.getMessage());
            assertEquals(kept.get(0).record(), r.find(new LogPosition(77, 32), 0, 1000), "the rest stays readable");
        }
    }

    private void trimmedStore() {
        try (StorageBackend b = Tidelog.open(dir, TidelogOptions.builder().durability(Durability.NONE)
                .logSegmentBytes(2048).build())) {
            b.createDataTable("t");
            for (int i = 0; i < 200; i++) {
                b.putItem("t", "S:k" + i, "", "{\"i\":" + i + "}", 8);
            }
            assertEquals(150, Retention.of(b).compactBefore(150).sequence());
        }
    }

    @Test
    void aDamagedHorizonRecordMakesTheStoreUnreadable() throws IOException {
        trimmedStore();
        assertEquals(new HorizonRecord(150, HorizonRecord.read(dir).timeMicros()), HorizonRecord.read(dir));
        Path file = BaseDirectory.dir(dir).resolve(HorizonRecord.FILE);
        byte[] bytes = Files.readAllBytes(file);
        bytes[12] ^= 1;
        Files.write(file, bytes);
        for (Runnable open : List.<Runnable>of(() -> Tidelog.open(dir).close(), () -> Tidelog.openAt(dir, 180).close())) {
            BackendException e = assertThrows(BackendException.class, open::run);
            assertEquals(BackendException.Kind.NOT_A_DATABASE, e.kind());
            assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        }
    }

    @Test
    void aLogThatDoesNotContinueItsBaseIsRefused() throws IOException {
        trimmedStore();
        // the base goes missing: the log starts after entry 1 with nothing before it
        StoreLayout.deleteRecursively(BaseDirectory.dir(dir));
        BackendException e = assertThrows(BackendException.class, () -> Tidelog.open(dir).close());
        assertEquals(BackendException.Kind.NOT_A_DATABASE, e.kind());
        assertTrue(e.getMessage().contains("keeps no base"), e.getMessage());
    }

    @Test
    void aBaseThatEndsBeforeTheLogStartsIsRefused() {
        trimmedStore();
        // as if the record had been rolled back to an older horizon than the segments dropped
        new HorizonRecord(3, HorizonRecord.read(dir).timeMicros()).write(dir);
        BackendException e = assertThrows(BackendException.class, () -> Tidelog.open(dir).close());
        assertEquals(BackendException.Kind.NOT_A_DATABASE, e.kind());
        assertTrue(e.getMessage().contains("are missing"), e.getMessage());
    }
}
