package io.tidelog.backend.internal;

import io.tidelog.backend.Horizon;
import io.tidelog.backend.RetentionFloor;
import java.time.Instant;

/** What {@link io.tidelog.backend.Retention} asks of a Tidelog backend. */
public interface RetentionControl {

    Horizon horizon();

    Horizon compactBefore(long sequence);

    Horizon compactBefore(Instant time);

    /** Registers the floor; the returned action removes it. */
    Runnable addFloor(RetentionFloor floor);
}
