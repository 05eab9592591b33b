package io.tidelog.backend.internal;

/**
 * Where a call's events will be in the log: the entry's sequence and the index its first event
 * will have in the entry (non-zero inside a transaction that already holds events).
 */
record EntryPlace(long sequence, int firstEventIndex) {}
