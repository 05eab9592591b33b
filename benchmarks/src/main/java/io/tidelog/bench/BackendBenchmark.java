package io.tidelog.bench;

import io.tidelog.backend.Durability;
import io.tidelog.backend.ItemRow;
import io.tidelog.backend.QueryParams;
import io.tidelog.backend.ScanParams;
import io.tidelog.backend.StorageBackend;
import io.tidelog.backend.Tidelog;
import io.tidelog.backend.TidelogOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * The {@link StorageBackend} write and read paths. Writes: {@code putItem} of a fresh key
 * (items of {@value #ITEM_CHARS} characters) in SYNC (1 and 16 threads) and ASYNC (1 thread).
 * Reads against {@value #ROWS} preloaded rows ({@value #ROWS_PER_PARTITION} per partition):
 * {@code getItem} of a random existing key, {@code queryItems} of a random partition with
 * limit 100, {@code scanItems} first page of 100. Compare with {@link RawRocksBenchmark} in the
 * same run: {@code 'BackendBenchmark|RawRocksBenchmark'}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class BackendBenchmark {

    static final int ITEM_CHARS = 256;
    static final int ROWS = 100_000;
    static final int ROWS_PER_PARTITION = 200;
    static final String READ_STORE = "read-store-" + ROWS;

    public abstract static class WriteStore {
        StorageBackend backend;
        Path dir;
        final AtomicLong next = new AtomicLong();
        String json;

        abstract Durability durability();

        @Setup(Level.Trial)
        public void setup() {
            dir = BenchSupport.tempDir("tidelog-put-");
            backend = Tidelog.open(dir, TidelogOptions.builder().durability(durability()).build());
            backend.createDataTable(BenchSupport.TABLE);
            json = BenchSupport.itemJson("pk-00000000", "sk-00000000", ITEM_CHARS);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            backend.close();
            BenchSupport.deleteRecursively(dir);
        }

        Optional<String> put() {
            long i = next.getAndIncrement();
            return backend.putItem(BenchSupport.TABLE, BenchSupport.pk(i, 1000),
                    BenchSupport.sk(i, 1000), json, json.length());
        }
    }

    @State(Scope.Benchmark)
    public static class SyncStore extends WriteStore {
        @Override
        Durability durability() {
            return Durability.SYNC;
        }
    }

    @State(Scope.Benchmark)
    public static class AsyncStore extends WriteStore {
        @Override
        Durability durability() {
            return Durability.ASYNC;
        }
    }

    @State(Scope.Benchmark)
    public static class ReadStore {
        StorageBackend backend;
        final QueryParams query = QueryParams.builder().limit(100).build();
        final ScanParams scan = ScanParams.builder().limit(100).build();

        @Setup(Level.Trial)
        public void setup() {
            Path dir = BenchSupport.cached(READ_STORE, d -> BenchSupport.loadItems(d,
                    BenchSupport.bulkOptions(), ROWS, ROWS_PER_PARTITION, ITEM_CHARS, 4));
            backend = Tidelog.open(dir, BenchSupport.bulkOptions());
            if (backend.getItem(BenchSupport.TABLE, BenchSupport.pk(ROWS - 1, ROWS_PER_PARTITION),
                    BenchSupport.sk(ROWS - 1, ROWS_PER_PARTITION)).isEmpty()) {
                throw new IllegalStateException("read store is missing rows");
            }
            int n = backend.queryItems(BenchSupport.TABLE, BenchSupport.pk(0, ROWS_PER_PARTITION), query).size();
            int m = backend.scanItems(BenchSupport.TABLE, scan).size();
            if (n != 100 || m != 100) {
                throw new IllegalStateException("query returned " + n + " rows, scan " + m);
            }
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            backend.close();
        }
    }

    @Benchmark
    @Threads(1)
    public Optional<String> putItemSync1(SyncStore s) {
        return s.put();
    }

    @Benchmark
    @Threads(16)
    public Optional<String> putItemSync16(SyncStore s) {
        return s.put();
    }

    @Benchmark
    @Threads(1)
    public Optional<String> putItemAsync1(AsyncStore s) {
        return s.put();
    }

    @Benchmark
    @Threads(1)
    public Optional<String> getItem(ReadStore s) {
        int i = ThreadLocalRandom.current().nextInt(ROWS);
        return s.backend.getItem(BenchSupport.TABLE, BenchSupport.pk(i, ROWS_PER_PARTITION),
                BenchSupport.sk(i, ROWS_PER_PARTITION));
    }

    @Benchmark
    @Threads(1)
    public List<ItemRow> queryItems100(ReadStore s) {
        int p = ThreadLocalRandom.current().nextInt(ROWS / ROWS_PER_PARTITION);
        return s.backend.queryItems(BenchSupport.TABLE,
                BenchSupport.pk((long) p * ROWS_PER_PARTITION, ROWS_PER_PARTITION), s.query);
    }

    @Benchmark
    @Threads(1)
    public List<ItemRow> scanItems100(ReadStore s) {
        return s.backend.scanItems(BenchSupport.TABLE, s.scan);
    }
}
