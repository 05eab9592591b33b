package io.tidelog.bench;

import io.tidelog.log.FileLog;
import io.tidelog.log.LogReader;
import io.tidelog.log.ReadableLog;
import io.tidelog.log.StoredEntry;
import io.tidelog.schemas.StreamRecordInserted;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Reading stream records back from a log of {@value #RECORDS} entries, each holding one
 * StreamRecordInserted (new image of 300 characters). {@code readStreamRecords}: one invocation
 * iterates {@code ReadableLog.read(1)} to the end; the score is records per second. Raw limit
 * in the same run: {@code rawReadSegmentBytes} reads the same segment files with a
 * {@link FileChannel} (page cache, no decoding), scored per record too.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class TailBenchmark {

    static final int RECORDS = 200_000;

    private Path logDir;
    private ReadableLog log;
    private List<Path> segments;
    private final ByteBuffer buf = ByteBuffer.allocateDirect(1 << 20);

    @Setup(Level.Trial)
    public void setup() throws IOException {
        logDir = BenchSupport.cached("stream-log-" + RECORDS, d -> BenchSupport.writeStreamLog(d, RECORDS));
        log = FileLog.openReadOnly(logDir);
        try (Stream<Path> s = Files.list(logDir)) {
            segments = s.filter(p -> p.getFileName().toString().endsWith(".log")).sorted().toList();
        }
        if (log.lastSequence() != RECORDS) {
            throw new IllegalStateException("log holds " + log.lastSequence() + " entries");
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        log.close();
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public long readStreamRecords(Blackhole bh) {
        long n = 0;
        try (LogReader r = log.read(1)) {
            while (r.hasNext()) {
                StoredEntry e = r.next();
                for (Object ev : e.entry().getEvents()) {
                    if (ev instanceof StreamRecordInserted sr) {
                        bh.consume(sr.getNewImage());
                        n++;
                    }
                }
            }
        }
        if (n != RECORDS) {
            throw new IllegalStateException("read " + n + " records");
        }
        return n;
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public long rawReadSegmentBytes() throws IOException {
        long total = 0;
        for (Path p : segments) {
            try (FileChannel ch = FileChannel.open(p)) {
                int r;
                while ((r = ch.read(buf.clear())) > 0) {
                    total += r;
                }
            }
        }
        return total;
    }
}
