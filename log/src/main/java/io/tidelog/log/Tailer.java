package io.tidelog.log;

import java.time.Duration;
import java.util.Optional;

/** {@link LogTailer} on a {@link LogHead}: reads what the log holds, then waits for more. */
final class Tailer implements LogTailer {
    private final SegmentCursor cursor;
    private final LogHead head;
    private long known;

    Tailer(SegmentCatalog catalog, LogHead head, long from) {
        this.cursor = new SegmentCursor(catalog, from);
        this.head = head;
    }

    @Override
    public Optional<StoredEntry> next(Duration timeout) throws InterruptedException {
        long wanted = cursor.nextSequence();
        if (wanted > known) {
            known = head.lastSequence();
            if (wanted > known) {
                if (!head.awaitSequence(wanted, nanos(timeout))) {
                    return Optional.empty();
                }
                known = head.lastSequence();
            }
        }
        return Optional.of(cursor.read());
    }

    private static long nanos(Duration timeout) {
        if (timeout.isNegative()) {
            return 0;
        }
        try {
            return timeout.toNanos();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    @Override
    public long nextSequence() {
        return cursor.nextSequence();
    }

    @Override
    public void close() {
        cursor.close();
    }
}
