package io.tidelog.backend.audit;

import io.tidelog.backend.BackendException;
import io.tidelog.backend.BackendException.Kind;
import io.tidelog.backend.Horizon;
import io.tidelog.backend.internal.BaseState;
import io.tidelog.backend.internal.HorizonRecord;
import io.tidelog.log.LogException;
import io.tidelog.log.LogReader;
import io.tidelog.log.ReadableLog;
import io.tidelog.log.StoredEntry;
import io.tidelog.schemas.BaseItem;
import io.tidelog.schemas.BaseItemsPut;
import io.tidelog.schemas.CachedAtTouched;
import io.tidelog.schemas.DataTableCreated;
import io.tidelog.schemas.DataTableDropped;
import io.tidelog.schemas.GsiItemDeleted;
import io.tidelog.schemas.GsiItemInserted;
import io.tidelog.schemas.ItemDeleted;
import io.tidelog.schemas.ItemPut;
import io.tidelog.schemas.LogEntry;
import io.tidelog.schemas.LsiItemDeleted;
import io.tidelog.schemas.LsiItemInserted;
import io.tidelog.schemas.StreamRecordInserted;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The audit trail of a store, read from its log: every mutation with its sequence, commit time,
 * transaction id, identity and operation, and for base items the before and after images.
 *
 * <p>Reads the log read-only, without a lock, so it works beside a live writer; it sees the
 * entries complete in the log files when each query starts. Before-images come from folding the
 * log from its start in memory, keeping the current item JSON of the rows in the query's scope
 * (a table incarnation is identified by its store id; dropping the data table clears its rows).
 * Once retention has trimmed the log, the history starts with the mutation after the
 * {@linkplain #horizon() horizon}, and the before-image of a row not changed since comes from
 * the state kept at the horizon; a query from an earlier sequence is refused with an error that
 * names the horizon.
 *
 * <pre>{@code
 * try (AuditHistory h = AuditHistory.open(dir)) {
 *     h.forEach(AuditQuery.all().table("Orders").key("S:alice", "S:o-1"), r -> ...);
 * }
 * }</pre>
 */
public final class AuditHistory implements AutoCloseable {
    private final Path root;
    private final ReadableLog log;

    private AuditHistory(Path root, ReadableLog log) {
        this.root = root;
        this.log = log;
    }

    /** Opens the history of the store at {@code dir}; {@code NOT_A_DATABASE} when it is not one. */
    public static AuditHistory open(Path dir) {
        Path root = LogAccess.root(dir);
        return new AuditHistory(root, LogAccess.open(root));
    }

    /** The store's horizon now: the history starts with the mutation after it. */
    public Horizon horizon() {
        return HorizonRecord.read(root).toHorizon();
    }

    public long firstSequence() {
        return log.firstSequence();
    }

    public long lastSequence() {
        return log.lastSequence();
    }

    /**
     * The commit time of entry {@code sequence}, or null when the log does not hold it (past its
     * end, or dropped by retention; the horizon's own time is {@link #horizon()}'s).
     */
    public Instant timeOf(long sequence) {
        if (sequence < 1 || sequence > log.lastSequence()) {
            return null;
        }
        try (LogReader r = log.read(sequence)) {
            if (!r.hasNext()) {
                return null;
            }
            StoredEntry e = r.next();
            return e.sequence() == sequence ? LogAccess.time(e.entry().getTimeMicros()) : null;
        } catch (LogException | BackendException e) {
            if (sequence <= HorizonRecord.read(root).sequence()) {
                return null; // its segment was dropped since this history was opened
            }
            throw e instanceof BackendException b ? b
                    : new BackendException(Kind.IO, "cannot read entry " + sequence + ": " + e.getMessage(), e);
        }
    }

    /** First sequence committed at or after {@code time} ({@code lastSequence() + 1} when none). */
    public long sequenceAtOrAfter(Instant time) {
        return log.seekByTime(time);
    }

    /** Newest sequence committed at or before {@code time} (0 when none). */
    public long sequenceAtOrBefore(Instant time) {
        long micros = LogAccess.micros(time);
        return Math.max(0, log.seekByTime(LogAccess.time(micros + 1)) - 1);
    }

    public List<AuditRecord> list(AuditQuery q) {
        List<AuditRecord> out = new ArrayList<>();
        forEach(q, out::add);
        return out;
    }

    /** Calls {@code sink} for each matching mutation, in log order. */
    public void forEach(AuditQuery q, Consumer<AuditRecord> sink) {
        // the state at the horizon is opened before anything is emitted, so a compaction that
        // replaces it meanwhile only means starting over with the new horizon
        Initial initial = HorizonRecord.withStable(root, horizon -> {
            long start = horizon.sequence() + 1;
            if (q.fromSequence() > 1 && q.fromSequence() < start) {
                throw horizon.unavailable(root, "history from sequence " + q.fromSequence());
            }
            if (q.toSequence() < start && horizon.sequence() > 0) {
                throw horizon.unavailable(root, "history up to sequence " + q.toSequence());
            }
            return Initial.open(root, horizon);
        });
        long to = Math.min(q.toSequence(), log.lastSequence());
        // rows in scope that changed since the horizon: storeId -> (pk \0 sk) -> itemJson, null once deleted
        Map<Long, Map<String, String>> rows = new HashMap<>();
        long first = initial.start();
        try (initial; LogReader r = log.read(first)) {
            // entries are gap-free: stop before reading past the last one asked for
            for (long next = first; next <= to && r.hasNext(); next++) {
                StoredEntry se = r.next();
                long seq = se.sequence();
                if (seq > to) {
                    break;
                }
                boolean emit = seq >= q.fromSequence();
                LogEntry e = se.entry();
                List<Object> events = e.getEvents();
                for (int i = 0; i < events.size(); i++) {
                    Object ev = events.get(i);
                    String table = LogAccess.string(ev, "tableName");
                    if (q.tableName() != null && !q.tableName().equals(table)) {
                        continue;
                    }
                    Base base = new Base(seq, i, e, table, emit, q, sink, initial);
                    if (ev instanceof ItemPut p) {
                        base.put(rows, p.getStoreId(), p.getPk().toString(), p.getSk().toString(),
                                p.getItemJson().toString(), "ItemPut");
                    } else if (ev instanceof BaseItemsPut p) {
                        for (BaseItem row : p.getRows()) {
                            base.put(rows, p.getStoreId(), row.getPk().toString(), row.getSk().toString(),
                                    row.getItemJson().toString(), "BaseItemsPut");
                        }
                    } else if (ev instanceof ItemDeleted d) {
                        base.delete(rows, d.getStoreId(), d.getPk().toString(), d.getSk().toString());
                    } else if (ev instanceof DataTableDropped d) {
                        rows.remove(d.getStoreId());
                        initial.reset(d.getStoreId());
                        base.other(ev);
                    } else if (ev instanceof DataTableCreated d) {
                        rows.remove(d.getStoreId());
                        initial.reset(d.getStoreId());
                        base.other(ev);
                    } else if (ev instanceof GsiItemInserted || ev instanceof GsiItemDeleted
                            || ev instanceof LsiItemInserted || ev instanceof LsiItemDeleted
                            || ev instanceof CachedAtTouched || ev instanceof StreamRecordInserted) {
                        if (q.includeAll()) {
                            base.index(ev);
                        }
                    } else {
                        base.other(ev);
                    }
                }
            }
        }
    }

    /**
     * The rows as they were at the horizon, for before-images of rows the fold has not seen
     * change: none when the log was never trimmed, else read from the base. A table
     * incarnation created or dropped since starts empty.
     */
    private static final class Initial implements AutoCloseable {
        private final long start;
        private final BaseState base;
        private final Set<Long> reset = new HashSet<>();

        private Initial(long start, BaseState base) {
            this.start = start;
            this.base = base;
        }

        static Initial open(Path root, HorizonRecord horizon) {
            return new Initial(horizon.sequence() + 1, horizon.sequence() == 0 ? null : BaseState.open(root, horizon));
        }

        /** The first entry the fold reads: the one after the horizon. */
        long start() {
            return start;
        }

        void reset(long storeId) {
            reset.add(storeId);
        }

        String itemJson(long storeId, String pk, String sk) {
            if (base == null || reset.contains(storeId)) {
                return null;
            }
            return base.itemJson(storeId, pk, sk);
        }

        @Override
        public void close() {
            if (base != null) {
                base.close();
            }
        }
    }

    private record Base(long seq, int index, LogEntry e, String table, boolean emit, AuditQuery q,
            Consumer<AuditRecord> sink, Initial initial) {

        private boolean keyMatches(String pk, String sk) {
            return (q.pk() == null || q.pk().equals(pk)) && (q.sk() == null || q.sk().equals(sk));
        }

        /** Records the row's new JSON (null: deleted) and returns the one it replaces. */
        private String change(Map<Long, Map<String, String>> rows, long storeId, String pk, String sk, String item) {
            Map<String, String> m = rows.computeIfAbsent(storeId, k -> new HashMap<>());
            String key = pk + '\0' + sk;
            String before = m.containsKey(key) ? m.get(key) : initial.itemJson(storeId, pk, sk);
            m.put(key, item);
            return before;
        }

        void put(Map<Long, Map<String, String>> rows, long storeId, String pk, String sk, String item, String op) {
            if (!keyMatches(pk, sk)) {
                return;
            }
            String before = change(rows, storeId, pk, sk, item);
            if (emit) {
                sink.accept(record(op, before == null ? "INSERT" : "MODIFY", null, pk, sk, before, item, null));
            }
        }

        void delete(Map<Long, Map<String, String>> rows, long storeId, String pk, String sk) {
            if (!keyMatches(pk, sk)) {
                return;
            }
            String before = change(rows, storeId, pk, sk, null);
            if (emit) {
                sink.accept(record("ItemDeleted", "REMOVE", null, pk, sk, before, null, null));
            }
        }

        void other(Object ev) {
            if (emit && q.pk() == null) {
                sink.accept(record(ev.getClass().getSimpleName(), null, LogAccess.string(ev, "indexName"),
                        null, null, null, null, ev.toString()));
            }
        }

        void index(Object ev) {
            String pk = firstNonNull(LogAccess.string(ev, "tablePk"), LogAccess.string(ev, "basePk"),
                    LogAccess.string(ev, "pk"));
            String sk = firstNonNull(LogAccess.string(ev, "tableSk"), LogAccess.string(ev, "baseSk"),
                    LogAccess.string(ev, "sk"));
            if (ev instanceof StreamRecordInserted) {
                pk = null;
                sk = null;
            }
            if (!emit || (q.pk() != null && (pk == null || !keyMatches(pk, sk)))) {
                return;
            }
            sink.accept(record(ev.getClass().getSimpleName(), null, LogAccess.string(ev, "indexName"),
                    pk, sk, null, null, ev.toString()));
        }

        private AuditRecord record(String op, String change, String indexName, String pk, String sk,
                String before, String after, String details) {
            return new AuditRecord(seq, index, LogAccess.time(e.getTimeMicros()),
                    e.getTransactionId() == null ? null : e.getTransactionId().toString(),
                    e.getIdentity() == null ? null : e.getIdentity().toString(),
                    op, change, table, indexName, pk, sk, before, after, details);
        }

        private static String firstNonNull(String... s) {
            for (String x : s) {
                if (x != null) {
                    return x;
                }
            }
            return null;
        }
    }

    @Override
    public void close() {
        log.close();
    }
}
