package io.tidelog.log;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tidelog.schemas.LogEntry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Shared helpers of the log tests. */
final class TestLogs {
    private TestLogs() {}

    static List<StoredEntry> readAll(ReadableLog log) {
        return readFrom(log, 1);
    }

    static List<StoredEntry> readFrom(ReadableLog log, long from) {
        List<StoredEntry> entries = new ArrayList<>();
        try (LogReader reader = log.read(from)) {
            reader.forEachRemaining(entries::add);
        }
        return entries;
    }

    static List<LogEntry> entries(List<StoredEntry> stored) {
        return stored.stream().map(StoredEntry::entry).toList();
    }

    /** Sequences 1..n with nothing missing, in order. */
    static void assertGapFree(List<StoredEntry> entries) {
        for (int i = 0; i < entries.size(); i++) {
            assertEquals(i + 1, entries.get(i).sequence(), "entry at index " + i);
        }
    }

    static List<Path> segmentFiles(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".log")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies the log's files (not the lock) into a fresh directory. */
    static Path copyLog(Path from, Path to) throws IOException {
        Files.createDirectories(to.resolve("schemas"));
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.toList()) {
                if (Files.isRegularFile(f) && !f.getFileName().toString().equals("LOCK")) {
                    Files.copy(f, to.resolve(f.getFileName()));
                }
            }
        }
        try (Stream<Path> files = Files.list(from.resolve("schemas"))) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve("schemas").resolve(f.getFileName()));
            }
        }
        return to;
    }

    static String text(int bytes, char c) {
        return String.valueOf(c).repeat(bytes);
    }
}
