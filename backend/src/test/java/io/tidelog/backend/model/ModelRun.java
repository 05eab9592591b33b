package io.tidelog.backend.model;

import static io.tidelog.backend.model.Universe.q;

import io.tidelog.backend.BackendException;
import io.tidelog.backend.BackendException.Kind;
import io.tidelog.backend.DatabaseInfo;
import io.tidelog.backend.Durability;
import io.tidelog.backend.ScanParams;
import io.tidelog.backend.StorageBackend;
import io.tidelog.backend.Tidelog;
import io.tidelog.backend.TidelogOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One seed's run of the model-based test: owns the backend under test, the reference model, the
 * comparison of every call, the {@code lastSequence()} rules, reopen / view-rebuild / point-in-time
 * checks. The random operations themselves are in {@link OpGenerator}.
 */
final class ModelRun {

    enum Type { READ, MUT, BEGIN, COMMIT, ROLLBACK, CONTROL }

    /** The committed model state at a known sequence and instant, for openAt (§8.3). */
    record Snap(long seq, Instant time, ReferenceModel.State state, int opIndex) {}

    static final Pattern UUID_V4 =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");

    /** Short, so that a writer on another thread during a transaction fails fast with LOCKED (§3.2). */
    static final Duration LOCK_TIMEOUT = Duration.ofMillis(150);
    /** Checkpoint intervals in log entries, chosen by seed; 0 turns checkpoints off. */
    static final long[] CHECKPOINT_INTERVALS = {25, 64, 0, 100_000, 7};

    final long seed;
    final Random rnd;
    /** A second thread for the isolation checks of §3.2. */
    private final java.util.concurrent.ExecutorService otherThread =
            java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "model-other-thread");
                t.setDaemon(true);
                return t;
            });
    final Path dir;
    final ManualClock clock = new ManualClock(Instant.parse("2024-06-01T00:00:00Z"));
    final TidelogOptions opts;
    StorageBackend backend;
    ReferenceModel model = new ReferenceModel();

    private final Deque<String> recent = new ArrayDeque<>();
    int opIndex;
    String phase = "random ops";
    private boolean txnAnySuccess;
    private boolean txnChanged;
    private final Set<String> seenTableIds = new HashSet<>();
    final List<Snap> snaps = new ArrayList<>();
    /** Whether the model raised on the last compared call. */
    boolean lastModelFailed;
    long compared;
    /** Per operation name: {successes, expected failures, non-empty results}, printed as a coverage summary. */
    final java.util.TreeMap<String, int[]> stats = new java.util.TreeMap<>();

    ModelRun(long seed, Path dir) {
        this.seed = seed;
        this.rnd = new Random(seed);
        this.dir = dir;
        // NONE for speed; odd seeds use ASYNC so that its background flushing is exercised too.
        this.opts = TidelogOptions.builder().clock(clock)
                .durability(Math.floorMod(seed, 2) == 1 ? Durability.ASYNC : Durability.NONE)
                .lockTimeout(LOCK_TIMEOUT)
                // Tidelog extension (not in the spec): frequent checkpoints with a short retention, so
                // that openAt is compared both from a checkpoint and from a replay of the whole log.
                .checkpointInterval(CHECKPOINT_INTERVALS[(int) Math.floorMod(seed, (long) CHECKPOINT_INTERVALS.length)])
                .checkpointRetention(2).build();
    }

    // ------------------------------------------------------------------ failure reporting

    AssertionError failure(String msg, Throwable cause) {
        StringBuilder b = new StringBuilder();
        b.append("MODEL MISMATCH seed=").append(seed).append(" (rerun with -Dtidelog.model.seed=")
                .append(seed).append(") op #").append(opIndex).append(" phase=").append(phase)
                .append('\n').append(msg).append("\nlast ops (oldest first):\n");
        recent.forEach(s -> b.append("  ").append(s).append('\n'));
        AssertionError e = new AssertionError(b.toString());
        if (cause != null) {
            e.initCause(cause);
        }
        return e;
    }

    AssertionError failure(String msg) {
        return failure(msg, null);
    }

    private void remember(String desc) {
        recent.addLast("#" + opIndex + " " + desc);
        while (recent.size() > 20) {
            recent.removeFirst();
        }
    }

    // ------------------------------------------------------------------ comparing one call

    /**
     * Runs a call on the model and on a backend and compares the outcomes: the same success or
     * failure, the same BackendException kind (and message where the spec fixes it), equal values.
     * Returns the model's value (null when it raised).
     */
    Object check(StorageBackend b, ReferenceModel m, String desc, Function<StorageBackend, Object> real,
            Function<ReferenceModel, Object> mdl) {
        compared++;
        Object mv = null;
        ReferenceModel.ModelError me = null;
        try {
            mv = mdl.apply(m);
        } catch (ReferenceModel.ModelError e) {
            me = e;
        } catch (RuntimeException e) {
            throw failure("reference model crashed on " + desc, e);
        }
        Object rv = null;
        BackendException be = null;
        try {
            rv = real.apply(b);
        } catch (BackendException e) {
            be = e;
        } catch (RuntimeException | AssertionError e) {
            throw failure(desc + "\n  backend threw " + e + " (expected "
                    + (me == null ? "value " + Universe.q(String.valueOf(mv)) : "BackendException " + me.kinds) + ")", e);
        }
        lastModelFailed = me != null;
        if (me != null) {
            if (be == null) {
                throw failure(desc + "\n  expected BackendException " + me.kinds + " (" + me.getMessage()
                        + ")\n  but backend returned " + q(String.valueOf(rv)));
            }
            if (!me.kinds.contains(be.kind())) {
                throw failure(desc + "\n  expected BackendException " + me.kinds + " (" + me.getMessage()
                        + ")\n  but backend raised " + be.kind() + ": " + be.getMessage(), be);
            }
            if (me.exactMessage != null && !me.exactMessage.equals(be.getMessage())) {
                throw failure(desc + "\n  expected message " + q(me.exactMessage) + "\n  but got "
                        + q(be.getMessage()));
            }
            if (be.getMessage() == null || be.getMessage().isEmpty()) {
                throw failure(desc + "\n  BackendException without message");
            }
            return null;
        }
        if (be != null) {
            throw failure(desc + "\n  expected " + q(String.valueOf(mv)) + "\n  but backend raised "
                    + be.kind() + ": " + be.getMessage(), be);
        }
        if (!Objects.equals(mv, rv)) {
            throw failure(desc + "\n  expected " + q(String.valueOf(mv)) + "\n  actual   "
                    + q(String.valueOf(rv)) + difference(mv, rv));
        }
        return mv;
    }

    private static String difference(Object mv, Object rv) {
        if (mv instanceof List<?> a && rv instanceof List<?> b) {
            int n = 0;
            while (n < a.size() && n < b.size() && Objects.equals(a.get(n), b.get(n))) {
                n++;
            }
            return "\n  first difference at index " + n + " (expected size " + a.size() + ", actual size "
                    + b.size() + "): expected " + (n < a.size() ? q(String.valueOf(a.get(n))) : "<end>")
                    + ", actual " + (n < b.size() ? q(String.valueOf(b.get(n))) : "<end>");
        }
        return "";
    }

    /** One operation of the random sequence on the live backend, with the lastSequence rules of §3.3 / §8.1. */
    Object step(String desc, Type type, Function<StorageBackend, Object> real,
            Function<ReferenceModel, Object> mdl) {
        opIndex++;
        remember(desc);
        clock.advance(Duration.ofMillis(1));
        long before = backend.lastSequence();
        boolean txnBefore = model.inTransaction();
        model.lastCallChanged = false;
        Object mv = check(backend, model, desc, real, mdl);
        boolean ok = !lastModelFailed;
        String name = desc.startsWith("paginate") ? "paginate" : desc.split("[( ]", 2)[0];
        int[] st = stats.computeIfAbsent(name, k -> new int[3]);
        st[ok ? 0 : 1]++;
        if (mv instanceof List<?> l ? !l.isEmpty() : mv instanceof Optional<?> o ? o.isPresent() : mv != null) {
            st[2]++;
        }
        long after = backend.lastSequence();
        String rule;
        switch (type) {
            case MUT -> {
                if (txnBefore) {
                    rule = "==";
                    if (ok) {
                        txnAnySuccess = true;
                        txnChanged |= model.lastCallChanged;
                    }
                } else {
                    rule = !ok ? "==" : model.lastCallChanged ? ">" : ">=";
                }
            }
            case COMMIT -> {
                rule = !ok ? "==" : txnChanged ? ">" : txnAnySuccess ? ">=" : "==";
                if (ok) {
                    txnAnySuccess = false;
                    txnChanged = false;
                }
            }
            case BEGIN, ROLLBACK -> {
                rule = "==";
                if (ok) {
                    txnAnySuccess = false;
                    txnChanged = false;
                }
            }
            default -> rule = "==";
        }
        boolean good = switch (rule) {
            case ">" -> after > before;
            case ">=" -> after >= before;
            default -> after == before;
        };
        if (!good) {
            throw failure(desc + "\n  lastSequence() went from " + before + " to " + after
                    + ", expected after " + rule + " before (§3.3/§8.1; " + type
                    + (txnBefore ? ", inside a transaction" : "") + ", model change=" + model.lastCallChanged
                    + ")");
        }
        return mv;
    }

    /** Runs {@code f} on the other thread, rethrowing what it raised. */
    <T> T onOtherThread(java.util.concurrent.Callable<T> f) {
        try {
            return otherThread.submit(f).get(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error er) {
                throw er;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException | java.util.concurrent.TimeoutException e) {
            throw failure("call on the other thread did not finish in 30 s (blocked?)", e);
        }
    }

    /**
     * A call made on another thread while this thread's transaction is open (§3.2): a read must
     * see exactly the committed state; a mutating call waits lockTimeout and raises LOCKED without
     * effect. {@code committedModel} answers for the committed state.
     */
    void stepOtherThread(String desc, Function<StorageBackend, Object> real,
            Function<ReferenceModel, Object> mdl) {
        opIndex++;
        remember("[other thread] " + desc);
        long before = backend.lastSequence();
        ReferenceModel committedModel = new ReferenceModel(model.committed().copy());
        check(backend, committedModel, "[other thread, transaction open] " + desc,
                b -> onOtherThread(() -> real.apply(b)), mdl);
        long otherSeq = onOtherThread(backend::lastSequence);
        if (otherSeq != before || backend.lastSequence() != before) {
            throw failure("[other thread] " + desc + ": lastSequence changed from " + before + " to "
                    + otherSeq + " (other thread) / " + backend.lastSequence() + " (transaction thread)");
        }
        String name = "otherThread:" + desc.split("[( ]", 2)[0];
        int[] st = stats.computeIfAbsent(name, k -> new int[3]);
        st[lastModelFailed ? 1 : 0]++;
    }

    void shutdown() {
        otherThread.shutdownNow();
    }

    // ------------------------------------------------------------------ lifecycle

    void open() {
        backend = Tidelog.open(dir, opts);
    }

    /** After a successful insertTableMetadata: the backend's tableId must be a fresh UUID v4 (§7.2). */
    void learnTableId(String t) {
        Optional<io.tidelog.backend.TableMetadata> md = backend.getTableMetadata(t);
        if (md.isEmpty()) {
            throw failure("getTableMetadata(" + q(t) + ") empty right after a successful insert");
        }
        String id = md.get().tableId();
        if (id == null || !UUID_V4.matcher(id).matches()) {
            throw failure("tableId " + q(id) + " is not a canonical lowercase UUID v4 (§7.2)");
        }
        if (!seenTableIds.add(id)) {
            throw failure("tableId " + id + " reused (must be fresh on every insert, §7.2)");
        }
        model.learnTableId(t, id);
    }

    void snapshot() {
        snaps.add(new Snap(backend.lastSequence(), clock.instant(), model.committed().copy(), opIndex));
    }

    /** close() and reopen: everything committed survives, an open transaction is rolled back (§3.5). */
    void reopen(String why) {
        String old = phase;
        phase = why;
        long seq = backend.lastSequence();
        remember("close() + Tidelog.open (" + why + ")" + (model.inTransaction() ? " with an open transaction" : ""));
        backend.close();
        model.closeRollsBack();
        txnAnySuccess = false;
        txnChanged = false;
        open();
        if (backend.lastSequence() != seq) {
            throw failure("lastSequence() " + seq + " before close, " + backend.lastSequence() + " after reopen");
        }
        fullCompare(backend, model.committed(), why);
        phase = old;
    }

    /** Deletes views/ while closed; the next open rebuilds them from the log. */
    void rebuildViews() {
        String old = phase;
        phase = "rebuild views";
        long seq = backend.lastSequence();
        remember("close(), delete views/, Tidelog.open");
        backend.close();
        model.closeRollsBack();
        txnAnySuccess = false;
        txnChanged = false;
        Path views = dir.resolve("views");
        if (Files.isDirectory(views)) {
            deleteRecursively(views);
        } else {
            System.err.println("[model] seed " + seed + ": no views/ directory in " + dir + "; nothing deleted");
        }
        open();
        if (backend.lastSequence() != seq) {
            throw failure("lastSequence() " + seq + " before close, " + backend.lastSequence()
                    + " after rebuilding views");
        }
        fullCompare(backend, model.committed(), "after rebuilding views");
        phase = old;
    }

    /** §8.3: openAt(lastSequence) while this writer is open shows the committed state. */
    void openAtBesideWriter() {
        String old = phase;
        phase = "openAt beside the live writer";
        long seq = backend.lastSequence();
        remember("Tidelog.openAt(dir, " + seq + ") beside the live writer"
                + (model.inTransaction() ? " (transaction open)" : ""));
        try (StorageBackend ro = Tidelog.openAt(dir, seq)) {
            if (ro.lastSequence() != seq) {
                throw failure("openAt(" + seq + ").lastSequence() = " + ro.lastSequence());
            }
            fullCompare(ro, model.committed(), phase);
        }
        phase = old;
    }

    static void deleteRecursively(Path p) {
        try (Stream<Path> s = Files.walk(p)) {
            for (Path x : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(x);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------ full-state comparison

    /** Compares every observable part of {@code state} with backend {@code b} (§3.5's list). */
    void fullCompare(StorageBackend b, ReferenceModel.State state, String label) {
        String old = phase;
        phase = label + " (full-state comparison)";
        ReferenceModel m = new ReferenceModel(state.copy());
        String path = dir.toAbsolutePath().normalize().toString();
        check(b, m, "listTableNames()", StorageBackend::listTableNames, ReferenceModel::listTableNames);
        check(b, m, "tableCount()", StorageBackend::tableCount, ReferenceModel::tableCount);
        check(b, m, "listStreamEnabledTables()", StorageBackend::listStreamEnabledTables,
                ReferenceModel::listStreamEnabledTables);
        check(b, m, "listTtlEnabledTables()", StorageBackend::listTtlEnabledTables,
                ReferenceModel::listTtlEnabledTables);
        check(b, m, "tableStats()", StorageBackend::tableStats, ReferenceModel::tableStats);
        check(b, m, "databaseInfo()", ModelRun::normalizedInfo, x -> x.databaseInfo(path));
        for (String t : Universe.TABLES) {
            String qt = q(t);
            check(b, m, "tableExists(" + qt + ")", x -> x.tableExists(t), x -> x.tableExists(t));
            check(b, m, "getTableMetadata(" + qt + ")", x -> x.getTableMetadata(t), x -> x.getTableMetadata(t));
            check(b, m, "getTags(" + qt + ")", x -> x.getTags(t), x -> x.getTags(t));
            check(b, m, "countItems(" + qt + ")", x -> x.countItems(t), x -> x.countItems(t));
            scanAll(b, m, t, ScanParams.builder().build());
            for (int[] st : new int[][] {{0, 1}, {0, 2}, {1, 2}, {0, 3}, {1, 3}, {2, 3}, {0, 4}, {3, 4},
                    {1, 4096}, {4095, 4096}, {5, 5000}, {5, 16}}) {
                scanAll(b, m, t, ScanParams.builder().segment(st[0]).totalSegments(st[1]).build());
            }
            check(b, m, "getLruItems(" + qt + ", MAX)", x -> x.getLruItems(t, Integer.MAX_VALUE),
                    x -> x.getLruItems(t, Integer.MAX_VALUE));
            check(b, m, "getLruItems(" + qt + ", 3)", x -> x.getLruItems(t, 3), x -> x.getLruItems(t, 3));
            for (long now : Universe.NOWS) {
                check(b, m, "expiredItems(" + qt + ", " + now + ", MAX)",
                        x -> x.expiredItems(t, now, Integer.MAX_VALUE), x -> x.expiredItems(t, now, Integer.MAX_VALUE));
            }
            check(b, m, "expiredItems(" + qt + ", 150, 2)", x -> x.expiredItems(t, 150, 2),
                    x -> x.expiredItems(t, 150, 2));
            for (String pk : Universe.PKS) {
                check(b, m, "getPartitionSize(" + qt + ", " + q(pk) + ")", x -> x.getPartitionSize(t, pk),
                        x -> x.getPartitionSize(t, pk));
                io.tidelog.backend.QueryParams back =
                        io.tidelog.backend.QueryParams.builder().forward(false).build();
                check(b, m, "queryItems(" + qt + ", " + q(pk) + ", backward)", x -> x.queryItems(t, pk, back),
                        x -> ReferenceModel.rows(x.queryItems(t, pk, back)));
            }
            check(b, m, "nextStreamSequenceNumber(" + qt + ")", x -> x.nextStreamSequenceNumber(t),
                    x -> x.nextStreamSequenceNumber(t));
            for (String sh : Universe.SHARDS) {
                String d = qt + ", " + q(sh);
                check(b, m, "getStreamRecords(" + d + ", MIN, MAX)",
                        x -> x.getStreamRecords(t, sh, Long.MIN_VALUE, Integer.MAX_VALUE),
                        x -> x.getStreamRecords(t, sh, Long.MIN_VALUE, Integer.MAX_VALUE));
                check(b, m, "getStreamRecords(" + d + ", 7, 2)", x -> x.getStreamRecords(t, sh, 7, 2),
                        x -> x.getStreamRecords(t, sh, 7, 2));
                check(b, m, "getShardSequenceRange(" + d + ")", x -> x.getShardSequenceRange(t, sh),
                        x -> x.getShardSequenceRange(t, sh));
            }
            for (String i : Universe.INDEXES) {
                String d = qt + ", " + q(i);
                check(b, m, "scanGsiItems(" + d + ", all)", x -> x.scanGsiItems(t, i, ScanParams.builder().build()),
                        x -> ReferenceModel.rows(x.scanGsiItems(t, i, ScanParams.builder().build())));
                check(b, m, "scanLsiItems(" + d + ", all)", x -> x.scanLsiItems(t, i, ScanParams.builder().build()),
                        x -> ReferenceModel.rows(x.scanLsiItems(t, i, ScanParams.builder().build())));
                for (int s = 0; s < 3; s++) {
                    ScanParams p = ScanParams.builder().segment(s).totalSegments(3).build();
                    check(b, m, "scanGsiItems(" + d + ", segment " + s + "/3)", x -> x.scanGsiItems(t, i, p),
                            x -> ReferenceModel.rows(x.scanGsiItems(t, i, p)));
                    check(b, m, "scanLsiItems(" + d + ", segment " + s + "/3)", x -> x.scanLsiItems(t, i, p),
                            x -> ReferenceModel.rows(x.scanLsiItems(t, i, p)));
                }
                for (String pk : Universe.PKS) {
                    check(b, m, "getLsiPartitionSize(" + d + ", " + q(pk) + ")",
                            x -> x.getLsiPartitionSize(t, i, pk), x -> x.getLsiPartitionSize(t, i, pk));
                    io.tidelog.backend.QueryParams all = io.tidelog.backend.QueryParams.builder().build();
                    check(b, m, "queryLsiItems(" + d + ", " + q(pk) + ", all)", x -> x.queryLsiItems(t, i, pk, all),
                            x -> ReferenceModel.rows(x.queryLsiItems(t, i, pk, all)));
                }
                for (String gpk : Universe.GSI_PKS) {
                    io.tidelog.backend.QueryParams back =
                            io.tidelog.backend.QueryParams.builder().forward(false).build();
                    check(b, m, "queryGsiItems(" + d + ", " + q(gpk) + ", backward)",
                            x -> x.queryGsiItems(t, i, gpk, back),
                            x -> ReferenceModel.rows(x.queryGsiItems(t, i, gpk, back)));
                }
            }
        }
        phase = old;
    }

    private void scanAll(StorageBackend b, ReferenceModel m, String t, ScanParams p) {
        check(b, m, "scanItems(" + q(t) + ", " + q(p.toString()) + ")", x -> x.scanItems(t, p),
                x -> ReferenceModel.rows(x.scanItems(t, p)));
    }

    /** databaseInfo with sizeBytes checked positive and then blanked (the model does not size files). */
    static Object normalizedInfo(StorageBackend b) {
        DatabaseInfo d = b.databaseInfo();
        if (d.sizeBytes() <= 0) {
            throw new AssertionError("databaseInfo().sizeBytes() not positive: " + d.sizeBytes());
        }
        return new DatabaseInfo(d.path(), -1, d.tableCount(), d.tables());
    }

    // ------------------------------------------------------------------ end of run

    /** §3.5: after close() every method but close/clock/supports* raises OTHER. */
    void checkClosed() {
        phase = "closed backend";
        backend.close();
        backend.close(); // idempotent
        if (backend.clock() != clock) {
            throw failure("clock() after close is not the options' clock");
        }
        expectKind(Kind.OTHER, "getItem after close", () -> backend.getItem("Orders", "S:a", ""));
        expectKind(Kind.OTHER, "lastSequence after close", backend::lastSequence);
        expectKind(Kind.OTHER, "putItem after close", () -> backend.putItem("Orders", "S:a", "", "{}", 1));
    }

    void expectKind(Kind kind, String what, Runnable r) {
        remember(what + " → expect " + kind);
        try {
            r.run();
        } catch (BackendException e) {
            if (e.kind() != kind) {
                throw failure(what + ": expected " + kind + " but got " + e.kind() + ": " + e.getMessage(), e);
            }
            return;
        } catch (RuntimeException e) {
            throw failure(what + ": expected BackendException " + kind + " but got " + e, e);
        }
        throw failure(what + ": expected BackendException " + kind + " but the call succeeded");
    }

    /** §8.3: openAt by sequence and by time shows the recorded snapshot; writes raise UNSUPPORTED. */
    void checkPointInTime(long lastSeq) {
        phase = "openAt";
        List<Snap> picks = new ArrayList<>();
        picks.add(snaps.get(0));
        picks.add(snaps.get(snaps.size() - 1));
        List<Snap> middle = new ArrayList<>(snaps.subList(1, snaps.size() - 1));
        java.util.Collections.shuffle(middle, rnd);
        picks.addAll(middle.subList(0, Math.min(3, middle.size())));
        boolean first = true;
        for (Snap s : picks) {
            remember("Tidelog.openAt(dir, " + s.seq() + ") [snapshot taken after op #" + s.opIndex() + "]");
            try (StorageBackend ro = Tidelog.openAt(dir, s.seq())) {
                if (ro.lastSequence() != s.seq()) {
                    throw failure("openAt(" + s.seq() + ").lastSequence() = " + ro.lastSequence());
                }
                fullCompare(ro, s.state(), "openAt(seq " + s.seq() + ")");
                if (first) {
                    checkReadOnly(ro);
                    first = false;
                }
            }
            remember("Tidelog.openAt(dir, " + s.time() + ") [snapshot taken after op #" + s.opIndex() + "]");
            try (StorageBackend ro = Tidelog.openAt(dir, s.time())) {
                if (ro.lastSequence() != s.seq()) {
                    throw failure("openAt(" + s.time() + ").lastSequence() = " + ro.lastSequence()
                            + ", expected " + s.seq() + " (commit times follow the options' clock, §8.1)");
                }
                check(ro, new ReferenceModel(s.state().copy()), "openAt(time).listTableNames()",
                        StorageBackend::listTableNames, ReferenceModel::listTableNames);
            }
        }
        try (StorageBackend ro = Tidelog.openAt(dir, Instant.parse("2000-01-01T00:00:00Z"))) {
            if (ro.lastSequence() != 0) {
                throw failure("openAt(time before the first mutation).lastSequence() = " + ro.lastSequence());
            }
            fullCompare(ro, new ReferenceModel.State(), "openAt(before first mutation)");
        }
        expectKind(Kind.VALIDATION, "openAt(dir, -1)", () -> Tidelog.openAt(dir, -1).close());
        expectKind(Kind.VALIDATION, "openAt(dir, lastSequence + 1)", () -> Tidelog.openAt(dir, lastSeq + 1).close());
    }

    private void checkReadOnly(StorageBackend ro) {
        if (!ro.supportsStreams() || !ro.supportsTags()) {
            throw failure("read-only backend must support streams and tags");
        }
        expectKind(Kind.UNSUPPORTED, "ro.putItem", () -> ro.putItem("Orders", "S:a", "", "{}", 1));
        expectKind(Kind.UNSUPPORTED, "ro.createDataTable", () -> ro.createDataTable("new"));
        expectKind(Kind.UNSUPPORTED, "ro.deleteTableMetadata", () -> ro.deleteTableMetadata("Orders"));
        expectKind(Kind.UNSUPPORTED, "ro.insertStreamRecord",
                () -> ro.insertStreamRecord("Orders", "INSERT", "{}", null, null, "1", "s", 1));
        expectKind(Kind.UNSUPPORTED, "ro.applyIndexWrites(empty)", () -> ro.applyIndexWrites(List.of()));
        expectKind(Kind.UNSUPPORTED, "ro.putItem(invalid size)", () -> ro.putItem("Orders", "S:a", "", "{}", -1));
        expectKind(Kind.UNSUPPORTED, "ro.beginTransaction", ro::beginTransaction);
        expectKind(Kind.UNSUPPORTED, "ro.commit", ro::commit);
        expectKind(Kind.UNSUPPORTED, "ro.vacuum", ro::vacuum);
        expectKind(Kind.UNSUPPORTED, "ro.enableBulkLoading", ro::enableBulkLoading);
        expectKind(Kind.UNSUPPORTED, "ro.disableBulkLoading", ro::disableBulkLoading);
    }
}
