package io.tidelog.backend.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tidelog.backend.BackendException;
import io.tidelog.backend.BackendException.Kind;
import io.tidelog.backend.DatabaseInfo;
import io.tidelog.backend.Durability;
import io.tidelog.backend.ItemRow;
import io.tidelog.backend.StorageBackend;
import io.tidelog.backend.Tag;
import io.tidelog.backend.Tidelog;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** §8.3 read-only point-in-time open; §8.1 commit times. */
@Timeout(60)
class PointInTimeContractTest extends ContractTestBase {

    @Override
    Durability durability() {
        return Durability.SYNC; // every acknowledged mutation is in the log when openAt opens
    }

    record Recorded(long seq, Map<String, Object> state) {}

    private List<Recorded> runRecordedSteps() {
        List<Consumer<StorageBackend>> steps = List.of(
                b -> b.insertTableMetadata(fullMeta(ORDERS)),
                b -> b.createDataTable(ORDERS),
                b -> b.createGsiTable(ORDERS, BYSTATUS),
                b -> b.createLsiTable(ORDERS, BYDATE),
                b -> putOrder(b, ORDERS, "user#1", "order#1"),
                b -> b.insertGsiItem(ORDERS, BYSTATUS, s("OPEN"), "", s("user#1"), s("order#1"), "{\"g\":1}"),
                b -> b.setTags(ORDERS, List.of(new Tag("env", "prod"))),
                b -> b.updateTtlConfig(ORDERS, "exp", true),
                b -> b.putItem(ORDERS, s("user#2"), "", "{\"exp\":{\"N\":\"5\"}}", 3),
                b -> b.touchCachedAt(ORDERS, s("user#2"), "", 42.0),
                b -> b.insertStreamRecord(ORDERS, "INSERT", "{}", "{}", null, "1", "shard-0", CREATED_AT),
                b -> b.enableStream(ORDERS, "NEW_IMAGE", "label"),
                b -> {
                    b.beginTransaction();
                    b.deleteItem(ORDERS, s("user#1"), s("order#1"));
                    b.deleteGsiItem(ORDERS, BYSTATUS, s("user#1"), s("order#1"));
                    b.createDataTable(USERS);
                    b.commit();
                },
                b -> b.dropLsiTable(ORDERS, BYDATE),
                b -> b.deleteTableMetadata(ORDERS),
                b -> b.dropDataTable(ORDERS));
        List<Recorded> out = new ArrayList<>();
        out.add(new Recorded(backend.lastSequence(), snapshot(backend)));
        for (Consumer<StorageBackend> step : steps) {
            step.accept(backend);
            out.add(new Recorded(backend.lastSequence(), snapshot(backend)));
        }
        return out;
    }

    @Test
    void openAtEverySequenceShowsTheStateRightAfterThatMutation() {
        List<Recorded> recs = runRecordedSteps();
        Map<String, Object> empty = emptyStoreSnapshot();
        assertEquals(empty, recs.get(0).state());
        for (int i = 0; i < recs.size(); i++) {
            Recorded r = recs.get(i);
            if (i > 0) {
                assertTrue(r.seq() > recs.get(i - 1).seq(), "each step is a mutation with a larger sequence");
            }
            StorageBackend at = openAt(r.seq());
            assertEquals(r.seq(), at.lastSequence());
            assertEquals(r.state(), snapshot(at), "state at sequence " + r.seq());
            if (i + 1 < recs.size() && recs.get(i + 1).seq() - 1 > r.seq()) {
                // a sequence inside a gap shows the newest mutation at or below it
                StorageBackend gap = openAt(recs.get(i + 1).seq() - 1);
                assertEquals(r.seq(), gap.lastSequence());
                assertEquals(r.state(), snapshot(gap));
                gap.close();
            }
            at.close();
        }
    }

    @Test
    void sequenceZeroAndBeforeTheFirstMutationShowTheEmptyInitialState() {
        Map<String, Object> empty = emptyStoreSnapshot();
        createTable(ORDERS);
        putOrder(backend, ORDERS, "u", "o");
        StorageBackend zero = openAt(0);
        assertEquals(0, zero.lastSequence());
        assertEquals(empty, snapshot(zero));
        assertEquals(List.of(), zero.listTableNames());
    }

    @Test
    void openAtTimeUsesMicrosecondCommitTimesThatNeverDecrease() {
        Instant t1 = T0; // ...:00.123456789
        Instant t1Micros = t1.truncatedTo(ChronoUnit.MICROS);
        clock.set(t1);
        backend.insertTableMetadata(meta(ORDERS));
        long s1 = backend.lastSequence();
        Map<String, Object> state1 = snapshot(backend);

        Instant t2 = t1.plusSeconds(1).plusNanos(500);
        Instant t2Micros = t2.truncatedTo(ChronoUnit.MICROS);
        clock.set(t2);
        backend.insertTableMetadata(meta(USERS));
        long s2 = backend.lastSequence();

        Instant t3 = t1.plusMillis(500); // the clock went backwards
        clock.set(t3);
        backend.createDataTable(ORDERS);
        long s3 = backend.lastSequence();
        Map<String, Object> state3 = snapshot(backend);
        assertTrue(s1 < s2 && s2 < s3);

        assertEquals(0, openAt(t1Micros.minusNanos(1)).lastSequence(), "sub-microsecond before the first commit");
        assertEquals(List.of(), openAt(t1Micros.minusNanos(1)).listTableNames());
        assertEquals(0, openAt(Instant.EPOCH).lastSequence());
        StorageBackend at1 = openAt(t1Micros);
        assertEquals(s1, at1.lastSequence(), "commit time is truncated to microseconds");
        assertEquals(state1, snapshot(at1));
        assertEquals(s1, openAt(t1).lastSequence());
        assertEquals(s1, openAt(t3).lastSequence(), "m3's commit time was raised to m2's, so it is after t3");
        assertEquals(s1, openAt(t2Micros.minusNanos(1)).lastSequence());
        StorageBackend at2 = openAt(t2Micros);
        assertEquals(s3, at2.lastSequence(), "m2 and m3 share commit time t2");
        assertEquals(state3, snapshot(at2));
        assertEquals(s3, openAt(Instant.parse("9999-12-31T23:59:59Z")).lastSequence());
    }

    @Test
    void farFutureInstantsShowTheLatestState() {
        createTable(ORDERS);
        long seq = backend.lastSequence();
        assertEquals(seq, openAt(Instant.parse("+300000-01-01T00:00:00Z")).lastSequence(), "no upper bound on time");
        assertEquals(seq, openAt(Instant.MAX).lastSequence(), "no upper bound on time");
        assertEquals(1, openAt(Instant.MAX).listTableNames().size());
    }

    @Test
    void farPastInstantsShowTheEmptyInitialState() {
        createTable(ORDERS);
        assertEquals(0, openAt(Instant.parse("-300000-01-01T00:00:00Z")).lastSequence(), "no lower bound on time");
        assertEquals(0, openAt(Instant.MIN).lastSequence());
        assertEquals(List.of(), openAt(Instant.MIN).listTableNames());
    }

    @Test
    void preEpochCommitTimesAreTruncatedToMicroseconds() {
        Instant pre = Instant.parse("1969-07-20T20:17:40.000000750Z");
        clock.set(pre);
        backend.insertTableMetadata(meta(ORDERS));
        long seq = backend.lastSequence();
        Instant micros = pre.truncatedTo(ChronoUnit.MICROS);
        assertEquals(seq, openAt(micros).lastSequence());
        assertEquals(0, openAt(micros.minusNanos(1)).lastSequence());
    }

    @Test
    void commitTimeOfATransactionIsTakenAtCommit() {
        clock.set(T0);
        backend.beginTransaction();
        backend.insertTableMetadata(meta(ORDERS));
        clock.set(T0.plusSeconds(10));
        backend.commit();
        long seq = backend.lastSequence();
        assertEquals(0, openAt(T0.plusSeconds(5)).lastSequence());
        assertEquals(seq, openAt(T0.plusSeconds(10)).lastSequence());
    }

    @Test
    void mutatingAndControlMethodsRaiseUnsupportedBeforeAnyArgumentCheck() throws Throwable {
        createStandardFixture(backend);
        long seq = backend.lastSequence();
        StorageBackend ro = openAt(seq);
        Map<String, Object> before = snapshot(ro);
        Map<String, Object[]> args = validArgs();
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (Method m : interfaceMethods()) {
            if (!MUTATING.contains(m.getName()) && !CONTROL.contains(m.getName())) {
                continue;
            }
            checked++;
            for (Object[] a : List.of(args.get(m.getName()), badArgs(m))) {
                try {
                    invoke(ro, m, a);
                    wrong.add(m.getName() + " returned normally");
                } catch (BackendException e) {
                    if (e.kind() != Kind.UNSUPPORTED || e.getMessage() == null || e.getMessage().isEmpty()) {
                        wrong.add(m.getName() + " raised " + e);
                    }
                } catch (Throwable t) {
                    wrong.add(m.getName() + " threw " + t);
                }
            }
        }
        assertEquals(40, checked);
        assertEquals(List.of(), wrong);
        assertEquals(before, snapshot(ro), "no effect on the view");
        assertEquals(seq, ro.lastSequence());
        assertEquals(seq, backend.lastSequence(), "no effect on the store");
        assertEquals(snapshot(backend), before);
    }

    @Test
    void readOnlyBackendAnswersEveryReadMethod() throws Throwable {
        createStandardFixture(backend);
        backend.updateTtlConfig(ORDERS, "exp", true);
        backend.putItem(ORDERS, s("ttl"), "", "{\"exp\":{\"N\":\"10\"}}", 1);
        StorageBackend ro = openAt(backend.lastSequence());
        Map<String, Object[]> args = validArgs();
        java.util.Set<String> differByDesign = java.util.Set.of("close", "clock", "dbSizeBytes", "databaseInfo");
        for (Method m : interfaceMethods()) {
            if (MUTATING.contains(m.getName()) || CONTROL.contains(m.getName()) || differByDesign.contains(m.getName())) {
                continue;
            }
            Object[] a = args.get(m.getName());
            assertEquals(invoke(backend, m, a), invoke(ro, m, a), m.getName() + " answers as the live backend");
        }
        assertEquals(List.of(new ItemRow(s("ttl"), "", "{\"exp\":{\"N\":\"10\"}}")), ro.expiredItems(ORDERS, 100, 10));
        DatabaseInfo info = ro.databaseInfo();
        assertEquals(storeDir.toAbsolutePath().normalize().toString(), info.path());
        assertEquals(backend.databaseInfo().tables(), info.tables());
        assertTrue(ro.dbSizeBytes() > 0);
        assertEquals(Clock.systemUTC(), ro.clock());
        assertTrue(ro.supportsStreams());
        assertTrue(ro.supportsTags());
        assertEquals(backend.getTableMetadata(ORDERS), ro.getTableMetadata(ORDERS));
    }

    @Test
    void sequenceOutOfRangeIsValidation() {
        createTable(ORDERS);
        long latest = backend.lastSequence();
        assertKind(Kind.VALIDATION, () -> track(Tidelog.openAt(storeDir, -1L)));
        assertKind(Kind.VALIDATION, () -> track(Tidelog.openAt(storeDir, latest + 1)));
        assertKind(Kind.VALIDATION, () -> track(Tidelog.openAt(storeDir, Long.MAX_VALUE)));
        assertKind(Kind.VALIDATION, () -> track(Tidelog.openAt(storeDir, Long.MIN_VALUE)));
        assertEquals(latest, openAt(latest).lastSequence());
    }

    @Test
    void emptyStoreAcceptsOnlySequenceZero() {
        backend.close();
        assertEquals(0, openAt(0).lastSequence());
        assertKind(Kind.VALIDATION, () -> track(Tidelog.openAt(storeDir, 1L)));
    }

    @Test
    void missingEmptyForeignOrFilePathIsNotADatabaseAndNothingIsCreated() throws IOException {
        Path missing = tempDir.resolve("missing");
        assertKind(Kind.NOT_A_DATABASE, () -> track(Tidelog.openAt(missing, 0L)));
        assertKind(Kind.NOT_A_DATABASE, () -> track(Tidelog.openAt(missing, T0)));
        assertFalse(Files.exists(missing), "openAt never creates a store");
        Path empty = Files.createDirectories(tempDir.resolve("empty"));
        assertKind(Kind.NOT_A_DATABASE, () -> track(Tidelog.openAt(empty, 0L)));
        assertKind(Kind.NOT_A_DATABASE, () -> track(Tidelog.openAt(empty, T0)));
        try (Stream<Path> s = Files.list(empty)) {
            assertEquals(0, s.count());
        }
        Path foreign = Files.createDirectories(tempDir.resolve("foreign"));
        Files.writeString(foreign.resolve("data.csv"), "a,b\n1,2\n");
        assertKind(Kind.NOT_A_DATABASE, () -> track(Tidelog.openAt(foreign, 0L)));
        assertKind(Kind.NOT_A_DATABASE, () -> track(Tidelog.openAt(foreign, T0)));
        Path file = Files.writeString(tempDir.resolve("file.bin"), "xyz");
        assertKind(Kind.NOT_A_DATABASE, () -> track(Tidelog.openAt(file, 0L)));
        assertKind(Kind.NOT_A_DATABASE, () -> track(Tidelog.openAt(file, T0)));
    }

    @Test
    void nullArgumentsAreValidation() {
        assertKind(Kind.VALIDATION, () -> Tidelog.openAt(null, 0L));
        assertKind(Kind.VALIDATION, () -> Tidelog.openAt(null, T0));
        assertKind(Kind.VALIDATION, () -> Tidelog.openAt(storeDir, (Instant) null));
    }

    @Test
    void worksBesideALiveWriterAndDoesNotFollowLaterWrites() {
        createTable(ORDERS);
        putOrder(backend, ORDERS, "u1", "o1");
        long seq = backend.lastSequence();
        StorageBackend view = openAt(seq);
        assertEquals(1, view.countItems(ORDERS));
        putOrder(backend, ORDERS, "u2", "o2");
        backend.dropDataTable(ORDERS);
        assertEquals(1, view.countItems(ORDERS), "a view is fixed at its point in time");
        assertEquals(seq, view.lastSequence());
        StorageBackend latest = openAt(backend.lastSequence());
        assertMissingTable(() -> latest.countItems(ORDERS));
    }

    @Test
    void uncommittedTransactionOfTheLiveWriterIsNotVisible() {
        createTable(ORDERS);
        long seq = backend.lastSequence();
        backend.beginTransaction();
        backend.putItem(ORDERS, s("uncommitted"), "", "{}", 1);
        StorageBackend view = openAt(seq);
        assertEquals(0, view.countItems(ORDERS));
        StorageBackend byTime = openAt(Instant.parse("9999-01-01T00:00:00Z"));
        assertEquals(0, byTime.countItems(ORDERS));
        assertEquals(seq, byTime.lastSequence());
        assertKind(Kind.VALIDATION, () -> track(Tidelog.openAt(storeDir, seq + 1)));
        backend.commit();
    }

    @Test
    void readOnlyDbSizeBytesIsTheCurrentSizeOfTheDirectory() throws IOException {
        createTable(ORDERS);
        for (int i = 0; i < 20; i++) {
            putOrder(backend, ORDERS, "u" + i, "o" + i);
        }
        long seq = backend.lastSequence();
        backend.close();
        StorageBackend view = openAt(seq);
        long expected = 0;
        try (Stream<Path> s = Files.walk(storeDir)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                if (Files.isRegularFile(p)) {
                    expected += Files.size(p);
                }
            }
        }
        assertEquals(expected, view.dbSizeBytes());
        assertEquals(expected, view.databaseInfo().sizeBytes());
    }

    @Test
    void takesNoWriterLock() {
        createTable(ORDERS);
        StorageBackend view = openAt(backend.lastSequence());
        backend.close();
        backend = openWritable(storeDir); // not LOCKED by the view
        backend.putItem(ORDERS, s("x"), "", "{}", 1);
        assertEquals(0, view.countItems(ORDERS));
        StorageBackend second = openAt(backend.lastSequence());
        assertEquals(1, second.countItems(ORDERS));
    }

    @Test
    void neverWritesToTheStoreDirectory() throws Exception {
        populateRichState(backend);
        long seq = backend.lastSequence();
        backend.close();
        Map<String, String> before = listing(storeDir);
        StorageBackend view = openAt(seq / 2);
        snapshot(view);
        assertTrue(view.dbSizeBytes() > 0);
        view.expiredItems(ORDERS, Long.MAX_VALUE, 100);
        assertKind(Kind.UNSUPPORTED, () -> view.putItem(ORDERS, s("x"), "", "{}", 1));
        view.close();
        StorageBackend viewByTime = openAt(Instant.now());
        snapshot(viewByTime);
        viewByTime.close();
        assertEquals(before, listing(storeDir));
    }

    private static Map<String, String> listing(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                String rel = dir.relativize(p).toString();
                if (Files.isRegularFile(p)) {
                    out.put(rel, Files.size(p) + "@" + Files.getLastModifiedTime(p).toMillis());
                } else {
                    out.put(rel, "dir");
                }
            }
        }
        return out;
    }

    @Test
    void historySurvivesVacuumAndReopen() {
        createTable(ORDERS);
        putOrder(backend, ORDERS, "u1", "o1");
        long early = backend.lastSequence();
        Map<String, Object> earlyState = snapshot(backend);
        for (int i = 0; i < 30; i++) {
            backend.putItem(ORDERS, s("u1"), s("o1"), "{\"v\":" + i + "}", i);
        }
        backend.deleteItem(ORDERS, s("u1"), s("o1"));
        backend.vacuum();
        assertEquals(earlyState, snapshot(openAt(early)));
        reopen();
        backend.vacuum();
        assertEquals(earlyState, snapshot(openAt(early)));
        assertNotEquals(earlyState, snapshot(backend));
    }

    @Test
    void closedReadOnlyBackendRaisesOtherBeforeUnsupported() {
        createTable(ORDERS);
        StorageBackend ro = openAt(backend.lastSequence());
        ro.close();
        ro.close();
        assertKind(Kind.OTHER, () -> ro.putItem(ORDERS, s("x"), "", "{}", 1));
        assertKind(Kind.OTHER, () -> ro.putItem(null, null, null, null, -1));
        assertKind(Kind.OTHER, () -> ro.countItems(ORDERS));
        assertKind(Kind.OTHER, ro::beginTransaction);
        assertKind(Kind.OTHER, ro::lastSequence);
        assertTrue(ro.supportsStreams());
        assertTrue(ro.supportsTags());
        assertEquals(Clock.systemUTC(), ro.clock());
    }

    @Test
    void asyncAndNoneWritersAcknowledgedMutationsAreVisibleOnceClosed() {
        backend.close();
        for (Durability d : List.of(Durability.ASYNC, Durability.NONE)) {
            Path dir = tempDir.resolve("pit-" + d);
            StorageBackend w = openWritable(dir, io.tidelog.backend.TidelogOptions.builder().clock(clock).durability(d).build());
            w.createDataTable(ORDERS);
            w.putItem(ORDERS, s("k"), "", "{}", 1);
            long seq = w.lastSequence();
            w.close();
            StorageBackend at = track(Tidelog.openAt(dir, seq));
            assertEquals(1, at.countItems(ORDERS));
            at.close();
        }
    }
}
