package io.tidelog.log;

import java.time.Instant;

/**
 * Read access to a log: by sequence, by time, and by following its tail. Every reader is an
 * independent cursor; none of them changes the files.
 */
public interface ReadableLog extends AutoCloseable {

    /** First sequence in the log (1 for a log that was never trimmed), or 0 when empty. */
    long firstSequence();

    /** Newest sequence written to the files (complete frames only), or 0 when empty. */
    long lastSequence();

    /** An iterator over the entries with sequence {@code >= fromSequence}, up to the end known now. */
    LogReader read(long fromSequence);

    /** The entry stored at {@code position} (from a {@link StoredEntry} or a commit listener). */
    StoredEntry readAt(LogPosition position);

    /**
     * Sequence of the first entry whose commit time is at or after {@code time}, or
     * {@code lastSequence() + 1} when there is none.
     */
    long seekByTime(Instant time);

    /**
     * A cursor that starts at {@code fromSequence} and waits for entries that are not written
     * yet; works in a process other than the writer's.
     */
    LogTailer tail(long fromSequence);

    @Override
    void close();
}
