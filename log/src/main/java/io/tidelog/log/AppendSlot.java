package io.tidelog.log;

import io.tidelog.schemas.LogEntry;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One slot of the append ring. The producer fills the first group of fields, the journaler the
 * second, the commit listener's stage the last; the Disruptor's sequences order those writes.
 * The stage that completes the future clears the slot so the ring does not keep entries alive.
 */
final class AppendSlot {
    byte[] encodedEvents;
    List<Object> events;
    String transactionId;
    String identity;
    Object attachment;
    SyncMode mode;
    CompletableFuture<Long> future;

    long sequence;
    long timeMicros;
    long segment;
    long offset;
    LogException failure;

    Throwable listenerFailure;

    LogEntry toEntry() {
        return new LogEntry(sequence, timeMicros, transactionId, identity, events);
    }

    LogPosition position() {
        return new LogPosition(segment, offset);
    }

    /**
     * Completes the append: with the sequence, or with why it failed. Callbacks chained on the
     * future without an executor run here, on the log's thread.
     */
    void complete() {
        CompletableFuture<Long> f = future;
        if (failure != null) {
            f.completeExceptionally(failure);
        } else if (listenerFailure != null) {
            f.completeExceptionally(new LogException("commit listener failed on entry " + sequence
                    + " (the entry is in the log): " + listenerFailure, listenerFailure));
        } else {
            f.complete(sequence);
        }
        encodedEvents = null;
        events = null;
        transactionId = null;
        identity = null;
        attachment = null;
        future = null;
        failure = null;
        listenerFailure = null;
    }
}
