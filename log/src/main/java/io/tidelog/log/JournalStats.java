package io.tidelog.log;

/**
 * Counters of a {@link FileLog}'s journaler since it was opened; a snapshot, cheap to take.
 *
 * @param entries        entries written
 * @param batches        batches the journaler took from the ring (each ends in one write, and
 *                       in SYNC one force)
 * @param largestBatch   the most entries one batch held
 * @param bytesWritten   frame bytes written to segments
 * @param forces         forces of segment data, by every cause (batch, timer, roll, caller)
 * @param forceNanos     total time spent in those forces
 * @param segmentsRolled segments started because the previous one was full
 */
public record JournalStats(long entries, long batches, long largestBatch, long bytesWritten,
        long forces, long forceNanos, long segmentsRolled) {

    public double averageBatchSize() {
        return batches == 0 ? 0 : (double) entries / batches;
    }

    public double averageForceMillis() {
        return forces == 0 ? 0 : forceNanos / 1e6 / forces;
    }
}
