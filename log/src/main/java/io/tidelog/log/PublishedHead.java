package io.tidelog.log;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The end of a log as its own journaler published it, after each batch. Waiting readers are
 * woken by the batch that reaches them; publishing costs a monitor only when someone waits.
 */
final class PublishedHead implements LogHead {
    private final Object monitor = new Object();
    private final AtomicInteger waiters = new AtomicInteger();
    private volatile long lastSequence;
    private volatile boolean closed;

    PublishedHead(long lastSequence) {
        this.lastSequence = lastSequence;
    }

    /** Called by the journaler once the entries up to {@code sequence} may be read. */
    void publish(long sequence) {
        lastSequence = sequence;
        if (waiters.get() > 0) {
            synchronized (monitor) {
                monitor.notifyAll();
            }
        }
    }

    /** Ends every wait: nothing more will be published. */
    void close() {
        closed = true;
        synchronized (monitor) {
            monitor.notifyAll();
        }
    }

    @Override
    public long lastSequence() {
        return lastSequence;
    }

    @Override
    public boolean awaitSequence(long sequence, long timeoutNanos) throws InterruptedException {
        if (lastSequence >= sequence) {
            return true;
        }
        long start = System.nanoTime();
        waiters.incrementAndGet();
        try {
            synchronized (monitor) {
                while (lastSequence < sequence) {
                    long remaining = timeoutNanos - (System.nanoTime() - start);
                    if (remaining <= 0 || closed) {
                        return false;
                    }
                    TimeUnit.NANOSECONDS.timedWait(monitor, remaining);
                }
                return true;
            }
        } finally {
            waiters.decrementAndGet();
        }
    }
}
