package io.tidelog.backend;

/** The smallest and largest stream sequence numbers of a shard, as stored; both null when it has none. */
public record SequenceRange(String first, String last) {}
