package io.tidelog.log;

/**
 * Where a log currently ends, as far as its readers may go: for the writer's own process the
 * journaler's last published batch, for a read-only log what a fresh look at the files shows.
 */
interface LogHead {

    /** The newest sequence readers may read now, 0 when the log is empty. */
    long lastSequence();

    /**
     * Waits until the log holds {@code sequence} or {@code timeoutNanos} pass.
     *
     * @return whether it holds it
     */
    boolean awaitSequence(long sequence, long timeoutNanos) throws InterruptedException;
}
