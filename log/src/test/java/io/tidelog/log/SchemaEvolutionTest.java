package io.tidelog.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tidelog.schemas.ItemDeleted;
import io.tidelog.schemas.ItemPut;
import io.tidelog.schemas.LogEntry;
import io.tidelog.schemas.StreamEnabled;
import io.tidelog.schemas.TableMetadataDeleted;
import io.tidelog.schemas.TtlConfigUpdated;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Entries written with an older envelope schema stay readable with the current classes. */
class SchemaEvolutionTest {
    private static final long T0 = Instant.parse("2024-05-01T00:00:00Z").toEpochMilli() * 1000;

    @TempDir
    Path dir;

    static String fixture() throws IOException {
        try (InputStream in = SchemaEvolutionTest.class.getResourceAsStream("LogEntry-v0.avsc")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * Writes a segment starting at {@code base} the way an older writer would have, with
     * {@code schema}, in segment format version 1.
     */
    static void writeOldSegment(Path dir, Schema schema, long base, List<GenericRecord> entries) throws IOException {
        GenericDatumWriter<GenericRecord> writer = new GenericDatumWriter<>(schema);
        List<byte[]> payloads = new ArrayList<>();
        for (GenericRecord entry : entries) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
            writer.write(entry, encoder);
            encoder.flush();
            payloads.add(bytes.toByteArray());
        }
        VersionOneSegments.write(dir, schema, base, payloads);
    }

    private static List<GenericRecord> oldEntries(Schema schema) {
        Schema events = schema.getField("events").schema();
        Schema union = events.getElementType();
        GenericRecord put = new GenericData.Record(union.getTypes().get(2));
        put.put("tableName", "orders");
        put.put("storeId", 7L);
        put.put("pk", "o-1");
        put.put("sk", "");
        put.put("itemJson", "{\"total\":12}");
        put.put("itemSize", 12);
        put.put("hashPrefix", "");
        GenericRecord ttl = new GenericData.Record(union.getTypes().get(1));
        ttl.put("tableName", "orders");
        ttl.put("enabled", true);
        GenericRecord dropped = new GenericData.Record(union.getTypes().get(0));
        dropped.put("tableName", "old-orders");
        GenericRecord deleted = new GenericData.Record(union.getTypes().get(3));
        deleted.put("tableName", "orders");
        deleted.put("storeId", 7L);
        deleted.put("pk", "o-1");
        deleted.put("sk", "");
        return List.of(
                envelope(schema, 1, T0, null, new GenericData.Array<>(events, List.of(put))),
                envelope(schema, 2, T0 + 5, "tx-2", new GenericData.Array<>(events, List.of(ttl, dropped))),
                envelope(schema, 3, T0 + 9, null, new GenericData.Array<>(events, List.of(deleted))));
    }

    private static GenericRecord envelope(Schema schema, long seq, long time, String tx, List<GenericRecord> events) {
        GenericRecord r = new GenericData.Record(schema);
        r.put("sequence", seq);
        r.put("timeMicros", time);
        r.put("transactionId", tx);
        r.put("events", events);
        return r;
    }

    private static void assertOldEntries(List<StoredEntry> stored) {
        LogEntry first = stored.get(0).entry();
        assertEquals(1, first.getSequence());
        assertEquals(T0, first.getTimeMicros());
        assertNull(first.getIdentity(), "a field the old envelope lacked takes its default");
        assertEquals(List.of(new ItemPut("orders", 7L, "o-1", "", "{\"total\":12}", 12, "")), first.getEvents());
        LogEntry second = stored.get(1).entry();
        assertEquals("tx-2", second.getTransactionId());
        assertEquals(List.of(new TtlConfigUpdated("orders", null, true), new TableMetadataDeleted("old-orders")),
                second.getEvents());
        assertEquals(List.of(new ItemDeleted("orders", 7L, "o-1", "")), stored.get(2).entry().getEvents());
    }

    @Test
    void entriesOfAnOlderSchemaAreResolvedToTheCurrentClasses() throws IOException {
        Schema old = new Schema.Parser().parse(fixture());
        assertNotEquals(EntryCodec.current().fingerprint(), EntryCodec.fingerprint(old));
        writeOldSegment(dir, old, 1, oldEntries(old));

        try (ReadableLog log = FileLog.openReadOnly(dir)) {
            List<StoredEntry> stored = TestLogs.readAll(log);
            assertEquals(3, stored.size());
            assertOldEntries(stored);
            assertEquals(2, log.seekByTime(Instant.EPOCH.plusNanos((T0 + 1) * 1000)));
        }

        StreamEnabled newer = new StreamEnabled("orders", "NEW_IMAGE", "2024-06");
        try (FileLog log = FileLog.open(dir, LogOptions.defaults())) {
            assertEquals(3, log.lastSequence());
            assertEquals(4, log.append(List.of(newer), null, "alice", null).join());
            assertEquals(List.of("00000000000000000001.log", "00000000000000000004.log"),
                    TestLogs.segmentFiles(dir).stream().map(p -> p.getFileName().toString()).toList(),
                    "a segment holds entries of one writer schema");
        }
        try (Stream<Path> schemas = Files.list(dir.resolve("schemas"))) {
            assertEquals(2, schemas.count());
        }
        for (int round = 0; round < 2; round++) {
            try (ReadableLog log = round == 0 ? FileLog.openReadOnly(dir) : FileLog.open(dir, LogOptions.defaults())) {
                List<StoredEntry> stored = TestLogs.readAll(log);
                assertEquals(4, stored.size());
                assertOldEntries(stored);
                assertEquals(List.of(newer), stored.get(3).entry().getEvents());
                assertEquals("alice", stored.get(3).entry().getIdentity());
                assertTrue(stored.get(3).entry().getTimeMicros() >= T0 + 9);
            }
        }
    }

    @Test
    void anEmptyLastSegmentOfAnOlderSchemaIsReplacedAndFollowed() throws Exception {
        Schema old = new Schema.Parser().parse(fixture());
        writeOldSegment(dir, old, 1, oldEntries(old));
        writeOldSegment(dir, old, 4, List.of());
        try (ReadableLog reader = FileLog.openReadOnly(dir); LogTailer tailer = reader.tail(1)) {
            for (int i = 0; i < 3; i++) {
                tailer.next(Duration.ZERO).orElseThrow();
            }
            try (FileLog log = FileLog.open(dir, LogOptions.defaults())) {
                assertEquals(2, TestLogs.segmentFiles(dir).size());
                log.append(List.of(new TableMetadataDeleted("x")), null, null, null).join();
                StoredEntry fourth = tailer.next(Duration.ofSeconds(5)).orElseThrow();
                assertEquals(List.of(new TableMetadataDeleted("x")), fourth.entry().getEvents());
            }
        }
    }

    @Test
    void aSchemaTheCurrentOneCannotReadIsRefusedWhenOpening() throws IOException {
        String changed = fixture().replace("{\"name\": \"enabled\", \"type\": \"boolean\"}",
                "{\"name\": \"enabled\", \"type\": \"string\"}");
        Schema incompatible = new Schema.Parser().parse(changed);
        writeOldSegment(dir, incompatible, 1, List.of());
        LogException e = assertThrows(LogException.class, () -> FileLog.openReadOnly(dir));
        assertFalse(e instanceof LogCorruptException);
        assertTrue(e.getMessage().contains("00000000000000000001.log"), e.getMessage());
        assertTrue(e.getMessage().contains("cannot read"), e.getMessage());
        assertThrows(LogException.class, () -> FileLog.open(dir, LogOptions.defaults()));
    }

    @Test
    void aSchemaMustStartWithSequenceAndTime() {
        Schema reordered = new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"LogEntry\",\"namespace\":"
                + "\"io.tidelog.schemas\",\"fields\":[{\"name\":\"timeMicros\",\"type\":\"long\"},"
                + "{\"name\":\"sequence\",\"type\":\"long\"}]}");
        assertThrows(LogException.class, () -> new SchemaStore(dir, EntryCodec.current())
                .register(reordered, new LogDirectory(dir, Disk.system())));
    }
}
