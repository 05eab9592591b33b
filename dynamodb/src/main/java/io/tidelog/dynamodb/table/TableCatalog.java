package io.tidelog.dynamodb.table;

import io.tidelog.backend.StorageBackend;
import io.tidelog.backend.TableMetadata;
import io.tidelog.dynamodb.error.Errors;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The tables of a store, as parsed {@link TableSchema}s cached in front of the backend's catalog,
 * and the lock of each table: item operations hold a table's read lock while they run, and
 * operations that change a table's definition (create, delete, update, indexes, streams, TTL)
 * hold its write lock and {@link #invalidate} the cached schema before releasing it.
 *
 * <p>Table locks are striped by name, so a name costs no memory. A call that locks several tables
 * takes their stripes in ascending {@link #stripe} order, which keeps two such calls from
 * waiting on each other in a cycle.
 *
 * <p>Thread-safe.
 */
public final class TableCatalog {
    private final StorageBackend backend;
    private final ConcurrentMap<String, TableSchema> schemas = new ConcurrentHashMap<>();
    private final ReadWriteLock[] locks = new ReadWriteLock[STRIPES];
    private static final int STRIPES = 64;

    public TableCatalog(StorageBackend backend) {
        this.backend = backend;
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new ReentrantReadWriteLock();
        }
    }

    /** The table, or empty when there is none. */
    public Optional<TableSchema> find(String tableName) {
        TableSchema cached = schemas.get(tableName);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<TableMetadata> m = backend.getTableMetadata(tableName);
        if (m.isEmpty()) {
            return Optional.empty();
        }
        TableSchema s = TableSchema.of(m.get());
        schemas.put(tableName, s);
        return Optional.of(s);
    }

    /** The table, or DynamoDB's {@code ResourceNotFoundException} as item operations word it. */
    public TableSchema require(String tableName) {
        return find(tableName).orElseThrow(Errors::tableNotFound);
    }

    /** Forgets the cached schema of {@code tableName}; its next use reads the catalog again. */
    public void invalidate(String tableName) {
        schemas.remove(tableName);
    }

    /** The lock of {@code tableName} (which need not exist). */
    public ReadWriteLock lock(String tableName) {
        return locks[stripe(tableName)];
    }

    /** The stripe of {@code tableName}'s lock: the order in which several tables are locked. */
    public static int stripe(String tableName) {
        return (tableName.hashCode() & 0x7fffffff) % STRIPES;
    }
}
