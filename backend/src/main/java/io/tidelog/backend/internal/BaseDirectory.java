package io.tidelog.backend.internal;

import io.tidelog.backend.BackendException;
import io.tidelog.backend.BackendException.Kind;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * The files that stand for the history retention dropped from the log, {@code <store>/base/}:
 *
 * <pre>
 *   HORIZON                         the horizon record, see {@link HorizonRecord}
 *   &lt;20-digit sequence&gt;/          the views right after that mutation: the state the log
 *                                   continues from (a RocksDB checkpoint, as in checkpoints/)
 *   streams/&lt;20-digit base&gt;.streams the stream records of a dropped segment, see {@link StreamArchive}
 *   building.tmp/                   a base being built
 *   *.tmp                           a file being written
 * </pre>
 *
 * Only the base that {@code HORIZON} names is live. Unlike checkpoints, it is not derived data:
 * the log no longer holds what it was made from. Absent until the first compaction.
 */
public final class BaseDirectory {
    static final String BUILDING = "building.tmp";
    static final String STREAMS = "streams";

    private BaseDirectory() {}

    public static Path dir(Path root) {
        return root.resolve("base");
    }

    /** The views of the base at {@code sequence}. */
    static Path views(Path root, long sequence) {
        return dir(root).resolve(Checkpoints.name(sequence));
    }

    static Path building(Path root) {
        return dir(root).resolve(BUILDING);
    }

    static Path streams(Path root) {
        return dir(root).resolve(STREAMS);
    }

    /**
     * Removes what an interrupted compaction left: a base being built, bases other than the
     * live one, and archived stream records of segments the log still holds (the compaction
     * that wrote them never took effect). Writer only.
     */
    static void removeLeftovers(Path root, HorizonRecord live, long firstSegmentBase) {
        Path dir = dir(root);
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path p : entries.toList()) {
                String name = p.getFileName().toString();
                boolean otherBase = name.matches("\\d{20}") && Long.parseLong(name) != live.sequence();
                if (otherBase || name.endsWith(".tmp")) {
                    StoreLayout.deleteRecursively(p);
                }
            }
        } catch (IOException e) {
            throw new BackendException(Kind.IO, "cannot list " + dir + ": " + e.getMessage(), e);
        }
        for (long segment : StreamArchive.segments(root)) {
            if (segment >= firstSegmentBase) {
                StreamArchive.delete(root, segment);
            }
        }
    }

    /** Makes names created, renamed or deleted in {@code dir} durable, where the platform allows. */
    static void force(Path dir) throws IOException {
        FileChannel ch;
        try {
            ch = FileChannel.open(dir, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw e;
        } catch (IOException e) {
            return; // Windows cannot open a directory; the rename is all that can be done
        }
        try (ch) {
            ch.force(true);
        }
    }

    /**
     * Forces every file under {@code dir} and every directory's names: a base must be on stable
     * storage before the segments it replaces are deleted, and a copied or linked file is not
     * forced by RocksDB.
     */
    static void forceTree(Path dir) throws IOException {
        List<Path> all;
        try (Stream<Path> walk = Files.walk(dir)) {
            all = walk.toList();
        }
        for (Path p : all) {
            if (Files.isRegularFile(p)) {
                try (FileChannel ch = FileChannel.open(p, StandardOpenOption.READ)) {
                    ch.force(true);
                }
            }
        }
        for (Path p : all) {
            if (Files.isDirectory(p)) {
                force(p);
            }
        }
    }
}
