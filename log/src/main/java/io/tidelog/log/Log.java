package io.tidelog.log;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The write-ahead log: the only source of truth of a Tidelog store.
 *
 * <p>Threading: {@link #append} may be called from any number of threads at once. Entries are
 * given gap-free sequence numbers in the order their producers claimed a slot in the ring, and
 * each producer's own appends keep their order. Reading ({@link ReadableLog}) is safe from any
 * thread while appends run.
 *
 * <p>Implementations: {@link FileLog} (segment files on local disk). The entry encoding is
 * independent of the framing, so a second implementation can put the same entries on a
 * distributed log without the projections noticing.
 */
public interface Log extends ReadableLog {

    /**
     * Appends one entry holding {@code events} (instances of the generated event classes).
     * Blocks while the ring is full. The future completes with the entry's sequence number
     * once the entry is as durable as the current {@link SyncMode} promises and, when the log
     * was opened with a {@link CommitListener}, after the listener has handled it; it completes
     * exceptionally with a {@link LogException} when the entry could not be written.
     *
     * @param attachment handed to the {@link CommitListener} with the entry; may be null
     */
    CompletableFuture<Long> append(List<Object> events, String transactionId, String identity,
            Object attachment);

    /** Switches durability for entries appended from now on (bulk loading uses NONE). */
    void syncMode(SyncMode mode);

    SyncMode syncMode();

    /** Forces everything written so far to stable storage before returning. */
    void force();

    /** Drains the ring, forces, releases the directory lock. Idempotent. */
    @Override
    void close();

    static List<Object> events(Object... events) {
        return List.of(events);
    }
}
