package io.tidelog.backend.internal;

import io.tidelog.log.SegmentSpan;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * The bounds a store's options set on its history (by age, by size of the log) and the horizon
 * they ask for: the newest sequence whose state may go. Retention drops whole segments, so a
 * bound asks for a new horizon only once the oldest segment can go.
 *
 * @param age   keep every state from this long ago on; null: no bound by age
 * @param bytes keep the segment files within this many bytes; 0: no bound by size
 */
record RetentionBounds(Duration age, long bytes) {

    boolean any() {
        return age != null || bytes > 0;
    }

    /**
     * The horizon the bounds ask for, or 0 when they would drop no segment now.
     *
     * @param spans      the log's segments, oldest first, the last being appended to
     * @param now        the store's clock
     * @param sequenceAt the newest sequence committed at or before an instant (0 when none)
     */
    long target(List<SegmentSpan> spans, Instant now, ToLongFunction<Instant> sequenceAt) {
        if (spans.size() < 2) {
            return 0;
        }
        long target = 0;
        if (bytes > 0) {
            int last = spans.size() - 1;
            long total = spans.get(last).bytes();
            for (int i = last - 1; i >= 0; i--) {
                total += spans.get(i).bytes();
                if (total > bytes) {
                    target = spans.get(i).lastSequence();
                    break;
                }
            }
        }
        if (age != null) {
            Instant cutoff;
            try {
                cutoff = now.minus(age);
            } catch (DateTimeException | ArithmeticException beforeAllTime) {
                cutoff = null;
            }
            if (cutoff != null) {
                target = Math.max(target, sequenceAt.applyAsLong(cutoff));
            }
        }
        return drops(spans, target) ? target : 0;
    }

    /** Whether a horizon at {@code sequence} lets the oldest segment go. */
    static boolean drops(List<SegmentSpan> spans, long sequence) {
        return spans.size() >= 2 && sequence >= spans.get(0).lastSequence();
    }
}
