package io.tidelog.backend.internal;

import io.tidelog.log.LogException;
import io.tidelog.log.LogReader;
import io.tidelog.log.ReadableLog;
import io.tidelog.log.StoredEntry;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Reads and decodes log entries on its own thread, a bounded queue ahead of the consumer, so
 * replay overlaps decoding with applying. Single consumer; close it to stop the reader.
 */
final class LogPrefetcher implements AutoCloseable {
    private static final int DEPTH = 4_096;
    private static final Object END = new Object();

    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(DEPTH);
    private final Thread reader;
    private volatile boolean closed;
    private boolean ended;

    LogPrefetcher(ReadableLog log, long from, long upTo) {
        reader = new Thread(() -> {
            Object last = END;
            // entries are gap-free: stop before reading past upTo, so damage after it is never met
            try (LogReader r = log.read(from)) {
                for (long next = Math.max(from, log.firstSequence()); next <= upTo && !closed && r.hasNext(); next++) {
                    StoredEntry e = r.next();
                    if (e.sequence() > upTo) {
                        break;
                    }
                    put(e);
                }
            } catch (RuntimeException e) {
                last = e;
            }
            put(last);
        }, "tidelog-replay-reader");
        reader.setDaemon(true);
        reader.start();
    }

    private void put(Object o) {
        try {
            while (!closed && !queue.offer(o, 100, TimeUnit.MILLISECONDS)) {
                // the consumer is applying; wait for room
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The next entry, or null after the last one. Rethrows a read failure. */
    StoredEntry next() {
        if (ended) {
            return null;
        }
        Object o;
        try {
            o = queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LogException("interrupted while replaying the log", e);
        }
        if (o == END) {
            ended = true;
            return null;
        }
        if (o instanceof RuntimeException e) {
            ended = true;
            throw e;
        }
        return (StoredEntry) o;
    }

    @Override
    public void close() {
        closed = true;
        queue.clear();
        try {
            reader.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
