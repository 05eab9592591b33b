package io.tidelog.log;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Every change the log makes to its files goes through a disk: opening a file to write it,
 * writing at a position, forcing, truncating, renaming, deleting and forcing a directory. The
 * production disk ({@link #system()}) is {@code FileChannel} and {@code Files}; tests put a
 * simulated disk here that loses unforced writes on a simulated power loss, or one that fails
 * the i-th operation, the seam that H2's fault-injecting file system and SQLite's crash VFS are
 * built on.
 *
 * <p>Reads do not go through the disk. Readers open the files themselves and see what was
 * written as soon as a write returns, as the operating system's page cache shows it; only what
 * survives a crash depends on the disk.
 *
 * <p>The operations are enough to write a segment in place as well as by appending: a file
 * opened {@link Mode#EXISTING} keeps its bytes and can be written at any position, so a
 * preallocated or recycled (renamed) segment file is written through the same calls.
 *
 * <p>Implementations are thread-safe: the journaler writes while the forcer forces.
 */
public interface Disk {

    /** How {@link #open} treats what is at the path. */
    enum Mode {
        /** Create the file, or empty it if it exists. */
        CREATE_EMPTY,
        /** The file must exist; its bytes are kept. */
        EXISTING
    }

    /** The disk of the running operating system: {@code FileChannel}, {@code Files}. */
    static Disk system() {
        return SystemDisk.INSTANCE;
    }

    /** Opens {@code path} for writing. */
    DiskFile open(Path path, Mode mode) throws IOException;

    /** Renames {@code source} to {@code target}, replacing it, atomically where the file system can. */
    void move(Path source, Path target) throws IOException;

    /** Deletes {@code path}; false when there was nothing to delete. */
    boolean deleteIfExists(Path path) throws IOException;

    /**
     * Makes the names created, renamed and deleted in {@code dir} durable. A platform that
     * cannot open a directory for this (Windows) does nothing: the rename is all it offers.
     */
    void forceDirectory(Path dir) throws IOException;
}
