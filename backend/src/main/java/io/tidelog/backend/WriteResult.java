package io.tidelog.backend;

import java.util.List;

/**
 * Tidelog extension: what {@link AtomicWriter#write} did.
 *
 * @param sequence        the mutation's log sequence (inside a transaction: the sequence its
 *                        commit will have, as no other writer can append before it)
 * @param previousItems   for each write, in order: the previous {@code itemJson} of a
 *                        {@link Write.Put} or {@link Write.Delete} (null when there was no row),
 *                        null for the other kinds; an unmodifiable list that may hold nulls
 * @param streamSequenceNumbers the sequence numbers given to the {@link Write.Stream} writes, in order
 */
public record WriteResult(long sequence, List<String> previousItems, List<String> streamSequenceNumbers) {}
