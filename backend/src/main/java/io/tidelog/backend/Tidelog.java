package io.tidelog.backend;

import io.tidelog.backend.internal.PointInTime;
import io.tidelog.backend.internal.Store;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Entry points: open a store for reading and writing, or open a read-only view of it as it was
 * at a past sequence number or instant.
 *
 * <p>A store directory holds {@code log/} (the write-ahead log, the only truth), {@code views/}
 * (RocksDB views derived from the log; delete it and the next open rebuilds it) and
 * {@code checkpoints/} (periodic copies of the views that speed up {@link #openAt}).
 */
public final class Tidelog {
    private Tidelog() {}

    public static StorageBackend open(Path dir) {
        return open(dir, TidelogOptions.defaults());
    }

    public static StorageBackend open(Path dir, TidelogOptions options) {
        if (dir == null) {
            throw new BackendException(BackendException.Kind.VALIDATION, "dir must not be null");
        }
        if (options == null) {
            throw new BackendException(BackendException.Kind.VALIDATION, "options must not be null");
        }
        return Store.open(dir, options);
    }

    /** A read-only backend showing the state right after the newest mutation with sequence {@code <= sequence} (§8.3). */
    public static StorageBackend openAt(Path dir, long sequence) {
        if (dir == null) {
            throw new BackendException(BackendException.Kind.VALIDATION, "dir must not be null");
        }
        return PointInTime.openAtSequence(dir, sequence);
    }

    /** A read-only backend showing the state right after the newest mutation committed at or before {@code time} (§8.3). */
    public static StorageBackend openAt(Path dir, Instant time) {
        if (dir == null) {
            throw new BackendException(BackendException.Kind.VALIDATION, "dir must not be null");
        }
        if (time == null) {
            throw new BackendException(BackendException.Kind.VALIDATION, "time must not be null");
        }
        return PointInTime.openAtTime(dir, time);
    }
}
