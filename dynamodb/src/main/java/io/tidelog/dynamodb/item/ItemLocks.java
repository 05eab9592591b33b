package io.tidelog.dynamodb.item;

import java.util.Arrays;
import java.util.Collection;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Serialises the writes to each item. A write reads the item, decides (conditions, update
 * expressions, index entries, stream images) and writes it back; holding the item's lock from
 * the read until the backend has applied the write makes that a single step, while writes to
 * other items run at the same time and share the log's group commits.
 *
 * <p>Locks are striped by item: a stripe may cover several items, which only costs concurrency.
 * Several items are locked in ascending stripe order, so callers cannot deadlock each other.
 *
 * <p>Thread-safe. Locks are reentrant; release them with {@link Held#close()} on the same thread.
 */
public final class ItemLocks {
    private static final int STRIPES = 4096;
    private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];

    public ItemLocks() {
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new ReentrantLock();
        }
    }

    /** The stripe of an item, named by its table and key strings. */
    public static int stripe(String table, String pk, String sk) {
        int h = table.hashCode();
        h = 31 * h + pk.hashCode();
        h = 31 * h + sk.hashCode();
        h ^= h >>> 16;
        return (h & 0x7fffffff) % STRIPES;
    }

    public Held lock(String table, String pk, String sk) {
        ReentrantLock l = stripes[stripe(table, pk, sk)];
        l.lock();
        return new Held(new ReentrantLock[] {l});
    }

    /** Locks every stripe in {@code stripeIndexes} (from {@link #stripe}), in ascending order. */
    public Held lockAll(Collection<Integer> stripeIndexes) {
        int[] sorted = stripeIndexes.stream().mapToInt(Integer::intValue).distinct().sorted().toArray();
        ReentrantLock[] held = new ReentrantLock[sorted.length];
        int taken = 0;
        try {
            for (int s : sorted) {
                stripes[s].lock();
                held[taken++] = stripes[s];
            }
        } catch (RuntimeException | Error e) {
            new Held(Arrays.copyOf(held, taken)).close();
            throw e;
        }
        return new Held(held);
    }

    /** Locks held by one call; closing releases them. */
    public static final class Held implements AutoCloseable {
        private final ReentrantLock[] locks;

        private Held(ReentrantLock[] locks) {
            this.locks = locks;
        }

        @Override
        public void close() {
            for (int i = locks.length - 1; i >= 0; i--) {
                locks[i].unlock();
            }
        }
    }
}
