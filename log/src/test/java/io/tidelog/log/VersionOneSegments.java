package io.tidelog.log;

import io.tidelog.schemas.LogEntry;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;

/**
 * Writes segment files in format version 1, byte for byte as the version 1 writer did: a
 * header naming version 1, then frames of {@code [u32 length][u32 CRC32C of the payload][payload]}.
 * No index file: opening builds it. For tests of reading logs older code left behind.
 */
public final class VersionOneSegments {
    private VersionOneSegments() {}

    /** Writes {@code entries} (current schema) as one version 1 segment; returns each frame's offset. */
    public static List<Long> write(Path logDir, long base, List<LogEntry> entries) throws IOException {
        EntryCodec codec = EntryCodec.current();
        List<byte[]> payloads = new ArrayList<>();
        for (LogEntry e : entries) {
            payloads.add(codec.encode(e));
        }
        return write(logDir, codec.schema(), base, payloads);
    }

    /** Writes the encoded {@code payloads}, written with {@code schema}, as one version 1 segment. */
    public static List<Long> write(Path logDir, Schema schema, long base, List<byte[]> payloads) throws IOException {
        Files.createDirectories(logDir);
        new SchemaStore(logDir, EntryCodec.current()).register(schema, new LogDirectory(logDir, Disk.system()));
        ByteBuffer header = ByteBuffer.allocate(FrameFormat.SEGMENT_HEADER_BYTES);
        header.putInt(FrameFormat.SEGMENT_MAGIC).putShort((short) 1).putShort((short) FrameFormat.SEGMENT_HEADER_BYTES)
                .putLong(base).putLong(EntryCodec.fingerprint(schema));
        header.putInt(FrameFormat.crc32c(header.array(), 0, 24)).putInt(0);
        int size = FrameFormat.SEGMENT_HEADER_BYTES;
        for (byte[] p : payloads) {
            size += 8 + p.length;
        }
        ByteBuffer file = ByteBuffer.allocate(size).put(header.array());
        List<Long> offsets = new ArrayList<>();
        for (byte[] p : payloads) {
            offsets.add((long) file.position());
            file.putInt(p.length).putInt(FrameFormat.crc32c(p, 0, p.length)).put(p);
        }
        Files.write(logDir.resolve(LogDirectory.baseName(base) + LogDirectory.SEGMENT_SUFFIX), file.array());
        return offsets;
    }
}
