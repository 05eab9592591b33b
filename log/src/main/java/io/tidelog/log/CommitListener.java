package io.tidelog.log;

import io.tidelog.schemas.LogEntry;

/**
 * The stage after the journaler: called on one thread, in sequence order, for every entry once
 * it is as durable as its {@link SyncMode} promises. The append's future completes only after
 * the call for the last entry of its batch ({@code endOfBatch}) returns, so a listener may
 * buffer a batch and make it visible at once. This is where a single-threaded projector applies
 * the log.
 *
 * <p>An exception thrown here fails that entry's future with it; the log stays usable.
 */
@FunctionalInterface
public interface CommitListener {
    void onCommitted(LogEntry entry, LogPosition position, Object attachment, boolean endOfBatch)
            throws Exception;
}
