package io.tidelog.backend.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tidelog.backend.BackendException.Kind;
import io.tidelog.backend.BaseItemRow;
import io.tidelog.backend.DatabaseInfo;
import io.tidelog.backend.GsiItemRow;
import io.tidelog.backend.IndexWriteOp;
import io.tidelog.backend.StorageBackend;
import io.tidelog.backend.TableInfoEntry;
import io.tidelog.backend.TableStats;
import io.tidelog.backend.Tag;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** §7.10 introspection and §8.1 lastSequence. */
@Timeout(60)
class IntrospectionContractTest extends ContractTestBase {

    @Test
    void dbSizeBytesIsPositiveAndGrowsWithData() {
        long empty = backend.dbSizeBytes();
        assertTrue(empty > 0);
        createTable(ORDERS);
        String big = "{\"blob\":{\"S\":\"" + "x".repeat(4000) + "\"}}";
        List<BaseItemRow> rows = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            rows.add(new BaseItemRow(s("k" + i), "", big, big.length(), null, "000000"));
        }
        backend.putBaseItems(ORDERS, rows);
        long full = backend.dbSizeBytes();
        assertTrue(full > empty + 200 * 1000, "size " + empty + " -> " + full);
    }

    @Test
    void tableCountCountsCatalogRowsOnly() {
        assertEquals(0, backend.tableCount());
        backend.createDataTable("dataOnly");
        backend.createGsiTable("g", "i");
        assertEquals(0, backend.tableCount());
        backend.insertTableMetadata(meta(ORDERS));
        backend.insertTableMetadata(meta(USERS));
        assertEquals(2, backend.tableCount());
        backend.deleteTableMetadata(USERS);
        assertEquals(1, backend.tableCount());
    }

    @Test
    void tableStatsListsCatalogTablesInNameOrderWithCountsAndSizeSums() {
        createTable("b");
        createTable("A");
        createTable("\uD83D\uDE00");
        createTable("\uFFFD");
        backend.createDataTable("dataOnly");
        backend.putItem("dataOnly", s("x"), "", "{}", 999);
        backend.putItem("b", s("1"), "", "{}", 10);
        backend.putItem("b", s("2"), s("x"), "{}", 15);
        backend.putItem("b", s("2"), s("x"), "{}", 20); // replaced
        backend.putItem("A", s("1"), "", "{}", 0);
        backend.putBaseItems("\uFFFD", List.of(new BaseItemRow(s("r"), "", "{}", 7, null, ""),
                new BaseItemRow(s("q"), "", "{}", 8, 1.0, "")));
        assertEquals(List.of(new TableStats("A", 1, 0), new TableStats("b", 2, 30), new TableStats("\uFFFD", 2, 15),
                new TableStats("\uD83D\uDE00", 0, 0)), backend.tableStats());
    }

    @Test
    void tableStatsFailsWhenACatalogRowHasNoDataTable() {
        createTable(ORDERS);
        backend.insertTableMetadata(meta("CatalogOnly"));
        assertMissingTable(() -> backend.tableStats());
        assertMissingTable(() -> backend.databaseInfo());
        backend.createDataTable("CatalogOnly");
        assertEquals(2, backend.tableStats().size());
    }

    @Test
    void databaseInfoIsPathSizeCountAndEntriesWithMetadata() throws Exception {
        backend.close();
        java.nio.file.Files.createDirectories(tempDir.resolve("x"));
        Path odd = tempDir.resolve("x").resolve("..").resolve("info-store");
        StorageBackend b = openWritable(odd);
        b.insertTableMetadata(fullMeta(ORDERS));
        b.createDataTable(ORDERS);
        b.insertTableMetadata(meta(USERS));
        b.createDataTable(USERS);
        b.putItem(ORDERS, s("u1"), s("o1"), "{}", 33);
        b.setTags(ORDERS, List.of(new Tag("env", "prod")));
        DatabaseInfo info = b.databaseInfo();
        assertEquals(odd.toAbsolutePath().normalize().toString(), info.path());
        assertTrue(info.sizeBytes() > 0);
        assertEquals(2, info.tableCount());
        assertEquals(List.of(
                new TableInfoEntry(new TableStats(ORDERS, 1, 33), b.getTableMetadata(ORDERS).orElseThrow()),
                new TableInfoEntry(new TableStats(USERS, 0, 0), b.getTableMetadata(USERS).orElseThrow())), info.tables());
        assertEquals(b.tableStats(), info.tables().stream().map(TableInfoEntry::stats).toList());
    }

    @Test
    void databaseInfoOfEmptyStore() {
        DatabaseInfo info = backend.databaseInfo();
        assertEquals(storeDir.toAbsolutePath().normalize().toString(), info.path());
        assertEquals(0, info.tableCount());
        assertEquals(List.of(), info.tables());
        assertTrue(info.sizeBytes() > 0);
    }

    @Test
    void databaseInfoIsAConsistentSnapshotUnderConcurrentWrites() throws Exception {
        Future<Void> writer = startOnOtherThread(() -> {
            for (int i = 0; i < 40; i++) {
                String t = String.format("T%03d", i);
                backend.beginTransaction();
                backend.insertTableMetadata(meta(t));
                backend.createDataTable(t);
                backend.putItem(t, s("k"), "", "{}", i);
                backend.commit();
            }
        });
        try {
            for (int i = 0; i < 200 && !writer.isDone(); i++) {
                DatabaseInfo info = backend.databaseInfo();
                assertEquals(info.tableCount(), info.tables().size(), "tableCount matches entries");
                for (TableInfoEntry e : info.tables()) {
                    assertEquals(e.stats().tableName(), e.metadata().tableName());
                    assertEquals(1, e.stats().itemCount(), "each committed table has its item");
                }
            }
        } finally {
            await(writer, java.time.Duration.ofSeconds(30));
        }
        assertEquals(40, backend.databaseInfo().tableCount());
    }

    @Test
    void vacuumChangesNoReadResultAndNoSequence() {
        populateRichState(backend);
        for (int i = 0; i < 50; i++) {
            backend.putItem(ORDERS, s("churn"), s("" + i), "{\"pad\":\"" + "y".repeat(500) + "\"}", 1);
            backend.deleteItem(ORDERS, s("churn"), s("" + i));
        }
        Map<String, Object> before = snapshot(backend);
        long seq = backend.lastSequence();
        backend.vacuum();
        assertEquals(before, snapshot(backend));
        assertEquals(seq, backend.lastSequence());
        assertTrue(backend.dbSizeBytes() > 0);
    }

    @Test
    void vacuumInsideATransactionIsOther() {
        backend.beginTransaction();
        assertKind(Kind.OTHER, backend::vacuum);
        backend.rollback();
        backend.vacuum();
    }

    @Test
    void lastSequenceIsZeroOnAFreshStore() {
        assertEquals(0, backend.lastSequence());
    }

    /** Each of the 34 mutating methods, called with effectful arguments, advances lastSequence. */
    @Test
    void everyMutatingMethodAdvancesLastSequence() {
        List<String> checked = new ArrayList<>();
        long[] last = {backend.lastSequence()};
        java.util.function.BiConsumer<String, Runnable> step = (name, call) -> {
            call.run();
            long now = backend.lastSequence();
            assertTrue(now > last[0], name + " did not advance lastSequence (" + last[0] + " -> " + now + ")");
            last[0] = now;
            checked.add(name);
        };
        String json = orderJson("u1", "o1");
        step.accept("insertTableMetadata", () -> backend.insertTableMetadata(meta(ORDERS)));
        step.accept("updateTableMetadata", () -> backend.updateTableMetadata(ORDERS, "[]", GSI_DEFS));
        step.accept("updateProvisionedThroughput", () -> backend.updateProvisionedThroughput(ORDERS, PROVISIONED));
        step.accept("clearProvisionedThroughput", () -> backend.clearProvisionedThroughput(ORDERS));
        step.accept("updateBillingMode", () -> backend.updateBillingMode(ORDERS, "PROVISIONED"));
        step.accept("updateTableClass", () -> backend.updateTableClass(ORDERS, "STANDARD"));
        step.accept("updateOnDemandThroughput", () -> backend.updateOnDemandThroughput(ORDERS, ON_DEMAND));
        step.accept("clearOnDemandThroughput", () -> backend.clearOnDemandThroughput(ORDERS));
        step.accept("setTags", () -> backend.setTags(ORDERS, List.of(new Tag("a", "b"))));
        step.accept("updateDeletionProtection", () -> backend.updateDeletionProtection(ORDERS, true));
        step.accept("removeTags", () -> backend.removeTags(ORDERS, List.of("a")));
        step.accept("createDataTable", () -> backend.createDataTable(ORDERS));
        step.accept("createGsiTable", () -> backend.createGsiTable(ORDERS, BYSTATUS));
        step.accept("createLsiTable", () -> backend.createLsiTable(ORDERS, BYDATE));
        step.accept("insertGsiItem", () -> backend.insertGsiItem(ORDERS, BYSTATUS, s("OPEN"), "", s("u1"), s("o1"), json));
        step.accept("insertGsiItems", () -> backend.insertGsiItems(ORDERS, BYSTATUS,
                List.of(new GsiItemRow(s("OPEN"), "", s("u2"), s("o1"), json))));
        step.accept("deleteGsiItem", () -> backend.deleteGsiItem(ORDERS, BYSTATUS, s("u1"), s("o1")));
        step.accept("insertLsiItem", () -> backend.insertLsiItem(ORDERS, BYDATE, s("u1"), s("d"), s("u1"), s("o1"), json));
        step.accept("deleteLsiItem", () -> backend.deleteLsiItem(ORDERS, BYDATE, s("u1"), s("o1")));
        step.accept("applyIndexWrites", () -> backend.applyIndexWrites(List.of(
                new IndexWriteOp.InsertLsi(ORDERS, BYDATE, s("u1"), s("d"), s("u1"), s("o1"), json))));
        step.accept("putItem", () -> backend.putItem(ORDERS, s("u1"), s("o1"), json, 10));
        step.accept("putItemWithHash", () -> backend.putItemWithHash(ORDERS, s("u1"), s("o2"), json, 10, "abcdef"));
        step.accept("putBaseItems", () -> backend.putBaseItems(ORDERS, List.of(new BaseItemRow(s("u1"), s("o3"), json, 1, 2.0, "abcdef"))));
        step.accept("touchCachedAt", () -> backend.touchCachedAt(ORDERS, s("u1"), s("o1"), 3.0));
        step.accept("deleteItem", () -> backend.deleteItem(ORDERS, s("u1"), s("o1")));
        step.accept("enableStream", () -> backend.enableStream(ORDERS, "NEW_IMAGE", "l"));
        step.accept("disableStream", () -> backend.disableStream(ORDERS));
        step.accept("insertStreamRecord", () -> backend.insertStreamRecord(ORDERS, "INSERT", "{}", null, null, "1", "s", 1L));
        step.accept("insertStreamRecordWithIdentity", () -> backend.insertStreamRecordWithIdentity(ORDERS, "INSERT", "{}",
                null, null, "2", "s", 1L, null));
        step.accept("updateTtlConfig", () -> backend.updateTtlConfig(ORDERS, "exp", true));
        step.accept("dropGsiTable", () -> backend.dropGsiTable(ORDERS, BYSTATUS));
        step.accept("dropLsiTable", () -> backend.dropLsiTable(ORDERS, BYDATE));
        step.accept("dropDataTable", () -> backend.dropDataTable(ORDERS));
        step.accept("deleteTableMetadata", () -> backend.deleteTableMetadata(ORDERS));
        assertEquals(MUTATING, new java.util.HashSet<>(checked));
    }

    @Test
    void readsFailuresRollbacksVacuumAndBulkSwitchesDoNotAdvanceLastSequence() throws Throwable {
        createStandardFixture(backend);
        long seq = backend.lastSequence();
        Map<String, Object[]> args = validArgs();
        for (Method m : interfaceMethods()) {
            if (MUTATING.contains(m.getName()) || CONTROL.contains(m.getName()) || m.getName().equals("close")) {
                continue;
            }
            invoke(backend, m, args.get(m.getName()));
            assertEquals(seq, backend.lastSequence(), "read " + m.getName() + " advanced lastSequence");
        }
        assertMissingTable(() -> backend.putItem("Ghost", s("a"), "", "{}", 1));
        assertKind(Kind.CONSTRAINT, () -> backend.insertTableMetadata(meta(ORDERS)));
        assertKind(Kind.VALIDATION, () -> backend.putItem(ORDERS, s("a"), "", "{}", -1));
        assertMissingTable(() -> backend.createDataTable(ORDERS));
        backend.beginTransaction();
        backend.putItem(ORDERS, s("rolled-back"), "", "{}", 1);
        backend.rollback();
        backend.vacuum();
        backend.enableBulkLoading();
        backend.disableBulkLoading();
        assertEquals(seq, backend.lastSequence());
    }

    @Test
    void returnedListsAreSnapshots() {
        createTable(ORDERS);
        List<String> names = backend.listTableNames();
        List<TableStats> stats = backend.tableStats();
        backend.insertTableMetadata(meta(USERS));
        backend.createDataTable(USERS);
        assertEquals(List.of(ORDERS), names);
        assertEquals(List.of(new TableStats(ORDERS, 0, 0)), stats);
    }
}
