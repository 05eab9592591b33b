package io.tidelog.projections;

import org.rocksdb.RocksIterator;

/**
 * Read access to one consistent state of the views: committed state from a snapshot, or
 * committed state with a transaction's or batch's pending writes laid over it.
 */
public interface ViewReader {

    /** The value at {@code key}, or null. */
    byte[] get(Family family, byte[] key);

    /** A new unpositioned iterator; the caller closes it. */
    RocksIterator iterator(Family family);
}
