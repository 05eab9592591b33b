package io.tidelog.log;

/**
 * When an appended entry is acknowledged.
 *
 * <ul>
 *   <li>{@code SYNC}: after the batch holding it was written and forced (one force per batch:
 *       group commit).
 *   <li>{@code ASYNC}: after it was written to the operating system; the journaler forces at
 *       most {@link LogOptions#asyncForceInterval()} later.
 *   <li>{@code NONE}: after it was written to the operating system; forced only by
 *       {@link Log#force()}, a switch back to SYNC or ASYNC, or {@link Log#close()}.
 * </ul>
 */
public enum SyncMode { SYNC, ASYNC, NONE }
