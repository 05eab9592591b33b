package io.tidelog.bench;

import io.tidelog.log.FileLog;
import io.tidelog.log.Log;
import io.tidelog.log.LogOptions;
import io.tidelog.log.SyncMode;
import io.tidelog.schemas.ItemPut;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * Append throughput of {@link FileLog}: one op = one append of one entry of about 1 KiB (one
 * ItemPut), from 1, 4 or 16 producers sharing one log. Compare with
 * {@link RawFileChannelBenchmark} in the same run:
 * {@code java -jar benchmarks/target/benchmarks.jar 'LogAppendBenchmark|RawFileChannelBenchmark'}.
 *
 * <p>Two ways to wait: {@code append*} waits for each acknowledgement before the next append
 * (the latency of one acknowledged append, as a synchronous caller sees it), {@code pipelined*}
 * keeps up to {@value #WINDOW} appends in flight per producer and waits for the oldest when the
 * window is full (the throughput of the log as a pipeline, as a client with many requests in
 * flight sees it). The appends still in flight when an iteration's timer stops (at most
 * {@value #WINDOW} per producer) are counted and are acknowledged before the next iteration.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class LogAppendBenchmark {

    /** Appends in flight per producer in the pipelined benchmarks. */
    static final int WINDOW = 1024;

    /** Characters of item JSON that make an encoded entry of about 1 KiB. */
    static final int ITEM_CHARS = 900;

    @Param({"SYNC", "ASYNC", "NONE"})
    public SyncMode mode;

    private Path dir;
    private FileLog log;
    private List<Object> events;

    /**
     * A fresh log for every iteration, as the raw benchmark truncates its file: deleting the
     * last iteration's segments drops their dirty pages, so no iteration pays for the kernel
     * writing back an earlier one.
     */
    @Setup(Level.Iteration)
    public void setup() {
        dir = BenchSupport.tempDir("tidelog-append-");
        log = FileLog.open(dir, LogOptions.defaults().withSyncMode(mode));
        String json = BenchSupport.itemJson("pk-00000001", "sk-00000001", ITEM_CHARS);
        events = List.of(new ItemPut(BenchSupport.TABLE, 1L, "pk-00000001", "sk-00000001", json,
                json.length(), ""));
    }

    @TearDown(Level.Iteration)
    public void tearDown() {
        long entries = log.lastSequence();
        System.err.println("[bench] journal " + log.stats());
        log.close();
        long bytes = BenchSupport.sizeOf(dir);
        if (entries > 0) {
            System.err.printf("[bench] %d entries, %.0f bytes on disk per entry%n", entries,
                    (double) bytes / entries);
        }
        BenchSupport.deleteRecursively(dir);
    }

    private long append() {
        return log.append(events, null, null, null).join();
    }

    /** A producer's appends not yet waited for, oldest first. */
    @State(Scope.Thread)
    public static class InFlight {
        final ArrayDeque<CompletableFuture<Long>> futures = new ArrayDeque<>();

        long add(CompletableFuture<Long> f) {
            futures.addLast(f);
            return futures.size() > WINDOW ? futures.removeFirst().join() : 0;
        }

        @TearDown(Level.Iteration)
        public void drain() {
            while (!futures.isEmpty()) {
                futures.removeFirst().join();
            }
        }
    }

    private long pipelined(InFlight inFlight) {
        return inFlight.add(log.append(events, null, null, null));
    }

    @Benchmark
    @Threads(1)
    public long pipelined1(InFlight inFlight) {
        return pipelined(inFlight);
    }

    @Benchmark
    @Threads(4)
    public long pipelined4(InFlight inFlight) {
        return pipelined(inFlight);
    }

    @Benchmark
    @Threads(16)
    public long pipelined16(InFlight inFlight) {
        return pipelined(inFlight);
    }

    @Benchmark
    @Threads(1)
    public long append1() {
        return append();
    }

    @Benchmark
    @Threads(4)
    public long append4() {
        return append();
    }

    @Benchmark
    @Threads(16)
    public long append16() {
        return append();
    }
}
