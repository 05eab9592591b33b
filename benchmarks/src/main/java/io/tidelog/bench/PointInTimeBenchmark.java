package io.tidelog.bench;

import io.tidelog.backend.StorageBackend;
import io.tidelog.backend.Tidelog;
import io.tidelog.backend.TidelogOptions;
import io.tidelog.backend.Durability;
import io.tidelog.log.FileLog;
import io.tidelog.log.ReadableLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code Tidelog.openAt(dir, last / 2)} + one getItem + close on a store whose log holds
 * {@code entries} ItemPut entries (default 1,000,000; {@code -p entries=...} for another size),
 * written with checkpoints every 50,000 entries (retention 25 so that checkpoints before the
 * middle survive; the default retention of 8 would keep only the newest 400,000 entries' worth).
 * {@code checkpoints=false} runs the same open on the same log with {@code checkpoints/} moved
 * aside, so the whole first half of the log is replayed.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(1)
public class PointInTimeBenchmark {

    @Param({"1000000"})
    public int entries;

    @Param({"true", "false"})
    public boolean checkpoints;

    static final int PER = 100;

    private Path store;
    private long middle;

    private Path on() {
        return store.resolve("checkpoints");
    }

    private Path off() {
        return store.resolve("checkpoints.off");
    }

    @Setup(Level.Trial)
    public void setup() throws IOException {
        store = BenchSupport.cached("pit-store-" + entries, d -> BenchSupport.loadItems(d,
                TidelogOptions.builder().durability(Durability.NONE).checkpointInterval(50_000)
                        .checkpointRetention(25).build(),
                entries - 1, PER, BackendBenchmark.ITEM_CHARS, 4));
        if (Files.exists(off()) && !Files.exists(on())) {
            Files.move(off(), on()); // an earlier run died before its tear-down
        }
        if (!checkpoints) {
            Files.move(on(), off());
        }
        try (ReadableLog log = FileLog.openReadOnly(store.resolve("log"))) {
            middle = log.lastSequence() / 2;
        }
        String[] cps = Files.exists(on()) ? on().toFile().list() : new String[0];
        System.err.printf("[bench] log holds %d entries, opening at %d, checkpoints: %s%n",
                middle * 2, middle, cps == null ? "none" : String.join(",", cps));
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        if (!checkpoints && Files.exists(off())) {
            Files.move(off(), on());
        }
    }

    @Benchmark
    public boolean openAtMiddle() {
        try (StorageBackend b = Tidelog.openAt(store, middle)) {
            return b.getItem(BenchSupport.TABLE, BenchSupport.pk(0, PER), BenchSupport.sk(0, PER)).isPresent();
        }
    }
}
