package io.tidelog.log;

import io.tidelog.schemas.LogEntry;

/** An entry together with where it is stored. */
public record StoredEntry(LogEntry entry, LogPosition position) {
    public long sequence() {
        return entry.getSequence();
    }
}
