package io.tidelog.log;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Names and whole-file operations in a log directory:
 *
 * <pre>
 *   LOCK                         held (flock) by the one writer
 *   schemas/&lt;fingerprint&gt;.avsc   every writer schema used, see {@link SchemaStore}
 *   &lt;base&gt;.log                   segment, see {@link LogSegment}
 *   &lt;base&gt;.index                 its sparse index, see {@link SegmentIndex}
 *   *.tmp                        a file being written; removed by the next writer
 * </pre>
 *
 * {@code <base>} is the segment's first sequence number in 20 decimal digits, so that names
 * sort in log order. Every change to these files goes through the log's {@link Disk}.
 */
final class LogDirectory {
    static final String SEGMENT_SUFFIX = ".log";
    static final String INDEX_SUFFIX = ".index";
    static final String TEMP_SUFFIX = ".tmp";
    private static final int NAME_DIGITS = 20;

    private final Path dir;
    private final Disk disk;

    LogDirectory(Path dir, Disk disk) {
        this.dir = dir;
        this.disk = disk;
    }

    Path path() {
        return dir;
    }

    Disk disk() {
        return disk;
    }

    static String baseName(long base) {
        String digits = Long.toString(base);
        return "0".repeat(NAME_DIGITS - digits.length()) + digits;
    }

    Path segmentPath(long base) {
        return dir.resolve(baseName(base) + SEGMENT_SUFFIX);
    }

    Path indexPath(long base) {
        return dir.resolve(baseName(base) + INDEX_SUFFIX);
    }

    /** The base sequence a segment file name stands for, or -1 when it is not one. */
    static long parseSegmentBase(String fileName) {
        if (fileName.length() != NAME_DIGITS + SEGMENT_SUFFIX.length() || !fileName.endsWith(SEGMENT_SUFFIX)) {
            return -1;
        }
        for (int i = 0; i < NAME_DIGITS; i++) {
            if (!Character.isDigit(fileName.charAt(i))) {
                return -1;
            }
        }
        try {
            return Long.parseLong(fileName.substring(0, NAME_DIGITS));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Base sequences of the segment files present, ascending. */
    List<Long> segmentBases() throws IOException {
        List<Long> bases = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + SEGMENT_SUFFIX)) {
            for (Path f : files) {
                long base = parseSegmentBase(f.getFileName().toString());
                if (base > 0) {
                    bases.add(base);
                }
            }
        }
        Collections.sort(bases);
        return bases;
    }

    /**
     * Deletes a segment file and its index, the index first: a crash in between leaves a
     * segment without an index (rebuilt when needed), never an index without a segment.
     */
    void deleteSegment(long base) throws IOException {
        disk.deleteIfExists(indexPath(base));
        disk.deleteIfExists(segmentPath(base));
    }

    /** Removes what a writer that stopped mid-way left half written. */
    void deleteTemporaryFiles() throws IOException {
        for (Path d : List.of(dir, dir.resolve(SchemaStore.DIRECTORY))) {
            if (!Files.isDirectory(d)) {
                continue;
            }
            try (DirectoryStream<Path> files = Files.newDirectoryStream(d, "*" + TEMP_SUFFIX)) {
                for (Path f : files) {
                    disk.deleteIfExists(f);
                }
            }
        }
    }

    /**
     * Makes {@code target} hold exactly {@code content}, durably: readers see either no file or
     * the whole of it, never a prefix, because it is written and forced under a temporary name
     * and only then renamed.
     */
    void writeAtomically(Path target, ByteBuffer content) throws IOException {
        writeAtomically(target, content, true);
    }

    /**
     * As {@link #writeAtomically(Path, ByteBuffer)}; with {@code durable} false, for derived
     * files that are checked when read, readers still never see a prefix but a crash may leave
     * the old file or a damaged new one.
     */
    void writeAtomically(Path target, ByteBuffer content, boolean durable) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + TEMP_SUFFIX);
        try (DiskFile file = disk.open(tmp, Disk.Mode.CREATE_EMPTY)) {
            file.write(content, 0);
            if (durable) {
                file.force(true);
            }
        }
        disk.move(tmp, target);
        if (durable) {
            disk.forceDirectory(target.getParent());
        }
    }

    /** Makes created, renamed and deleted names in {@code dir} durable. */
    void forceDirectory(Path d) throws IOException {
        disk.forceDirectory(d);
    }
}
