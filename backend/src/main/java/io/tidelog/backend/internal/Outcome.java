package io.tidelog.backend.internal;

import java.util.List;

/** The result of a mutating call: the decided value and the projector's per-event results. */
record Outcome(Object value, List<String> results) {
    String result(int event) {
        return results == null || results.size() <= event ? null : results.get(event);
    }
}
