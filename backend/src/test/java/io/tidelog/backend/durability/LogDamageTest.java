package io.tidelog.backend.durability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tidelog.backend.BackendException;
import io.tidelog.backend.BackendException.Kind;
import io.tidelog.backend.StorageBackend;
import io.tidelog.backend.Tidelog;
import io.tidelog.backend.TidelogOptions;
import io.tidelog.backend.audit.AuditHistory;
import io.tidelog.backend.audit.AuditQuery;
import io.tidelog.backend.audit.ChangeStream;
import io.tidelog.backend.internal.Progress;
import io.tidelog.backend.internal.Rebuild;
import io.tidelog.backend.internal.Restore;
import io.tidelog.backend.internal.Store;
import io.tidelog.backend.internal.StoreLayout;
import io.tidelog.backend.internal.Verify;
import io.tidelog.log.Disk;
import io.tidelog.log.FileLog;
import io.tidelog.log.LogReader;
import io.tidelog.log.ReadableLog;
import io.tidelog.log.StoredEntry;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A flipped byte in the middle of a sealed segment, where opening does not read: the views go on
 * answering, every read that touches the damaged frame says so with {@code NOT_A_DATABASE}
 * naming the file and offset, whatever reads it (stream records, point-in-time opens, audit
 * history, change streams, restore, rebuild), and everything before the damage stays readable.
 * {@code verify} finds it.
 */
class LogDamageTest {
    private static final int ENTRIES = 400;

    @TempDir
    Path tmp;

    private Path dir;
    private long damaged;
    private String segmentName;
    private long offset;

    @BeforeEach
    void damageASealedSegment() throws IOException {
        dir = tmp.resolve("store");
        try (StorageBackend store = Store.open(dir, TidelogOptions.defaults(), Disk.system(), 32 << 10)) {
            store.createDataTable("T");
            for (int i = 1; i < ENTRIES; i++) {
                store.insertStreamRecord("T", "INSERT", "{\"k\":" + i + "}", "{\"pad\":\"" + "p".repeat(200) + "\"}",
                        null, Integer.toString(i), "shard-1", 1000 + i);
            }
        }
        List<StoredEntry> entries = new ArrayList<>();
        try (ReadableLog log = FileLog.openReadOnly(StoreLayout.log(dir)); LogReader r = log.read(1)) {
            r.forEachRemaining(entries::add);
        }
        long secondSegment = entries.stream().map(e -> e.position().segment()).distinct().skip(1).findFirst()
                .orElseThrow();
        StoredEntry victim = entries.stream().filter(e -> e.position().segment() == secondSegment).skip(10)
                .findFirst().orElseThrow();
        damaged = victim.sequence();
        offset = victim.position().offset();
        segmentName = String.format("%020d.log", secondSegment);
        Path segment = StoreLayout.log(dir).resolve(segmentName);
        try (FileChannel ch = FileChannel.open(segment, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer b = ByteBuffer.allocate(1);
            ch.read(b, offset + 40);
            b.put(0, (byte) (b.get(0) ^ 0x10));
            ch.write(b.flip(), offset + 40);
        }
    }

    private void assertDamage(BackendException e) {
        assertEquals(Kind.NOT_A_DATABASE, e.kind(), e.toString());
        assertTrue(e.getMessage().contains(segmentName) && e.getMessage().contains("byte " + offset), e.getMessage());
    }

    @Test
    void theLiveStoreAnswersFromItsViewsAndReadsOfTheDamagedFrameSaySo() {
        try (StorageBackend store = Tidelog.open(dir)) {
            assertEquals(ENTRIES, store.lastSequence(), "the store opens and its views answer");
            assertEquals(5, store.getStreamRecords("T", "shard-1", 0, 5).size(), "records before the damage");
            assertDamage(assertThrows(BackendException.class,
                    () -> store.getStreamRecords("T", "shard-1", 0, ENTRIES)));
            store.putItem("T", "after", "", "{}", 2);
            assertEquals(Optional.of("{}"), store.getItem("T", "after", ""), "the log's tail is sound");
        }
    }

    @Test
    void pointInTimeOpensBeforeTheDamageWorkAndAfterItSaySo() {
        try (StorageBackend before = Tidelog.openAt(dir, damaged - 1)) {
            assertEquals(damaged - 1, before.lastSequence());
            assertEquals(damaged - 2, before.getStreamRecords("T", "shard-1", 0, ENTRIES).size());
        }
        assertDamage(assertThrows(BackendException.class, () -> Tidelog.openAt(dir, damaged).close()));
        assertDamage(assertThrows(BackendException.class, () -> Tidelog.openAt(dir, ENTRIES).close()));
    }

    @Test
    void auditHistoryAndChangeStreamsSaySo() throws Exception {
        try (AuditHistory history = AuditHistory.open(dir)) {
            assertEquals(damaged - 1, history.list(AuditQuery.all().withAll(true).to(damaged - 1)).size());
            assertDamage(assertThrows(BackendException.class, () -> history.list(AuditQuery.all())));
        }
        try (ChangeStream stream = ChangeStream.open(dir, "T", ChangeStream.Start.trimHorizon())) {
            for (long s = 2; s < damaged; s++) {
                assertTrue(stream.poll(Duration.ofSeconds(5)).isPresent(), "record of entry " + s);
            }
            assertDamage(assertThrows(BackendException.class, () -> stream.poll(Duration.ofSeconds(5))));
        }
    }

    @Test
    void verifyFindsItAndRebuildAndRestoreSaySo() {
        Verify.Report report = Verify.run(dir, 5, Progress.NONE);
        assertFalse(report.ok());
        assertTrue(report.log().problems().stream().anyMatch(p -> p.contains(segmentName) && p.contains("@" + offset)),
                report.log().problems().toString());
        assertDamage(assertThrows(BackendException.class, () -> Rebuild.rebuildStore(dir, Progress.NONE)));
        Restore.restore(dir, damaged - 1, tmp.resolve("before"), Progress.NONE);
        try (StorageBackend restored = Tidelog.open(tmp.resolve("before"))) {
            assertEquals(damaged - 1, restored.lastSequence());
        }
        assertDamage(assertThrows(BackendException.class,
                () -> Restore.restore(dir, damaged, tmp.resolve("after"), Progress.NONE)));
    }
}
