package io.tidelog.backend;

/**
 * When a mutation is acknowledged (§3.4).
 *
 * <ul>
 *   <li>{@code SYNC}: after its log record is fsynced. Survives a process crash and power loss.
 *   <li>{@code ASYNC}: after its log record is written to the operating system; fsynced within
 *       50 ms (at most one second). Survives a process crash; power loss may lose the last
 *       interval.
 *   <li>{@code NONE}: after its log record is written to the operating system; fsynced only when
 *       bulk loading ends or on {@code close()}. Survives a process crash; no promise on power
 *       loss since the last fsync.
 * </ul>
 */
public enum Durability { SYNC, ASYNC, NONE }
