package io.tidelog.projections;

import java.nio.ByteBuffer;
import java.util.Map;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;

/**
 * Reads the latest committed state without a snapshot, answering table-registry lookups from an
 * in-memory copy of the registry. Cheap, but consistent only for a read that makes one RocksDB
 * access besides the registry (one get, or one iterator, which pins its own implicit snapshot);
 * the caller checks that the registry copy did not change during the read.
 */
public final class LatestReader implements ViewReader {
    private final Views views;
    private final Map<ByteBuffer, byte[]> registry;

    public LatestReader(Views views, Map<ByteBuffer, byte[]> registry) {
        this.views = views;
        this.registry = registry;
    }

    @Override
    public byte[] get(Family family, byte[] key) {
        if (family == Family.TABLES) {
            return registry.get(ByteBuffer.wrap(key));
        }
        try {
            return views.db().get(views.handle(family), key);
        } catch (RocksDBException e) {
            throw new ViewException("view read failed: " + e.getMessage(), e);
        }
    }

    @Override
    public RocksIterator iterator(Family family) {
        return views.db().newIterator(views.handle(family));
    }
}
