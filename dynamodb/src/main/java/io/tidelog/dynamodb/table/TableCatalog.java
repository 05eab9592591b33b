package io.tidelog.dynamodb.table;

import io.tidelog.backend.StorageBackend;
import io.tidelog.backend.TableMetadata;
import io.tidelog.dynamodb.error.Errors;
import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The tables of a store, as parsed {@link TableSchema}s cached in front of the backend's catalog,
 * and the lock of each table. Item operations run under {@link #read} (a table's read lock);
 * operations that change a table's definition (create, delete, update, indexes, streams, TTL)
 * run under {@link #write}, which forgets the cached schema when it is released.
 *
 * <p>Table locks are striped by name, so a name costs no memory. {@link #readAll} takes several
 * stripes in ascending order, which keeps two such calls from waiting on each other in a cycle.
 *
 * <p>Thread-safe.
 */
public final class TableCatalog {
    private static final int STRIPES = 64;

    private final StorageBackend backend;
    private final ConcurrentMap<String, TableSchema> schemas = new ConcurrentHashMap<>();
    private final ReadWriteLock[] locks = new ReadWriteLock[STRIPES];

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

    /** Holds {@code tableName}'s read lock until closed: its definition cannot change meanwhile. */
    public Held read(String tableName) {
        Lock l = locks[stripe(tableName)].readLock();
        l.lock();
        return new Held(new Lock[] {l}, null);
    }

    /** Holds the read locks of several tables until closed. */
    public Held readAll(Collection<String> tableNames) {
        int[] stripes = tableNames.stream().mapToInt(TableCatalog::stripe).distinct().sorted().toArray();
        Lock[] held = new Lock[stripes.length];
        int taken = 0;
        try {
            for (int s : stripes) {
                Lock l = locks[s].readLock();
                l.lock();
                held[taken++] = l;
            }
        } catch (RuntimeException | Error e) {
            new Held(java.util.Arrays.copyOf(held, taken), null).close();
            throw e;
        }
        return new Held(held, null);
    }

    /**
     * Holds {@code tableName}'s write lock until closed: no item operation runs on it meanwhile.
     * Closing forgets the cached schema, so the next use reads the changed catalog row.
     */
    public Held write(String tableName) {
        Lock l = locks[stripe(tableName)].writeLock();
        l.lock();
        schemas.remove(tableName);
        return new Held(new Lock[] {l}, tableName);
    }

    private static int stripe(String tableName) {
        return (tableName.hashCode() & 0x7fffffff) % STRIPES;
    }

    /** Table locks held by one call. */
    public final class Held implements AutoCloseable {
        private final Lock[] held;
        private final String changed;

        private Held(Lock[] held, String changed) {
            this.held = held;
            this.changed = changed;
        }

        @Override
        public void close() {
            if (changed != null) {
                schemas.remove(changed);
            }
            for (int i = held.length - 1; i >= 0; i--) {
                held[i].unlock();
            }
        }
    }
}
