package io.tidelog.log;

import java.nio.file.Path;

/**
 * The segment-file implementation of {@link Log}. (Skeleton: the implementation is being
 * written.)
 */
public final class FileLog {
    private FileLog() {}

    /** Opens (creating if needed) and recovers the log in {@code dir}, then starts the journaler. */
    public static Log open(Path dir, LogOptions options) {
        return open(dir, options, null);
    }

    /**
     * As {@link #open(Path, LogOptions)}, with a {@link CommitListener} stage after the
     * journaler. Entries already in the log are not passed to the listener; read them with
     * {@link ReadableLog#read}.
     */
    public static Log open(Path dir, LogOptions options, CommitListener listener) {
        throw new LogException("not yet implemented");
    }

    /** Opens the log in {@code dir} for reading only: no lock, no recovery writes. */
    public static ReadableLog openReadOnly(Path dir) {
        throw new LogException("not yet implemented");
    }
}
