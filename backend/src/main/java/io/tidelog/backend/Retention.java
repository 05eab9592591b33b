package io.tidelog.backend;

import io.tidelog.backend.internal.HorizonRecord;
import io.tidelog.backend.internal.RetentionControl;
import io.tidelog.backend.internal.StoreLayout;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Tidelog extension: how much of a store's history its log keeps.
 *
 * <p>Without retention the log keeps every mutation and every state from the empty store on is
 * reachable, as §8.3 of the specification promises. Compacting moves the <em>horizon</em>
 * forward: the state right after the horizon's mutation is kept as the base the log continues
 * from, and the log segments wholly before it are deleted. Point-in-time opens, the audit
 * history, the change stream and restore keep working at and after the horizon and answer an
 * error naming it before. {@link TidelogOptions#retentionAge()} and
 * {@link TidelogOptions#retentionBytes()} make a writable store compact by itself, in the
 * background; {@code tidelog compact} does it from the command line.
 *
 * <pre>{@code
 * try (StorageBackend store = Tidelog.open(dir)) {
 *     Retention retention = Retention.of(store);
 *     try (Retention.Registration hold = retention.addFloor(() -> backupSequence)) {
 *         Horizon h = retention.compactBefore(Instant.now().minus(Duration.ofDays(30)));
 *     }
 * }
 * }</pre>
 *
 * <p>Thread-safe; one compaction runs at a time per store, and writes go on while it runs.
 */
public final class Retention {
    private final RetentionControl control;

    private Retention(RetentionControl control) {
        this.control = control;
    }

    /**
     * The retention of a backend from {@link Tidelog#open} (compaction and floors) or
     * {@link Tidelog#openAt} (its store's horizon only; the rest raises {@code UNSUPPORTED}).
     *
     * @throws BackendException {@code VALIDATION} for null or a backend Tidelog did not open
     */
    public static Retention of(StorageBackend store) {
        if (store == null) {
            throw new BackendException(BackendException.Kind.VALIDATION, "store must not be null");
        }
        if (!(store instanceof RetentionControl control)) {
            throw new BackendException(BackendException.Kind.VALIDATION,
                    "not a Tidelog backend: " + store.getClass().getName());
        }
        return new Retention(control);
    }

    /**
     * The horizon of the store in {@code dir}, read from its files: works beside a live writer,
     * takes no lock, changes nothing.
     *
     * @throws BackendException {@code NOT_A_DATABASE} when {@code dir} is not a store
     */
    public static Horizon horizon(Path dir) {
        if (dir == null) {
            throw new BackendException(BackendException.Kind.VALIDATION, "dir must not be null");
        }
        Path root = dir.toAbsolutePath().normalize();
        StoreLayout.verify(root);
        return HorizonRecord.read(root).toHorizon();
    }

    /** The earliest moment the store's history can still show. */
    public Horizon horizon() {
        return control.horizon();
    }

    /**
     * Drops the history before mutation {@code sequence}: afterwards the state right after it is
     * the earliest available, unless a {@link RetentionFloor} holds the horizon back. Whole
     * segments are deleted; a segment that also holds later mutations stays, unread. Returns the
     * horizon afterwards; one already at or past {@code sequence} is left where it is.
     *
     * @throws BackendException {@code VALIDATION} for a negative sequence or one past the end
     *     of the log; {@code IO} when the files cannot be written (the store keeps its old
     *     horizon, or the new one when the failure came after it was recorded)
     */
    public Horizon compactBefore(long sequence) {
        return control.compactBefore(sequence);
    }

    /**
     * As {@link #compactBefore(long)}, up to the newest mutation committed at or before
     * {@code time}: the state {@link Tidelog#openAt(Path, Instant)} shows for it stays available.
     */
    public Horizon compactBefore(Instant time) {
        return control.compactBefore(time);
    }

    /**
     * Holds history back: from now until the registration is closed, no compaction, automatic or
     * explicit, moves the horizon past {@code floor.oldestSequenceToKeep()}. Waits for a
     * compaction in progress.
     *
     * @throws BackendException {@code VALIDATION} when the floor names a sequence already
     *     before the horizon
     */
    public Registration addFloor(RetentionFloor floor) {
        Runnable remove = control.addFloor(floor);
        return remove::run;
    }

    /** A registered floor; closing it lets retention go past it again. */
    @FunctionalInterface
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }
}
