package io.tidelog.log;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaFormatter;
import org.apache.avro.SchemaParseException;

/**
 * Every schema entries of a log were written with, so that a segment can be decoded long after
 * the code that wrote it changed.
 *
 * <p>Layout: {@code schemas/<fingerprint>.avsc}, where {@code <fingerprint>} is the schema's
 * CRC-64-AVRO parsing fingerprint as 16 lowercase hex digits (the value in a segment header)
 * and the content is the schema's JSON in UTF-8. A file is written, atomically, before the
 * first segment that names it and never changed afterwards. Because the parsing fingerprint
 * ignores docs and defaults, a schema that only changed those keeps its fingerprint and its
 * first stored text; that is harmless, as resolution takes defaults from the reader's schema.
 */
final class SchemaStore {
    static final String DIRECTORY = "schemas";

    private final Path dir;
    private final Schema readerSchema;
    private final long readerFingerprint;
    private final Map<Long, Schema> schemas = new ConcurrentHashMap<>();

    /** @param codec the codec entries are decoded with; its schema is the reader's */
    SchemaStore(Path logDir, EntryCodec codec) {
        this.dir = logDir.resolve(DIRECTORY);
        this.readerSchema = codec.schema();
        this.readerFingerprint = codec.fingerprint();
        schemas.put(readerFingerprint, readerSchema);
    }

    static String fileName(long fingerprint) {
        return HexFormat.of().toHexDigits(fingerprint) + ".avsc";
    }

    /**
     * Stores {@code schema} unless it is there already; writer side only. A stored copy that
     * differs from it is parsed and checked, so a damaged file is found now rather than when
     * some later version needs it.
     */
    void register(Schema schema, LogDirectory directory) throws IOException {
        long fp = schema == readerSchema ? readerFingerprint : EntryCodec.fingerprint(schema);
        checkFramable(schema, fp);
        Path file = dir.resolve(fileName(fp));
        byte[] text = SchemaFormatter.format("json/pretty", schema).getBytes(StandardCharsets.UTF_8);
        if (Files.exists(file)) {
            if (!Arrays.equals(text, Files.readAllBytes(file))) {
                parse(fp, file);
            }
            return;
        }
        Files.createDirectories(dir);
        directory.writeAtomically(file, ByteBuffer.wrap(text));
        directory.forceDirectory(dir.getParent());
    }

    /**
     * The writer schema a segment names, checked to be readable as the current schema.
     *
     * @param segment the segment naming it, for error messages
     */
    Schema get(long fingerprint, Path segment) {
        Schema cached = schemas.get(fingerprint);
        if (cached != null) {
            return cached;
        }
        return load(fingerprint, dir.resolve(fileName(fingerprint)), segment);
    }

    private Schema load(long fingerprint, Path file, Path referrer) {
        if (!Files.exists(file)) {
            throw new LogCorruptException(referrer, 16,
                    "writer schema " + fileName(fingerprint) + " is missing from " + dir);
        }
        Schema schema = parse(fingerprint, file);
        SchemaCompatibility.SchemaPairCompatibility compatibility =
                SchemaCompatibility.checkReaderWriterCompatibility(readerSchema, schema);
        if (compatibility.getType() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
            throw new LogException(referrer + " was written with schema " + fileName(fingerprint)
                    + ", which the current LogEntry schema cannot read: " + compatibility.getDescription());
        }
        Schema previous = schemas.putIfAbsent(fingerprint, schema);
        return previous != null ? previous : schema;
    }

    /** Reads a stored schema and checks that it is the one its name says. */
    private static Schema parse(long fingerprint, Path file) {
        Schema schema;
        try {
            schema = new Schema.Parser().parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (SchemaParseException e) {
            throw new LogCorruptException(file, 0, "not an Avro schema: " + e.getMessage());
        } catch (IOException e) {
            throw new LogException("cannot read schema " + file + ": " + e, e);
        }
        if (EntryCodec.fingerprint(schema) != fingerprint) {
            throw new LogCorruptException(file, 0, "schema does not match the fingerprint in its name");
        }
        checkFramable(schema, fingerprint);
        return schema;
    }

    /**
     * Scanning and recovery read the sequence and time straight from the payload, so every
     * version of the envelope must start with them.
     */
    private static void checkFramable(Schema schema, long fingerprint) {
        List<Schema.Field> fields = schema.getType() == Schema.Type.RECORD ? schema.getFields() : List.of();
        if (fields.size() < 2
                || !fields.get(0).name().equals("sequence") || fields.get(0).schema().getType() != Schema.Type.LONG
                || !fields.get(1).name().equals("timeMicros") || fields.get(1).schema().getType() != Schema.Type.LONG) {
            throw new LogException("schema " + fileName(fingerprint)
                    + " must be a record starting with the long fields sequence and timeMicros");
        }
    }
}
