package io.tidelog.backend.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tidelog.backend.BackendException;
import io.tidelog.backend.BackendException.Kind;
import io.tidelog.backend.BaseItemRow;
import io.tidelog.backend.ItemRow;
import io.tidelog.backend.StorageBackend;
import io.tidelog.backend.Tag;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** §3.1 atomicity and visibility, §3.2 transactions, §3.3 sequence numbers of transactions. */
@Timeout(60)
class TransactionContractTest extends ContractTestBase {

    static final Duration BLOCK_CHECK = Duration.ofMillis(300);
    static final Duration WAIT = Duration.ofSeconds(10);

    private void reopenWithLockTimeout(Duration timeout) {
        backend.close();
        backend = openWritable(storeDir, io.tidelog.backend.TidelogOptions.builder().clock(clock)
                .durability(durability()).lockTimeout(timeout).build());
    }

    private void put(StorageBackend b, String pk) {
        b.putItem(ORDERS, s(pk), "", "{\"id\":{\"S\":\"" + pk + "\"}}", 10);
    }

    private boolean present(StorageBackend b, String pk) {
        return b.getItem(ORDERS, s(pk), "").isPresent();
    }

    @Test
    void commitPublishesWritesAndAssignsTheSequenceAtCommit() {
        createTable(ORDERS);
        long before = backend.lastSequence();
        backend.beginTransaction();
        put(backend, "a");
        put(backend, "b");
        assertEquals(before, backend.lastSequence(), "lastSequence reports committed state inside a transaction");
        backend.commit();
        long after = backend.lastSequence();
        assertTrue(after > before);
        assertTrue(onOtherThread(() -> present(backend, "a") && present(backend, "b")));
        backend.close();
        StorageBackend justBefore = openAt(after - 1);
        assertEquals(0, justBefore.countItems(ORDERS), "the whole transaction is one mutation");
        assertEquals(2, openAt(after).countItems(ORDERS));
    }

    @Test
    void nestedBeginIsOtherAndTheOuterTransactionStaysOpen() {
        createTable(ORDERS);
        backend.beginTransaction();
        put(backend, "a");
        assertKind(Kind.OTHER, backend::beginTransaction);
        put(backend, "b");
        backend.commit();
        assertTrue(present(backend, "a") && present(backend, "b"));
        assertKind(Kind.OTHER, backend::commit);
    }

    @Test
    void commitOrRollbackWithoutTransactionIsOther() {
        long seq = backend.lastSequence();
        assertKind(Kind.OTHER, backend::commit);
        assertKind(Kind.OTHER, backend::rollback);
        backend.beginTransaction();
        backend.rollback();
        assertKind(Kind.OTHER, backend::rollback);
        assertKind(Kind.OTHER, backend::commit);
        assertEquals(seq, backend.lastSequence());
    }

    @Test
    void rollbackDiscardsItemsIndexesDdlCatalogTagsStreamsAndCachedAt() {
        populateRichState(backend);
        Map<String, Object> committed = snapshot(backend);
        long seq = backend.lastSequence();
        backend.beginTransaction();
        mutateRichState(backend);
        backend.createGsiTable(USERS, "new-gsi");
        backend.dropGsiTable(ORDERS, BYSTATUS);
        backend.dropDataTable(USERS);
        backend.touchCachedAt(ORDERS, s("user#0"), s("order#0"), 99.0);
        backend.setTags("", List.of(new Tag("in", "txn")));
        backend.enableStream(ORDERS, "KEYS_ONLY", "txn-label");
        backend.insertStreamRecord(USERS, "INSERT", "{}", null, null, "11", "shard-0", CREATED_AT);
        backend.putItem(ORDERS, s("user#5"), s("order#5"), "{}", 1);
        assertNotEquals(committed, snapshot(backend), "the transaction's own reads see its writes");
        backend.rollback();
        assertEquals(committed, snapshot(backend));
        assertEquals(seq, backend.lastSequence(), "rollback creates no mutation");
        assertEquals(committed, onOtherThread(() -> snapshot(backend)));
    }

    @Test
    void readsOnTheTransactionThreadSeeItsOwnWritesIncludingCreatedAndDroppedTables() {
        createTable(ORDERS);
        put(backend, "committed");
        backend.beginTransaction();
        backend.createDataTable("Fresh");
        backend.putItem("Fresh", s("k"), "", "{\"fresh\":true}", 5);
        backend.createGsiTable("Fresh", "idx");
        backend.insertGsiItem("Fresh", "idx", s("G"), "", s("k"), "", "{\"g\":1}");
        backend.insertTableMetadata(meta("Fresh"));
        backend.dropDataTable(ORDERS);

        assertEquals(Optional.of("{\"fresh\":true}"), backend.getItem("Fresh", s("k"), ""));
        assertEquals(1, backend.countItems("Fresh"));
        assertEquals(List.of(new ItemRow(s("k"), "", "{\"fresh\":true}")), backend.scanItems("Fresh", sc().build()));
        assertEquals(List.of(new ItemRow(s("G"), "", "{\"g\":1}")), backend.queryGsiItems("Fresh", "idx", s("G"), q().build()));
        assertTrue(backend.tableExists("Fresh"));
        assertMissingTable(() -> backend.countItems(ORDERS));

        // other threads see only committed state
        assertMissingTable(() -> onOtherThread(() -> backend.countItems("Fresh")));
        assertMissingTable(() -> onOtherThread(() -> backend.scanGsiItems("Fresh", "idx", sc().build())));
        assertEquals(false, onOtherThread(() -> backend.tableExists("Fresh")));
        assertEquals(1L, onOtherThread(() -> backend.countItems(ORDERS)));

        backend.commit();
        assertEquals(1L, onOtherThread(() -> backend.countItems("Fresh")));
        assertMissingTable(() -> onOtherThread(() -> backend.countItems(ORDERS)));
    }

    @Test
    void transactionThreadSeesItsOwnTagsStreamsTtlLruAndCatalogChanges() {
        createTable(ORDERS);
        backend.putItem(ORDERS, s("a"), "", "{\"exp\":{\"N\":\"10\"}}", 4);
        backend.beginTransaction();
        backend.setTags(ORDERS, List.of(new Tag("env", "txn")));
        backend.insertStreamRecord(ORDERS, "INSERT", "{}", "{}", null, "41", "shard-0", CREATED_AT);
        backend.enableStream(ORDERS, "NEW_IMAGE", "txn-label");
        backend.updateTtlConfig(ORDERS, "exp", true);
        backend.touchCachedAt(ORDERS, s("a"), "", 7.0);
        backend.createLsiTable(ORDERS, BYDATE);
        backend.insertLsiItem(ORDERS, BYDATE, s("a"), s("d"), s("a"), "", "{\"l\":1}");

        assertEquals(List.of(new Tag("env", "txn")), backend.getTags(ORDERS));
        assertEquals(42, backend.nextStreamSequenceNumber(ORDERS));
        assertEquals(1, backend.getStreamRecords(ORDERS, "shard-0", 0, 10).size());
        assertEquals(1, backend.listStreamEnabledTables().size());
        assertEquals(1, backend.listTtlEnabledTables().size());
        assertEquals(List.of(s("a")), pks(backend.expiredItems(ORDERS, 100, 10)));
        assertEquals(1, backend.getLruItems(ORDERS, 10).size());
        assertEquals(7, backend.getLsiPartitionSize(ORDERS, BYDATE, s("a")));

        assertEquals(List.of(), onOtherThread(() -> backend.getTags(ORDERS)));
        assertEquals(1L, onOtherThread(() -> backend.nextStreamSequenceNumber(ORDERS)));
        assertEquals(List.of(), onOtherThread(() -> backend.listStreamEnabledTables()));
        assertEquals(List.of(), onOtherThread(() -> backend.expiredItems(ORDERS, 100, 10)));
        assertEquals(List.of(), onOtherThread(() -> backend.getLruItems(ORDERS, 10)));
        assertMissingTable(() -> onOtherThread(() -> backend.getLsiPartitionSize(ORDERS, BYDATE, s("a"))));
        backend.commit();
        assertEquals(List.of(new Tag("env", "txn")), onOtherThread(() -> backend.getTags(ORDERS)));
        assertEquals(1, onOtherThread(() -> backend.getLruItems(ORDERS, 10)).size());
    }

    @Test
    void readsOnOtherThreadsDoNotBlockAndSeeOnlyCommittedState() {
        createTable(ORDERS);
        put(backend, "old");
        backend.beginTransaction();
        put(backend, "new");
        backend.deleteItem(ORDERS, s("old"), "");
        Future<List<ItemRow>> scan = startOnOtherThread(() -> backend.scanItems(ORDERS, sc().build()));
        List<ItemRow> seen = await(scan, Duration.ofSeconds(2));
        assertEquals(List.of(s("old")), pks(seen));
        assertEquals(List.of(s("new")), pks(backend.scanItems(ORDERS, sc().build())));
        backend.commit();
        assertEquals(List.of(s("new")), pks(onOtherThread(() -> backend.scanItems(ORDERS, sc().build()))));
    }

    @Test
    void mutatingCallOnAnotherThreadBlocksUntilCommitThenProceeds() throws Exception {
        createTable(ORDERS);
        backend.beginTransaction();
        put(backend, "mine");
        Future<Void> other = startOnOtherThread(() -> put(backend, "theirs"));
        assertStillBlocked(other, BLOCK_CHECK);
        assertTrue(!present(backend, "theirs"), "blocked writer has not written yet");
        long beforeCommit = backend.lastSequence();
        backend.commit();
        long afterCommit = backend.lastSequence();
        await(other, WAIT);
        assertTrue(present(backend, "mine") && present(backend, "theirs"));
        assertTrue(backend.lastSequence() > afterCommit, "the blocked write is serialised after the commit");
        assertTrue(afterCommit > beforeCommit);
    }

    @Test
    void mutatingCallOnAnotherThreadBlocksUntilRollbackThenProceeds() throws Exception {
        createTable(ORDERS);
        backend.beginTransaction();
        put(backend, "mine");
        Future<Void> other = startOnOtherThread(() -> put(backend, "theirs"));
        assertStillBlocked(other, BLOCK_CHECK);
        backend.rollback();
        await(other, WAIT);
        assertTrue(!present(backend, "mine") && present(backend, "theirs"));
    }

    @Test
    void beginOnAnotherThreadWaitsForTheTransactionToEnd() throws Exception {
        createTable(ORDERS);
        backend.beginTransaction();
        Future<Void> other = startOnOtherThread(() -> {
            backend.beginTransaction();
            put(backend, "theirs");
            backend.commit();
        });
        assertStillBlocked(other, BLOCK_CHECK);
        put(backend, "mine");
        backend.commit();
        await(other, WAIT);
        assertTrue(present(backend, "mine") && present(backend, "theirs"));
    }

    @Test
    void vacuumOnAnotherThreadWaitsForTheTransaction() throws Exception {
        createTable(ORDERS);
        backend.beginTransaction();
        put(backend, "mine");
        Future<Void> other = startOnOtherThread(() -> backend.vacuum());
        assertStillBlocked(other, BLOCK_CHECK);
        backend.commit();
        await(other, WAIT);
        assertTrue(present(backend, "mine"));
    }

    @Test
    void waitersGiveUpWithLockedAfterLockTimeoutAndHaveNoEffect() {
        createTable(ORDERS);
        reopenWithLockTimeout(Duration.ofMillis(300));
        backend.beginTransaction();
        put(backend, "mine");
        long t0 = System.nanoTime();
        assertFutureKind(Kind.LOCKED, startOnOtherThread(() -> put(backend, "theirs")), WAIT);
        long waitedMs = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(waitedMs >= 250, "LOCKED only after waiting lockTimeout, waited " + waitedMs + " ms");
        assertFutureKind(Kind.LOCKED, startOnOtherThread(() -> backend.beginTransaction()), WAIT);
        assertFutureKind(Kind.LOCKED, startOnOtherThread(() -> backend.vacuum()), WAIT);
        assertFutureKind(Kind.LOCKED, startOnOtherThread(() -> backend.insertTableMetadata(meta("X"))), WAIT);
        backend.commit();
        assertTrue(!present(backend, "theirs"), "the LOCKED call had no effect");
        assertTrue(!backend.tableExists("X"));
        // the thread whose begin failed holds no transaction
        assertKind(Kind.OTHER, () -> onOtherThread(() -> backend.commit()));
        onOtherThread(() -> put(backend, "later"));
        assertTrue(present(backend, "later"));
    }

    @Test
    void zeroLockTimeoutFailsImmediately() {
        createTable(ORDERS);
        reopenWithLockTimeout(Duration.ZERO);
        backend.beginTransaction();
        assertFutureKind(Kind.LOCKED, startOnOtherThread(() -> put(backend, "theirs")), Duration.ofSeconds(3));
        backend.rollback();
        onOtherThread(() -> put(backend, "theirs"));
        assertTrue(present(backend, "theirs"));
    }

    @Test
    void readsOnOtherThreadsDoNotWaitEvenWithLongLockTimeout() {
        createTable(ORDERS);
        backend.beginTransaction();
        put(backend, "x");
        long t0 = System.nanoTime();
        assertEquals(0L, onOtherThread(() -> backend.countItems(ORDERS)));
        assertEquals(0L, onOtherThread(() -> (long) backend.listTableNames().size() - 1));
        assertTrue((System.nanoTime() - t0) / 1_000_000 < 2000, "reads did not block");
        backend.rollback();
    }

    @Test
    void noThreadCanEndAnotherThreadsTransaction() {
        createTable(ORDERS);
        backend.beginTransaction();
        put(backend, "mine");
        assertKind(Kind.OTHER, () -> onOtherThread(() -> backend.commit()));
        assertKind(Kind.OTHER, () -> onOtherThread(() -> backend.rollback()));
        assertTrue(!onOtherThread(() -> present(backend, "mine")), "still uncommitted");
        backend.commit();
        assertTrue(onOtherThread(() -> present(backend, "mine")));
    }

    @Test
    void failingCallInsideATransactionHasNoEffectAndTheTransactionContinues() {
        createTable(ORDERS);
        backend.beginTransaction();
        put(backend, "a");
        assertMissingTable(() -> backend.putItem("Ghost", s("x"), "", "{}", 1));
        assertKind(Kind.VALIDATION, () -> backend.putBaseItems(ORDERS, List.of(
                new BaseItemRow(s("partial"), "", "{}", 1, null, ""),
                new BaseItemRow(s("bad"), "", "{}", -1, null, ""))));
        assertKind(Kind.CONSTRAINT, () -> backend.insertTableMetadata(meta(ORDERS)));
        assertMissingTable(() -> backend.createDataTable(ORDERS));
        put(backend, "b");
        backend.commit();
        assertEquals(List.of(s("a"), s("b")), pks(backend.scanItems(ORDERS, sc().build())));
    }

    @Test
    void transactionsWithoutSuccessfulMutationsCreateNoMutation() {
        createTable(ORDERS);
        long seq = backend.lastSequence();
        backend.beginTransaction();
        backend.getItem(ORDERS, s("a"), "");
        backend.scanItems(ORDERS, sc().build());
        backend.commit();
        assertEquals(seq, backend.lastSequence());
        backend.beginTransaction();
        assertMissingTable(() -> backend.putItem("Ghost", s("x"), "", "{}", 1));
        backend.commit();
        assertEquals(seq, backend.lastSequence());
    }

    @Test
    void closeRollsBackAnOpenTransaction() {
        createTable(ORDERS);
        long seq = backend.lastSequence();
        backend.beginTransaction();
        put(backend, "uncommitted");
        backend.createDataTable("FromTxn");
        backend.close();
        reopen();
        assertTrue(!present(backend, "uncommitted"));
        assertMissingTable(() -> backend.countItems("FromTxn"));
        assertEquals(seq, backend.lastSequence());
    }

    @Test
    void closeFromAnotherThreadRollsBackTheTransactionAndUnblocksNothingStale() {
        createTable(ORDERS);
        backend.beginTransaction();
        put(backend, "uncommitted");
        onOtherThread(() -> backend.close());
        assertKind(Kind.OTHER, backend::commit);
        reopen();
        assertTrue(!present(backend, "uncommitted"));
    }

    @Test
    void closeWhileAnotherThreadWaitsForTheTransactionDoesNotDeadlock() throws Exception {
        createTable(ORDERS);
        backend.beginTransaction();
        put(backend, "mine");
        Future<Void> waiter = startOnOtherThread(() -> put(backend, "theirs"));
        assertStillBlocked(waiter, BLOCK_CHECK);
        backend.close();
        try {
            await(waiter, WAIT);
        } catch (BackendException e) {
            assertEquals(Kind.OTHER, e.kind(), "a writer overtaken by close fails as a call on a closed backend");
        }
        reopen();
        assertTrue(!present(backend, "mine"), "close rolled the transaction back");
    }

    @Test
    void vacuumInsideATransactionIsOtherAndTheTransactionContinues() {
        createTable(ORDERS);
        backend.beginTransaction();
        put(backend, "a");
        assertKind(Kind.OTHER, backend::vacuum);
        put(backend, "b");
        backend.commit();
        assertEquals(2, backend.countItems(ORDERS));
    }

    @Test
    void bulkLoadingSwitchesAreAllowedInsideATransaction() {
        createTable(ORDERS);
        long seq = backend.lastSequence();
        backend.beginTransaction();
        backend.enableBulkLoading();
        for (int i = 0; i < 20; i++) {
            put(backend, "bulk" + i);
        }
        backend.disableBulkLoading();
        backend.commit();
        assertEquals(20, backend.countItems(ORDERS));
        assertTrue(backend.lastSequence() > seq);
    }

    @Test
    void concurrentReadersSeeACommitAllOrNothing() throws Exception {
        createTable(ORDERS);
        AtomicBoolean stop = new AtomicBoolean();
        Set<Long> observed = new ConcurrentSkipListSet<>();
        Future<Void> reader = startOnOtherThread(() -> {
            while (!stop.get()) {
                observed.add(backend.countItems(ORDERS));
                observed.add((long) backend.scanItems(ORDERS, sc().build()).size());
            }
        });
        for (int round = 0; round < 5; round++) {
            backend.beginTransaction();
            for (int i = 0; i < 40; i++) {
                put(backend, "r" + round + "-" + i);
            }
            backend.commit();
        }
        stop.set(true);
        await(reader, WAIT);
        for (long c : observed) {
            assertEquals(0, c % 40, "partial transaction observed: " + observed);
        }
    }

    @Test
    void concurrentReadersSeeMultiRowCallsAllOrNothing() throws Exception {
        createTable(ORDERS);
        backend.createGsiTable(ORDERS, BYSTATUS);
        AtomicBoolean stop = new AtomicBoolean();
        Set<Long> observedRows = new ConcurrentSkipListSet<>();
        Set<Long> observedIndex = new ConcurrentSkipListSet<>();
        Future<Void> reader = startOnOtherThread(() -> {
            while (!stop.get()) {
                observedRows.add(backend.countItems(ORDERS));
                observedIndex.add((long) backend.scanGsiItems(ORDERS, BYSTATUS, sc().build()).size());
            }
        });
        for (int round = 0; round < 5; round++) {
            List<BaseItemRow> rows = new ArrayList<>();
            List<io.tidelog.backend.IndexWriteOp> ops = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                rows.add(new BaseItemRow(s("p" + round + "-" + i), "", "{}", 1, null, "000000"));
                ops.add(new io.tidelog.backend.IndexWriteOp.InsertGsi(ORDERS, BYSTATUS, s("S"), "", s("p" + round + "-" + i), "", "{}"));
            }
            backend.putBaseItems(ORDERS, rows);
            backend.applyIndexWrites(ops);
        }
        stop.set(true);
        await(reader, WAIT);
        for (long c : observedRows) {
            assertEquals(0, c % 60, "partial putBaseItems observed: " + observedRows);
        }
        for (long c : observedIndex) {
            assertEquals(0, c % 60, "partial applyIndexWrites observed: " + observedIndex);
        }
    }

    @Test
    void returnedWriteIsVisibleToReadsOnEveryThread() {
        createTable(ORDERS);
        for (int i = 0; i < 20; i++) {
            String pk = "w" + i;
            onOtherThread(() -> put(backend, pk));
            assertTrue(present(backend, pk));
            put(backend, "m" + i);
            String m = "m" + i;
            assertTrue(onOtherThread(() -> present(backend, m)));
        }
    }

    @Test
    void concurrentWritersFromManyThreadsAreAllApplied() {
        createTable(ORDERS);
        List<Future<Void>> fs = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int ft = t;
            fs.add(startOnOtherThread(() -> {
                for (int i = 0; i < 25; i++) {
                    put(backend, "t" + ft + "-" + i);
                }
            }));
        }
        for (Future<Void> f : fs) {
            await(f, WAIT);
        }
        assertEquals(100, backend.countItems(ORDERS));
    }

    @Test
    void failedBeginOpensNothing() {
        reopenWithLockTimeout(Duration.ofMillis(100));
        createTable(ORDERS);
        backend.beginTransaction();
        Future<Void> f = startOnOtherThread(() -> {
            try {
                backend.beginTransaction();
            } catch (BackendException e) {
                assertEquals(Kind.LOCKED, e.kind());
                // no transaction on this thread: a write now blocks/fails as a non-transactional writer
                assertKind(Kind.OTHER, backend::rollback);
                return;
            }
            throw new AssertionError("expected LOCKED");
        });
        await(f, WAIT);
        backend.commit();
    }
}
