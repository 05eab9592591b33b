package io.tidelog.backend.internal;

import io.tidelog.backend.BackendException;
import io.tidelog.backend.BackendException.Kind;
import io.tidelog.log.FileLog;
import io.tidelog.log.LogCorruptException;
import io.tidelog.log.LogException;
import io.tidelog.log.ReadableLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * The files of a store directory:
 *
 * <pre>
 *   TIDELOG        marker: one line "tidelog-store 1" (format version)
 *   tidelog.lock   held (OS file lock) by the one writable backend; holds its process id
 *   log/           the write-ahead log: segments, indexes, schema store (docs/log-format.md)
 *   views/         RocksDB views derived from the log (docs/storage-format.md); disposable
 *   checkpoints/   copies of the views at some sequences, to speed up point-in-time opens
 *   views.rebuild.tmp/  views being rebuilt by {@code tidelog rebuild}; removed by the next open
 * </pre>
 */
public final class StoreLayout {
    private StoreLayout() {}

    static final String MARKER = "TIDELOG";
    static final String MARKER_CONTENT = "tidelog-store 1\n";

    public static Path log(Path dir) {
        return dir.resolve("log");
    }

    public static Path views(Path dir) {
        return dir.resolve("views");
    }

    public static Path checkpoints(Path dir) {
        return dir.resolve("checkpoints");
    }

    /** Where {@code rebuild} builds fresh views before swapping them in. */
    static Path rebuildInProgress(Path dir) {
        return dir.resolve("views.rebuild.tmp");
    }

    static Path lockFile(Path dir) {
        return dir.resolve("tidelog.lock");
    }

    /** Makes {@code dir} a store if it is missing or empty; checks that it is one otherwise. */
    static void prepare(Path dir) {
        try {
            if (!Files.exists(dir)) {
                Files.createDirectories(dir);
            }
            if (!Files.isDirectory(dir)) {
                throw notAStore(dir, "it is a file, not a directory");
            }
            boolean empty;
            try (Stream<Path> entries = Files.list(dir)) {
                empty = entries.findAny().isEmpty();
            }
            if (empty) {
                Path tmp = dir.resolve(MARKER + ".tmp");
                Files.writeString(tmp, MARKER_CONTENT, StandardCharsets.US_ASCII);
                try {
                    Files.move(tmp, dir.resolve(MARKER), StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, dir.resolve(MARKER), StandardCopyOption.REPLACE_EXISTING);
                }
                return;
            }
            verify(dir);
        } catch (IOException e) {
            throw new BackendException(Kind.IO, "cannot prepare store directory " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Raises NOT_A_DATABASE unless {@code dir} holds a store of a known format. */
    public static void verify(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw notAStore(dir, Files.exists(dir) ? "it is a file, not a directory" : "it does not exist");
        }
        Path marker = dir.resolve(MARKER);
        if (!Files.isRegularFile(marker)) {
            throw notAStore(dir, "it has no " + MARKER + " marker file");
        }
        String content;
        try {
            content = Files.readString(marker, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw notAStore(dir, "its marker cannot be read: " + e.getMessage());
        }
        if (!content.equals(MARKER_CONTENT)) {
            throw notAStore(dir, "its format is not recognised (marker says '" + content.strip() + "')");
        }
    }

    /** Opens the log of the store at {@code root} for reading; no lock, no writes. */
    public static ReadableLog openLog(Path root) {
        Path logDir = log(root);
        if (!Files.isDirectory(logDir)) {
            throw notAStore(root, "it has no log directory");
        }
        try {
            return FileLog.openReadOnly(logDir);
        } catch (LogException e) {
            // damage, or a log the current code cannot read: not a store it can open
            Kind kind = e.getCause() instanceof IOException && !(e instanceof LogCorruptException)
                    ? Kind.IO : Kind.NOT_A_DATABASE;
            throw new BackendException(kind, "cannot read the log of " + root + ": " + e.getMessage(), e);
        }
    }

    static BackendException notAStore(Path dir, String why) {
        return new BackendException(Kind.NOT_A_DATABASE, dir + " is not a Tidelog store: " + why);
    }

    static void deleteRecursively(Path p) {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(p)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(f -> {
                try {
                    Files.deleteIfExists(f);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new BackendException(Kind.IO, "cannot delete " + p + ": " + e.getMessage(), e);
        }
    }
}
