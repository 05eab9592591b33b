package io.tidelog.backend.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.tidelog.backend.BackendException;
import io.tidelog.backend.BackendException.Kind;
import io.tidelog.backend.Durability;
import io.tidelog.backend.LruItem;
import io.tidelog.backend.StorageBackend;
import io.tidelog.backend.Tidelog;
import io.tidelog.backend.TidelogOptions;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** §2.1 open, §3.4 durability and bulk loading, §3.5 close, reopen and crash recovery. */
@Timeout(90)
class DurabilityAndReopenContractTest extends ContractTestBase {

    private void assertEmptyStore(StorageBackend b) {
        assertEquals(List.of(), b.listTableNames());
        assertEquals(0, b.tableCount());
        assertEquals(List.of(), b.tableStats());
        assertEquals(List.of(), b.listStreamEnabledTables());
        assertEquals(List.of(), b.listTtlEnabledTables());
        assertEquals(0, b.lastSequence());
        assertTrue(b.dbSizeBytes() > 0, "positive for every open store");
    }

    @Test
    void openCreatesMissingDirectoriesAndAnEmptyStore() {
        assertEmptyStore(backend);
        Path deep = tempDir.resolve("a").resolve("b").resolve("c");
        StorageBackend b = openWritable(deep);
        assertTrue(Files.isDirectory(deep));
        assertEmptyStore(b);
        assertEquals(1, b.nextStreamSequenceNumber(ORDERS));
    }

    @Test
    void openOnAnEmptyDirectoryCreatesAStore() throws Exception {
        Path empty = Files.createDirectories(tempDir.resolve("empty"));
        StorageBackend b = openWritable(empty);
        assertEmptyStore(b);
        b.insertTableMetadata(meta(ORDERS));
        b.close();
        StorageBackend again = openWritable(empty);
        assertEquals(List.of(ORDERS), again.listTableNames());
    }

    @Test
    void freshStoreCanBeClosedAndReopenedWithoutMutations() {
        backend.close();
        backend = openWritable(storeDir);
        assertEmptyStore(backend);
    }

    @Test
    void regularFileIsNotADatabase() throws Exception {
        Path file = Files.writeString(tempDir.resolve("plain.txt"), "hello");
        assertKind(Kind.NOT_A_DATABASE, () -> track(Tidelog.open(file, options())));
        assertEquals("hello", Files.readString(file), "file untouched");
    }

    @Test
    void foreignNonEmptyDirectoryIsNotADatabase() throws Exception {
        Path foreign = Files.createDirectories(tempDir.resolve("foreign"));
        Files.writeString(foreign.resolve("notes.md"), "# not a store");
        Files.createDirectories(foreign.resolve("src"));
        assertKind(Kind.NOT_A_DATABASE, () -> track(Tidelog.open(foreign, options())));
        try (var list = Files.list(foreign)) {
            assertEquals(2, list.count(), "nothing was created in the foreign directory");
        }
    }

    @Test
    void nullArgumentsToOpenAreValidation() {
        assertKind(Kind.VALIDATION, () -> Tidelog.open(null));
        assertKind(Kind.VALIDATION, () -> Tidelog.open(null, options()));
        assertKind(Kind.VALIDATION, () -> Tidelog.open(tempDir.resolve("x"), null));
    }

    @Test
    void optionsBuilderDefaultsAndRejections() {
        TidelogOptions d = TidelogOptions.defaults();
        assertEquals(Clock.systemUTC(), d.clock());
        assertEquals(Durability.SYNC, d.durability());
        assertEquals(Duration.ofSeconds(5), d.lockTimeout());
        TidelogOptions b = TidelogOptions.builder().build();
        assertEquals(Durability.SYNC, b.durability());
        assertThrows(IllegalArgumentException.class, () -> TidelogOptions.builder().clock(null));
        assertThrows(IllegalArgumentException.class, () -> TidelogOptions.builder().durability(null));
        assertThrows(IllegalArgumentException.class, () -> TidelogOptions.builder().lockTimeout(null));
        assertThrows(IllegalArgumentException.class, () -> TidelogOptions.builder().lockTimeout(Duration.ofMillis(-1)));
        assertEquals(Duration.ZERO, TidelogOptions.builder().lockTimeout(Duration.ZERO).build().lockTimeout());
    }

    @Test
    void clockIsTheConfiguredInstanceAndSystemUtcByDefault() {
        assertSame(clock, backend.clock());
        backend.close();
        assertSame(clock, backend.clock(), "clock() works after close");
        StorageBackend d = track(Tidelog.open(tempDir.resolve("defaults")));
        assertEquals(Clock.systemUTC(), d.clock());
    }

    @Test
    void secondWriterInTheSameProcessIsLockedUntilClose() {
        backend.insertTableMetadata(meta(ORDERS));
        assertKind(Kind.LOCKED, () -> track(Tidelog.open(storeDir, options())));
        assertKind(Kind.LOCKED, () -> track(Tidelog.open(storeDir.resolve(".").resolve("..").resolve("store"), options())));
        assertEquals(List.of(ORDERS), backend.listTableNames(), "the first writer is unaffected");
        backend.close();
        StorageBackend second = openWritable(storeDir);
        assertEquals(List.of(ORDERS), second.listTableNames());
        backend = second;
    }

    @Test
    void closeIsIdempotent() {
        backend.close();
        backend.close();
        backend.close();
    }

    @Test
    void everyMethodAfterCloseRaisesOtherExceptCloseClockAndCapabilities() throws Throwable {
        createStandardFixture(backend);
        backend.close();
        Map<String, Object[]> args = validArgs();
        List<String> wrong = new ArrayList<>();
        for (Method m : interfaceMethods()) {
            if (ALLOWED_AFTER_CLOSE.contains(m.getName())) {
                continue;
            }
            for (Object[] a : List.of(args.get(m.getName()), badArgs(m))) {
                try {
                    invoke(backend, m, a);
                    wrong.add(m.getName() + " returned normally");
                } catch (BackendException e) {
                    if (e.kind() != Kind.OTHER || e.getMessage() == null || e.getMessage().isEmpty()) {
                        wrong.add(m.getName() + " raised " + e);
                    }
                } catch (Throwable t) {
                    wrong.add(m.getName() + " threw " + t);
                }
            }
        }
        assertEquals(List.of(), wrong);
        assertTrue(backend.supportsStreams());
        assertTrue(backend.supportsTags());
        assertSame(clock, backend.clock());
        backend.close();
    }

    @Test
    void methodTablesCoverTheWholeInterface() {
        Map<String, Object[]> args = validArgs();
        for (Method m : interfaceMethods()) {
            assertTrue(args.containsKey(m.getName()), "no test arguments for " + m.getName());
            assertEquals(m.getParameterCount(), args.get(m.getName()).length, m.getName());
        }
        assertEquals(34, MUTATING.size());
        assertEquals(6, CONTROL.size());
    }

    @Test
    void reopenRestoresEveryPieceOfStateExactly() {
        populateRichState(backend);
        long mid = backend.lastSequence();
        Map<String, Object> midState = snapshot(backend);
        mutateRichState(backend);
        Map<String, Object> state = snapshot(backend);
        long seq = backend.lastSequence();
        String tableId = backend.getTableMetadata(ORDERS).orElseThrow().tableId();

        reopen();

        assertEquals(state, snapshot(backend));
        assertEquals(seq, backend.lastSequence());
        assertEquals(tableId, backend.getTableMetadata(ORDERS).orElseThrow().tableId());
        assertEquals(List.of(new LruItem(s("user#2"), s("order#2"), 102), new LruItem(s("user#1"), s("order#1"), 11),
                new LruItem(s("user#0"), s("order#0"), 100)), backend.getLruItems(ORDERS, 10), "cachedAt restored");
        assertEquals(midState, snapshot(openAt(mid)), "mutation history restored");

        backend.putItem(ORDERS, s("after"), "", "{}", 1);
        assertTrue(backend.lastSequence() > seq, "sequence continues after reopen");
        reopen();
        assertTrue(backend.getItem(ORDERS, s("after"), "").isPresent());
    }

    @Test
    void reopenAfterReopenAndVacuumStillRestoresState() {
        populateRichState(backend);
        backend.vacuum();
        Map<String, Object> state = snapshot(backend);
        reopen();
        backend.vacuum();
        reopen();
        assertEquals(state, snapshot(backend));
    }

    @Test
    void reopenedBackendUsesTheOptionsOfThatOpen() {
        backend.insertTableMetadata(meta(ORDERS));
        backend.close();
        MutableClock other = new MutableClock(T0.plusSeconds(3600));
        StorageBackend b = openWritable(storeDir, TidelogOptions.builder().clock(other).durability(Durability.SYNC).build());
        assertSame(other, b.clock());
        assertEquals(List.of(ORDERS), b.listTableNames());
        backend = b;
    }

    @Test
    void everyDurabilityModeSurvivesCloseAndReopen() {
        backend.close();
        for (Durability d : Durability.values()) {
            Path dir = tempDir.resolve("mode-" + d);
            StorageBackend b = openWritable(dir, TidelogOptions.builder().clock(clock).durability(d).build());
            b.createDataTable(ORDERS);
            b.putItem(ORDERS, s("k"), "", "{\"mode\":\"" + d + "\"}", 1);
            b.close();
            StorageBackend again = openWritable(dir, TidelogOptions.builder().clock(clock).durability(d).build());
            assertEquals("{\"mode\":\"" + d + "\"}", again.getItem(ORDERS, s("k"), "").orElseThrow(), d.toString());
            again.close();
        }
    }

    @Test
    void bulkLoadingSwitchesAreIdempotentAndNotMutations() {
        createTable(ORDERS);
        long seq = backend.lastSequence();
        backend.disableBulkLoading(); // off already: just fsyncs
        backend.enableBulkLoading();
        backend.enableBulkLoading();
        assertEquals(seq, backend.lastSequence());
        backend.putItem(ORDERS, s("bulk"), "", "{}", 1);
        assertTrue(onOtherThread(() -> backend.getItem(ORDERS, s("bulk"), "").isPresent()), "visibility unaffected");
        long afterPut = backend.lastSequence();
        assertTrue(afterPut > seq);
        backend.disableBulkLoading();
        backend.disableBulkLoading();
        assertEquals(afterPut, backend.lastSequence());
        reopen();
        assertTrue(backend.getItem(ORDERS, s("bulk"), "").isPresent());
    }

    /** Leaving bulk loading forces the log; an interrupt must not cost the store its log. */
    @Test
    void disablingBulkLoadingOnAnInterruptedThreadKeepsTheStoreWritable() {
        createTable(ORDERS);
        backend.enableBulkLoading();
        backend.putItem(ORDERS, s("a"), "", "{}", 1);
        Thread.currentThread().interrupt();
        try {
            backend.disableBulkLoading();
        } finally {
            assertTrue(Thread.interrupted(), "the interrupt status is kept");
        }
        backend.putItem(ORDERS, s("b"), "", "{}", 1);
        reopen();
        assertEquals(2, backend.countItems(ORDERS));
    }

    @Test
    void bulkLoadingKeepsAtomicityAndTransactionsWorking() {
        createTable(ORDERS);
        backend.enableBulkLoading();
        backend.beginTransaction();
        backend.putItem(ORDERS, s("a"), "", "{}", 1);
        backend.rollback();
        assertFalse(backend.getItem(ORDERS, s("a"), "").isPresent());
        assertMissingTable(() -> backend.putItem("Ghost", s("a"), "", "{}", 1));
        backend.disableBulkLoading();
        assertEquals(0, backend.countItems(ORDERS));
    }

    @ParameterizedTest
    @EnumSource(value = Durability.class, names = {"SYNC", "NONE"})
    void processCrashRecoversExactlyTheCommittedPrefixAndCrossProcessLockHolds(Durability mode) throws Exception {
        backend.close();
        Child c = launch(CrashChild.class, "crash", mode, "READY ");
        Path dir = c.dir();
        Process child = c.process();
        long committed;
        try {
            String line = c.line();
            committed = Long.parseLong(line.substring("READY ".length()).trim());

            // another process holds the directory
            assertKind(Kind.LOCKED, () -> track(Tidelog.open(dir, options())));
            // a read-only view works beside the live writer of another process
            StorageBackend view = track(Tidelog.openAt(dir, committed));
            assertEquals(62, view.countItems(ORDERS));
            view.close();

            try (OutputStream in = child.getOutputStream()) {
                in.write("crash\n".getBytes(StandardCharsets.UTF_8));
            }
            assertTrue(child.waitFor(30, TimeUnit.SECONDS), "child halted");
        } finally {
            child.destroyForcibly();
        }

        StorageBackend recovered = openWritable(dir);
        assertEquals(62, recovered.countItems(ORDERS), "10 single puts + 2 in a transaction + 50 bulk rows");
        assertTrue(recovered.getItem(ORDERS, s("txn1"), "").isPresent());
        assertTrue(recovered.getItem(ORDERS, s("txn2"), "").isPresent());
        assertFalse(recovered.getItem(ORDERS, s("open1"), "").isPresent(), "open transaction not recovered");
        assertMissingTable(() -> recovered.countItems("OpenTxnTable"));
        assertEquals(List.of(new LruItem(s("bulk0"), "", 1), new LruItem(s("bulk1"), "", 1)), recovered.getLruItems(ORDERS, 2));
        assertEquals(List.of(ORDERS), recovered.listTableNames());
        long seq = recovered.lastSequence();
        assertEquals(committed, seq, "lastSequence is that of the last recovered mutation");
        recovered.putItem(ORDERS, s("post-crash"), "", "{}", 1);
        assertTrue(recovered.lastSequence() > seq);
        recovered.close();
        StorageBackend again = openWritable(dir);
        assertEquals(63, again.countItems(ORDERS));
    }

    @ParameterizedTest
    @EnumSource(value = Durability.class, names = {"SYNC", "NONE"})
    void sigkillAtAnArbitraryMomentRecoversAPrefixWithWholeTransactions(Durability mode) throws Exception {
        Child c = launch(KillChild.class, "kill", mode, "STARTED");
        Path dir = c.dir();
        Process child = c.process();
        try {
            Thread.sleep(400);
        } finally {
            child.destroyForcibly(); // SIGKILL
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        }
        StorageBackend recovered = openWritable(dir);
        List<io.tidelog.backend.ItemRow> rows = recovered.scanItems(ORDERS, sc().build());
        int expectedIndex = 0;
        int i = 0;
        while (i < rows.size()) {
            String k = String.format("S:%08d", expectedIndex);
            assertEquals(k, rows.get(i).pk(), "recovered rows are a gap-free prefix");
            assertEquals(s("a"), rows.get(i).sk());
            if (expectedIndex % 5 == 0) {
                assertTrue(i + 1 < rows.size() && rows.get(i + 1).pk().equals(k) && rows.get(i + 1).sk().equals(s("b")),
                        "transaction " + k + " recovered only partly");
                i += 2;
            } else {
                i += 1;
            }
            expectedIndex++;
        }
        assertTrue(expectedIndex > 0 || rows.isEmpty());
        long seq = recovered.lastSequence();
        recovered.putItem(ORDERS, s("after"), "", "{}", 1);
        assertTrue(recovered.lastSequence() > seq);
    }

    record Child(Process process, String line, Path dir) {}

    /**
     * Starts {@code main} in a child JVM on a fresh store directory and waits for its marker line.
     * The build directory is shared with concurrent builds, so a child that dies before printing
     * the marker (for example a class deleted underneath it) is retried on a new directory.
     */
    Child launch(Class<?> main, String prefix, Durability mode, String marker) throws Exception {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        StringBuilder diagnostics = new StringBuilder();
        for (int attempt = 1; attempt <= 3; attempt++) {
            Path dir = tempDir.resolve(prefix + "-" + mode + "-" + attempt);
            Path err = tempDir.resolve(prefix + "-" + mode + "-" + attempt + ".stderr");
            Process p = new ProcessBuilder(javaBin, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                    main.getName(), dir.toString(), mode.name()).redirectError(err.toFile()).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            Future<String> ready = startOnOtherThread(() -> {
                String line;
                while ((line = out.readLine()) != null) {
                    if (line.startsWith(marker)) {
                        return line;
                    }
                }
                return null;
            });
            String line = await(ready, Duration.ofSeconds(60));
            if (line != null) {
                return new Child(p, line, dir);
            }
            p.destroyForcibly();
            p.waitFor(30, TimeUnit.SECONDS);
            diagnostics.append("attempt ").append(attempt).append(": ").append(Files.readString(err)).append('\n');
        }
        return fail("child JVM never started:\n" + diagnostics);
    }
}
