package io.tidelog.log;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link FileLog} writes. Immutable.
 *
 * @param segmentBytes       roll to a new segment once the current one holds this many bytes
 * @param ringSize           slots in the Disruptor ring (a power of two); a full ring blocks producers
 * @param syncMode           initial durability mode
 * @param asyncForceInterval in ASYNC, the longest an acknowledged entry waits for its force
 * @param indexIntervalBytes a sparse index entry at least every this many bytes of a segment
 * @param clock              source of commit times
 */
public record LogOptions(long segmentBytes, int ringSize, SyncMode syncMode,
        Duration asyncForceInterval, int indexIntervalBytes, Clock clock) {

    public static final long DEFAULT_SEGMENT_BYTES = 64L << 20;

    public LogOptions {
        if (segmentBytes < 1024) {
            throw new IllegalArgumentException("segmentBytes must be at least 1024: " + segmentBytes);
        }
        if (ringSize < 1 || Integer.bitCount(ringSize) != 1) {
            throw new IllegalArgumentException("ringSize must be a power of two: " + ringSize);
        }
        Objects.requireNonNull(syncMode, "syncMode");
        Objects.requireNonNull(asyncForceInterval, "asyncForceInterval");
        if (asyncForceInterval.isNegative() || asyncForceInterval.isZero()
                || asyncForceInterval.compareTo(Duration.ofSeconds(1)) > 0) {
            throw new IllegalArgumentException(
                    "asyncForceInterval must be above zero and at most one second: " + asyncForceInterval);
        }
        if (indexIntervalBytes < 1) {
            throw new IllegalArgumentException("indexIntervalBytes must be positive: " + indexIntervalBytes);
        }
        Objects.requireNonNull(clock, "clock");
    }

    public static LogOptions defaults() {
        return new LogOptions(DEFAULT_SEGMENT_BYTES, 4096, SyncMode.SYNC, Duration.ofMillis(50), 4096,
                Clock.systemUTC());
    }

    public LogOptions withSegmentBytes(long bytes) {
        return new LogOptions(bytes, ringSize, syncMode, asyncForceInterval, indexIntervalBytes, clock);
    }

    public LogOptions withSyncMode(SyncMode mode) {
        return new LogOptions(segmentBytes, ringSize, mode, asyncForceInterval, indexIntervalBytes, clock);
    }

    public LogOptions withClock(Clock c) {
        return new LogOptions(segmentBytes, ringSize, syncMode, asyncForceInterval, indexIntervalBytes, c);
    }

    public LogOptions withRingSize(int size) {
        return new LogOptions(segmentBytes, size, syncMode, asyncForceInterval, indexIntervalBytes, clock);
    }

    public LogOptions withAsyncForceInterval(Duration interval) {
        return new LogOptions(segmentBytes, ringSize, syncMode, interval, indexIntervalBytes, clock);
    }

    public LogOptions withIndexIntervalBytes(int bytes) {
        return new LogOptions(segmentBytes, ringSize, syncMode, asyncForceInterval, bytes, clock);
    }
}
