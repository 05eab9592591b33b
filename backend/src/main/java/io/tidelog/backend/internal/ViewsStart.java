package io.tidelog.backend.internal;

import io.tidelog.backend.BackendException;
import io.tidelog.backend.BackendException.Kind;
import java.nio.file.Path;
import java.util.List;

/**
 * Where views built for a sequence start, so that only the log after it is replayed: the newest
 * checkpoint at or before the sequence and not before the horizon, else the base at the horizon,
 * else nothing (a store whose history was never trimmed replays from its first entry). Every
 * replay of the log into fresh views goes through here, so none can start from an empty state
 * once the log no longer starts at entry 1.
 */
final class ViewsStart {
    private ViewsStart() {}

    /**
     * Copies the starting point for {@code sequence} into {@code target} and returns the sequence
     * it holds (0: nothing was copied; replay the whole log into empty views).
     *
     * @throws BackendException IO when the base cannot be copied (a compaction in another
     *     process may have replaced it: {@link HorizonRecord#withStable} retries)
     */
    static long copy(Path root, HorizonRecord horizon, long sequence, Path target) {
        if (sequence < horizon.sequence()) {
            throw new IllegalArgumentException("sequence " + sequence + " is before the horizon " + horizon.sequence());
        }
        List<Long> checkpoints = Checkpoints.list(root);
        for (int i = checkpoints.size() - 1; i >= 0; i--) {
            long c = checkpoints.get(i);
            if (c <= sequence && c >= horizon.sequence() && Checkpoints.copy(root, c, target)) {
                return c;
            }
        }
        return base(root, horizon, target);
    }

    /**
     * Copies the base at the horizon into {@code target}, when the history was trimmed, and
     * returns the sequence it holds (0: nothing copied). Rebuilds start here: they replay the
     * whole log the store still has.
     */
    static long base(Path root, HorizonRecord horizon, Path target) {
        if (horizon.sequence() == 0) {
            return 0;
        }
        if (!Checkpoints.copyViews(BaseDirectory.views(root, horizon.sequence()), target)) {
            throw new BackendException(Kind.IO, "cannot read the base of " + root + " at sequence "
                    + horizon.sequence() + " (" + BaseDirectory.views(root, horizon.sequence()) + ")");
        }
        return horizon.sequence();
    }
}
