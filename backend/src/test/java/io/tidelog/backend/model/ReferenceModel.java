package io.tidelog.backend.model;

import static io.tidelog.backend.model.ModelOrder.BYTES;
import static io.tidelog.backend.model.ModelOrder.TUPLES;
import static io.tidelog.backend.model.ModelOrder.cmp;

import io.tidelog.backend.BackendException.Kind;
import io.tidelog.backend.BaseItemRow;
import io.tidelog.backend.CreateTableMetadata;
import io.tidelog.backend.DatabaseInfo;
import io.tidelog.backend.GsiItemRow;
import io.tidelog.backend.IndexWriteOp;
import io.tidelog.backend.ItemRow;
import io.tidelog.backend.LruItem;
import io.tidelog.backend.QueryParams;
import io.tidelog.backend.ScanParams;
import io.tidelog.backend.SequenceRange;
import io.tidelog.backend.SortKeyCondition;
import io.tidelog.backend.StreamRecord;
import io.tidelog.backend.TableInfoEntry;
import io.tidelog.backend.TableMetadata;
import io.tidelog.backend.TableStats;
import io.tidelog.backend.Tag;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * A small, deliberately naive in-memory implementation of the observable state and semantics of
 * the storage-backend spec. Every read filters and sorts whole tables; nothing is indexed.
 *
 * <p>Errors are {@link ModelError}s naming the allowed {@link Kind}s: usually one; two where the
 * spec leaves the precedence between an argument check (VALIDATION, §2.5) and a state-dependent
 * error (missing table, CONSTRAINT, …) open.
 */
final class ReferenceModel {

    static final String TOO_MANY_TAGS =
            "One or more parameter values were invalid: Too many tags: tag limit is 50";

    /** An expected failure. */
    static final class ModelError extends RuntimeException {
        final Set<Kind> kinds;
        final String exactMessage;

        ModelError(Set<Kind> kinds, String exactMessage, String why) {
            super(why);
            this.kinds = kinds;
            this.exactMessage = exactMessage;
        }

        static ModelError of(Kind k, String why) {
            return new ModelError(EnumSet.of(k), null, why);
        }
    }

    // ------------------------------------------------------------------ state

    /** A catalog row with its tags; mutable, copied by {@link #copy()}. */
    static final class CatRow {
        String tableName, keySchema, attributeDefinitions, gsiDefinitions, lsiDefinitions;
        boolean streamEnabled;
        String streamViewType, streamLabel, ttlAttribute;
        boolean ttlEnabled;
        long createdAt;
        String billingMode, provisionedThroughput, sseSpecification, tableClass;
        boolean deletionProtectionEnabled;
        String onDemandThroughput, tableId;
        TreeMap<String, String> tags = new TreeMap<>(BYTES);

        TableMetadata md() {
            return new TableMetadata(tableName, keySchema, attributeDefinitions, gsiDefinitions,
                    lsiDefinitions, streamEnabled, streamViewType, streamLabel, ttlAttribute,
                    ttlEnabled, createdAt, "ACTIVE", billingMode, provisionedThroughput,
                    sseSpecification, tableClass, deletionProtectionEnabled, onDemandThroughput,
                    tableId);
        }

        CatRow copy() {
            CatRow c = new CatRow();
            c.tableName = tableName;
            c.keySchema = keySchema;
            c.attributeDefinitions = attributeDefinitions;
            c.gsiDefinitions = gsiDefinitions;
            c.lsiDefinitions = lsiDefinitions;
            c.streamEnabled = streamEnabled;
            c.streamViewType = streamViewType;
            c.streamLabel = streamLabel;
            c.ttlAttribute = ttlAttribute;
            c.ttlEnabled = ttlEnabled;
            c.createdAt = createdAt;
            c.billingMode = billingMode;
            c.provisionedThroughput = provisionedThroughput;
            c.sseSpecification = sseSpecification;
            c.tableClass = tableClass;
            c.deletionProtectionEnabled = deletionProtectionEnabled;
            c.onDemandThroughput = onDemandThroughput;
            c.tableId = tableId;
            c.tags = new TreeMap<>(tags);
            return c;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof CatRow c && md().equals(c.md()) && sortedEq(tags, c.tags);
        }

        @Override
        public int hashCode() {
            return md().hashCode();
        }
    }

    /** A base row. */
    record Row(String itemJson, int itemSize, Double cachedAt, String hashPrefix) {}

    /** A stream record with the table and shard it belongs to. */
    record Stream(String table, String shard, StreamRecord rec) {}

    /** Everything a backend holds. Inner maps hold immutable values, so copies share them. */
    static final class State {
        TreeMap<String, CatRow> catalog = new TreeMap<>(BYTES);
        /** table → (pk, sk) → row. */
        TreeMap<String, TreeMap<List<String>, Row>> data = new TreeMap<>(BYTES);
        /** (table, index) → (gsiPk, gsiSk, tablePk, tableSk) → itemJson. */
        TreeMap<List<String>, TreeMap<List<String>, String>> gsi = new TreeMap<>(TUPLES);
        /** (table, index) → (pk, sk, basePk, baseSk) → itemJson. */
        TreeMap<List<String>, TreeMap<List<String>, String>> lsi = new TreeMap<>(TUPLES);
        List<Stream> streams = new ArrayList<>();

        State copy() {
            State s = new State();
            for (Map.Entry<String, CatRow> e : catalog.entrySet()) {
                s.catalog.put(e.getKey(), e.getValue().copy());
            }
            data.forEach((k, v) -> s.data.put(k, new TreeMap<>(v)));
            gsi.forEach((k, v) -> s.gsi.put(k, new TreeMap<>(v)));
            lsi.forEach((k, v) -> s.lsi.put(k, new TreeMap<>(v)));
            s.streams = new ArrayList<>(streams);
            return s;
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof State s)) {
                return false;
            }
            return sortedEq(catalog, s.catalog) && nestedEq(data, s.data) && nestedEq(gsi, s.gsi)
                    && nestedEq(lsi, s.lsi) && streams.equals(s.streams);
        }

        @Override
        public int hashCode() {
            return Objects.hash(catalog.keySet(), streams.size());
        }
    }

    /** Ordered equality of two sorted maps with the same comparator, without lookups. */
    static <K, V> boolean sortedEq(SortedMap<K, V> a, SortedMap<K, V> b) {
        if (a.size() != b.size()) {
            return false;
        }
        Iterator<Map.Entry<K, V>> ia = a.entrySet().iterator();
        Iterator<Map.Entry<K, V>> ib = b.entrySet().iterator();
        while (ia.hasNext()) {
            Map.Entry<K, V> x = ia.next();
            Map.Entry<K, V> y = ib.next();
            if (!x.getKey().equals(y.getKey()) || !x.getValue().equals(y.getValue())) {
                return false;
            }
        }
        return true;
    }

    private static <K, K2, V> boolean nestedEq(SortedMap<K, TreeMap<K2, V>> a,
            SortedMap<K, TreeMap<K2, V>> b) {
        if (a.size() != b.size()) {
            return false;
        }
        Iterator<Map.Entry<K, TreeMap<K2, V>>> ia = a.entrySet().iterator();
        Iterator<Map.Entry<K, TreeMap<K2, V>>> ib = b.entrySet().iterator();
        while (ia.hasNext()) {
            Map.Entry<K, TreeMap<K2, V>> x = ia.next();
            Map.Entry<K, TreeMap<K2, V>> y = ib.next();
            if (!x.getKey().equals(y.getKey()) || !sortedEq(x.getValue(), y.getValue())) {
                return false;
            }
        }
        return true;
    }

    private State cur;
    private State saved; // committed state while a transaction is open
    /** Whether the last successful mutating call changed the state. */
    boolean lastCallChanged;

    ReferenceModel() {
        this(new State());
    }

    ReferenceModel(State state) {
        this.cur = state;
    }

    boolean inTransaction() {
        return saved != null;
    }

    /** The committed state (what other threads, reopen and openAt see). */
    State committed() {
        return saved != null ? saved : cur;
    }

    /** close() rolls back an open transaction. */
    void closeRollsBack() {
        if (saved != null) {
            cur = saved;
            saved = null;
        }
    }

    // ------------------------------------------------------------------ plumbing

    /** Collects argument-check failures (§2.5). */
    static final class Args {
        boolean invalid;

        Args str(String s) {
            if (s == null || ModelOrder.hasUnpairedSurrogate(s)) {
                invalid = true;
            }
            return this;
        }

        Args nstr(String s) {
            if (s != null && ModelOrder.hasUnpairedSurrogate(s)) {
                invalid = true;
            }
            return this;
        }

        Args check(boolean bad) {
            invalid |= bad;
            return this;
        }

        Args limit(Integer limit) {
            return check(limit != null && limit < 0);
        }

        Args query(QueryParams p) {
            if (p == null) {
                return check(true);
            }
            limit(p.limit()).nstr(p.exclusiveStartSk()).nstr(p.exclusiveStartBasePk())
                    .nstr(p.exclusiveStartBaseSk());
            SortKeyCondition c = p.skCondition();
            if (c instanceof SortKeyCondition.Eq x) {
                str(x.value());
            } else if (c instanceof SortKeyCondition.Lt x) {
                str(x.value());
            } else if (c instanceof SortKeyCondition.Le x) {
                str(x.value());
            } else if (c instanceof SortKeyCondition.Gt x) {
                str(x.value());
            } else if (c instanceof SortKeyCondition.Ge x) {
                str(x.value());
            } else if (c instanceof SortKeyCondition.Between x) {
                str(x.low()).str(x.high());
            } else if (c instanceof SortKeyCondition.BeginsWith x) {
                str(x.prefix());
            }
            return this;
        }

        Args scan(ScanParams p) {
            if (p == null) {
                return check(true);
            }
            limit(p.limit()).nstr(p.exclusiveStartPk()).nstr(p.exclusiveStartSk())
                    .nstr(p.exclusiveStartBasePk()).nstr(p.exclusiveStartBaseSk());
            if ((p.segment() == null) != (p.totalSegments() == null)) {
                return check(true);
            }
            if (p.segment() != null) {
                int s = p.segment();
                int t = p.totalSegments();
                check(!(t >= 1 && 0 <= s && s < t));
            }
            return this;
        }
    }

    private static Args args() {
        return new Args();
    }

    /**
     * A call that fails for a state-dependent reason and also has an invalid argument: the spec
     * does not order the two checks, so either kind is accepted (and no exact message).
     */
    private static ModelError withValidation(ModelError e) {
        EnumSet<Kind> k = EnumSet.copyOf(e.kinds);
        k.add(Kind.VALIDATION);
        return new ModelError(k, null, e.getMessage() + " / invalid argument");
    }

    /** Runs a mutating call: all or nothing, VALIDATION for bad arguments (§2.5, §3.1). */
    private <T> T mut(Args a, Supplier<T> body) {
        State before = cur.copy();
        T result;
        try {
            result = body.get();
        } catch (ModelError e) {
            cur = before;
            throw a.invalid ? withValidation(e) : e;
        } catch (RuntimeException e) {
            cur = before;
            if (a.invalid) {
                throw ModelError.of(Kind.VALIDATION, "invalid argument");
            }
            throw e;
        }
        if (a.invalid) {
            cur = before;
            throw ModelError.of(Kind.VALIDATION, "invalid argument");
        }
        lastCallChanged = !before.equals(cur);
        return result;
    }

    private void mutv(Args a, Runnable body) {
        mut(a, () -> {
            body.run();
            return null;
        });
    }

    /** Runs a read: VALIDATION for bad arguments, possibly together with the read's own error. */
    private <T> T read(Args a, Supplier<T> body) {
        T result;
        try {
            result = body.get();
        } catch (ModelError e) {
            throw a.invalid ? withValidation(e) : e;
        } catch (RuntimeException e) {
            if (a.invalid) {
                throw ModelError.of(Kind.VALIDATION, "invalid argument");
            }
            throw e;
        }
        if (a.invalid) {
            throw ModelError.of(Kind.VALIDATION, "invalid argument");
        }
        return result;
    }

    private TreeMap<List<String>, Row> data(String t) {
        TreeMap<List<String>, Row> d = cur.data.get(t);
        if (d == null) {
            throw ModelError.of(Kind.OTHER, "missing data table " + t);
        }
        return d;
    }

    private TreeMap<List<String>, String> gsi(String t, String i) {
        TreeMap<List<String>, String> d = cur.gsi.get(List.of(t, i));
        if (d == null) {
            throw ModelError.of(Kind.OTHER, "missing GSI table " + t + "/" + i);
        }
        return d;
    }

    private TreeMap<List<String>, String> lsi(String t, String i) {
        TreeMap<List<String>, String> d = cur.lsi.get(List.of(t, i));
        if (d == null) {
            throw ModelError.of(Kind.OTHER, "missing LSI table " + t + "/" + i);
        }
        return d;
    }

    private CatRow catOrThrow(String t) {
        CatRow c = cur.catalog.get(t);
        if (c == null) {
            throw ModelError.of(Kind.OTHER, "no catalog row " + t);
        }
        return c;
    }

    /** Updates a catalog row if present (MC → no-op). */
    private void updateCat(String t, java.util.function.Consumer<CatRow> f) {
        CatRow c = cur.catalog.get(t);
        if (c != null) {
            f.accept(c);
        }
    }

    private static <T> List<T> take(List<T> l, Integer limit) {
        return limit == null || limit >= l.size() ? l : new ArrayList<>(l.subList(0, limit));
    }

    // ------------------------------------------------------------------ 7.2 catalog

    void insertTableMetadata(CreateTableMetadata m) {
        Args a = args().check(m == null);
        if (m != null) {
            a.str(m.tableName()).str(m.keySchema()).str(m.attributeDefinitions())
                    .nstr(m.gsiDefinitions()).nstr(m.lsiDefinitions())
                    .nstr(m.provisionedThroughput()).nstr(m.sseSpecification())
                    .nstr(m.tableClass()).nstr(m.billingMode()).nstr(m.onDemandThroughput());
        }
        mutv(a, () -> {
            if (cur.catalog.containsKey(m.tableName())) {
                throw ModelError.of(Kind.CONSTRAINT, "duplicate catalog row");
            }
            CatRow c = new CatRow();
            c.tableName = m.tableName();
            c.keySchema = m.keySchema();
            c.attributeDefinitions = m.attributeDefinitions();
            c.gsiDefinitions = m.gsiDefinitions();
            c.lsiDefinitions = m.lsiDefinitions();
            c.provisionedThroughput = m.provisionedThroughput();
            c.createdAt = m.createdAt();
            c.sseSpecification = m.sseSpecification();
            c.tableClass = m.tableClass();
            c.deletionProtectionEnabled = m.deletionProtectionEnabled();
            c.billingMode = m.billingMode();
            c.onDemandThroughput = m.onDemandThroughput();
            c.tableId = null; // learned from the backend by the harness (random UUID)
            cur.catalog.put(m.tableName(), c);
        });
    }

    /** Records the tableId the backend assigned (the model cannot predict a random UUID). */
    void learnTableId(String t, String tableId) {
        cur.catalog.get(t).tableId = tableId;
    }

    Optional<TableMetadata> getTableMetadata(String t) {
        return read(args().str(t), () -> Optional.ofNullable(cur.catalog.get(t)).map(CatRow::md));
    }

    boolean deleteTableMetadata(String t) {
        return mut(args().str(t), () -> cur.catalog.remove(t) != null);
    }

    void updateTableMetadata(String t, String attrs, String gsis) {
        mutv(args().str(t).str(attrs).nstr(gsis), () -> updateCat(t, c -> {
            c.attributeDefinitions = attrs;
            c.gsiDefinitions = gsis;
        }));
    }

    void updateProvisionedThroughput(String t, String v) {
        mutv(args().str(t).str(v), () -> updateCat(t, c -> c.provisionedThroughput = v));
    }

    void clearProvisionedThroughput(String t) {
        mutv(args().str(t), () -> updateCat(t, c -> c.provisionedThroughput = null));
    }

    void updateBillingMode(String t, String v) {
        mutv(args().str(t).str(v), () -> updateCat(t, c -> c.billingMode = v));
    }

    void updateTableClass(String t, String v) {
        mutv(args().str(t).str(v), () -> updateCat(t, c -> c.tableClass = v));
    }

    void updateOnDemandThroughput(String t, String v) {
        mutv(args().str(t).str(v), () -> updateCat(t, c -> c.onDemandThroughput = v));
    }

    /** Tidelog overrides the interface default: null, not "null" (§7.2). */
    void clearOnDemandThroughput(String t) {
        mutv(args().str(t), () -> updateCat(t, c -> c.onDemandThroughput = null));
    }

    void updateDeletionProtection(String t, boolean enabled) {
        mutv(args().str(t), () -> updateCat(t, c -> c.deletionProtectionEnabled = enabled));
    }

    List<Tag> getTags(String t) {
        return read(args().str(t), () -> {
            List<Tag> out = new ArrayList<>();
            catOrThrow(t).tags.forEach((k, v) -> out.add(new Tag(k, v)));
            return out;
        });
    }

    void setTags(String t, List<Tag> tags) {
        Args a = args().str(t).check(tags == null);
        if (tags != null) {
            for (Tag g : tags) {
                a.check(g == null);
                if (g != null) {
                    a.str(g.key()).str(g.value());
                }
            }
        }
        mutv(a, () -> {
            CatRow c = catOrThrow(t);
            TreeMap<String, String> merged = new TreeMap<>(c.tags);
            for (Tag g : tags) {
                merged.put(g.key(), g.value());
            }
            if (merged.size() > 50) {
                throw new ModelError(EnumSet.of(Kind.VALIDATION), TOO_MANY_TAGS, "too many tags");
            }
            c.tags = merged;
        });
    }

    void removeTags(String t, List<String> keys) {
        Args a = args().str(t).check(keys == null);
        if (keys != null) {
            keys.forEach(a::str);
        }
        mutv(a, () -> {
            CatRow c = catOrThrow(t);
            for (String k : keys) {
                c.tags.remove(k);
            }
        });
    }

    List<String> listTableNames() {
        return new ArrayList<>(cur.catalog.keySet());
    }

    boolean tableExists(String t) {
        return read(args().str(t), () -> cur.catalog.containsKey(t));
    }

    long tableCount() {
        return cur.catalog.size();
    }

    // ------------------------------------------------------------------ 7.3 DDL

    void createDataTable(String t) {
        mutv(args().str(t), () -> {
            if (cur.data.containsKey(t)) {
                throw ModelError.of(Kind.OTHER, "data table exists");
            }
            cur.data.put(t, new TreeMap<>(TUPLES));
        });
    }

    void dropDataTable(String t) {
        mutv(args().str(t), () -> cur.data.remove(t));
    }

    void createGsiTable(String t, String i) {
        mutv(args().str(t).str(i), () -> {
            if (cur.gsi.containsKey(List.of(t, i))) {
                throw ModelError.of(Kind.OTHER, "GSI table exists");
            }
            cur.gsi.put(List.of(t, i), new TreeMap<>(TUPLES));
        });
    }

    void dropGsiTable(String t, String i) {
        mutv(args().str(t).str(i), () -> cur.gsi.remove(List.of(t, i)));
    }

    void createLsiTable(String t, String i) {
        mutv(args().str(t).str(i), () -> {
            if (cur.lsi.containsKey(List.of(t, i))) {
                throw ModelError.of(Kind.OTHER, "LSI table exists");
            }
            cur.lsi.put(List.of(t, i), new TreeMap<>(TUPLES));
        });
    }

    void dropLsiTable(String t, String i) {
        mutv(args().str(t).str(i), () -> cur.lsi.remove(List.of(t, i)));
    }

    // ------------------------------------------------------------------ 7.4 / 7.5 / 7.6 index items

    private void doInsertGsi(String t, String i, String gpk, String gsk, String tpk, String tsk,
            String json) {
        TreeMap<List<String>, String> g = gsi(t, i);
        g.put(List.of(gpk, gsk, tpk, tsk), Objects.requireNonNull(json));
    }

    private void doDeleteGsi(String t, String i, String tpk, String tsk) {
        TreeMap<List<String>, String> g = gsi(t, i);
        g.keySet().removeIf(k -> k.get(2).equals(tpk) && k.get(3).equals(tsk));
    }

    private void doInsertLsi(String t, String i, String pk, String sk, String bpk, String bsk,
            String json) {
        TreeMap<List<String>, String> l = lsi(t, i);
        l.put(List.of(pk, sk, bpk, bsk), Objects.requireNonNull(json));
    }

    private void doDeleteLsi(String t, String i, String bpk, String bsk) {
        TreeMap<List<String>, String> l = lsi(t, i);
        l.keySet().removeIf(k -> k.get(2).equals(bpk) && k.get(3).equals(bsk));
    }

    void insertGsiItem(String t, String i, String gpk, String gsk, String tpk, String tsk,
            String json) {
        mutv(args().str(t).str(i).str(gpk).str(gsk).str(tpk).str(tsk).str(json),
                () -> doInsertGsi(t, i, gpk, gsk, tpk, tsk, json));
    }

    void insertGsiItems(String t, String i, List<GsiItemRow> rows) {
        Args a = args().str(t).str(i).check(rows == null);
        if (rows != null) {
            for (GsiItemRow r : rows) {
                a.check(r == null);
                if (r != null) {
                    a.str(r.gsiPk()).str(r.gsiSk()).str(r.tablePk()).str(r.tableSk())
                            .str(r.itemJson());
                }
            }
        }
        mutv(a, () -> {
            gsi(t, i);
            for (GsiItemRow r : rows) {
                doInsertGsi(t, i, r.gsiPk(), r.gsiSk(), r.tablePk(), r.tableSk(), r.itemJson());
            }
        });
    }

    void deleteGsiItem(String t, String i, String tpk, String tsk) {
        mutv(args().str(t).str(i).str(tpk).str(tsk), () -> doDeleteGsi(t, i, tpk, tsk));
    }

    void insertLsiItem(String t, String i, String pk, String sk, String bpk, String bsk,
            String json) {
        mutv(args().str(t).str(i).str(pk).str(sk).str(bpk).str(bsk).str(json),
                () -> doInsertLsi(t, i, pk, sk, bpk, bsk, json));
    }

    void deleteLsiItem(String t, String i, String bpk, String bsk) {
        mutv(args().str(t).str(i).str(bpk).str(bsk), () -> doDeleteLsi(t, i, bpk, bsk));
    }

    void applyIndexWrites(List<IndexWriteOp> ops) {
        Args a = args().check(ops == null);
        if (ops != null) {
            for (IndexWriteOp op : ops) {
                a.check(op == null);
                if (op instanceof IndexWriteOp.DeleteGsi d) {
                    a.str(d.tableName()).str(d.indexName()).str(d.tablePk()).str(d.tableSk());
                } else if (op instanceof IndexWriteOp.InsertGsi g) {
                    a.str(g.tableName()).str(g.indexName()).str(g.gsiPk()).str(g.gsiSk())
                            .str(g.tablePk()).str(g.tableSk()).str(g.itemJson());
                } else if (op instanceof IndexWriteOp.DeleteLsi d) {
                    a.str(d.tableName()).str(d.indexName()).str(d.basePk()).str(d.baseSk());
                } else if (op instanceof IndexWriteOp.InsertLsi l) {
                    a.str(l.tableName()).str(l.indexName()).str(l.pk()).str(l.sk())
                            .str(l.basePk()).str(l.baseSk()).str(l.itemJson());
                }
            }
        }
        mutv(a, () -> {
            for (IndexWriteOp op : ops) {
                if (op instanceof IndexWriteOp.DeleteGsi d) {
                    doDeleteGsi(d.tableName(), d.indexName(), d.tablePk(), d.tableSk());
                } else if (op instanceof IndexWriteOp.InsertGsi g) {
                    doInsertGsi(g.tableName(), g.indexName(), g.gsiPk(), g.gsiSk(), g.tablePk(),
                            g.tableSk(), g.itemJson());
                } else if (op instanceof IndexWriteOp.DeleteLsi d) {
                    doDeleteLsi(d.tableName(), d.indexName(), d.basePk(), d.baseSk());
                } else if (op instanceof IndexWriteOp.InsertLsi l) {
                    doInsertLsi(l.tableName(), l.indexName(), l.pk(), l.sk(), l.basePk(),
                            l.baseSk(), l.itemJson());
                }
            }
        });
    }

    // ------------------------------------------------------------------ queries and scans

    /** A query or scan result with the full position of each entry (for cursors). */
    record Hit(List<String> pos, ItemRow row) {}

    static List<ItemRow> rows(List<Hit> hits) {
        List<ItemRow> out = new ArrayList<>(hits.size());
        hits.forEach(h -> out.add(h.row()));
        return out;
    }

    static boolean matches(SortKeyCondition c, String v) {
        if (c == null) {
            return true;
        }
        if (c instanceof SortKeyCondition.Eq x) {
            return v.equals(x.value());
        } else if (c instanceof SortKeyCondition.Lt x) {
            return cmp(v, x.value()) < 0;
        } else if (c instanceof SortKeyCondition.Le x) {
            return cmp(v, x.value()) <= 0;
        } else if (c instanceof SortKeyCondition.Gt x) {
            return cmp(v, x.value()) > 0;
        } else if (c instanceof SortKeyCondition.Ge x) {
            return cmp(v, x.value()) >= 0;
        } else if (c instanceof SortKeyCondition.Between x) {
            return cmp(x.low(), v) <= 0 && cmp(v, x.high()) <= 0;
        } else if (c instanceof SortKeyCondition.BeginsWith x) {
            return ModelOrder.bytePrefix(x.prefix(), v);
        }
        throw new IllegalStateException("unknown condition " + c);
    }

    /**
     * §6.2 over candidates given as (position, key of the result row, itemJson). {@code tuple}
     * is false for base tables (position = (sk), base cursor components ignored).
     */
    private static List<Hit> query(List<Hit> candidates, QueryParams p, boolean tuple) {
        List<Hit> out = new ArrayList<>();
        String c = p.exclusiveStartSk();
        String b1 = p.exclusiveStartBasePk();
        String b2 = p.exclusiveStartBaseSk();
        for (Hit h : candidates) {
            if (!matches(p.skCondition(), h.pos().get(0))) {
                continue;
            }
            if (c != null) {
                int d;
                if (tuple && b1 != null && b2 != null) {
                    d = TUPLES.compare(h.pos(), List.of(c, b1, b2));
                } else {
                    d = cmp(h.pos().get(0), c);
                }
                if (p.forward() ? d <= 0 : d >= 0) {
                    continue;
                }
            }
            out.add(h);
        }
        Comparator<Hit> order = (x, y) -> TUPLES.compare(x.pos(), y.pos());
        out.sort(p.forward() ? order : order.reversed());
        return take(out, p.limit());
    }

    List<Hit> queryItems(String t, String pk, QueryParams p) {
        return read(args().str(t).str(pk).query(p), () -> {
            List<Hit> cands = new ArrayList<>();
            data(t).forEach((k, r) -> {
                if (k.get(0).equals(pk)) {
                    cands.add(new Hit(List.of(k.get(1)), new ItemRow(k.get(0), k.get(1), r.itemJson())));
                }
            });
            return query(cands, p, false);
        });
    }

    List<Hit> queryGsiItems(String t, String i, String gpk, QueryParams p) {
        return read(args().str(t).str(i).str(gpk).query(p), () -> {
            List<Hit> cands = new ArrayList<>();
            gsi(t, i).forEach((k, json) -> {
                if (k.get(0).equals(gpk)) {
                    cands.add(new Hit(k.subList(1, 4), new ItemRow(k.get(0), k.get(1), json)));
                }
            });
            return query(cands, p, true);
        });
    }

    List<Hit> queryLsiItems(String t, String i, String pk, QueryParams p) {
        return read(args().str(t).str(i).str(pk).query(p), () -> {
            List<Hit> cands = new ArrayList<>();
            lsi(t, i).forEach((k, json) -> {
                if (k.get(0).equals(pk)) {
                    cands.add(new Hit(k.subList(1, 4), new ItemRow(k.get(0), k.get(1), json)));
                }
            });
            return query(cands, p, true);
        });
    }

    /** §6.3. Hit positions are (pk, sk). */
    List<Hit> scanItems(String t, ScanParams p) {
        return read(args().str(t).scan(p), () -> {
            TreeMap<List<String>, Row> d = data(t);
            boolean parallel = p.segment() != null && p.totalSegments() != null;
            String cp = p.exclusiveStartPk();
            String cs = p.exclusiveStartSk();
            boolean cursor = cp != null && cs != null;
            String hc = null;
            if (cursor && parallel) {
                Row r = d.get(List.of(cp, cs));
                hc = r != null ? r.hashPrefix() : ModelHashing.hashPrefixOfKeyString(cp);
                if (hc == null) {
                    return new ArrayList<Hit>();
                }
            }
            List<List<String>> keys = new ArrayList<>(); // sort keys
            List<Hit> hits = new ArrayList<>();
            for (Map.Entry<List<String>, Row> e : d.entrySet()) {
                List<String> k = e.getKey();
                Row r = e.getValue();
                List<String> sortKey = parallel ? List.of(r.hashPrefix(), k.get(0), k.get(1)) : k;
                if (cursor) {
                    List<String> c = parallel ? List.of(hc, cp, cs) : List.of(cp, cs);
                    if (TUPLES.compare(sortKey, c) <= 0) {
                        continue;
                    }
                }
                if (parallel && !ModelHashing.inSegment(r.hashPrefix(), p.segment(), p.totalSegments())) {
                    continue;
                }
                keys.add(sortKey);
                hits.add(new Hit(k, new ItemRow(k.get(0), k.get(1), r.itemJson())));
            }
            List<Integer> idx = new ArrayList<>();
            for (int n = 0; n < hits.size(); n++) {
                idx.add(n);
            }
            idx.sort((x, y) -> TUPLES.compare(keys.get(x), keys.get(y)));
            List<Hit> out = new ArrayList<>();
            idx.forEach(n -> out.add(hits.get(n)));
            return take(out, p.limit());
        });
    }

    /** §6.4. Hit positions are the four key strings. */
    private static List<Hit> scanIndex(TreeMap<List<String>, String> entries, ScanParams p) {
        String cp = p.exclusiveStartPk();
        String cs = p.exclusiveStartSk();
        String b1 = p.exclusiveStartBasePk();
        String b2 = p.exclusiveStartBaseSk();
        boolean parallel = p.segment() != null && p.totalSegments() != null;
        List<Hit> out = new ArrayList<>();
        for (Map.Entry<List<String>, String> e : entries.entrySet()) {
            List<String> k = e.getKey();
            if (cp != null && cs != null && b1 != null && b2 != null) {
                if (TUPLES.compare(k, List.of(cp, cs, b1, b2)) <= 0) {
                    continue;
                }
            } else if (cp != null && cs != null) {
                if (TUPLES.compare(k.subList(0, 2), List.of(cp, cs)) <= 0) {
                    continue;
                }
            }
            if (parallel && ModelHashing.fnv1a32(k.get(2)) % p.totalSegments() != p.segment()) {
                continue;
            }
            out.add(new Hit(k, new ItemRow(k.get(0), k.get(1), e.getValue())));
        }
        out.sort((x, y) -> TUPLES.compare(x.pos(), y.pos()));
        return take(out, p.limit());
    }

    List<Hit> scanGsiItems(String t, String i, ScanParams p) {
        return read(args().str(t).str(i).scan(p), () -> scanIndex(gsi(t, i), p));
    }

    List<Hit> scanLsiItems(String t, String i, ScanParams p) {
        return read(args().str(t).str(i).scan(p), () -> scanIndex(lsi(t, i), p));
    }

    // ------------------------------------------------------------------ 7.9 items

    Optional<String> putItem(String t, String pk, String sk, String json, int size) {
        return putWithHash(args(), t, pk, sk, json, size, "");
    }

    Optional<String> putItemWithHash(String t, String pk, String sk, String json, int size,
            String hp) {
        return putWithHash(args().str(hp), t, pk, sk, json, size, hp);
    }

    private Optional<String> putWithHash(Args a, String t, String pk, String sk, String json,
            int size, String hp) {
        a.str(t).str(pk).str(sk).str(json).check(size < 0);
        return mut(a, () -> {
            TreeMap<List<String>, Row> d = data(t);
            Row prev = d.get(List.of(pk, sk));
            d.put(List.of(pk, sk), new Row(Objects.requireNonNull(json), size,
                    prev == null ? null : prev.cachedAt(), Objects.requireNonNull(hp)));
            return Optional.ofNullable(prev).map(Row::itemJson);
        });
    }

    void putBaseItems(String t, List<BaseItemRow> rows) {
        Args a = args().str(t).check(rows == null);
        if (rows != null) {
            for (BaseItemRow r : rows) {
                a.check(r == null);
                if (r != null) {
                    a.str(r.pk()).str(r.sk()).str(r.itemJson()).str(r.hashPrefix())
                            .check(r.itemSize() < 0)
                            .check(r.cachedAt() != null && r.cachedAt().isNaN());
                }
            }
        }
        mutv(a, () -> {
            TreeMap<List<String>, Row> d = data(t);
            for (BaseItemRow r : rows) {
                d.put(List.of(r.pk(), r.sk()), new Row(Objects.requireNonNull(r.itemJson()),
                        r.itemSize(), r.cachedAt(), Objects.requireNonNull(r.hashPrefix())));
            }
        });
    }

    Optional<String> getItem(String t, String pk, String sk) {
        return read(args().str(t).str(pk).str(sk),
                () -> Optional.ofNullable(data(t).get(List.of(pk, sk))).map(Row::itemJson));
    }

    long getPartitionSize(String t, String pk) {
        return read(args().str(t).str(pk), () -> {
            long sum = 0;
            for (Map.Entry<List<String>, Row> e : data(t).entrySet()) {
                if (e.getKey().get(0).equals(pk)) {
                    sum += e.getValue().itemSize();
                }
            }
            return sum;
        });
    }

    long getLsiPartitionSize(String t, String i, String pk) {
        return read(args().str(t).str(i).str(pk), () -> {
            long sum = 0;
            for (Map.Entry<List<String>, String> e : lsi(t, i).entrySet()) {
                if (e.getKey().get(0).equals(pk)) {
                    sum += e.getValue().codePointCount(0, e.getValue().length());
                }
            }
            return sum;
        });
    }

    Optional<String> deleteItem(String t, String pk, String sk) {
        return mut(args().str(t).str(pk).str(sk),
                () -> Optional.ofNullable(data(t).remove(List.of(pk, sk))).map(Row::itemJson));
    }

    long countItems(String t) {
        return read(args().str(t), () -> (long) data(t).size());
    }

    // ------------------------------------------------------------------ 7.10 introspection

    List<TableStats> tableStats() {
        List<TableStats> out = new ArrayList<>();
        for (String t : cur.catalog.keySet()) {
            TreeMap<List<String>, Row> d = data(t);
            long size = 0;
            for (Row r : d.values()) {
                size += r.itemSize();
            }
            out.add(new TableStats(t, d.size(), size));
        }
        return out;
    }

    /** sizeBytes is not modelled; the harness checks it separately and compares with -1 here. */
    DatabaseInfo databaseInfo(String path) {
        List<TableInfoEntry> entries = new ArrayList<>();
        for (TableStats s : tableStats()) {
            entries.add(new TableInfoEntry(s, cur.catalog.get(s.tableName()).md()));
        }
        return new DatabaseInfo(path, -1, cur.catalog.size(), entries);
    }

    void vacuum() {
        if (inTransaction()) {
            throw ModelError.of(Kind.OTHER, "vacuum inside a transaction");
        }
    }

    // ------------------------------------------------------------------ 7.7 transactions

    void beginTransaction() {
        if (saved != null) {
            throw ModelError.of(Kind.OTHER, "nested transaction");
        }
        saved = cur.copy();
    }

    void commit() {
        if (saved == null) {
            throw ModelError.of(Kind.OTHER, "commit without transaction");
        }
        saved = null;
    }

    void rollback() {
        if (saved == null) {
            throw ModelError.of(Kind.OTHER, "rollback without transaction");
        }
        cur = saved;
        saved = null;
    }

    // ------------------------------------------------------------------ 7.11 streams

    /** SQL CAST(s AS INTEGER) as described in §7.11. */
    static long numericValue(String s) {
        int i = 0;
        while (i < s.length() && (s.charAt(i) == ' ' || (s.charAt(i) >= '\t' && s.charAt(i) <= '\r'))) {
            i++;
        }
        boolean neg = false;
        if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            neg = s.charAt(i) == '-';
            i++;
        }
        int start = i;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        if (i == start) {
            return 0;
        }
        BigInteger v = new BigInteger(s.substring(start, i));
        if (neg) {
            v = v.negate();
        }
        if (v.compareTo(BigInteger.valueOf(Long.MAX_VALUE)) > 0) {
            return Long.MAX_VALUE;
        }
        if (v.compareTo(BigInteger.valueOf(Long.MIN_VALUE)) < 0) {
            return Long.MIN_VALUE;
        }
        return v.longValue();
    }

    void enableStream(String t, String viewType, String label) {
        mutv(args().str(t).str(viewType).str(label), () -> updateCat(t, c -> {
            c.streamEnabled = true;
            c.streamViewType = viewType;
            c.streamLabel = label;
        }));
    }

    void disableStream(String t) {
        mutv(args().str(t), () -> updateCat(t, c -> c.streamEnabled = false));
    }

    void insertStreamRecord(String t, String event, String keys, String newImage,
            String oldImage, String seq, String shard, long createdAt, String identity) {
        mutv(args().str(t).str(event).str(keys).nstr(newImage).nstr(oldImage).str(seq)
                .str(shard).nstr(identity), () -> cur.streams.add(new Stream(t, shard,
                new StreamRecord(event, keys, newImage, oldImage, seq, createdAt, identity))));
    }

    long nextStreamSequenceNumber(String t) {
        return read(args().str(t), () -> {
            Long max = null;
            for (Stream s : cur.streams) {
                if (s.table().equals(t)) {
                    long v = numericValue(s.rec().sequenceNumber());
                    max = max == null ? v : Math.max(max, v);
                }
            }
            if (max == null) {
                return 1L;
            }
            if (max == Long.MAX_VALUE) {
                throw ModelError.of(Kind.OTHER, "sequence overflow");
            }
            return max + 1;
        });
    }

    private List<StreamRecord> shardRecords(String t, String shard) {
        List<StreamRecord> out = new ArrayList<>();
        for (Stream s : cur.streams) {
            if (s.table().equals(t) && s.shard().equals(shard)) {
                out.add(s.rec());
            }
        }
        // List.sort is stable: ties keep insertion order.
        out.sort(Comparator.comparingLong(r -> numericValue(r.sequenceNumber())));
        return out;
    }

    List<StreamRecord> getStreamRecords(String t, String shard, long after, int limit) {
        return read(args().str(t).str(shard).check(limit < 0), () -> {
            List<StreamRecord> out = new ArrayList<>();
            for (StreamRecord r : shardRecords(t, shard)) {
                if (numericValue(r.sequenceNumber()) > after) {
                    out.add(r);
                }
            }
            return take(out, limit);
        });
    }

    SequenceRange getShardSequenceRange(String t, String shard) {
        return read(args().str(t).str(shard), () -> {
            List<StreamRecord> l = shardRecords(t, shard);
            if (l.isEmpty()) {
                return new SequenceRange(null, null);
            }
            StreamRecord first = l.get(0);
            long maxV = numericValue(l.get(l.size() - 1).sequenceNumber());
            StreamRecord last = null;
            for (StreamRecord r : l) { // earliest inserted among the maximal ones
                if (numericValue(r.sequenceNumber()) == maxV) {
                    last = r;
                    break;
                }
            }
            return new SequenceRange(first.sequenceNumber(), last.sequenceNumber());
        });
    }

    List<TableMetadata> listStreamEnabledTables() {
        List<TableMetadata> out = new ArrayList<>();
        cur.catalog.values().stream().filter(c -> c.streamEnabled).forEach(c -> out.add(c.md()));
        return out;
    }

    // ------------------------------------------------------------------ 7.12 TTL

    void updateTtlConfig(String t, String attr, boolean enabled) {
        mutv(args().str(t).nstr(attr), () -> updateCat(t, c -> {
            c.ttlAttribute = attr;
            c.ttlEnabled = enabled;
        }));
    }

    List<TableMetadata> listTtlEnabledTables() {
        List<TableMetadata> out = new ArrayList<>();
        cur.catalog.values().stream().filter(c -> c.ttlEnabled).forEach(c -> out.add(c.md()));
        return out;
    }

    List<ItemRow> expiredItems(String t, long now, int limit) {
        return read(args().str(t).check(limit < 0), () -> {
            CatRow c = cur.catalog.get(t);
            TreeMap<List<String>, Row> d = cur.data.get(t);
            if (c == null || !c.ttlEnabled || c.ttlAttribute == null || d == null) {
                return new ArrayList<ItemRow>();
            }
            List<Map.Entry<Long, ItemRow>> hits = new ArrayList<>();
            d.forEach((k, r) -> { // (pk, sk) order; the stable sort keeps it among ties
                Long x = ModelTtl.expiry(r.itemJson(), c.ttlAttribute);
                if (x != null && x < now) {
                    hits.add(Map.entry(x, new ItemRow(k.get(0), k.get(1), r.itemJson())));
                }
            });
            hits.sort(Map.Entry.comparingByKey());
            List<ItemRow> out = new ArrayList<>();
            hits.forEach(e -> out.add(e.getValue()));
            return take(out, limit);
        });
    }

    // ------------------------------------------------------------------ 7.13 cache tracking

    void touchCachedAt(String t, String pk, String sk, double ts) {
        mutv(args().str(t).str(pk).str(sk).check(Double.isNaN(ts)), () -> {
            TreeMap<List<String>, Row> d = data(t);
            Row r = d.get(List.of(pk, sk));
            if (r != null) {
                d.put(List.of(pk, sk), new Row(r.itemJson(), r.itemSize(), ts, r.hashPrefix()));
            }
        });
    }

    List<LruItem> getLruItems(String t, int limit) {
        return read(args().str(t).check(limit < 0), () -> {
            List<Map.Entry<List<String>, Row>> l = new ArrayList<>();
            data(t).entrySet().stream().filter(e -> e.getValue().cachedAt() != null).forEach(l::add);
            // Numeric order (-0.0 ties 0.0), then (pk, sk): the map's order, kept by the stable sort.
            l.sort((x, y) -> {
                double a = x.getValue().cachedAt();
                double b = y.getValue().cachedAt();
                return a < b ? -1 : a > b ? 1 : 0;
            });
            List<LruItem> out = new ArrayList<>();
            l.forEach(e -> out.add(new LruItem(e.getKey().get(0), e.getKey().get(1), e.getValue().itemSize())));
            return take(out, limit);
        });
    }

    // ------------------------------------------------------------------ inspection for the harness

    /** Names of the existing data tables / index tables (the harness only uses a fixed universe). */
    Collection<String> dataTables() {
        return cur.data.keySet();
    }

    boolean hasGsi(String t, String i) {
        return cur.gsi.containsKey(List.of(t, i));
    }

    boolean hasLsi(String t, String i) {
        return cur.lsi.containsKey(List.of(t, i));
    }

    State current() {
        return cur;
    }
}
