package io.tidelog.backend.internal;

import io.tidelog.backend.BackendException;
import io.tidelog.backend.BackendException.Kind;

/**
 * The stream sequence numbers {@code StorageBackend.write} assigns: the entry's log sequence
 * times 1,000,000 plus the event's index in the entry, as 21 digits with leading zeros. Their
 * numeric order is log order, and their numeric value fits a {@code long} for every log this
 * side of 9.2 trillion entries.
 */
final class StreamNumbers {
    static final long EVENTS_PER_ENTRY = 1_000_000L;

    private StreamNumbers() {}

    static String of(long logSequence, int eventIndex) {
        if (eventIndex >= EVENTS_PER_ENTRY) {
            throw new BackendException(Kind.VALIDATION, "a write holds more than " + (EVENTS_PER_ENTRY - 1)
                    + " events; split it");
        }
        String digits = Long.toString(Math.multiplyExact(logSequence, EVENTS_PER_ENTRY) + eventIndex);
        return "0".repeat(Math.max(0, 21 - digits.length())) + digits;
    }
}
