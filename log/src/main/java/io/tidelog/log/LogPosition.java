package io.tidelog.log;

/** Where a frame starts: the segment (named by its first sequence) and the byte offset in it. */
public record LogPosition(long segment, long offset) {}
