package io.tidelog.log;

/**
 * What one segment of a log holds, as retention weighs it: the entries {@code base} to
 * {@code lastSequence} ({@code lastSequence == base - 1} when it holds none yet) in
 * {@code bytes} bytes of segment file.
 */
public record SegmentSpan(long base, long lastSequence, long bytes) {}
