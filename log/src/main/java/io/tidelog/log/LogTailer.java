package io.tidelog.log;

import java.time.Duration;
import java.util.Optional;

/**
 * A following reader: returns the next entry in sequence order, waiting up to a timeout for one
 * to be written (by this process or another). Not thread-safe: one consumer per tailer.
 */
public interface LogTailer extends AutoCloseable {

    /** The next entry, or empty when none arrived within {@code timeout}. */
    Optional<StoredEntry> next(Duration timeout) throws InterruptedException;

    /** The sequence the next call to {@link #next} will return. */
    long nextSequence();

    @Override
    void close();
}
