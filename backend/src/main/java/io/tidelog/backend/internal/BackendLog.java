package io.tidelog.backend.internal;

import io.tidelog.log.LogException;
import io.tidelog.log.LogPosition;
import io.tidelog.log.LogReader;
import io.tidelog.log.LogTailer;
import io.tidelog.log.ReadableLog;
import io.tidelog.log.StoredEntry;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A log read by the backend's own readers (audit history, change streams): every failure comes
 * out as a {@code BackendException}, damage as {@code NOT_A_DATABASE} and the rest as
 * {@code IO} ({@link Errors#storage}), from the log and from the readers and tailers it makes.
 */
public final class BackendLog implements ReadableLog {
    private final ReadableLog log;

    public BackendLog(ReadableLog log) {
        this.log = log;
    }

    private static <T> T call(Supplier<T> read) {
        try {
            return read.get();
        } catch (LogException e) {
            throw Errors.storage(e);
        }
    }

    @Override
    public long firstSequence() {
        return call(log::firstSequence);
    }

    @Override
    public long lastSequence() {
        return call(log::lastSequence);
    }

    @Override
    public LogReader read(long fromSequence) {
        LogReader reader = call(() -> log.read(fromSequence));
        return new LogReader() {
            @Override
            public boolean hasNext() {
                return call(reader::hasNext);
            }

            @Override
            public StoredEntry next() {
                return call(reader::next);
            }

            @Override
            public void close() {
                reader.close();
            }
        };
    }

    @Override
    public StoredEntry readAt(LogPosition position) {
        return call(() -> log.readAt(position));
    }

    @Override
    public long seekByTime(Instant time) {
        return call(() -> log.seekByTime(time));
    }

    @Override
    public LogTailer tail(long fromSequence) {
        LogTailer tailer = call(() -> log.tail(fromSequence));
        return new LogTailer() {
            @Override
            public Optional<StoredEntry> next(Duration timeout) throws InterruptedException {
                try {
                    return tailer.next(timeout);
                } catch (LogException e) {
                    throw Errors.storage(e);
                }
            }

            @Override
            public long nextSequence() {
                return tailer.nextSequence();
            }

            @Override
            public void close() {
                tailer.close();
            }
        };
    }

    @Override
    public void close() {
        log.close();
    }
}
