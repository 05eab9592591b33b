package io.tidelog.backend;

/**
 * Tidelog extension: something that needs part of a store's history kept (a backup that names a
 * moment of the log, a consumer that has not caught up). Registered with
 * {@link Retention#addFloor}; neither automatic retention nor an explicit compaction moves the
 * horizon past the sequence it names while it is registered.
 *
 * <p>Called on the thread that compacts, before each compaction; it must be cheap and must not
 * call back into the store.
 */
@FunctionalInterface
public interface RetentionFloor {

    /** No constraint right now. */
    long NOTHING = Long.MAX_VALUE;

    /**
     * The oldest sequence whose state must stay readable: the horizon stays at or before it.
     * {@link #NOTHING} when nothing needs keeping now.
     */
    long oldestSequenceToKeep();
}
