package io.tidelog.backend.internal;

import io.tidelog.backend.BackendException;
import io.tidelog.backend.BackendException.Kind;
import io.tidelog.backend.Horizon;
import io.tidelog.backend.RetentionFloor;
import io.tidelog.projections.Views;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * A writable store's retention: its horizon, explicit compactions, the floors that hold
 * history back, and, when the options bound the history, a thread of its own that compacts
 * whenever the bounds let the oldest segment go. Nothing here runs on the write path.
 *
 * <p>One compaction at a time. Thread-safe.
 */
final class StoreRetention implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(StoreRetention.class.getName());
    /** How often the thread weighs the log against the bounds; filling a segment takes far longer. */
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    private static final long BACKOFF_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final Path root;
    private final LiveLog log;
    private final Views views;
    private final LongSupplier applied;
    private final RetentionBounds bounds;
    private final Clock clock;
    private final Object checkpointLock;
    private final ReentrantLock compacting = new ReentrantLock();
    private final List<RetentionFloor> floors = new CopyOnWriteArrayList<>();
    private volatile HorizonRecord horizon;
    private volatile boolean stopping;
    private Thread trimmer;

    /**
     * @param applied        the live views' applied sequence: a horizon is never set beyond it
     * @param checkpointLock the lock checkpoints are taken under
     */
    StoreRetention(Path root, LiveLog log, Views views, LongSupplier applied, RetentionBounds bounds, Clock clock,
            Object checkpointLock, HorizonRecord horizon) {
        this.root = root;
        this.log = log;
        this.views = views;
        this.applied = applied;
        this.bounds = bounds;
        this.clock = clock;
        this.checkpointLock = checkpointLock;
        this.horizon = horizon;
    }

    /** Starts the background trimming when the options bound the history. */
    void start() {
        if (!bounds.any()) {
            return;
        }
        trimmer = new Thread(this::trimLoop, "tidelog-retention " + root.getFileName());
        trimmer.setDaemon(true);
        trimmer.start();
    }

    Horizon horizon() {
        return horizon.toHorizon();
    }

    /** Moves the horizon to {@code sequence}, or as near as the floors allow. */
    Horizon compactBefore(long sequence) {
        if (sequence < 0) {
            throw new BackendException(Kind.VALIDATION, "sequence must not be negative: " + sequence);
        }
        long last = log.lastSequence();
        if (sequence > last) {
            throw new BackendException(Kind.VALIDATION, "sequence " + sequence
                    + " is past the end of the log, which ends at " + last);
        }
        return compactTo(sequence, step -> { }).horizon().toHorizon();
    }

    /** Moves the horizon to the newest mutation committed at or before {@code time}. */
    Horizon compactBefore(Instant time) {
        return compactBefore(PointInTime.sequenceAt(log, time));
    }

    /**
     * The compaction itself, with a hook after each step (tests). Clamps {@code sequence} to the
     * floors and to what the views applied; returns the current horizon when that leaves
     * nothing to do.
     */
    Compaction.Result compactTo(long sequence, Consumer<Compaction.Step> onStep) {
        compacting.lock();
        try {
            HorizonRecord current = horizon;
            long target = Math.min(Math.min(sequence, floor()), applied.getAsLong());
            if (target <= current.sequence()) {
                return new Compaction.Result(current, 0, 0);
            }
            Compaction.Result r = new Compaction(root, log, views, checkpointLock, step -> {
                if (step == Compaction.Step.HORIZON_RECORDED) {
                    horizon = HorizonRecord.read(root); // in force from here, whatever follows
                }
                onStep.accept(step);
            }, () -> stopping).run(current, target);
            if (r == null) {
                throw new BackendException(Kind.OTHER, "compaction of " + root + " was stopped: the store is closing");
            }
            horizon = r.horizon();
            return r;
        } catch (RuntimeException e) {
            // a compaction that failed after recording its horizon has taken effect
            try {
                horizon = HorizonRecord.read(root);
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        } finally {
            compacting.unlock();
        }
    }

    /**
     * Registers {@code f}; waits for a compaction in progress, so no compaction that began
     * before it can cross it. Refused when the history it asks for is already gone.
     */
    Runnable addFloor(RetentionFloor f) {
        compacting.lock();
        try {
            long wanted = f.oldestSequenceToKeep();
            HorizonRecord current = horizon;
            if (wanted < current.sequence()) {
                throw current.unavailable(root, "a retention floor at sequence " + wanted);
            }
            floors.add(f);
        } finally {
            compacting.unlock();
        }
        return () -> floors.remove(f);
    }

    private long floor() {
        long min = RetentionFloor.NOTHING;
        for (RetentionFloor f : floors) {
            min = Math.min(min, f.oldestSequenceToKeep());
        }
        return min;
    }

    private void trimLoop() {
        while (!stopping) {
            LockSupport.parkNanos(this, POLL_NANOS);
            if (stopping) {
                break;
            }
            try {
                trimOnce();
            } catch (RuntimeException e) {
                if (stopping) {
                    break;
                }
                // nothing is lost: the store keeps its horizon, or the new one if it was recorded
                LOG.log(System.Logger.Level.WARNING, "retention of " + root + " failed; trying again", e);
                LockSupport.parkNanos(this, BACKOFF_NANOS);
            }
        }
    }

    /** Compacts when the bounds, clamped by the floors, let the oldest segment go. */
    void trimOnce() {
        var spans = log.segments();
        long target = bounds.target(spans, clock.instant(), t -> PointInTime.sequenceAt(log, t));
        if (target == 0) {
            return;
        }
        long allowed = Math.min(Math.min(target, floor()), applied.getAsLong());
        if (allowed > horizon.sequence() && RetentionBounds.drops(spans, allowed)) {
            compactTo(allowed, step -> { });
        }
    }

    /** Stops the background thread, cancelling a compaction it is in; the store stays as it was or moves on whole. */
    void stop() {
        stopping = true;
        Thread t = trimmer;
        if (t == null) {
            return;
        }
        LockSupport.unpark(t);
        boolean interrupted = false;
        while (t.isAlive()) {
            try {
                t.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop();
    }
}
