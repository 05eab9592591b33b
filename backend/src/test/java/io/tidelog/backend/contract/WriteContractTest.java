package io.tidelog.backend.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tidelog.backend.AtomicWriter;
import io.tidelog.backend.BackendException.Kind;
import io.tidelog.backend.IndexWriteOp;
import io.tidelog.backend.StorageBackend;
import io.tidelog.backend.StreamRecord;
import io.tidelog.backend.Write;
import io.tidelog.backend.WriteResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tidelog extension {@link AtomicWriter}: one atomic mutation of rows, index entries and stream records. */
class WriteContractTest extends ContractTestBase {

    private static final String SHARD = "shard-1";

    @BeforeEach
    void tables() {
        backend.createDataTable(ORDERS);
        backend.createGsiTable(ORDERS, BYSTATUS);
    }

    private static Write put(String pk, String json) {
        return new Write.Put(ORDERS, s(pk), "", json, json.length(), "abc123");
    }

    private static Write stream(String event) {
        return new Write.Stream(ORDERS, SHARD, event, "{\"k\":1}", "{\"new\":1}", null, 7, null);
    }

    @Test
    void appliesEveryWriteAsOneMutationAndReturnsPreviousItems() {
        backend.putItem(ORDERS, s("o1"), "", "{\"v\":0}", 7);
        long before = backend.lastSequence();
        WriteResult r = AtomicWriter.of(backend).write(List.of(
                put("o1", "{\"v\":1}"),
                put("o2", "{\"v\":2}"),
                new Write.Index(new IndexWriteOp.InsertGsi(ORDERS, BYSTATUS, s("OPEN"), "", s("o1"), "", "{}")),
                stream("MODIFY"),
                new Write.Delete(ORDERS, s("o2"), "")));
        assertEquals(before + 1, r.sequence(), "one mutation");
        assertEquals(before + 1, backend.lastSequence());
        assertEquals(5, r.previousItems().size());
        assertEquals("{\"v\":0}", r.previousItems().get(0));
        assertNull(r.previousItems().get(1), "o2 was new");
        assertNull(r.previousItems().get(2));
        assertNull(r.previousItems().get(3));
        assertEquals("{\"v\":2}", r.previousItems().get(4), "the delete sees the put before it");
        assertEquals(Optional.of("{\"v\":1}"), backend.getItem(ORDERS, s("o1"), ""));
        assertEquals(Optional.empty(), backend.getItem(ORDERS, s("o2"), ""));
        assertEquals(1, backend.queryGsiItems(ORDERS, BYSTATUS, s("OPEN"), q().build()).size());
        List<StreamRecord> records = backend.getStreamRecords(ORDERS, SHARD, 0, 10);
        assertEquals(1, records.size());
        assertEquals(r.streamSequenceNumbers().get(0), records.get(0).sequenceNumber());
    }

    @Test
    void streamSequenceNumbersNameTheEntryAndTheEventIndex() {
        WriteResult r = AtomicWriter.of(backend).write(List.of(put("o1", "{}"), stream("INSERT"), stream("INSERT")));
        String first = r.streamSequenceNumbers().get(0);
        assertEquals(21, first.length());
        assertEquals(r.sequence() * 1_000_000L + 1, Long.parseLong(first));
        assertEquals(r.sequence() * 1_000_000L + 2, Long.parseLong(r.streamSequenceNumbers().get(1)));
    }

    @Test
    void aFailingWriteAppliesNothing() {
        long before = backend.lastSequence();
        assertMissingTable(() -> AtomicWriter.of(backend).write(List.of(
                put("o1", "{}"),
                new Write.Index(new IndexWriteOp.InsertGsi(ORDERS, "noSuchIndex", s("x"), "", s("o1"), "", "{}")))));
        assertEquals(before, backend.lastSequence());
        assertEquals(Optional.empty(), backend.getItem(ORDERS, s("o1"), ""));
        assertKind(Kind.VALIDATION, () -> AtomicWriter.of(backend).write(List.of(new Write.Put(ORDERS, s("o1"), "", "{}", -1, ""))));
        assertKind(Kind.VALIDATION, () -> AtomicWriter.of(backend).write(Collections.singletonList(null)));
        assertEquals(before, backend.lastSequence());
    }

    @Test
    void insideATransactionItBelongsToTheTransactionAndNumbersItsCommit() {
        backend.beginTransaction();
        backend.putItem(ORDERS, s("o0"), "", "{}", 2);
        WriteResult r = AtomicWriter.of(backend).write(List.of(put("o1", "{}"), stream("INSERT")));
        assertEquals(Optional.of("{}"), backend.getItem(ORDERS, s("o1"), ""), "own writes are visible");
        backend.commit();
        assertEquals(backend.lastSequence(), r.sequence(), "the commit got the sequence the write named");
        assertEquals(r.sequence() * 1_000_000L + 2, Long.parseLong(r.streamSequenceNumbers().get(0)),
                "the record is the third event of the committed entry");

        backend.beginTransaction();
        AtomicWriter.of(backend).write(List.of(put("o9", "{}")));
        backend.rollback();
        assertEquals(Optional.empty(), backend.getItem(ORDERS, s("o9"), ""));
    }

    @Test
    void concurrentWritersGetStreamNumbersInLogOrder() throws Exception {
        int threads = 8;
        int perThread = 50;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<WriteResult>>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            futures.add(pool.submit(() -> {
                start.await();
                List<WriteResult> mine = new ArrayList<>();
                for (int i = 0; i < perThread; i++) {
                    mine.add(AtomicWriter.of(backend).write(List.of(put("t" + id + "-" + i, "{}"), stream("INSERT"))));
                }
                return mine;
            }));
        }
        start.countDown();
        List<WriteResult> all = new ArrayList<>();
        for (Future<List<WriteResult>> f : futures) {
            all.addAll(f.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();
        all.sort((a, b) -> Long.compare(a.sequence(), b.sequence()));
        for (int i = 1; i < all.size(); i++) {
            assertTrue(all.get(i).sequence() > all.get(i - 1).sequence(), "distinct sequences");
        }
        List<StreamRecord> records = backend.getStreamRecords(ORDERS, SHARD, 0, 10_000);
        assertEquals(threads * perThread, records.size());
        for (int i = 0; i < all.size(); i++) {
            assertEquals(all.get(i).streamSequenceNumbers().get(0), records.get(i).sequenceNumber(),
                    "stream order is log order");
        }
    }

    @Test
    void anyOtherBackendGetsTheTransactionalFallback() {
        StorageBackend plain = (StorageBackend) java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {StorageBackend.class},
                (proxy, method, args) -> {
                    try {
                        return method.invoke(backend, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        backend.insertStreamRecord(ORDERS, "INSERT", "{}", null, null, "41", SHARD, 1);
        WriteResult r = AtomicWriter.of(plain).write(List.of(put("o1", "{\"v\":1}"), stream("INSERT")));
        assertEquals(backend.lastSequence(), r.sequence());
        assertEquals("000000000000000000042", r.streamSequenceNumbers().get(0), "numbered after the table's records");
        assertEquals(Optional.of("{\"v\":1}"), backend.getItem(ORDERS, s("o1"), ""));
        assertMissingTable(() -> AtomicWriter.of(plain).write(List.of(put("o2", "{}"),
                new Write.Delete("NoSuchTable", s("x"), ""))));
        assertEquals(Optional.empty(), backend.getItem(ORDERS, s("o2"), ""), "rolled back");
    }

    @Test
    void readOnlyBackendsRefuseIt() {
        backend.putItem(ORDERS, s("o1"), "", "{}", 2);
        StorageBackend past = openAt(backend.lastSequence());
        assertKind(Kind.UNSUPPORTED, () -> AtomicWriter.of(past).write(List.of(put("o2", "{}"))));
    }
}
