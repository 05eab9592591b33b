package io.tidelog.log;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The thread that forces the segment being appended to whenever the journaler itself does not:
 * the writes of ASYNC entries, before their force interval runs out, and the forces callers ask
 * for with {@link Log#force()}.
 *
 * <p>Why a thread of its own: forcing an interval's worth of writes takes milliseconds, and
 * on the journaler's thread every append published meanwhile would wait that long. Here the
 * journaler only marks a force as owed ({@link #owe}) and goes on writing.
 *
 * <p>Why no write is missed: the owed mark is cleared before a force starts, and the journaler
 * sets it after each write. A write that finished before the force started is covered by it;
 * one that finished later set the mark again and gets the next force.
 *
 * <p>Callers' forces run here too, not on the caller's thread: an interrupt during
 * {@code FileChannel.force} closes the channel, which would stop the log. For the same reason
 * this thread is stopped with a flag, never interrupted.
 */
final class Forcer implements Runnable {
    /** The force itself; failures are reported by the action, not thrown from here. */
    interface Action {
        void force();
    }

    private final Action action;
    private final long dueAfterNanos;
    private final Thread thread;
    /** When the oldest unforced ASYNC write finished ({@link System#nanoTime}), or -1. */
    private final AtomicLong owedSince = new AtomicLong(-1);
    private final AtomicLong requested = new AtomicLong();
    private final Object completion = new Object();
    private long completed;
    private boolean terminated;
    private volatile boolean stopping;

    /**
     * @param intervalNanos the longest an ASYNC write may wait for its force; forces start halfway
     *                 through it, which leaves the other half for the force itself
     */
    Forcer(Action action, long intervalNanos, ThreadFactory threads) {
        this.action = action;
        this.dueAfterNanos = intervalNanos / 2;
        this.thread = threads.newThread(this);
    }

    void start() {
        thread.start();
    }

    /** Called by the journaler after writing frames that are owed a force; cheap when one is. */
    void owe() {
        if (owedSince.get() < 0 && owedSince.compareAndSet(-1, System.nanoTime())) {
            LockSupport.unpark(thread);
        }
    }

    /** Called by the journaler after forcing every write so far itself (a SYNC batch). */
    void covered() {
        owedSince.set(-1);
    }

    /**
     * Forces now and waits for it: every write made before the call is then stable.
     *
     * @throws LogException when the forcer stopped first (the log was closed meanwhile)
     */
    void forceNow() {
        long ticket = requested.incrementAndGet();
        LockSupport.unpark(thread);
        boolean interrupted = false;
        try {
            synchronized (completion) {
                while (completed < ticket && !terminated) {
                    try {
                        completion.wait();
                    } catch (InterruptedException e) {
                        interrupted = true; // the force runs anyway; its outcome is the caller's
                    }
                }
                if (completed < ticket) {
                    throw new LogException("log is closed");
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Stops the thread once the forces asked for are done; an owed force is left to the caller
     * (closing seals the segment, which forces it). Waits through interrupts, keeping the status.
     */
    void stop() {
        stopping = true;
        LockSupport.unpark(thread);
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        synchronized (completion) {
            terminated = true;
            completion.notifyAll();
        }
    }

    @Override
    public void run() {
        while (true) {
            long ticket = requested.get();
            boolean asked = ticket > completedTicket();
            if (!asked) {
                if (stopping) {
                    return;
                }
                long since = owedSince.get();
                if (since < 0) {
                    LockSupport.park(this);
                    continue;
                }
                long wait = since + dueAfterNanos - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(this, wait);
                    continue;
                }
            }
            owedSince.set(-1);
            action.force();
            if (asked) {
                synchronized (completion) {
                    completed = ticket;
                    completion.notifyAll();
                }
            }
        }
    }

    private long completedTicket() {
        synchronized (completion) {
            return completed;
        }
    }
}
