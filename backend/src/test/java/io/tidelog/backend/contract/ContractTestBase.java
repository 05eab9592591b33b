package io.tidelog.backend.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import io.tidelog.backend.BackendException;
import io.tidelog.backend.BaseItemRow;
import io.tidelog.backend.CreateTableMetadata;
import io.tidelog.backend.Durability;
import io.tidelog.backend.GsiItemRow;
import io.tidelog.backend.IndexWriteOp;
import io.tidelog.backend.ItemRow;
import io.tidelog.backend.Keys;
import io.tidelog.backend.QueryParams;
import io.tidelog.backend.ScanParams;
import io.tidelog.backend.StorageBackend;
import io.tidelog.backend.Tag;
import io.tidelog.backend.Tidelog;
import io.tidelog.backend.TidelogOptions;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shared fixture of the contract suite: a fresh store per test in a temporary directory, opened
 * with a controlled {@link MutableClock} and fast durability, closed after the test; plus helpers
 * for assertions, realistic items, state snapshots and per-method argument tables.
 */
abstract class ContractTestBase {

    static final Instant T0 = Instant.parse("2024-03-01T12:00:00.123456789Z");
    static final String ORDERS = "Orders";
    static final String USERS = "Users";

    static final String KEY_SCHEMA =
            "[{\"AttributeName\":\"customerId\",\"KeyType\":\"HASH\"},"
                    + "{\"AttributeName\":\"orderId\",\"KeyType\":\"RANGE\"}]";
    static final String ATTR_DEFS =
            "[{\"AttributeName\":\"customerId\",\"AttributeType\":\"S\"},"
                    + "{\"AttributeName\":\"orderId\",\"AttributeType\":\"S\"},"
                    + "{\"AttributeName\":\"status\",\"AttributeType\":\"S\"}]";
    static final String GSI_DEFS =
            "[{\"IndexName\":\"byStatus\",\"KeySchema\":[{\"AttributeName\":\"status\",\"KeyType\":\"HASH\"}],"
                    + "\"Projection\":{\"ProjectionType\":\"ALL\"}}]";
    static final String LSI_DEFS =
            "[{\"IndexName\":\"byDate\",\"KeySchema\":[{\"AttributeName\":\"customerId\",\"KeyType\":\"HASH\"},"
                    + "{\"AttributeName\":\"createdAt\",\"KeyType\":\"RANGE\"}],\"Projection\":{\"ProjectionType\":\"ALL\"}}]";
    static final String PROVISIONED = "{\"ReadCapacityUnits\":5,\"WriteCapacityUnits\":5}";
    static final String SSE = "{\"Enabled\":true,\"SSEType\":\"KMS\"}";
    static final String ON_DEMAND = "{\"MaxReadRequestUnits\":100,\"MaxWriteRequestUnits\":50}";
    static final long CREATED_AT = 1_709_294_400L;

    @TempDir Path tempDir;
    Path storeDir;
    MutableClock clock;
    StorageBackend backend;
    private final List<StorageBackend> opened = Collections.synchronizedList(new ArrayList<>());
    private ExecutorService executor;

    /** Durability used by the fixture; durability is not under test in most classes. */
    Durability durability() {
        return Durability.NONE;
    }

    Duration lockTimeout() {
        return Duration.ofSeconds(5);
    }

    @BeforeEach
    void openFreshStore() {
        storeDir = tempDir.resolve("store");
        clock = new MutableClock(T0);
        backend = openWritable(storeDir);
    }

    @AfterEach
    void closeEverything() {
        if (executor != null) {
            executor.shutdownNow();
        }
        List<StorageBackend> copy;
        synchronized (opened) {
            copy = new ArrayList<>(opened);
        }
        Collections.reverse(copy);
        for (StorageBackend b : copy) {
            try {
                b.close();
            } catch (RuntimeException ignored) {
                // a failing close is reported by the tests that test close
            }
        }
    }

    TidelogOptions options() {
        return TidelogOptions.builder().clock(clock).durability(durability()).lockTimeout(lockTimeout()).build();
    }

    StorageBackend openWritable(Path dir) {
        return track(Tidelog.open(dir, options()));
    }

    StorageBackend openWritable(Path dir, TidelogOptions options) {
        return track(Tidelog.open(dir, options));
    }

    StorageBackend openAt(long sequence) {
        return track(Tidelog.openAt(storeDir, sequence));
    }

    StorageBackend openAt(Instant time) {
        return track(Tidelog.openAt(storeDir, time));
    }

    StorageBackend track(StorageBackend b) {
        opened.add(b);
        return b;
    }

    /** Closes the fixture backend and opens the same directory again with the same options. */
    StorageBackend reopen() {
        backend.close();
        backend = openWritable(storeDir);
        return backend;
    }

    // ------------------------------------------------------------------ assertions

    static BackendException assertKind(BackendException.Kind kind, Executable call) {
        BackendException e = assertThrows(BackendException.class, call);
        assertEquals(kind, e.kind(), () -> "wrong kind, exception was " + e);
        assertNotNull(e.getMessage(), "BackendException must carry a message");
        assertFalse(e.getMessage().isEmpty(), "BackendException message must not be empty");
        return e;
    }

    static BackendException assertMissingTable(Executable call) {
        return assertKind(BackendException.Kind.OTHER, call);
    }

    // ------------------------------------------------------------------ threads

    synchronized ExecutorService executor() {
        if (executor == null) {
            executor = Executors.newCachedThreadPool(r -> {
                Thread t = new Thread(r, "contract-other-thread");
                t.setDaemon(true);
                return t;
            });
        }
        return executor;
    }

    <T> Future<T> startOnOtherThread(Callable<T> c) {
        return executor().submit(c);
    }

    Future<Void> startOnOtherThread(Executable e) {
        return executor().submit(() -> {
            try {
                e.execute();
            } catch (Exception | Error x) {
                throw x;
            } catch (Throwable t) {
                throw new RuntimeException(t);
            }
            return null;
        });
    }

    /** Runs on another thread and waits (bounded) for the result; rethrows its failure. */
    <T> T onOtherThread(Callable<T> c) {
        return await(startOnOtherThread(c), Duration.ofSeconds(20));
    }

    void onOtherThread(Executable e) {
        await(startOnOtherThread(e), Duration.ofSeconds(20));
    }

    static <T> T await(Future<T> f, Duration timeout) {
        try {
            return f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            return fail("timed out after " + timeout + " (deadlock or missing wake-up?)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            if (c instanceof Error er) {
                throw er;
            }
            throw new AssertionError(c);
        }
    }

    /** Asserts that the future does not complete within {@code d} (it is blocked). */
    static void assertStillBlocked(Future<?> f, Duration d) throws InterruptedException {
        try {
            Object r = f.get(d.toMillis(), TimeUnit.MILLISECONDS);
            fail("expected the call to block, but it returned " + r);
        } catch (TimeoutException expected) {
            // blocked, as required
        } catch (ExecutionException e) {
            fail("expected the call to block, but it failed with " + e.getCause(), e.getCause());
        }
    }

    static BackendException assertFutureKind(BackendException.Kind kind, Future<?> f, Duration timeout) {
        return assertKind(kind, () -> await(f, timeout));
    }

    // ------------------------------------------------------------------ data helpers

    static String s(String v) {
        return Keys.stringKey(v);
    }

    static String n(String v) {
        return Keys.numberKey(v);
    }

    static QueryParams.Builder q() {
        return QueryParams.builder();
    }

    static ScanParams.Builder sc() {
        return ScanParams.builder();
    }

    static CreateTableMetadata meta(String name) {
        return new CreateTableMetadata(name, KEY_SCHEMA, ATTR_DEFS, null, null, null, CREATED_AT,
                null, null, false, null, null);
    }

    static CreateTableMetadata fullMeta(String name) {
        return new CreateTableMetadata(name, KEY_SCHEMA, ATTR_DEFS, GSI_DEFS, LSI_DEFS, PROVISIONED,
                CREATED_AT, SSE, "STANDARD", true, "PROVISIONED", ON_DEMAND);
    }

    /** Catalog row plus data table. */
    void createTable(String name) {
        backend.insertTableMetadata(meta(name));
        backend.createDataTable(name);
    }

    static String orderJson(String customer, String order) {
        return "{\"customerId\":{\"S\":\"" + customer + "\"},\"orderId\":{\"S\":\"" + order
                + "\"},\"status\":{\"S\":\"OPEN\"},\"total\":{\"N\":\"42.50\"}}";
    }

    static String orderJson(String customer, String order, String extraMembers) {
        return "{\"customerId\":{\"S\":\"" + customer + "\"},\"orderId\":{\"S\":\"" + order + "\"},"
                + extraMembers + "}";
    }

    /** Stores an order row keyed S:customer / S:order with the real hash prefix of the customer. */
    void putOrder(StorageBackend b, String table, String customer, String order) {
        b.putItemWithHash(table, s(customer), s(order), orderJson(customer, order),
                orderJson(customer, order).length(), Keys.hashPrefixOfString(customer));
    }

    static List<String> pks(List<ItemRow> rows) {
        return rows.stream().map(ItemRow::pk).collect(Collectors.toList());
    }

    static List<String> sks(List<ItemRow> rows) {
        return rows.stream().map(ItemRow::sk).collect(Collectors.toList());
    }

    static List<String> jsons(List<ItemRow> rows) {
        return rows.stream().map(ItemRow::itemJson).collect(Collectors.toList());
    }

    /** Independent oracle for §4.4: unsigned comparison of UTF-8 bytes. */
    static final java.util.Comparator<String> BYTEWISE = (x, y) -> Arrays.compareUnsigned(
            x.getBytes(java.nio.charset.StandardCharsets.UTF_8), y.getBytes(java.nio.charset.StandardCharsets.UTF_8));

    static List<String> sortedBytewise(java.util.Collection<String> in) {
        List<String> out = new ArrayList<>(in);
        out.sort(BYTEWISE);
        return out;
    }

    static List<String> sortedByKeyOrder(List<String> in) {
        List<String> out = new ArrayList<>(in);
        out.sort(Keys.KEY_ORDER);
        return out;
    }

    // ------------------------------------------------------------------ rich state

    static final String BYSTATUS = "byStatus";
    static final String BYDATE = "byDate";

    /** Builds a state that touches every kind of persisted data. */
    void populateRichState(StorageBackend b) {
        b.insertTableMetadata(fullMeta(ORDERS));
        b.insertTableMetadata(meta(USERS));
        b.insertTableMetadata(meta(""));
        b.createDataTable(ORDERS);
        b.createDataTable(USERS);
        b.createDataTable("orphan");
        b.createGsiTable(ORDERS, BYSTATUS);
        b.createLsiTable(ORDERS, BYDATE);
        b.createLsiTable(ORDERS, BYSTATUS);
        b.setTags(ORDERS, List.of(new Tag("team", "payments"), new Tag("env", "prod")));
        b.enableStream(ORDERS, "NEW_AND_OLD_IMAGES", "2024-03-01T12:00:00.000");
        b.updateTtlConfig(ORDERS, "expiresAt", true);
        b.updateBillingMode(USERS, "PAY_PER_REQUEST");
        for (int i = 0; i < 10; i++) {
            String c = "user#" + (i % 3);
            String o = "order#" + i;
            String json = orderJson(c, o, "\"expiresAt\":{\"N\":\"" + (1_700_000_000L + i) + "\"}");
            b.putItemWithHash(ORDERS, s(c), s(o), json, 100 + i, Keys.hashPrefixOfString(c));
            b.insertGsiItem(ORDERS, BYSTATUS, s(i % 2 == 0 ? "OPEN" : "SHIPPED"), "", s(c), s(o), json);
            b.insertLsiItem(ORDERS, BYDATE, s(c), s("2024-03-0" + i), s(c), s(o), json);
        }
        b.putItem(ORDERS, s("legacy"), s("x"), orderJson("legacy", "x"), 7);
        b.touchCachedAt(ORDERS, s("user#0"), s("order#0"), 1_709_294_400.25);
        b.touchCachedAt(ORDERS, s("user#1"), s("order#1"), 1_709_294_399.5);
        b.putBaseItems(USERS, List.of(
                new BaseItemRow(s("alice"), "", "{\"userId\":{\"S\":\"alice\"}}", 30, 12.5, "0a0b0c"),
                new BaseItemRow(s("bob"), "", "{\"userId\":{\"S\":\"bob\"}}", 20, null, "ffeedd"),
                new BaseItemRow(s("carol\uD83D\uDE00"), "", "{\"userId\":{\"S\":\"carol\uD83D\uDE00\"}}", 25, 3.0, "808080")));
        b.putItem("orphan", s("o"), "", "{\"o\":{\"S\":\"o\"}}", 3);
        b.insertStreamRecord(ORDERS, "INSERT", "{\"customerId\":{\"S\":\"user#0\"}}", "{\"a\":{\"S\":\"1\"}}", null,
                "1", "shard-0", CREATED_AT);
        b.insertStreamRecordWithIdentity(ORDERS, "REMOVE", "{\"customerId\":{\"S\":\"user#1\"}}", null,
                "{\"a\":{\"S\":\"2\"}}", "2", "shard-1", CREATED_AT + 1,
                "{\"Type\":\"Service\",\"PrincipalId\":\"dynamodb.amazonaws.com\"}");
        b.insertStreamRecord(USERS, "MODIFY", "{\"userId\":{\"S\":\"bob\"}}", "{}", "{}", "10", "shard-0", CREATED_AT + 2);
    }

    /** Changes a good part of the rich state, including DDL, drops and catalog deletions. */
    void mutateRichState(StorageBackend b) {
        b.deleteItem(ORDERS, s("user#0"), s("order#3"));
        putOrder(b, ORDERS, "user#9", "order#99");
        b.putItem(ORDERS, s("user#1"), s("order#1"), orderJson("user#1", "order#1-v2"), 11);
        b.touchCachedAt(ORDERS, s("user#2"), s("order#2"), 1.0);
        b.dropDataTable("orphan");
        b.createDataTable("created-later");
        b.putItem("created-later", s("k"), "", "{}", 2);
        b.dropLsiTable(ORDERS, BYSTATUS);
        b.deleteGsiItem(ORDERS, BYSTATUS, s("user#0"), s("order#0"));
        b.insertGsiItem(ORDERS, BYSTATUS, s("CLOSED"), "", s("user#9"), s("order#99"), "{}");
        b.deleteLsiItem(ORDERS, BYDATE, s("user#1"), s("order#4"));
        b.setTags(ORDERS, List.of(new Tag("env", "staging"), new Tag("cost-center", "42")));
        b.removeTags(ORDERS, List.of("team"));
        b.disableStream(ORDERS);
        b.updateTtlConfig(ORDERS, "ttl", true);
        b.deleteTableMetadata(USERS);
        b.insertTableMetadata(meta("Zeta"));
        b.updateTableMetadata(ORDERS, "[]", null);
        b.clearProvisionedThroughput(ORDERS);
        b.updateDeletionProtection(ORDERS, false);
        b.insertStreamRecord(ORDERS, "MODIFY", "{}", "{}", "{}", "3", "shard-0", CREATED_AT + 3);
        b.putBaseItems(ORDERS, List.of(new BaseItemRow(s("user#2"), s("order#5"), "{\"ttl\":{\"N\":\"5\"}}", 9, null, "123456")));
    }

    static final List<String> PROBE_TABLES = List.of(ORDERS, USERS, "", "orphan", "created-later", "Zeta", "Ghost");
    static final List<String[]> PROBE_GSIS = List.of(new String[] {ORDERS, BYSTATUS}, new String[] {ORDERS, BYDATE});
    static final List<String[]> PROBE_LSIS = List.of(new String[] {ORDERS, BYDATE}, new String[] {ORDERS, BYSTATUS});
    static final List<String[]> PROBE_SHARDS = List.of(new String[] {ORDERS, "shard-0"},
            new String[] {ORDERS, "shard-1"}, new String[] {USERS, "shard-0"});

    private static Object attempt(Supplier<Object> s) {
        try {
            return s.get();
        } catch (BackendException e) {
            return "ERR " + e.kind();
        }
    }

    /** Everything the read methods report about the probe tables, as one comparable value. */
    static Map<String, Object> snapshot(StorageBackend b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("listTableNames", attempt(b::listTableNames));
        m.put("tableCount", attempt(b::tableCount));
        m.put("tableStats", attempt(b::tableStats));
        m.put("listStreamEnabledTables", attempt(b::listStreamEnabledTables));
        m.put("listTtlEnabledTables", attempt(b::listTtlEnabledTables));
        for (String t : PROBE_TABLES) {
            String p = "[" + t + "] ";
            m.put(p + "meta", attempt(() -> b.getTableMetadata(t)));
            m.put(p + "exists", attempt(() -> b.tableExists(t)));
            m.put(p + "tags", attempt(() -> b.getTags(t)));
            m.put(p + "scan", attempt(() -> b.scanItems(t, sc().build())));
            m.put(p + "count", attempt(() -> b.countItems(t)));
            m.put(p + "lru", attempt(() -> b.getLruItems(t, 1000)));
            m.put(p + "expired", attempt(() -> b.expiredItems(t, Long.MAX_VALUE, 1000)));
            m.put(p + "nextSeq", attempt(() -> b.nextStreamSequenceNumber(t)));
            for (int seg = 0; seg < 8; seg++) {
                int fs = seg;
                m.put(p + "pscan" + seg, attempt(() -> b.scanItems(t, sc().segment(fs).totalSegments(8).build())));
            }
        }
        for (String[] g : PROBE_GSIS) {
            String p = "gsi[" + g[0] + "/" + g[1] + "] ";
            m.put(p + "scan", attempt(() -> b.scanGsiItems(g[0], g[1], sc().build())));
            for (int seg = 0; seg < 4; seg++) {
                int fs = seg;
                m.put(p + "pscan" + seg, attempt(() -> b.scanGsiItems(g[0], g[1], sc().segment(fs).totalSegments(4).build())));
            }
        }
        for (String[] l : PROBE_LSIS) {
            String p = "lsi[" + l[0] + "/" + l[1] + "] ";
            m.put(p + "scan", attempt(() -> b.scanLsiItems(l[0], l[1], sc().build())));
            for (int seg = 0; seg < 4; seg++) {
                int fs = seg;
                m.put(p + "pscan" + seg, attempt(() -> b.scanLsiItems(l[0], l[1], sc().segment(fs).totalSegments(4).build())));
            }
        }
        for (String[] sh : PROBE_SHARDS) {
            String p = "stream[" + sh[0] + "/" + sh[1] + "] ";
            m.put(p + "records", attempt(() -> b.getStreamRecords(sh[0], sh[1], -1, 10_000)));
            m.put(p + "range", attempt(() -> b.getShardSequenceRange(sh[0], sh[1])));
        }
        return m;
    }

    /** Snapshot of a brand-new store, for "empty initial state" comparisons. */
    Map<String, Object> emptyStoreSnapshot() {
        Path other = tempDir.resolve("pristine-" + System.nanoTime());
        StorageBackend fresh = openWritable(other);
        try {
            return snapshot(fresh);
        } finally {
            fresh.close();
        }
    }

    // ------------------------------------------------------------------ method catalogue

    static final Set<String> MUTATING = Set.of("insertTableMetadata", "deleteTableMetadata",
            "updateTableMetadata", "updateProvisionedThroughput", "clearProvisionedThroughput",
            "updateBillingMode", "updateTableClass", "updateOnDemandThroughput", "clearOnDemandThroughput",
            "setTags", "updateDeletionProtection", "removeTags", "createDataTable", "dropDataTable",
            "createGsiTable", "dropGsiTable", "createLsiTable", "dropLsiTable", "insertGsiItem",
            "insertGsiItems", "deleteGsiItem", "insertLsiItem", "deleteLsiItem", "applyIndexWrites",
            "putItem", "putItemWithHash", "putBaseItems", "deleteItem", "enableStream", "disableStream",
            "insertStreamRecord", "insertStreamRecordWithIdentity", "updateTtlConfig", "touchCachedAt");
    static final Set<String> CONTROL = Set.of("beginTransaction", "commit", "rollback",
            "enableBulkLoading", "disableBulkLoading", "vacuum");
    static final Set<String> ALLOWED_AFTER_CLOSE = Set.of("close", "clock", "supportsStreams", "supportsTags");

    /** Parameter positions that the spec marks nullable. */
    static final Map<String, Set<Integer>> NULLABLE_PARAMS = Map.of(
            "updateTableMetadata", Set.of(2),
            "insertStreamRecord", Set.of(3, 4),
            "insertStreamRecordWithIdentity", Set.of(3, 4, 8),
            "updateTtlConfig", Set.of(1));

    /**
     * Valid arguments for every interface method, assuming the fixture of
     * {@link #createStandardFixture(StorageBackend)}.
     */
    static Map<String, Object[]> validArgs() {
        Map<String, Object[]> a = new HashMap<>();
        String json = orderJson("u1", "o1");
        a.put("clock", new Object[0]);
        a.put("supportsStreams", new Object[0]);
        a.put("supportsTags", new Object[0]);
        a.put("close", new Object[0]);
        a.put("insertTableMetadata", new Object[] {meta("Fresh")});
        a.put("getTableMetadata", new Object[] {ORDERS});
        a.put("deleteTableMetadata", new Object[] {ORDERS});
        a.put("updateTableMetadata", new Object[] {ORDERS, ATTR_DEFS, GSI_DEFS});
        a.put("updateProvisionedThroughput", new Object[] {ORDERS, PROVISIONED});
        a.put("clearProvisionedThroughput", new Object[] {ORDERS});
        a.put("updateBillingMode", new Object[] {ORDERS, "PROVISIONED"});
        a.put("updateTableClass", new Object[] {ORDERS, "STANDARD_INFREQUENT_ACCESS"});
        a.put("updateOnDemandThroughput", new Object[] {ORDERS, ON_DEMAND});
        a.put("clearOnDemandThroughput", new Object[] {ORDERS});
        a.put("getTags", new Object[] {ORDERS});
        a.put("setTags", new Object[] {ORDERS, List.of(new Tag("env", "prod"))});
        a.put("updateDeletionProtection", new Object[] {ORDERS, true});
        a.put("removeTags", new Object[] {ORDERS, List.of("env")});
        a.put("listTableNames", new Object[0]);
        a.put("tableExists", new Object[] {ORDERS});
        a.put("createDataTable", new Object[] {"Fresh"});
        a.put("dropDataTable", new Object[] {ORDERS});
        a.put("createGsiTable", new Object[] {ORDERS, "fresh"});
        a.put("dropGsiTable", new Object[] {ORDERS, BYSTATUS});
        a.put("createLsiTable", new Object[] {ORDERS, "fresh"});
        a.put("dropLsiTable", new Object[] {ORDERS, BYDATE});
        a.put("insertGsiItem", new Object[] {ORDERS, BYSTATUS, s("OPEN"), "", s("u1"), s("o1"), json});
        a.put("insertGsiItems", new Object[] {ORDERS, BYSTATUS, List.of(new GsiItemRow(s("OPEN"), "", s("u1"), s("o1"), json))});
        a.put("deleteGsiItem", new Object[] {ORDERS, BYSTATUS, s("u1"), s("o1")});
        a.put("queryGsiItems", new Object[] {ORDERS, BYSTATUS, s("OPEN"), q().build()});
        a.put("scanGsiItems", new Object[] {ORDERS, BYSTATUS, sc().build()});
        a.put("insertLsiItem", new Object[] {ORDERS, BYDATE, s("u1"), s("2024-03-01"), s("u1"), s("o1"), json});
        a.put("deleteLsiItem", new Object[] {ORDERS, BYDATE, s("u1"), s("o1")});
        a.put("queryLsiItems", new Object[] {ORDERS, BYDATE, s("u1"), q().build()});
        a.put("scanLsiItems", new Object[] {ORDERS, BYDATE, sc().build()});
        a.put("applyIndexWrites", new Object[] {List.of(
                new IndexWriteOp.InsertGsi(ORDERS, BYSTATUS, s("OPEN"), "", s("u1"), s("o1"), json))});
        a.put("beginTransaction", new Object[0]);
        a.put("commit", new Object[0]);
        a.put("rollback", new Object[0]);
        a.put("enableBulkLoading", new Object[0]);
        a.put("disableBulkLoading", new Object[0]);
        a.put("putItem", new Object[] {ORDERS, s("u1"), s("o1"), json, 10});
        a.put("putItemWithHash", new Object[] {ORDERS, s("u1"), s("o1"), json, 10, "a1b2c3"});
        a.put("putBaseItems", new Object[] {ORDERS, List.of(new BaseItemRow(s("u1"), s("o1"), json, 10, 1.5, "a1b2c3"))});
        a.put("getItem", new Object[] {ORDERS, s("u1"), s("o1")});
        a.put("getPartitionSize", new Object[] {ORDERS, s("u1")});
        a.put("getLsiPartitionSize", new Object[] {ORDERS, BYDATE, s("u1")});
        a.put("deleteItem", new Object[] {ORDERS, s("u1"), s("o1")});
        a.put("queryItems", new Object[] {ORDERS, s("u1"), q().build()});
        a.put("scanItems", new Object[] {ORDERS, sc().build()});
        a.put("countItems", new Object[] {ORDERS});
        a.put("dbSizeBytes", new Object[0]);
        a.put("tableCount", new Object[0]);
        a.put("tableStats", new Object[0]);
        a.put("databaseInfo", new Object[0]);
        a.put("vacuum", new Object[0]);
        a.put("enableStream", new Object[] {ORDERS, "NEW_IMAGE", "2024-03-01T12:00:00.000"});
        a.put("disableStream", new Object[] {ORDERS});
        a.put("insertStreamRecord", new Object[] {ORDERS, "INSERT", "{\"customerId\":{\"S\":\"u1\"}}", json, null,
                "1", "shard-0", CREATED_AT});
        a.put("insertStreamRecordWithIdentity", new Object[] {ORDERS, "REMOVE", "{\"customerId\":{\"S\":\"u1\"}}",
                null, json, "2", "shard-0", CREATED_AT, "{\"Type\":\"Service\"}"});
        a.put("nextStreamSequenceNumber", new Object[] {ORDERS});
        a.put("getStreamRecords", new Object[] {ORDERS, "shard-0", 0L, 10});
        a.put("listStreamEnabledTables", new Object[0]);
        a.put("updateTtlConfig", new Object[] {ORDERS, "expiresAt", true});
        a.put("listTtlEnabledTables", new Object[0]);
        a.put("getShardSequenceRange", new Object[] {ORDERS, "shard-0"});
        a.put("touchCachedAt", new Object[] {ORDERS, s("u1"), s("o1"), 1_709_294_400.5});
        a.put("getLruItems", new Object[] {ORDERS, 10});
        a.put("lastSequence", new Object[0]);
        a.put("expiredItems", new Object[] {ORDERS, CREATED_AT, 10});
        return a;
    }

    /** Arguments that are all invalid: null references, negative integers, NaN. */
    static Object[] badArgs(Method m) {
        Class<?>[] types = m.getParameterTypes();
        Object[] out = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            Class<?> t = types[i];
            if (t == int.class) {
                out[i] = -1;
            } else if (t == long.class) {
                out[i] = -1L;
            } else if (t == double.class) {
                out[i] = Double.NaN;
            } else if (t == boolean.class) {
                out[i] = false;
            } else {
                out[i] = null;
            }
        }
        return out;
    }

    /** Orders catalog row + data table + GSI byStatus + LSI byDate, one item in each. */
    static void createStandardFixture(StorageBackend b) {
        b.insertTableMetadata(fullMeta(ORDERS));
        b.createDataTable(ORDERS);
        b.createGsiTable(ORDERS, BYSTATUS);
        b.createLsiTable(ORDERS, BYDATE);
        String json = orderJson("u1", "o1");
        b.putItemWithHash(ORDERS, s("u1"), s("o1"), json, 10, "a1b2c3");
        b.insertGsiItem(ORDERS, BYSTATUS, s("OPEN"), "", s("u1"), s("o1"), json);
        b.insertLsiItem(ORDERS, BYDATE, s("u1"), s("2024-03-01"), s("u1"), s("o1"), json);
    }

    static List<Method> interfaceMethods() {
        List<Method> ms = new ArrayList<>(Arrays.asList(StorageBackend.class.getMethods()));
        ms.removeIf(m -> m.isSynthetic() || java.lang.reflect.Modifier.isStatic(m.getModifiers()));
        ms.sort((x, y) -> x.getName().compareTo(y.getName()));
        return ms;
    }

    /** Invokes reflectively and unwraps the target's exception. */
    static Object invoke(StorageBackend b, Method m, Object[] args) throws Throwable {
        try {
            return m.invoke(b, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /**
     * A proxy implementing StorageBackend whose default methods run the interface's default
     * bodies (against the proxy, hence against the real backend); all abstract methods delegate
     * to {@code target}.
     */
    static StorageBackend withInterfaceDefaults(StorageBackend target) {
        InvocationHandler h = (proxy, method, args) -> {
            if (method.isDefault()) {
                return InvocationHandler.invokeDefault(proxy, method, args);
            }
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> "InterfaceDefaults(" + target + ")";
                };
            }
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (StorageBackend) Proxy.newProxyInstance(StorageBackend.class.getClassLoader(),
                new Class<?>[] {StorageBackend.class}, h);
    }
}
