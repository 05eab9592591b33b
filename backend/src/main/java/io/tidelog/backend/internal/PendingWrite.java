package io.tidelog.backend.internal;

import java.util.List;

/**
 * Travels with an appended entry through the ring to the live projection, which fills in the
 * per-event results (previous items) or the failure before the append's future completes.
 */
final class PendingWrite {
    volatile List<String> results;
    volatile RuntimeException failure;
}
