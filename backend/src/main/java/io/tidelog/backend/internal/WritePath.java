package io.tidelog.backend.internal;

import io.tidelog.backend.BackendException;
import io.tidelog.backend.BackendException.Kind;
import io.tidelog.log.EntryTooLargeException;
import io.tidelog.log.Log;
import io.tidelog.log.LogException;
import io.tidelog.projections.SnapshotReader;
import io.tidelog.projections.Views;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Decides, orders and publishes every mutation, and owns the one open transaction.
 *
 * <p>A call decides under {@link #lock} against the {@link Schema} and claims its place in the
 * log ring before releasing it, so log order is decision order and mutations are serialised in
 * real time. It then waits, without the lock, for the journaler and the live projection; many
 * writers wait together, which is what lets SYNC durability commit them with one fsync.
 *
 * <p>While a transaction is open, other threads' mutating calls, {@code beginTransaction} and
 * {@code vacuum} wait on {@link #transactionEnded} for up to the lock timeout.
 */
final class WritePath {
    private static final long ACK_YIELD_NANOS = TimeUnit.MICROSECONDS.toNanos(50);

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition transactionEnded = lock.newCondition();
    private final Log log;
    private final Views views;
    private final long lockTimeoutNanos;
    private Schema schema;
    private volatile Transaction transaction;
    private CompletableFuture<Long> lastAppend = CompletableFuture.completedFuture(0L);
    /** The sequence the next append will get: appends happen only here, under {@link #lock}. */
    private long nextSequence;

    WritePath(Log log, Views views, Schema schema, Duration lockTimeout) {
        this.log = log;
        this.views = views;
        this.schema = schema;
        this.lockTimeoutNanos = lockTimeout.toNanos();
        this.nextSequence = log.lastSequence() + 1;
    }

    /** Whether any thread has a transaction open. */
    boolean transactionOpen() {
        return transaction != null;
    }

    /**
     * Goes on from {@code decided}, the schema of the views once they hold every entry the log
     * holds: after the log was opened again, with no write in flight.
     */
    void resume(Schema decided) {
        lock.lock();
        try {
            schema = decided;
            lastAppend = CompletableFuture.completedFuture(0L);
            nextSequence = log.lastSequence() + 1;
        } finally {
            lock.unlock();
        }
    }

    /** The open transaction when the calling thread owns it, else null. */
    Transaction ownTransaction() {
        Transaction t = transaction;
        return t != null && t.owner == Thread.currentThread() ? t : null;
    }

    Outcome mutate(Mutation m) {
        return mutate((schema, place) -> m.decide(schema));
    }

    /**
     * As {@link #mutate(Mutation)}, for a call whose events depend on where its entry will be in
     * the log. Inside a transaction that is the commit's entry: no other writer can append
     * before the commit.
     */
    Outcome mutate(PlacedMutation m) {
        PendingWrite write;
        CompletableFuture<Long> appended;
        Decided d;
        long sequence;
        lock.lock();
        try {
            Transaction own = ownTransaction();
            if (own != null) {
                d = m.decide(own.schema, new EntryPlace(nextSequence, own.events.size()));
                return new Outcome(d.value(), d.events().isEmpty() ? List.of() : own.apply(d.events()),
                        nextSequence);
            }
            awaitNoTransaction();
            sequence = nextSequence;
            d = m.decide(schema, new EntryPlace(sequence, 0));
            if (d.events().isEmpty()) {
                return new Outcome(d.value(), List.of(), 0);
            }
            write = new PendingWrite();
            try {
                appended = append(d.events(), null, write);
            } catch (BackendException e) {
                resync();
                throw e;
            }
            lastAppend = appended;
        } finally {
            lock.unlock();
        }
        await(appended, write);
        return new Outcome(d.value(), write.results, sequence);
    }

    void begin() {
        lock.lock();
        try {
            if (ownTransaction() != null) {
                throw new BackendException(Kind.OTHER,
                        "a transaction is already open on this thread; transactions do not nest");
            }
            awaitNoTransaction();
            drain();
            transaction = new Transaction(Thread.currentThread(), schema.copy(), views.newBatch(),
                    nextSequence);
        } finally {
            lock.unlock();
        }
    }

    void commit() {
        lock.lock();
        try {
            Transaction t = requireOwnTransaction("commit");
            if (!t.events.isEmpty()) {
                PendingWrite write = new PendingWrite();
                CompletableFuture<Long> appended = append(t.events, UUID.randomUUID().toString(), write);
                lastAppend = appended;
                await(appended, write);
                schema = t.schema;
            }
            end(t);
        } finally {
            lock.unlock();
        }
    }

    void rollback() {
        lock.lock();
        try {
            end(requireOwnTransaction("rollback"));
        } finally {
            lock.unlock();
        }
    }

    /** Waits as a writer would (for vacuum); raises inside the caller's own transaction. */
    void awaitExclusive(String what) {
        lock.lock();
        try {
            if (ownTransaction() != null) {
                throw new BackendException(Kind.OTHER, what + " is not allowed inside a transaction");
            }
            awaitNoTransaction();
            drain();
        } finally {
            lock.unlock();
        }
    }

    /** Rolls back the open transaction, whichever thread owns it (backend close). */
    void abandonTransaction() {
        lock.lock();
        try {
            Transaction t = transaction;
            if (t != null) {
                end(t);
            }
        } finally {
            lock.unlock();
        }
    }

    private Transaction requireOwnTransaction(String what) {
        Transaction t = ownTransaction();
        if (t == null) {
            throw new BackendException(Kind.OTHER, what + " without an open transaction on this thread");
        }
        return t;
    }

    private void end(Transaction t) {
        transaction = null;
        t.discard();
        transactionEnded.signalAll();
    }

    private void awaitNoTransaction() {
        long remaining = lockTimeoutNanos;
        while (transaction != null) {
            if (remaining <= 0) {
                throw new BackendException(Kind.LOCKED, "another thread's transaction held the store for "
                        + TimeUnit.NANOSECONDS.toMillis(lockTimeoutNanos) + " ms (the lock timeout)");
            }
            try {
                remaining = transactionEnded.awaitNanos(remaining);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BackendException(Kind.OTHER, "interrupted while waiting for a transaction", e);
            }
        }
    }

    /** Waits until every published write is applied, so the views equal the schema. */
    private void drain() {
        try {
            lastAppend.join();
        } catch (CompletionException | java.util.concurrent.CancellationException e) {
            // that write's caller got the error; the views are as the log says
        }
    }

    /**
     * The decision that was refused by the log changed the schema already; the schema is read
     * back from the views once every write in flight is applied (under the lock: no decision
     * runs meanwhile).
     */
    private void resync() {
        drain();
        nextSequence = log.lastSequence() + 1;
        try (SnapshotReader r = views.snapshot()) {
            schema = Schema.load(r);
        } catch (RuntimeException e) {
            // the views failed too; the next write finds the log or the views failed
        }
    }

    private CompletableFuture<Long> append(List<Object> events, String transactionId, PendingWrite write) {
        try {
            CompletableFuture<Long> appended = log.append(events, transactionId, AuditIdentity.current(), write);
            nextSequence++;
            return appended;
        } catch (EntryTooLargeException e) {
            throw new BackendException(Kind.VALIDATION, "the item or transaction is too large to store: "
                    + e.getMessage(), e);
        } catch (LogException e) {
            throw Errors.io("cannot append to the log: ", e);
        }
    }

    private static void await(CompletableFuture<Long> appended, PendingWrite write) {
        // Unforced writes come back within microseconds; yielding briefly first saves most
        // callers a park and an unpark, which cost more than the write itself here.
        long yieldUntil = System.nanoTime() + ACK_YIELD_NANOS;
        while (!appended.isDone() && System.nanoTime() < yieldUntil) {
            Thread.yield();
        }
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    appended.get();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true; // the write is in the ring; it must be seen through
                }
            }
        } catch (ExecutionException e) {
            throw Errors.io("write failed: ", e.getCause());
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        if (write.failure != null) {
            throw Errors.io("applying the write to the views failed: ", write.failure);
        }
    }
}
