package io.tidelog.log;

import io.tidelog.schemas.LogEntry;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;

/**
 * The Avro binary encoding of one {@link LogEntry}, independent of how entries are framed or
 * stored: the segment files use it, and so can any other transport.
 *
 * <p>The envelope's fields are, in order, {@code sequence}, {@code timeMicros},
 * {@code transactionId}, {@code identity}, {@code events}. Avro binary is the plain
 * concatenation of the fields, so an entry can be encoded in two parts: the events array by the
 * producing thread ({@link #encodeEvents}), whose cost then scales with the number of
 * producers, and the small head by the thread that assigns sequence and commit time
 * ({@link #writeEntry}). The two parts together are exactly the bytes a
 * {@code SpecificDatumWriter<LogEntry>} produces ({@link #encode}).
 *
 * <p>Decoding resolves the bytes from the schema they were written with to the current
 * {@link LogEntry} schema, so entries written by older versions stay readable as long as the
 * schema evolved compatibly (see docs/log-format.md).
 *
 * <p>Thread-safe.
 */
public final class EntryCodec {

    /** Returned by {@link #sequenceOf} and {@link #timeMicrosOf} for bytes that hold no long. */
    public static final long MALFORMED = Long.MIN_VALUE;

    static {
        io.tidelog.schemas.SchemaTrust.install();
    }

    private static final EntryCodec CURRENT = new EntryCodec();

    private final Schema schema = LogEntry.getClassSchema();
    private final long fingerprint = fingerprint(schema);
    private final DatumWriter<Object> eventsWriter =
            new SpecificDatumWriter<>(schema.getField("events").schema());
    private final DatumWriter<LogEntry> entryWriter = new SpecificDatumWriter<>(schema);
    private final Map<Schema, DatumReader<LogEntry>> readers = new ConcurrentHashMap<>();
    private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);

    private static final class Scratch {
        final GrowableBytes out = new GrowableBytes(512);
        BinaryEncoder encoder;
    }

    private EntryCodec() {}

    /** The codec for the {@link LogEntry} schema this code was built with. */
    public static EntryCodec current() {
        return CURRENT;
    }

    /** The schema entries are written with. */
    public Schema schema() {
        return schema;
    }

    /** The identity of {@link #schema()}: its CRC-64-AVRO parsing fingerprint. */
    public long fingerprint() {
        return fingerprint;
    }

    public static long fingerprint(Schema schema) {
        return SchemaNormalization.parsingFingerprint64(schema);
    }

    /**
     * Encodes the {@code events} field: instances of the generated event classes, in order.
     *
     * @throws IllegalArgumentException when an element is not one of the envelope's event types
     *     or lacks a required field
     */
    public byte[] encodeEvents(List<?> events) {
        Scratch s = scratch.get();
        s.out.reset();
        s.encoder = EncoderFactory.get().directBinaryEncoder(s.out, s.encoder);
        try {
            eventsWriter.write(events, s.encoder);
            s.encoder.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("events cannot be encoded as LogEntry events: " + e, e);
        }
        byte[] bytes = s.out.toByteArray();
        s.out.reset();
        return bytes;
    }

    /** Writes a whole entry: its head fields followed by events encoded by {@link #encodeEvents}. */
    public void writeEntry(OutputStream out, long sequence, long timeMicros, String transactionId,
            String identity, byte[] encodedEvents) throws IOException {
        writeHead(out, sequence, timeMicros, transactionId, identity);
        out.write(encodedEvents);
    }

    /**
     * Writes the fields before {@code events}; the events bytes from {@link #encodeEvents} must
     * follow. For callers that frame the two parts without copying them together.
     */
    public void writeHead(OutputStream out, long sequence, long timeMicros, String transactionId,
            String identity) throws IOException {
        Scratch s = scratch.get();
        s.encoder = EncoderFactory.get().directBinaryEncoder(out, s.encoder);
        s.encoder.writeLong(sequence);
        s.encoder.writeLong(timeMicros);
        writeOptionalString(s.encoder, transactionId);
        writeOptionalString(s.encoder, identity);
        s.encoder.flush();
    }

    /** The union {@code ["null","string"]}: branch index, then the string when present. */
    private static void writeOptionalString(BinaryEncoder encoder, String value) throws IOException {
        if (value == null) {
            encoder.writeIndex(0);
        } else {
            encoder.writeIndex(1);
            encoder.writeString(value);
        }
    }

    /** Encodes a complete entry in one go. */
    public byte[] encode(LogEntry entry) {
        Scratch s = scratch.get();
        s.out.reset();
        s.encoder = EncoderFactory.get().directBinaryEncoder(s.out, s.encoder);
        try {
            entryWriter.write(entry, s.encoder);
            s.encoder.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] bytes = s.out.toByteArray();
        s.out.reset();
        return bytes;
    }

    /**
     * Decodes an entry written with {@code writerSchema} into the current classes.
     *
     * @throws IOException when the bytes are not a complete entry of that schema
     */
    public LogEntry decode(byte[] bytes, int offset, int length, Schema writerSchema) throws IOException {
        DatumReader<LogEntry> reader = readers.computeIfAbsent(writerSchema,
                writer -> new SpecificDatumReader<>(writer, schema));
        BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(bytes, offset, length, null);
        LogEntry entry;
        try {
            entry = reader.read(null, decoder);
        } catch (RuntimeException e) {
            throw new IOException("entry does not decode: " + e, e);
        }
        if (!decoder.isEnd()) {
            throw new IOException("entry has trailing bytes");
        }
        return entry;
    }

    /** The {@code sequence} of an encoded entry, without decoding the rest, or {@link #MALFORMED}. */
    public static long sequenceOf(byte[] bytes, int offset, int length) {
        return varLong(bytes, offset, offset + length, 0);
    }

    /** The {@code timeMicros} of an encoded entry, without decoding the rest, or {@link #MALFORMED}. */
    public static long timeMicrosOf(byte[] bytes, int offset, int length) {
        return varLong(bytes, offset, offset + length, 1);
    }

    /** Avro writes a long as a zig-zag varint of at most ten bytes; returns the one at {@code index}. */
    private static long varLong(byte[] b, int pos, int end, int index) {
        for (int field = 0; ; field++) {
            long raw = 0;
            int shift = 0;
            while (true) {
                if (pos >= end || shift > 63) {
                    return MALFORMED;
                }
                int x = b[pos++];
                raw |= (long) (x & 0x7F) << shift;
                shift += 7;
                if (x >= 0) {
                    break;
                }
            }
            if (field == index) {
                return (raw >>> 1) ^ -(raw & 1);
            }
        }
    }
}
