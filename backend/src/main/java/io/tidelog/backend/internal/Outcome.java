package io.tidelog.backend.internal;

import java.util.List;

/**
 * The result of a mutating call: the decided value, the projector's per-event results, and the
 * entry's log sequence (0 when the call logged nothing).
 */
record Outcome(Object value, List<String> results, long sequence) {
    String result(int event) {
        return results == null || results.size() <= event ? null : results.get(event);
    }
}
