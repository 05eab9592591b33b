package io.tidelog.bench;

import io.tidelog.backend.Durability;
import io.tidelog.backend.StorageBackend;
import io.tidelog.backend.Tidelog;
import io.tidelog.backend.TidelogOptions;
import io.tidelog.log.FileLog;
import io.tidelog.log.Log;
import io.tidelog.log.LogOptions;
import io.tidelog.log.SyncMode;
import io.tidelog.schemas.StreamRecordInserted;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Shared helpers: temporary directories, realistic item JSON, and stores that take long to
 * build (read store, rebuild log, point-in-time log, stream log). Those are built once into
 * {@code -Dtidelog.bench.dir} (default {@code $TMPDIR/tidelog-bench}) and reused by later runs;
 * a {@code COMPLETE} marker tells a finished build from an interrupted one.
 */
final class BenchSupport {
    private BenchSupport() {}

    static final String TABLE = "bench";

    static Path cacheRoot() {
        return Path.of(System.getProperty("tidelog.bench.dir",
                System.getProperty("java.io.tmpdir") + "/tidelog-bench"));
    }

    static Path tempDir(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteRecursively(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static long sizeOf(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Partition key of row {@code i} when rows are laid out {@code rowsPerPartition} to a partition. */
    static String pk(long i, int rowsPerPartition) {
        return padded("pk-", i / rowsPerPartition);
    }

    static String sk(long i, int rowsPerPartition) {
        return padded("sk-", i % rowsPerPartition);
    }

    /**
     * {@code prefix} and {@code n} in at least 8 digits. {@code String.format} would cost about
     * half a microsecond per key, which would hide part of the difference being measured.
     */
    static String padded(String prefix, long n) {
        String digits = Long.toString(n);
        StringBuilder b = new StringBuilder(prefix.length() + Math.max(8, digits.length())).append(prefix);
        for (int i = digits.length(); i < 8; i++) {
            b.append('0');
        }
        return b.append(digits).toString();
    }

    private static final String FILLER =
            "The quick brown fox jumps over the lazy dog while the tide comes in and goes out. ";

    /** A DynamoDB-JSON item of about {@code size} characters. */
    static String itemJson(String pk, String sk, int size) {
        StringBuilder b = new StringBuilder(size + 64);
        b.append("{\"pk\":{\"S\":\"").append(pk).append("\"},\"sk\":{\"S\":\"").append(sk)
                .append("\"},\"n\":{\"N\":\"42\"},\"body\":{\"S\":\"");
        int tail = 3;
        while (b.length() < size - tail) {
            b.append(FILLER, 0, Math.min(FILLER.length(), size - tail - b.length()));
        }
        b.append("\"}}");
        return b.toString();
    }

    static Path store(String name) {
        return cacheRoot().resolve(name);
    }

    interface Builder {
        void build(Path dir) throws Exception;
    }

    /** The cached directory {@code name}, built by {@code builder} unless a complete copy exists. */
    static synchronized Path cached(String name, Builder builder) {
        Path dir = store(name);
        Path marker = cacheRoot().resolve(name + ".COMPLETE");
        if (Files.exists(marker) && Files.isDirectory(dir)) {
            return dir;
        }
        deleteRecursively(dir);
        long t0 = System.nanoTime();
        try {
            Files.createDirectories(dir);
            builder.build(dir);
            Files.writeString(marker, "ok");
        } catch (Exception e) {
            throw new IllegalStateException("cannot build " + dir + ": " + e, e);
        }
        System.err.printf("[bench] built %s in %.1f s (%d MiB)%n", dir,
                (System.nanoTime() - t0) / 1e9, sizeOf(dir) >> 20);
        return dir;
    }

    /**
     * Writes {@code rows} items with {@code putItem} (one log entry each) into table
     * {@link #TABLE} of a store opened with {@code options}, from {@code threads} writers,
     * with bulk loading on. Row i goes to partition i / rowsPerPartition.
     */
    static void loadItems(Path dir, TidelogOptions options, long rows, int rowsPerPartition,
            int itemSize, int threads) throws Exception {
        StorageBackend b = Tidelog.open(dir, options);
        try {
            b.createDataTable(TABLE);
            b.enableBulkLoading();
            AtomicLong next = new AtomicLong();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<?>> fs = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    fs.add(pool.submit(() -> {
                        long i;
                        while ((i = next.getAndIncrement()) < rows) {
                            String pk = pk(i, rowsPerPartition);
                            String sk = sk(i, rowsPerPartition);
                            String json = itemJson(pk, sk, itemSize);
                            b.putItem(TABLE, pk, sk, json, json.length());
                        }
                        return null;
                    }));
                }
                for (Future<?> f : fs) {
                    f.get();
                }
            } finally {
                pool.shutdown();
            }
            b.disableBulkLoading();
        } finally {
            b.close();
        }
    }

    static TidelogOptions bulkOptions() {
        return TidelogOptions.builder().durability(Durability.NONE).build();
    }

    /** A log of {@code n} entries, each holding one StreamRecordInserted, written in NONE mode. */
    static void writeStreamLog(Path dir, long n) {
        try (Log log = FileLog.open(dir, LogOptions.defaults().withSyncMode(SyncMode.NONE))) {
            CompletableFuture<Long> last = null;
            for (long i = 0; i < n; i++) {
                String pk = pk(i, 100);
                String sk = sk(i, 100);
                StreamRecordInserted r = new StreamRecordInserted(TABLE, "shardId-00000001", "INSERT",
                        "{\"pk\":{\"S\":\"" + pk + "\"},\"sk\":{\"S\":\"" + sk + "\"}}",
                        itemJson(pk, sk, 300), null, String.format("%021d", i + 1),
                        1_700_000_000_000L + i, null);
                last = log.append(List.of(r), null, null, null);
            }
            if (last != null) {
                last.join();
            }
            log.force();
        }
    }
}
