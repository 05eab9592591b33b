package io.tidelog.log;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tidelog.schemas.ItemDeleted;
import io.tidelog.schemas.LogEntry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.apache.avro.SchemaNormalization;
import org.junit.jupiter.api.Test;

class EntryCodecTest {
    private final EntryCodec codec = EntryCodec.current();

    @Test
    void theHeadFollowedByPreEncodedEventsIsTheAvroEncodingOfTheEnvelope() throws IOException {
        long[][] stamps = {{1, 0}, {2, 1_700_000_000_123_456L}, {Long.MAX_VALUE, -5}, {300, Long.MIN_VALUE + 1}};
        String[][] strings = {{null, null}, {"tx", null}, {null, "ïdentity"}, {"", "x".repeat(300)}};
        for (int i = 0; i < stamps.length; i++) {
            List<Object> events = i == 0 ? List.of() : EventSamples.all(i);
            LogEntry entry = new LogEntry(stamps[i][0], stamps[i][1], strings[i][0], strings[i][1], events);
            ByteArrayOutputStream split = new ByteArrayOutputStream();
            byte[] encodedEvents = codec.encodeEvents(events);
            codec.writeEntry(split, stamps[i][0], stamps[i][1], strings[i][0], strings[i][1], encodedEvents);
            byte[] whole = codec.encode(entry);
            assertArrayEquals(whole, split.toByteArray());

            assertEquals(stamps[i][0], EntryCodec.sequenceOf(whole, 0, whole.length));
            assertEquals(stamps[i][1], EntryCodec.timeMicrosOf(whole, 0, whole.length));
            assertEquals(entry, codec.decode(whole, 0, whole.length, codec.schema()));
        }
    }

    @Test
    void decodingRejectsTruncatedAndTrailingBytes() throws IOException {
        LogEntry entry = new LogEntry(5L, 6L, "tx", null, EventSamples.all(3));
        byte[] bytes = codec.encode(entry);
        byte[] padded = Arrays.copyOf(bytes, bytes.length + 1);
        assertThrows(IOException.class, () -> codec.decode(padded, 0, padded.length, codec.schema()));
        assertThrows(IOException.class, () -> codec.decode(bytes, 0, bytes.length - 1, codec.schema()));
        byte[] framed = new byte[bytes.length + 4];
        System.arraycopy(bytes, 0, framed, 2, bytes.length);
        assertEquals(entry, codec.decode(framed, 2, bytes.length, codec.schema()));
    }

    @Test
    void stampsOfBytesThatAreNotAnEntryAreMalformed() {
        byte[] continuation = new byte[12];
        Arrays.fill(continuation, (byte) 0x80);
        assertEquals(EntryCodec.MALFORMED, EntryCodec.sequenceOf(continuation, 0, continuation.length));
        assertEquals(EntryCodec.MALFORMED, EntryCodec.timeMicrosOf(new byte[] {2}, 0, 1));
        assertEquals(1, EntryCodec.sequenceOf(new byte[] {2}, 0, 1));
    }

    @Test
    void theFingerprintIsTheParsingFingerprintOfTheCurrentSchema() {
        assertEquals(SchemaNormalization.parsingFingerprint64(LogEntry.getClassSchema()), codec.fingerprint());
    }

    @Test
    void eventsThatAreNotEnvelopeEventsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> codec.encodeEvents(List.of(42)));
        assertThrows(IllegalArgumentException.class,
                () -> codec.encodeEvents(List.of(new ItemDeleted(null, 1L, "pk", "sk"))));
    }
}
