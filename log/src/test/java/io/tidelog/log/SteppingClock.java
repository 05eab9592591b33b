package io.tidelog.log;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/** A clock that moves forward by a fixed step every {@code ticksPerStep} readings: commit times a test can predict. */
final class SteppingClock extends Clock {
    private final Instant start;
    private final Duration step;
    private final int ticksPerStep;
    private final AtomicLong readings = new AtomicLong();

    SteppingClock(Instant start, Duration step, int ticksPerStep) {
        this.start = start;
        this.step = step;
        this.ticksPerStep = ticksPerStep;
    }

    /** The instant the {@code n}-th reading (from 0) returns. */
    Instant at(long n) {
        return start.plus(step.multipliedBy(n / ticksPerStep));
    }

    @Override
    public Instant instant() {
        return at(readings.getAndIncrement());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException();
    }
}
