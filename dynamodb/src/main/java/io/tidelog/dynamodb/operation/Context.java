package io.tidelog.dynamodb.operation;

import io.tidelog.backend.StorageBackend;
import io.tidelog.dynamodb.ServiceOptions;
import io.tidelog.dynamodb.item.ItemLocks;
import io.tidelog.dynamodb.table.TableCatalog;
import java.time.Clock;

/**
 * What one call runs against: the store (current, or a past state for as-of reads), its table
 * catalog and locks, the options, and who is calling. The call's operation reports here the
 * sequence of the state its reply reflects.
 *
 * <p>Confined to the call's thread.
 */
public final class Context {
    private final StorageBackend backend;
    private final TableCatalog tables;
    private final ItemLocks locks;
    private final ServiceOptions options;
    private final Clock clock;
    private final String identity;
    private long sequence = -1;

    public Context(StorageBackend backend, TableCatalog tables, ItemLocks locks, ServiceOptions options,
            String identity) {
        this.backend = backend;
        this.tables = tables;
        this.locks = locks;
        this.options = options;
        this.clock = options.clock() != null ? options.clock() : backend.clock();
        this.identity = identity;
    }

    public StorageBackend backend() {
        return backend;
    }

    public TableCatalog tables() {
        return tables;
    }

    public ItemLocks locks() {
        return locks;
    }

    public ServiceOptions options() {
        return options;
    }

    /** The time of stream records, TTL expiry and creation times. */
    public Clock clock() {
        return clock;
    }

    /** The caller's access key id, or null. */
    public String identity() {
        return identity;
    }

    /** Records the log sequence of a write this call made (the reply reflects the newest). */
    public void wrote(long logSequence) {
        sequence = Math.max(sequence, logSequence);
    }

    /** The sequence the reply reflects: the newest write's, else the store's at the end of the call. */
    public long sequence() {
        return sequence >= 0 ? sequence : backend.lastSequence();
    }
}
