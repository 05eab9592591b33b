package io.tidelog.backend.model;

import static io.tidelog.backend.model.Universe.GSI_PKS;
import static io.tidelog.backend.model.Universe.INDEXES;
import static io.tidelog.backend.model.Universe.PKS;
import static io.tidelog.backend.model.Universe.SKS;
import static io.tidelog.backend.model.Universe.TABLES;
import static io.tidelog.backend.model.Universe.q;

import io.tidelog.backend.BaseItemRow;
import io.tidelog.backend.CreateTableMetadata;
import io.tidelog.backend.GsiItemRow;
import io.tidelog.backend.IndexWriteOp;
import io.tidelog.backend.QueryParams;
import io.tidelog.backend.ScanParams;
import io.tidelog.backend.SortKeyCondition;
import io.tidelog.backend.StorageBackend;
import io.tidelog.backend.Tag;
import io.tidelog.backend.model.ModelRun.Type;
import io.tidelog.backend.model.ReferenceModel.Hit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;

/** Draws random operations (mutations, control calls, reads with random parameters) and runs them. */
final class OpGenerator {

    private final ModelRun run;
    private final Random rnd;
    private int counter;
    /** Recent result positions per read kind, to build cursors from. */
    private final Map<String, List<List<String>>> recentPos = new HashMap<>();

    private record Choice(int weight, Runnable op) {}

    private final List<Choice> choices = new ArrayList<>();
    private int totalWeight;

    OpGenerator(ModelRun run) {
        this.run = run;
        this.rnd = run.rnd;
        // mutations
        add(10, this::insertTableMetadata);
        add(3, this::deleteTableMetadata);
        add(25, this::catalogUpdate);
        add(15, this::setTags);
        add(6, this::removeTags);
        add(8, this::createDataTable);
        add(1, this::dropDataTable);
        add(5, () -> createIndexTable(true));
        add(1, () -> dropIndexTable(true));
        add(5, () -> createIndexTable(false));
        add(1, () -> dropIndexTable(false));
        add(30, this::insertGsiItem);
        add(15, this::insertGsiItems);
        add(12, this::deleteGsiItem);
        add(25, this::insertLsiItem);
        add(10, this::deleteLsiItem);
        add(20, this::applyIndexWrites);
        add(30, this::putItem);
        add(45, this::putItemWithHash);
        add(20, this::putBaseItems);
        add(12, this::deleteItem);
        add(20, this::touchCachedAt);
        add(6, this::enableStream);
        add(4, this::disableStream);
        add(25, this::insertStreamRecord);
        add(10, this::updateTtlConfig);
        // control
        add(12, this::begin);
        add(45, this::endTransaction);
        add(4, this::bulkLoading);
        add(3, this::vacuum);
        // reads
        add(25, this::catalogRead);
        add(35, this::itemRead);
        add(25, this::queryItems);
        add(20, this::queryGsiItems);
        add(15, this::queryLsiItems);
        add(25, this::scanItems);
        add(12, this::scanGsiItems);
        add(10, this::scanLsiItems);
        add(8, this::introspection);
        add(30, this::streamRead);
        add(20, this::cacheAndTtlRead);
        add(10, this::paginate);
        add(40, this::otherThread);
    }

    private void add(int w, Runnable r) {
        choices.add(new Choice(w, r));
        totalWeight += w;
    }

    void randomOp() {
        int x = rnd.nextInt(totalWeight);
        for (Choice c : choices) {
            x -= c.weight();
            if (x < 0) {
                c.op().run();
                return;
            }
        }
    }

    // ------------------------------------------------------------------ value choosers

    private boolean chance(int percent) {
        return rnd.nextInt(100) < percent;
    }

    private <T> T pick(List<T> l) {
        return Universe.pick(rnd, l);
    }

    /** A string argument from {@code l}; rarely null or one with an unpaired surrogate (§2.5). */
    private String arg(List<String> l) {
        int x = rnd.nextInt(1000);
        if (x < 2) {
            return null;
        }
        if (x < 5) {
            return pick(Universe.INVALID);
        }
        return pick(l);
    }

    private Integer limit() {
        int x = rnd.nextInt(100);
        if (x < 30) {
            return null;
        }
        if (x < 31) {
            return -1;
        }
        return pick(List.of(0, 1, 1, 2, 2, 3, 5, 10, 1000));
    }

    private int intLimit() {
        Integer l = limit();
        return l == null ? Integer.MAX_VALUE : l;
    }

    /** A table name, biased towards tables whose data table exists. */
    private String dataTable() {
        List<String> existing = new ArrayList<>(run.model.dataTables());
        return !existing.isEmpty() && chance(85) ? pick(existing) : arg(TABLES);
    }

    private String catalogTable() {
        List<String> existing = new ArrayList<>(run.model.current().catalog.keySet());
        return !existing.isEmpty() && chance(80) ? pick(existing) : arg(TABLES);
    }

    /** A (table, index) pair, biased towards existing GSI or LSI tables. */
    private String[] indexPair(boolean gsi) {
        TreeMap<List<String>, TreeMap<List<String>, String>> m =
                gsi ? run.model.current().gsi : run.model.current().lsi;
        if (!m.isEmpty() && chance(85)) {
            List<String> k = pick(new ArrayList<>(m.keySet()));
            return new String[] {k.get(0), k.get(1)};
        }
        return new String[] {arg(TABLES), arg(INDEXES)};
    }

    /** An existing (pk, sk) of a data table (70 %) or a random one. */
    private String[] rowKey(String t) {
        return rowKey(t, 70);
    }

    private String[] rowKey(String t, int percentExisting) {
        TreeMap<List<String>, ReferenceModel.Row> d = t == null ? null : run.model.current().data.get(t);
        if (d != null && !d.isEmpty() && chance(percentExisting)) {
            List<String> k = pick(new ArrayList<>(d.keySet()));
            return new String[] {k.get(0), k.get(1)};
        }
        return new String[] {arg(PKS), arg(SKS)};
    }

    /** An existing index entry's 4 keys (70 %) or random ones. */
    private List<String> indexKey(boolean gsi, String t, String i) {
        TreeMap<List<String>, String> d = t == null || i == null ? null
                : (gsi ? run.model.current().gsi : run.model.current().lsi).get(List.of(t, i));
        if (d != null && !d.isEmpty() && chance(70)) {
            return pick(new ArrayList<>(d.keySet()));
        }
        return List.of(pick(gsi ? GSI_PKS : PKS), pick(SKS), pick(PKS), pick(SKS));
    }

    private String json() {
        int x = rnd.nextInt(1000);
        if (x < 2) {
            return null;
        }
        if (x < 4) {
            return "{\"bad\":\"" + Universe.INVALID.get(1) + "\"}";
        }
        return Universe.itemJson(rnd, counter++);
    }

    private int itemSize() {
        int x = rnd.nextInt(200);
        if (x == 0) {
            return -1;
        }
        if (x == 1) {
            return Integer.MAX_VALUE;
        }
        return rnd.nextInt(5000);
    }

    private String opt(String s) {
        return chance(40) ? null : s + (chance(20) ? "\u00e9" + Universe.GRIN : "") + counter++;
    }

    private static Function<StorageBackend, Object> v(java.util.function.Consumer<StorageBackend> c) {
        return b -> {
            c.accept(b);
            return null;
        };
    }

    private static Function<ReferenceModel, Object> mv(java.util.function.Consumer<ReferenceModel> c) {
        return m -> {
            c.accept(m);
            return null;
        };
    }

    private void remember(String kind, Object modelResult) {
        if (modelResult instanceof List<?> l && !l.isEmpty() && l.get(0) instanceof Hit) {
            List<List<String>> rp = recentPos.computeIfAbsent(kind, k -> new ArrayList<>());
            for (Object o : l) {
                rp.add(((Hit) o).pos());
            }
            while (rp.size() > 30) {
                rp.remove(0);
            }
        }
    }

    private List<String> recent(String kind) {
        List<List<String>> rp = recentPos.get(kind);
        return rp == null || rp.isEmpty() ? null : pick(rp);
    }

    // ------------------------------------------------------------------ catalog mutations

    private void insertTableMetadata() {
        String t = arg(TABLES);
        CreateTableMetadata m = new CreateTableMetadata(t,
                "[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"}]" + counter++,
                chance(1) ? null : "[{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"}]",
                opt("[{\"IndexName\":\"byStatus\"}]"), opt("[{\"IndexName\":\"lsi\"}]"),
                opt("{\"ReadCapacityUnits\":5}"), rnd.nextLong(0, 2_000_000_000L), opt("{\"Enabled\":true}"),
                opt("STANDARD"), rnd.nextBoolean(), opt("PAY_PER_REQUEST"),
                opt("{\"MaxReadRequestUnits\":10}"));
        run.step("insertTableMetadata(" + q(String.valueOf(m)) + ")", Type.MUT, v(b -> b.insertTableMetadata(m)),
                mv(x -> x.insertTableMetadata(m)));
        if (!run.lastModelFailed) {
            run.learnTableId(t);
        }
    }

    private void deleteTableMetadata() {
        String t = catalogTable();
        run.step("deleteTableMetadata(" + q(t) + ")", Type.MUT, b -> b.deleteTableMetadata(t),
                m -> m.deleteTableMetadata(t));
    }

    private void catalogUpdate() {
        String t = catalogTable();
        String val = chance(2) ? null : pick(List.of("A", "{\"x\":1}", "null", "", "\u00e9" + Universe.GRIN)) + counter++;
        String d = "(" + q(t) + ", " + q(val) + ")";
        switch (rnd.nextInt(10)) {
            case 0 -> {
                String gsi = chance(50) ? null : "[{\"IndexName\":\"g" + counter++ + "\"}]";
                run.step("updateTableMetadata(" + q(t) + ", " + q(val) + ", " + q(gsi) + ")", Type.MUT,
                        v(b -> b.updateTableMetadata(t, val, gsi)), mv(m -> m.updateTableMetadata(t, val, gsi)));
            }
            case 1 -> run.step("updateProvisionedThroughput" + d, Type.MUT,
                    v(b -> b.updateProvisionedThroughput(t, val)), mv(m -> m.updateProvisionedThroughput(t, val)));
            case 2 -> run.step("clearProvisionedThroughput(" + q(t) + ")", Type.MUT,
                    v(b -> b.clearProvisionedThroughput(t)), mv(m -> m.clearProvisionedThroughput(t)));
            case 3 -> run.step("updateBillingMode" + d, Type.MUT, v(b -> b.updateBillingMode(t, val)),
                    mv(m -> m.updateBillingMode(t, val)));
            case 4 -> run.step("updateTableClass" + d, Type.MUT, v(b -> b.updateTableClass(t, val)),
                    mv(m -> m.updateTableClass(t, val)));
            case 5 -> {
                String od = chance(30) ? "null" : val;
                run.step("updateOnDemandThroughput(" + q(t) + ", " + q(od) + ")", Type.MUT,
                        v(b -> b.updateOnDemandThroughput(t, od)), mv(m -> m.updateOnDemandThroughput(t, od)));
            }
            case 6 -> run.step("clearOnDemandThroughput(" + q(t) + ")", Type.MUT,
                    v(b -> b.clearOnDemandThroughput(t)), mv(m -> m.clearOnDemandThroughput(t)));
            default -> {
                boolean on = rnd.nextBoolean();
                run.step("updateDeletionProtection(" + q(t) + ", " + on + ")", Type.MUT,
                        v(b -> b.updateDeletionProtection(t, on)), mv(m -> m.updateDeletionProtection(t, on)));
            }
        }
    }

    private void setTags() {
        String t = catalogTable();
        List<Tag> tags = new ArrayList<>();
        ReferenceModel.CatRow row = t == null ? null : run.model.current().catalog.get(t);
        int x = rnd.nextInt(100);
        if (x < 10 && row != null) { // land exactly on 50 or 51
            int want = 50 - row.tags.size() + (rnd.nextBoolean() ? 1 : 0);
            for (String k : Universe.TAG_KEYS) {
                if (want <= 0) {
                    break;
                }
                if (!row.tags.containsKey(k)) {
                    tags.add(new Tag(k, "v" + counter++));
                    want--;
                }
            }
            if (!tags.isEmpty() && chance(50)) {
                tags.add(tags.get(0)); // a duplicate does not count twice
            }
        } else {
            int n = x < 30 ? 15 + rnd.nextInt(20) : rnd.nextInt(5);
            for (int k = 0; k < n; k++) {
                tags.add(new Tag(pick(Universe.TAG_KEYS), pick(List.of("", "v", "w\u00e9")) + counter++));
            }
            if (chance(3)) {
                tags.add(chance(50) ? null : new Tag("k1", null));
            }
        }
        run.step("setTags(" + q(t) + ", " + tags.size() + " tags " + q(tags.toString()) + ")", Type.MUT,
                v(b -> b.setTags(t, tags)), mv(m -> m.setTags(t, tags)));
    }

    private void removeTags() {
        String t = catalogTable();
        List<String> keys = new ArrayList<>();
        int n = chance(10) ? 40 : rnd.nextInt(5);
        for (int k = 0; k < n; k++) {
            keys.add(pick(Universe.TAG_KEYS));
        }
        run.step("removeTags(" + q(t) + ", " + q(keys.toString()) + ")", Type.MUT, v(b -> b.removeTags(t, keys)),
                mv(m -> m.removeTags(t, keys)));
    }

    // ------------------------------------------------------------------ DDL

    private void createDataTable() {
        // Mostly a catalog row's missing data table, so that tableStats() often succeeds.
        List<String> orphans = new ArrayList<>(run.model.current().catalog.keySet());
        orphans.removeAll(run.model.dataTables());
        String t = !orphans.isEmpty() && chance(70) ? pick(orphans) : arg(TABLES);
        run.step("createDataTable(" + q(t) + ")", Type.MUT, v(b -> b.createDataTable(t)), mv(m -> m.createDataTable(t)));
    }

    private void dropDataTable() {
        String t = dataTable();
        run.step("dropDataTable(" + q(t) + ")", Type.MUT, v(b -> b.dropDataTable(t)), mv(m -> m.dropDataTable(t)));
    }

    private void createIndexTable(boolean gsi) {
        String t = arg(TABLES);
        String i = arg(INDEXES);
        String d = "(" + q(t) + ", " + q(i) + ")";
        if (gsi) {
            run.step("createGsiTable" + d, Type.MUT, v(b -> b.createGsiTable(t, i)), mv(m -> m.createGsiTable(t, i)));
        } else {
            run.step("createLsiTable" + d, Type.MUT, v(b -> b.createLsiTable(t, i)), mv(m -> m.createLsiTable(t, i)));
        }
    }

    private void dropIndexTable(boolean gsi) {
        String[] p = indexPair(gsi);
        String d = "(" + q(p[0]) + ", " + q(p[1]) + ")";
        if (gsi) {
            run.step("dropGsiTable" + d, Type.MUT, v(b -> b.dropGsiTable(p[0], p[1])), mv(m -> m.dropGsiTable(p[0], p[1])));
        } else {
            run.step("dropLsiTable" + d, Type.MUT, v(b -> b.dropLsiTable(p[0], p[1])), mv(m -> m.dropLsiTable(p[0], p[1])));
        }
    }

    // ------------------------------------------------------------------ index items

    private GsiItemRow gsiRow(String t, String i) {
        List<String> k = indexKey(true, t, i);
        String gpk = chance(60) ? k.get(0) : arg(GSI_PKS);
        String gsk = chance(60) ? k.get(1) : arg(SKS);
        return new GsiItemRow(gpk, gsk, k.get(2), k.get(3), json());
    }

    private void insertGsiItem() {
        String[] p = indexPair(true);
        GsiItemRow r = gsiRow(p[0], p[1]);
        run.step("insertGsiItem(" + q(p[0]) + ", " + q(p[1]) + ", " + q(r.toString()) + ")", Type.MUT,
                v(b -> b.insertGsiItem(p[0], p[1], r.gsiPk(), r.gsiSk(), r.tablePk(), r.tableSk(), r.itemJson())),
                mv(m -> m.insertGsiItem(p[0], p[1], r.gsiPk(), r.gsiSk(), r.tablePk(), r.tableSk(), r.itemJson())));
    }

    private void insertGsiItems() {
        String[] p = indexPair(true);
        List<GsiItemRow> rows = new ArrayList<>();
        int n = rnd.nextInt(6);
        for (int k = 0; k < n; k++) {
            rows.add(chance(25) && !rows.isEmpty()
                    ? new GsiItemRow(rows.get(0).gsiPk(), rows.get(0).gsiSk(), rows.get(0).tablePk(),
                            rows.get(0).tableSk(), json())
                    : gsiRow(p[0], p[1]));
        }
        if (chance(2)) {
            rows.add(null);
        }
        run.step("insertGsiItems(" + q(p[0]) + ", " + q(p[1]) + ", " + q(rows.toString()) + ")", Type.MUT,
                v(b -> b.insertGsiItems(p[0], p[1], rows)), mv(m -> m.insertGsiItems(p[0], p[1], rows)));
    }

    private void deleteGsiItem() {
        String[] p = indexPair(true);
        List<String> k = indexKey(true, p[0], p[1]);
        run.step("deleteGsiItem(" + q(p[0]) + ", " + q(p[1]) + ", " + q(k.get(2)) + ", " + q(k.get(3)) + ")",
                Type.MUT, v(b -> b.deleteGsiItem(p[0], p[1], k.get(2), k.get(3))),
                mv(m -> m.deleteGsiItem(p[0], p[1], k.get(2), k.get(3))));
    }

    private void insertLsiItem() {
        String[] p = indexPair(false);
        List<String> k = indexKey(false, p[0], p[1]);
        String pk = chance(70) ? k.get(0) : arg(PKS);
        String sk = chance(50) ? k.get(1) : arg(SKS);
        String j = json();
        run.step("insertLsiItem(" + q(p[0]) + ", " + q(p[1]) + ", " + q(pk) + ", " + q(sk) + ", " + q(k.get(2))
                + ", " + q(k.get(3)) + ", " + q(j) + ")", Type.MUT,
                v(b -> b.insertLsiItem(p[0], p[1], pk, sk, k.get(2), k.get(3), j)),
                mv(m -> m.insertLsiItem(p[0], p[1], pk, sk, k.get(2), k.get(3), j)));
    }

    private void deleteLsiItem() {
        String[] p = indexPair(false);
        List<String> k = indexKey(false, p[0], p[1]);
        run.step("deleteLsiItem(" + q(p[0]) + ", " + q(p[1]) + ", " + q(k.get(2)) + ", " + q(k.get(3)) + ")",
                Type.MUT, v(b -> b.deleteLsiItem(p[0], p[1], k.get(2), k.get(3))),
                mv(m -> m.deleteLsiItem(p[0], p[1], k.get(2), k.get(3))));
    }

    private void applyIndexWrites() {
        List<IndexWriteOp> ops = new ArrayList<>();
        int n = rnd.nextInt(7);
        for (int k = 0; k < n; k++) {
            boolean gsi = rnd.nextBoolean();
            String[] p = chance(5) ? new String[] {pick(TABLES), "missing-index"} : indexPair(gsi);
            List<String> key = indexKey(gsi, p[0], p[1]);
            boolean del = chance(40);
            if (gsi) {
                ops.add(del ? new IndexWriteOp.DeleteGsi(p[0], p[1], key.get(2), key.get(3))
                        : new IndexWriteOp.InsertGsi(p[0], p[1], chance(50) ? key.get(0) : pick(GSI_PKS),
                                chance(50) ? key.get(1) : pick(SKS), key.get(2), key.get(3), json()));
            } else {
                ops.add(del ? new IndexWriteOp.DeleteLsi(p[0], p[1], key.get(2), key.get(3))
                        : new IndexWriteOp.InsertLsi(p[0], p[1], key.get(0), chance(50) ? key.get(1) : pick(SKS),
                                key.get(2), key.get(3), json()));
            }
        }
        if (chance(2)) {
            ops.add(null);
        }
        run.step("applyIndexWrites(" + q(ops.toString()) + ")", Type.MUT, v(b -> b.applyIndexWrites(ops)),
                mv(m -> m.applyIndexWrites(ops)));
    }

    // ------------------------------------------------------------------ items

    private void putItem() {
        String t = dataTable();
        String[] k = rowKey(t, 35);
        String j = json();
        int size = itemSize();
        run.step("putItem(" + q(t) + ", " + q(k[0]) + ", " + q(k[1]) + ", " + q(j) + ", " + size + ")", Type.MUT,
                b -> b.putItem(t, k[0], k[1], j, size), m -> m.putItem(t, k[0], k[1], j, size));
    }

    private void putItemWithHash() {
        String t = dataTable();
        String[] k = rowKey(t, 35);
        String j = json();
        int size = itemSize();
        String hp = k[0] == null ? "" : chance(1) ? null : Universe.hashPrefix(rnd, k[0]);
        run.step("putItemWithHash(" + q(t) + ", " + q(k[0]) + ", " + q(k[1]) + ", " + q(j) + ", " + size + ", "
                + q(hp) + ")", Type.MUT, b -> b.putItemWithHash(t, k[0], k[1], j, size, hp),
                m -> m.putItemWithHash(t, k[0], k[1], j, size, hp));
    }

    private void putBaseItems() {
        String t = dataTable();
        List<BaseItemRow> rows = new ArrayList<>();
        int n = rnd.nextInt(7);
        for (int x = 0; x < n; x++) {
            String[] k = chance(25) && !rows.isEmpty()
                    ? new String[] {rows.get(0).pk(), rows.get(0).sk()} : rowKey(t, 35);
            Double cached = chance(1) ? Double.valueOf(Double.NaN) : Universe.cachedAt(rnd);
            rows.add(new BaseItemRow(k[0], k[1], json(), itemSize(), cached,
                    k[0] == null ? "" : Universe.hashPrefix(rnd, k[0])));
        }
        if (chance(2)) {
            rows.add(null);
        }
        run.step("putBaseItems(" + q(t) + ", " + q(rows.toString()) + ")", Type.MUT, v(b -> b.putBaseItems(t, rows)),
                mv(m -> m.putBaseItems(t, rows)));
    }

    private void deleteItem() {
        String t = dataTable();
        String[] k = rowKey(t);
        run.step("deleteItem(" + q(t) + ", " + q(k[0]) + ", " + q(k[1]) + ")", Type.MUT,
                b -> b.deleteItem(t, k[0], k[1]), m -> m.deleteItem(t, k[0], k[1]));
    }

    private void touchCachedAt() {
        String t = dataTable();
        String[] k = rowKey(t);
        double ts = chance(2) ? Double.NaN : chance(60) ? Universe.pick(rnd, Universe.CACHED_AT)
                : Math.floor(rnd.nextDouble() * 400) / 4;
        run.step("touchCachedAt(" + q(t) + ", " + q(k[0]) + ", " + q(k[1]) + ", " + ts + ")", Type.MUT,
                v(b -> b.touchCachedAt(t, k[0], k[1], ts)), mv(m -> m.touchCachedAt(t, k[0], k[1], ts)));
    }

    // ------------------------------------------------------------------ streams and TTL

    private void enableStream() {
        String t = catalogTable();
        String vt = pick(List.of("NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES", "KEYS_ONLY"));
        String label = "2024-06-01T00:00:00." + counter++;
        run.step("enableStream(" + q(t) + ", " + vt + ", " + label + ")", Type.MUT,
                v(b -> b.enableStream(t, vt, label)), mv(m -> m.enableStream(t, vt, label)));
    }

    private void disableStream() {
        String t = catalogTable();
        run.step("disableStream(" + q(t) + ")", Type.MUT, v(b -> b.disableStream(t)), mv(m -> m.disableStream(t)));
    }

    private void insertStreamRecord() {
        String t = chance(80) ? pick(TABLES) : arg(TABLES);
        String ev = pick(Universe.EVENTS);
        String keys = "{\"pk\":{\"S\":\"" + counter++ + "\"}}";
        String ni = chance(30) ? null : Universe.itemJson(rnd, counter++);
        String oi = chance(50) ? null : Universe.itemJson(rnd, counter++);
        String seq;
        int x = rnd.nextInt(200);
        if (x == 0 && "orders".equals(t)) {
            seq = "99999999999999999999"; // clamps to Long.MAX_VALUE: next… raises OTHER afterwards
        } else if (x == 1) {
            seq = "-99999999999999999999";
        } else if (x < 60) {
            seq = pick(Universe.SEQS);
        } else { // small values spelled several ways, so that numeric ties have different strings
            int n = rnd.nextInt(16);
            seq = switch (rnd.nextInt(6)) {
                case 0 -> "0" + n;
                case 1 -> "+" + n;
                case 2 -> " " + n;
                case 3 -> n + "abc";
                default -> Integer.toString(n);
            };
        }
        String sh = chance(1) ? null : pick(Universe.SHARDS);
        long created = 1_700_000_000L + rnd.nextInt(1000);
        if (chance(50)) {
            run.step("insertStreamRecord(" + q(t) + ", " + ev + ", " + q(keys) + ", " + q(ni) + ", " + q(oi) + ", "
                    + q(seq) + ", " + q(sh) + ", " + created + ")", Type.MUT,
                    v(b -> b.insertStreamRecord(t, ev, keys, ni, oi, seq, sh, created)),
                    mv(m -> m.insertStreamRecord(t, ev, keys, ni, oi, seq, sh, created, null)));
        } else {
            String id = chance(50) ? null : "{\"type\":\"Service\",\"principalId\":\"dynamodb.amazonaws.com\"}";
            run.step("insertStreamRecordWithIdentity(" + q(t) + ", " + ev + ", " + q(keys) + ", " + q(ni) + ", "
                    + q(oi) + ", " + q(seq) + ", " + q(sh) + ", " + created + ", " + q(id) + ")", Type.MUT,
                    v(b -> b.insertStreamRecordWithIdentity(t, ev, keys, ni, oi, seq, sh, created, id)),
                    mv(m -> m.insertStreamRecord(t, ev, keys, ni, oi, seq, sh, created, id)));
        }
    }

    private void updateTtlConfig() {
        String t = catalogTable();
        boolean on = chance(70);
        String attr = chance(15) ? null : chance(60) ? "exp" : pick(Universe.TTL_ATTRS);
        run.step("updateTtlConfig(" + q(t) + ", " + q(attr) + ", " + on + ")", Type.MUT,
                v(b -> b.updateTtlConfig(t, attr, on)), mv(m -> m.updateTtlConfig(t, attr, on)));
    }

    // ------------------------------------------------------------------ control

    private void begin() {
        run.step("beginTransaction()", Type.BEGIN, v(StorageBackend::beginTransaction),
                mv(ReferenceModel::beginTransaction));
    }

    private void endTransaction() {
        if (!run.model.inTransaction() && !chance(5)) {
            return; // only occasionally a stray commit/rollback (OTHER)
        }
        if (chance(55)) {
            run.step("commit()", Type.COMMIT, v(StorageBackend::commit), mv(ReferenceModel::commit));
        } else {
            run.step("rollback()", Type.ROLLBACK, v(StorageBackend::rollback), mv(ReferenceModel::rollback));
        }
    }

    private void bulkLoading() {
        if (rnd.nextBoolean()) {
            run.step("enableBulkLoading()", Type.CONTROL, v(StorageBackend::enableBulkLoading), m -> null);
        } else {
            run.step("disableBulkLoading()", Type.CONTROL, v(StorageBackend::disableBulkLoading), m -> null);
        }
    }

    private void vacuum() {
        run.step("vacuum()", Type.CONTROL, v(StorageBackend::vacuum), mv(ReferenceModel::vacuum));
    }

    // ------------------------------------------------------------------ reads

    private void catalogRead() {
        String t = chance(70) ? pick(TABLES) : arg(TABLES);
        switch (rnd.nextInt(5)) {
            case 0 -> run.step("getTableMetadata(" + q(t) + ")", Type.READ, b -> b.getTableMetadata(t),
                    m -> m.getTableMetadata(t));
            case 1 -> run.step("getTags(" + q(t) + ")", Type.READ, b -> b.getTags(t), m -> m.getTags(t));
            case 2 -> run.step("listTableNames()", Type.READ, StorageBackend::listTableNames,
                    ReferenceModel::listTableNames);
            case 3 -> run.step("tableExists(" + q(t) + ")", Type.READ, b -> b.tableExists(t), m -> m.tableExists(t));
            default -> run.step("tableCount()", Type.READ, StorageBackend::tableCount, ReferenceModel::tableCount);
        }
    }

    private void itemRead() {
        String t = dataTable();
        String[] k = rowKey(t);
        switch (rnd.nextInt(6)) {
            case 0, 1, 2 -> run.step("getItem(" + q(t) + ", " + q(k[0]) + ", " + q(k[1]) + ")", Type.READ,
                    b -> b.getItem(t, k[0], k[1]), m -> m.getItem(t, k[0], k[1]));
            case 3 -> run.step("getPartitionSize(" + q(t) + ", " + q(k[0]) + ")", Type.READ,
                    b -> b.getPartitionSize(t, k[0]), m -> m.getPartitionSize(t, k[0]));
            case 4 -> {
                String[] p = indexPair(false);
                String pk = indexKey(false, p[0], p[1]).get(0);
                run.step("getLsiPartitionSize(" + q(p[0]) + ", " + q(p[1]) + ", " + q(pk) + ")", Type.READ,
                        b -> b.getLsiPartitionSize(p[0], p[1], pk), m -> m.getLsiPartitionSize(p[0], p[1], pk));
            }
            default -> run.step("countItems(" + q(t) + ")", Type.READ, b -> b.countItems(t), m -> m.countItems(t));
        }
    }

    private SortKeyCondition condition() {
        if (chance(35)) {
            return null;
        }
        List<String> ops = new ArrayList<>(SKS);
        ops.addAll(Universe.COND_EXTRA);
        String a = chance(1) ? pick(Universe.INVALID) : pick(ops);
        String b = pick(ops);
        return switch (rnd.nextInt(7)) {
            case 0 -> new SortKeyCondition.Eq(a);
            case 1 -> new SortKeyCondition.Lt(a);
            case 2 -> new SortKeyCondition.Le(a);
            case 3 -> new SortKeyCondition.Gt(a);
            case 4 -> new SortKeyCondition.Ge(a);
            case 5 -> new SortKeyCondition.Between(a, b);
            default -> new SortKeyCondition.BeginsWith(a);
        };
    }

    /** Random query parameters; {@code tuple} for index queries (3-part cursors). */
    private QueryParams queryParams(String kind, boolean tuple) {
        QueryParams.Builder b = QueryParams.builder().forward(rnd.nextBoolean()).skCondition(condition())
                .limit(limit());
        int c = rnd.nextInt(100);
        List<String> pos = recent(kind);
        if (c < 35 && pos != null) {
            b.exclusiveStartSk(pos.get(0));
            if (tuple && chance(75)) {
                b.exclusiveStartBasePk(pos.get(1));
                b.exclusiveStartBaseSk(chance(90) ? pos.get(2) : null);
            }
        } else if (c < 65) {
            b.exclusiveStartSk(chance(90) ? pick(SKS) : arg(SKS));
            b.exclusiveStartBasePk(chance(50) ? null : pick(PKS));
            b.exclusiveStartBaseSk(chance(40) ? null : pick(SKS));
        }
        return b.build();
    }

    private void queryItems() {
        String t = dataTable();
        String pk = rowKey(t)[0];
        QueryParams p = queryParams("q-base", false);
        run.step("queryItems(" + q(t) + ", " + q(pk) + ", " + q(p.toString()) + ")", Type.READ,
                b -> b.queryItems(t, pk, p), m -> rememberRows("q-base", m.queryItems(t, pk, p)));
    }

    private Object rememberRows(String kind, List<Hit> hits) {
        remember(kind, hits);
        return ReferenceModel.rows(hits);
    }

    private void queryGsiItems() {
        String[] ix = indexPair(true);
        String gpk = indexKey(true, ix[0], ix[1]).get(0);
        QueryParams p = queryParams("q-gsi", true);
        run.step("queryGsiItems(" + q(ix[0]) + ", " + q(ix[1]) + ", " + q(gpk) + ", " + q(p.toString()) + ")",
                Type.READ, b -> b.queryGsiItems(ix[0], ix[1], gpk, p),
                m -> rememberRows("q-gsi", m.queryGsiItems(ix[0], ix[1], gpk, p)));
    }

    private void queryLsiItems() {
        String[] ix = indexPair(false);
        String pk = indexKey(false, ix[0], ix[1]).get(0);
        QueryParams p = queryParams("q-lsi", true);
        run.step("queryLsiItems(" + q(ix[0]) + ", " + q(ix[1]) + ", " + q(pk) + ", " + q(p.toString()) + ")",
                Type.READ, b -> b.queryLsiItems(ix[0], ix[1], pk, p),
                m -> rememberRows("q-lsi", m.queryLsiItems(ix[0], ix[1], pk, p)));
    }

    private void segments(ScanParams.Builder b, List<Integer> totals) {
        int x = rnd.nextInt(100);
        if (x < 3) { // invalid combinations (§2.5)
            switch (rnd.nextInt(5)) {
                case 0 -> b.segment(0);
                case 1 -> b.totalSegments(2);
                case 2 -> b.segment(2).totalSegments(2);
                case 3 -> b.segment(0).totalSegments(0);
                default -> b.segment(-1).totalSegments(3);
            }
        } else if (x < 50) {
            int t = pick(totals);
            b.segment(t > 16 && chance(50) ? rnd.nextInt(Math.min(t, 64)) : rnd.nextInt(t)).totalSegments(t);
        }
    }

    private ScanParams scanParams(String kind, boolean index) {
        ScanParams.Builder b = ScanParams.builder().limit(limit());
        segments(b, index ? List.of(1, 2, 3, 4, 7) : List.of(1, 2, 3, 4, 16, 4096, 5000));
        int c = rnd.nextInt(100);
        List<String> pos = recent(kind);
        if (c < 35 && pos != null) {
            b.exclusiveStartPk(pos.get(0)).exclusiveStartSk(pos.get(1));
            if (index && chance(70)) {
                b.exclusiveStartBasePk(pos.get(2)).exclusiveStartBaseSk(chance(90) ? pos.get(3) : null);
            }
        } else if (c < 60) {
            b.exclusiveStartPk(chance(15) ? pick(Universe.MALFORMED_PKS) : pick(index && chance(50) ? GSI_PKS : PKS));
            b.exclusiveStartSk(chance(10) ? null : pick(SKS));
            if (chance(50)) {
                b.exclusiveStartBasePk(pick(PKS)).exclusiveStartBaseSk(chance(80) ? pick(SKS) : null);
            }
        } else if (c < 65) {
            b.exclusiveStartSk(pick(SKS)); // a lone component: no cursor
        }
        return b.build();
    }

    private void scanItems() {
        String t = dataTable();
        ScanParams p = scanParams("s-base", false);
        run.step("scanItems(" + q(t) + ", " + q(p.toString()) + ")", Type.READ, b -> b.scanItems(t, p),
                m -> rememberRows("s-base", m.scanItems(t, p)));
    }

    private void scanGsiItems() {
        String[] ix = indexPair(true);
        ScanParams p = scanParams("s-gsi", true);
        run.step("scanGsiItems(" + q(ix[0]) + ", " + q(ix[1]) + ", " + q(p.toString()) + ")", Type.READ,
                b -> b.scanGsiItems(ix[0], ix[1], p), m -> rememberRows("s-gsi", m.scanGsiItems(ix[0], ix[1], p)));
    }

    private void scanLsiItems() {
        String[] ix = indexPair(false);
        ScanParams p = scanParams("s-lsi", true);
        run.step("scanLsiItems(" + q(ix[0]) + ", " + q(ix[1]) + ", " + q(p.toString()) + ")", Type.READ,
                b -> b.scanLsiItems(ix[0], ix[1], p), m -> rememberRows("s-lsi", m.scanLsiItems(ix[0], ix[1], p)));
    }

    private void introspection() {
        String path = run.dir.toAbsolutePath().normalize().toString();
        switch (rnd.nextInt(4)) {
            case 0, 1 -> run.step("tableStats()", Type.READ, StorageBackend::tableStats, ReferenceModel::tableStats);
            case 2 -> run.step("databaseInfo()", Type.READ, ModelRun::normalizedInfo, m -> m.databaseInfo(path));
            default -> run.step("dbSizeBytes() > 0", Type.READ, b -> b.dbSizeBytes() > 0, m -> true);
        }
    }

    private void streamRead() {
        String t = chance(90) ? pick(TABLES) : arg(TABLES);
        String sh = pick(Universe.SHARDS);
        switch (rnd.nextInt(6)) {
            case 0, 1 -> {
                long after = pick(List.of(Long.MIN_VALUE, -6L, -1L, 0L, 3L, 7L, 9L, 10L, 12L, 42L, Long.MAX_VALUE));
                int lim = chance(2) ? -1 : pick(List.of(0, 1, 2, 3, 5, 100, Integer.MAX_VALUE));
                run.step("getStreamRecords(" + q(t) + ", " + q(sh) + ", " + after + ", " + lim + ")", Type.READ,
                        b -> b.getStreamRecords(t, sh, after, lim), m -> m.getStreamRecords(t, sh, after, lim));
            }
            case 2 -> run.step("nextStreamSequenceNumber(" + q(t) + ")", Type.READ,
                    b -> b.nextStreamSequenceNumber(t), m -> m.nextStreamSequenceNumber(t));
            case 3 -> run.step("getShardSequenceRange(" + q(t) + ", " + q(sh) + ")", Type.READ,
                    b -> b.getShardSequenceRange(t, sh), m -> m.getShardSequenceRange(t, sh));
            case 4 -> run.step("listStreamEnabledTables()", Type.READ, StorageBackend::listStreamEnabledTables,
                    ReferenceModel::listStreamEnabledTables);
            default -> run.step("listTtlEnabledTables()", Type.READ, StorageBackend::listTtlEnabledTables,
                    ReferenceModel::listTtlEnabledTables);
        }
    }

    private void cacheAndTtlRead() {
        List<String> ttlOn = new ArrayList<>();
        run.model.current().catalog.forEach((name, c) -> {
            if (c.ttlEnabled) {
                ttlOn.add(name);
            }
        });
        String t = !ttlOn.isEmpty() && chance(50) ? pick(ttlOn) : chance(80) ? dataTable() : pick(TABLES);
        int lim = intLimit();
        if (rnd.nextBoolean()) {
            run.step("getLruItems(" + q(t) + ", " + lim + ")", Type.READ, b -> b.getLruItems(t, lim),
                    m -> m.getLruItems(t, lim));
        } else {
            long now = pick(Universe.NOWS);
            run.step("expiredItems(" + q(t) + ", " + now + ", " + lim + ")", Type.READ,
                    b -> b.expiredItems(t, now, lim), m -> m.expiredItems(t, now, lim));
        }
    }

    // ------------------------------------------------------------------ isolation (§3.2)

    /** While a transaction is open: a read on another thread sees committed state only; a write there gets LOCKED. */
    private void otherThread() {
        if (!run.model.inTransaction()) {
            return;
        }
        String t = dataTable();
        String[] k = rowKey(t);
        switch (rnd.nextInt(9)) {
            case 0 -> run.stepOtherThread("getItem(" + q(t) + ", " + q(k[0]) + ", " + q(k[1]) + ")",
                    b -> b.getItem(t, k[0], k[1]), m -> m.getItem(t, k[0], k[1]));
            case 1 -> run.stepOtherThread("scanItems(" + q(t) + ", all)", b -> b.scanItems(t, ScanParams.builder().build()),
                    m -> ReferenceModel.rows(m.scanItems(t, ScanParams.builder().build())));
            case 2 -> run.stepOtherThread("listTableNames()", StorageBackend::listTableNames, ReferenceModel::listTableNames);
            case 3 -> {
                String[] ix = indexPair(true);
                run.stepOtherThread("scanGsiItems(" + q(ix[0]) + ", " + q(ix[1]) + ", all)",
                        b -> b.scanGsiItems(ix[0], ix[1], ScanParams.builder().build()),
                        m -> ReferenceModel.rows(m.scanGsiItems(ix[0], ix[1], ScanParams.builder().build())));
            }
            case 4 -> {
                String sh = pick(Universe.SHARDS);
                run.stepOtherThread("getStreamRecords(" + q(t) + ", " + q(sh) + ", MIN, MAX)",
                        b -> b.getStreamRecords(t, sh, Long.MIN_VALUE, Integer.MAX_VALUE),
                        m -> m.getStreamRecords(t, sh, Long.MIN_VALUE, Integer.MAX_VALUE));
            }
            case 5 -> run.stepOtherThread("tableStats()", StorageBackend::tableStats, ReferenceModel::tableStats);
            case 6 -> run.stepOtherThread("getLruItems(" + q(t) + ", MAX)", b -> b.getLruItems(t, Integer.MAX_VALUE),
                    m -> m.getLruItems(t, Integer.MAX_VALUE));
            case 7 -> {
                long now = pick(Universe.NOWS);
                run.stepOtherThread("expiredItems(" + q(t) + ", " + now + ", MAX)",
                        b -> b.expiredItems(t, now, Integer.MAX_VALUE), m -> m.expiredItems(t, now, Integer.MAX_VALUE));
            }
            default -> { // a writer on another thread waits lockTimeout, then LOCKED, no effect
                String j = json();
                int w = rnd.nextInt(4);
                run.stepOtherThread(switch (w) {
                    case 0 -> "putItem(" + q(t) + ", " + q(k[0]) + ", " + q(k[1]) + ", " + q(j) + ", 1) → LOCKED";
                    case 1 -> "createDataTable(\"fresh\") → LOCKED";
                    case 2 -> "beginTransaction() → LOCKED";
                    default -> "vacuum() → LOCKED";
                }, b -> {
                    switch (w) {
                        case 0 -> b.putItem(t, k[0], k[1], j, 1);
                        case 1 -> b.createDataTable("fresh");
                        case 2 -> b.beginTransaction();
                        default -> b.vacuum();
                    }
                    return null;
                }, m -> {
                    throw new ReferenceModel.ModelError(java.util.EnumSet.of(io.tidelog.backend.BackendException.Kind.LOCKED),
                            null, "another thread holds a transaction");
                });
            }
        }
    }

    // ------------------------------------------------------------------ pagination

    /** Pages through a query or scan with the model's last position as the next cursor. */
    @SuppressWarnings("unchecked")
    private void paginate() {
        int kind = rnd.nextInt(6);
        int k = 1 + rnd.nextInt(4);
        boolean forward = rnd.nextBoolean();
        SortKeyCondition cond = condition();
        Integer seg = null;
        Integer total = null;
        if (chance(50)) {
            total = kind == 3 ? pick(List.of(1, 2, 3, 4)) : pick(List.of(1, 2, 3));
            seg = rnd.nextInt(total);
        }
        String[] ix = indexPair(kind == 1 || kind == 4);
        String t = kind == 0 || kind == 3 ? dataTable() : ix[0];
        String i = ix[1];
        String key = switch (kind) {
            case 0 -> rowKey(t)[0];
            case 1 -> indexKey(true, t, i).get(0);
            case 2 -> indexKey(false, t, i).get(0);
            default -> null;
        };
        List<String> cursor = null;
        for (int pageNo = 0; pageNo < 60; pageNo++) {
            String d = "paginate page " + pageNo + " of ";
            Object res;
            if (kind <= 2) {
                QueryParams.Builder b = QueryParams.builder().forward(forward).skCondition(cond).limit(k);
                if (cursor != null) {
                    b.exclusiveStartSk(cursor.get(0));
                    if (kind > 0) {
                        b.exclusiveStartBasePk(cursor.get(1)).exclusiveStartBaseSk(cursor.get(2));
                    }
                }
                QueryParams p = b.build();
                String args = q(t) + ", " + (kind > 0 ? q(i) + ", " : "") + q(key) + ", " + q(p.toString());
                res = switch (kind) {
                    case 0 -> run.step(d + "queryItems(" + args + ")", Type.READ, x -> x.queryItems(t, key, p),
                            m -> keep(m.queryItems(t, key, p)));
                    case 1 -> run.step(d + "queryGsiItems(" + args + ")", Type.READ,
                            x -> x.queryGsiItems(t, i, key, p), m -> keep(m.queryGsiItems(t, i, key, p)));
                    default -> run.step(d + "queryLsiItems(" + args + ")", Type.READ,
                            x -> x.queryLsiItems(t, i, key, p), m -> keep(m.queryLsiItems(t, i, key, p)));
                };
            } else {
                ScanParams.Builder b = ScanParams.builder().limit(k).segment(seg).totalSegments(total);
                if (cursor != null) {
                    b.exclusiveStartPk(cursor.get(0)).exclusiveStartSk(cursor.get(1));
                    if (kind > 3) {
                        b.exclusiveStartBasePk(cursor.get(2)).exclusiveStartBaseSk(cursor.get(3));
                    }
                }
                ScanParams p = b.build();
                String args = q(t) + ", " + (kind > 3 ? q(i) + ", " : "") + q(p.toString());
                res = switch (kind) {
                    case 3 -> run.step(d + "scanItems(" + args + ")", Type.READ, x -> x.scanItems(t, p),
                            m -> keep(m.scanItems(t, p)));
                    case 4 -> run.step(d + "scanGsiItems(" + args + ")", Type.READ, x -> x.scanGsiItems(t, i, p),
                            m -> keep(m.scanGsiItems(t, i, p)));
                    default -> run.step(d + "scanLsiItems(" + args + ")", Type.READ, x -> x.scanLsiItems(t, i, p),
                            m -> keep(m.scanLsiItems(t, i, p)));
                };
            }
            if (run.lastModelFailed || lastKept.size() < k) {
                return;
            }
            cursor = lastKept.get(lastKept.size() - 1).pos();
        }
    }

    private List<Hit> lastKept = List.of();

    private Object keep(List<Hit> hits) {
        lastKept = hits;
        return ReferenceModel.rows(hits);
    }
}
