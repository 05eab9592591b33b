package io.tidelog.backend;

import java.time.Instant;

/**
 * Tidelog extension: the earliest moment of a store's history that can still be shown. Point-in-time
 * opens, the audit history, the change stream and restore work at and after it; before it they
 * raise an error that names it.
 *
 * <p>Without retention nothing is ever dropped: the horizon is {@code (0, null)}, the empty store
 * before the first mutation, and every sequence from 0 on is reachable (§8.3). Retention
 * ({@link Retention}, {@link TidelogOptions#retentionAge()}, {@link TidelogOptions#retentionBytes()})
 * moves it forward, never back.
 *
 * @param sequence the earliest state still available is the one right after this mutation
 * @param time     the commit time of mutation {@code sequence}; null when {@code sequence} is 0
 */
public record Horizon(long sequence, Instant time) {

    /** The horizon of a store whose history was never trimmed. */
    public static final Horizon NONE = new Horizon(0, null);

    /** Whether retention has dropped any history. */
    public boolean trimmed() {
        return sequence > 0;
    }

    @Override
    public String toString() {
        return sequence == 0 ? "none (the whole history is kept)" : "sequence " + sequence + ", committed at " + time;
    }
}
