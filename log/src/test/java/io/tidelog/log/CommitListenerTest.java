package io.tidelog.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tidelog.schemas.ItemPut;
import io.tidelog.schemas.LogEntry;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommitListenerTest {
    @TempDir
    Path dir;

    private record Call(LogEntry entry, LogPosition position, Object attachment, boolean endOfBatch) {}

    @Test
    void seesEveryEntryInSequenceOrderWithItsPositionAndAttachment() throws Exception {
        List<Call> calls = Collections.synchronizedList(new ArrayList<>());
        CommitListener listener = (entry, position, attachment, endOfBatch) ->
                calls.add(new Call(entry, position, attachment, endOfBatch));
        int producers = 3;
        int each = 200;
        List<CompletableFuture<Long>> futures = new CopyOnWriteArrayList<>();
        LogOptions options = LogOptions.defaults().withSyncMode(SyncMode.ASYNC).withSegmentBytes(4096);
        try (FileLog log = FileLog.open(dir, options, listener)) {
            List<Thread> threads = new ArrayList<>();
            for (int p = 0; p < producers; p++) {
                String name = "producer-" + p;
                threads.add(new Thread(() -> {
                    for (int i = 0; i < each; i++) {
                        Object attachment = name + "#" + i;
                        futures.add(log.append(List.of(EventSamples.counted(name, i, "")), "tx", name, attachment));
                    }
                }));
            }
            threads.forEach(Thread::start);
            for (Thread t : threads) {
                t.join();
            }
            for (CompletableFuture<Long> f : futures) {
                f.get(10, TimeUnit.SECONDS);
            }
            assertEquals(producers * each, calls.size());
            for (int i = 0; i < calls.size(); i++) {
                Call call = calls.get(i);
                assertEquals(i + 1, call.entry().getSequence());
                StoredEntry stored = log.readAt(call.position());
                assertEquals(stored.entry(), call.entry());
                ItemPut put = (ItemPut) call.entry().getEvents().get(0);
                assertEquals(call.entry().getIdentity() + "#" + put.getItemSize(), call.attachment());
            }
            assertTrue(calls.get(calls.size() - 1).endOfBatch());
        }
    }

    @Test
    void futuresCompleteOnlyAfterTheListenerSawTheEndOfTheirBatch() throws Exception {
        Set<Long> visible = ConcurrentHashMap.newKeySet();
        List<Long> buffered = new ArrayList<>();
        CommitListener batching = (entry, position, attachment, endOfBatch) -> {
            buffered.add(entry.getSequence());
            if (endOfBatch) {
                visible.addAll(buffered);
                buffered.clear();
            }
        };
        try (FileLog log = FileLog.open(dir, LogOptions.defaults().withSyncMode(SyncMode.NONE), batching)) {
            List<Thread> threads = new ArrayList<>();
            List<String> violations = new CopyOnWriteArrayList<>();
            for (int p = 0; p < 4; p++) {
                threads.add(new Thread(() -> {
                    for (int i = 0; i < 500; i++) {
                        long seq = log.append(List.of(EventSamples.counted("p", i, "")), null, null, null).join();
                        if (!visible.contains(seq)) {
                            violations.add("entry " + seq + " acknowledged before its batch was flushed");
                        }
                    }
                }));
            }
            threads.forEach(Thread::start);
            for (Thread t : threads) {
                t.join();
            }
            assertEquals(List.of(), violations);
            assertEquals(2000, visible.size());
        }
    }

    @Test
    void aListenerExceptionFailsOnlyThatEntry() {
        RuntimeException boom = new IllegalStateException("projection rejected it");
        CommitListener picky = (entry, position, attachment, endOfBatch) -> {
            if ("reject".equals(attachment)) {
                throw boom;
            }
        };
        try (FileLog log = FileLog.open(dir, LogOptions.defaults(), picky)) {
            assertEquals(1, log.append(List.of(EventSamples.counted("p", 1, "")), null, null, "ok").join());
            CompletableFuture<Long> rejected =
                    log.append(List.of(EventSamples.counted("p", 2, "")), null, null, "reject");
            CompletionException e = assertThrows(CompletionException.class, rejected::join);
            LogException failure = assertInstanceOf(LogException.class, e.getCause());
            assertSame(boom, failure.getCause());
            assertTrue(failure.getMessage().contains("entry 2"), failure.getMessage());
            assertEquals(3, log.append(List.of(EventSamples.counted("p", 3, "")), null, null, "ok").join());
            assertEquals(3, TestLogs.readAll(log).size(), "the rejected entry is still in the log");
        }
    }

    @Test
    void entriesThatFailToBeWrittenAreNotShownToTheListener() throws Exception {
        Path logDir = dir.resolve("log");
        List<Call> calls = new CopyOnWriteArrayList<>();
        CommitListener listener = (entry, position, attachment, endOfBatch) ->
                calls.add(new Call(entry, position, attachment, endOfBatch));
        FileLog log = FileLog.open(logDir, LogOptions.defaults().withSegmentBytes(1024), listener);
        String big = "y".repeat(600);
        log.append(List.of(EventSamples.counted("p", 1, big)), null, null, null).join();
        RecoveryTest.deleteTree(logDir);
        CompletableFuture<Long> failing = log.append(List.of(EventSamples.counted("p", 2, big)), null, null, null);
        assertThrows(CompletionException.class, failing::join);
        log.close();
        assertEquals(1, calls.size());
        assertTrue(calls.get(0).endOfBatch());
        assertFalse(calls.stream().anyMatch(c -> c.entry().getSequence() == 2));
    }
}
