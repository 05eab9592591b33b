package io.tidelog.log;

import com.lmax.disruptor.AlertException;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.SequenceBarrier;
import com.lmax.disruptor.TimeoutException;
import com.lmax.disruptor.WaitStrategy;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * How the log's handler threads wait, tuned for a journal whose batches end in a force that
 * takes milliseconds.
 *
 * <p>Waiting for producers blocks after a brief spin, with a timeout as a safety net (the
 * Disruptor then calls {@code onTimeout}, which the handlers ignore). The Disruptor's blocking strategies
 * busy-spin while a later stage waits for an earlier one, which would burn a core for the
 * whole duration of every force; here the commit listener's stage spins only briefly and then
 * blocks until the journaler, having released a batch, calls {@link #signalAllWhenBlocking()}.
 * A bounded wait keeps a lost wake-up from costing more than a millisecond.
 */
final class JournalWaitStrategy implements WaitStrategy {
    /**
     * Busy spins before yielding. Kept short: with more threads than cores, the thread about to
     * be woken is often waiting for the very core a spinner holds, and 200 spins (a few µs)
     * measurably slowed one-at-a-time ASYNC writes compared with 20.
     */
    private static final int SPINS = 20;
    private static final long YIELD_NANOS = TimeUnit.MICROSECONDS.toNanos(50);
    private static final long DEPENDENT_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final Object mutex = new Object();
    private final AtomicBoolean signalNeeded = new AtomicBoolean();
    private final long timeoutNanos;

    JournalWaitStrategy(long timeoutNanos) {
        this.timeoutNanos = timeoutNanos;
    }

    @Override
    public long waitFor(long sequence, Sequence cursor, Sequence dependent, SequenceBarrier barrier)
            throws AlertException, InterruptedException, TimeoutException {
        if (cursor.get() < sequence && !briefly(cursor, sequence, barrier)
                && !await(cursor, sequence, barrier, timeoutNanos)) {
            throw TimeoutException.INSTANCE;
        }
        long available;
        int spins = 0;
        long yieldUntil = 0;
        while ((available = dependent.get()) < sequence) {
            barrier.checkAlert();
            if (++spins < SPINS) {
                Thread.onSpinWait();
            } else if (yieldUntil == 0 || System.nanoTime() < yieldUntil) {
                // An unforced batch is released within microseconds: yielding for a while is far
                // cheaper than a monitor wake-up, and gives the core to the journaler meanwhile.
                if (yieldUntil == 0) {
                    yieldUntil = System.nanoTime() + YIELD_NANOS;
                }
                Thread.yield();
            } else {
                await(dependent, sequence, barrier, DEPENDENT_WAIT_NANOS);
            }
        }
        return available;
    }

    /**
     * Spins, then yields, for a few tens of microseconds: a producer that is waiting for its
     * acknowledgement usually publishes again within that time, and finding the journaler
     * awake saves a monitor wake-up, which on an idle machine costs more than the append.
     */
    private static boolean briefly(Sequence seq, long wanted, SequenceBarrier barrier) throws AlertException {
        for (int i = 0; i < SPINS; i++) {
            if (seq.get() >= wanted) {
                return true;
            }
            Thread.onSpinWait();
        }
        long until = System.nanoTime() + YIELD_NANOS;
        while (System.nanoTime() < until) {
            barrier.checkAlert();
            if (seq.get() >= wanted) {
                return true;
            }
            Thread.yield();
        }
        return seq.get() >= wanted;
    }

    /** Blocks until {@code seq} reaches {@code wanted}; false when the time ran out first. */
    private boolean await(Sequence seq, long wanted, SequenceBarrier barrier, long nanos)
            throws AlertException, InterruptedException {
        long deadline = System.nanoTime() + nanos;
        synchronized (mutex) {
            while (seq.get() < wanted) {
                signalNeeded.set(true);
                // a sequence set before the flag was raised sent no signal: look once more
                if (seq.get() >= wanted) {
                    break;
                }
                barrier.checkAlert();
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(mutex, remaining);
            }
        }
        return true;
    }

    @Override
    public void signalAllWhenBlocking() {
        if (signalNeeded.getAndSet(false)) {
            synchronized (mutex) {
                mutex.notifyAll();
            }
        }
    }
}
