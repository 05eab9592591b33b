package io.tidelog.bench;

import io.tidelog.backend.StorageBackend;
import io.tidelog.backend.Tidelog;
import io.tidelog.log.FileLog;
import io.tidelog.log.LogReader;
import io.tidelog.log.ReadableLog;
import io.tidelog.log.StoredEntry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.rocksdb.FlushOptions;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * Rebuild of the views from a log of {@value #ENTRIES} ItemPut entries (one putItem each, items
 * of {@value BackendBenchmark#ITEM_CHARS} characters). {@code rebuild}: delete {@code views/},
 * then {@code Tidelog.open} (which replays the whole log) and close. Score = seconds per rebuild;
 * entries/s = {@value #ENTRIES} / score. Raw limits in the same run: {@code readLogOnly} (open
 * the log read-only and decode every entry) and {@code rawRocksLoad} (write the same number of
 * keys and values into an empty RocksDB in batches of 2,000 with the WAL off, then flush).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(1)
public class RebuildBenchmark {

    static {
        RocksDB.loadLibrary(); // rawRocksLoad may be the first to touch RocksDB in its JVM
    }

    static final int ENTRIES = 200_000;
    static final int PER = 100;

    private Path store;
    private Path rawDir;

    @Setup(Level.Trial)
    public void setup() {
        store = BenchSupport.cached("rebuild-store-" + ENTRIES, d -> BenchSupport.loadItems(d,
                BenchSupport.bulkOptions(), ENTRIES - 1, PER, BackendBenchmark.ITEM_CHARS, 4));
    }

    @Setup(Level.Invocation)
    public void dropViews() {
        BenchSupport.deleteRecursively(store.resolve("views"));
        BenchSupport.deleteRecursively(rawDir);
        rawDir = BenchSupport.tempDir("tidelog-rawload-");
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        BenchSupport.deleteRecursively(rawDir);
    }

    @Benchmark
    public long rebuild() {
        try (StorageBackend b = Tidelog.open(store, BenchSupport.bulkOptions())) {
            return b.countItems(BenchSupport.TABLE);
        }
    }

    @Benchmark
    public long readLogOnly(Blackhole bh) {
        long n = 0;
        try (ReadableLog log = FileLog.openReadOnly(store.resolve("log")); LogReader r = log.read(1)) {
            while (r.hasNext()) {
                StoredEntry e = r.next();
                bh.consume(e.entry().getEvents());
                n++;
            }
        }
        return n;
    }

    @Benchmark
    public long rawRocksLoad() throws RocksDBException {
        try (RawViewsOptions settings = new RawViewsOptions();
                Options o = settings.single();
                RocksDB db = RocksDB.open(o, rawDir.toString());
                WriteOptions wo = new WriteOptions().setDisableWAL(true)) {
            WriteBatch b = new WriteBatch();
            for (int i = 0; i < ENTRIES; i++) {
                String pk = BenchSupport.pk(i, PER);
                String sk = BenchSupport.sk(i, PER);
                b.put((pk + "\u0000" + sk).getBytes(StandardCharsets.UTF_8),
                        BenchSupport.itemJson(pk, sk, BackendBenchmark.ITEM_CHARS).getBytes(StandardCharsets.UTF_8));
                if (b.count() == 2_000) {
                    db.write(wo, b);
                    b.close();
                    b = new WriteBatch();
                }
            }
            db.write(wo, b);
            b.close();
            try (FlushOptions fo = new FlushOptions().setWaitForFlush(true)) {
                db.flush(fo);
            }
        }
        return ENTRIES;
    }
}
