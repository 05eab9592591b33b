package io.tidelog.backend.internal;

import java.util.List;

/**
 * What a mutating call decided against the schema: the events to log (none when the call
 * changes nothing) and any result known at decision time.
 */
record Decided(List<Object> events, Object value) {
    static Decided of(Object... events) {
        return new Decided(List.of(events), null);
    }

    static Decided of(List<Object> events) {
        return new Decided(List.copyOf(events), null);
    }

    static Decided nothing(Object value) {
        return new Decided(List.of(), value);
    }

    static Decided nothing() {
        return nothing(null);
    }
}
