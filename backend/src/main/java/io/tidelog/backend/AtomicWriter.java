package io.tidelog.backend;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Tidelog extension: applies a list of writes (rows, index entries, stream records) as one
 * mutation, one log entry, atomically as a multi-row call (§3.1): if any write fails, for
 * example on a missing table, none is applied. Each write has the effect of the method it names.
 * Inside a transaction on the calling thread it belongs to the transaction, like any mutating
 * call.
 *
 * <p>Unlike a transaction it takes no lock that other writers wait for, so concurrent calls share
 * the log's group commits. Callers that read before they write (a conditional put) serialise
 * their own access to the rows they touch.
 *
 * <p>Stream records get their sequence numbers from the mutation's place in the log: the log
 * sequence times 1,000,000 plus the write's index in the entry, as 21 decimal digits with leading
 * zeros. They therefore increase in log order across all tables and shards, and a record's number
 * says which entry holds it.
 *
 * <p>Tidelog's writable backends implement this interface; {@link #of} gives it for any
 * backend. Thread-safe, like the backend.
 */
public interface AtomicWriter {

    WriteResult write(List<Write> writes);

    /**
     * The backend's own writer, or, for a backend that has none, one that runs the writes one by
     * one in a transaction of its own (so it must not be called inside one) and numbers stream
     * records with {@link StorageBackend#nextStreamSequenceNumber}.
     */
    static AtomicWriter of(StorageBackend backend) {
        return backend instanceof AtomicWriter w ? w : writes -> inTransaction(backend, writes);
    }

    private static WriteResult inTransaction(StorageBackend b, List<Write> writes) {
        b.beginTransaction();
        boolean committed = false;
        try {
            List<String> previous = new ArrayList<>(writes.size());
            List<String> numbers = new ArrayList<>();
            for (Write w : writes) {
                if (w instanceof Write.Put p) {
                    previous.add(b.putItemWithHash(p.tableName(), p.pk(), p.sk(), p.itemJson(), p.itemSize(),
                            p.hashPrefix()).orElse(null));
                } else if (w instanceof Write.Delete d) {
                    previous.add(b.deleteItem(d.tableName(), d.pk(), d.sk()).orElse(null));
                } else if (w instanceof Write.Index i) {
                    b.applyIndexWrites(List.of(i.op()));
                    previous.add(null);
                } else if (w instanceof Write.Stream s) {
                    String number = String.format("%021d", b.nextStreamSequenceNumber(s.tableName()));
                    b.insertStreamRecordWithIdentity(s.tableName(), s.eventName(), s.keysJson(), s.newImage(),
                            s.oldImage(), number, s.shardId(), s.createdAt(), s.userIdentity());
                    numbers.add(number);
                    previous.add(null);
                }
            }
            b.commit();
            committed = true;
            return new WriteResult(b.lastSequence(), Collections.unmodifiableList(previous), List.copyOf(numbers));
        } finally {
            if (!committed) {
                b.rollback();
            }
        }
    }
}
