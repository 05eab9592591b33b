package io.tidelog.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
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
 * The raw limit of {@link LogAppendBenchmark}: appending frames of the same size (1 KiB + 8
 * bytes of framing) to a plain {@link FileChannel} from one thread, with no force, with a force
 * after every write (what SYNC without group commit costs), and with one force per 16 writes
 * (what group commit of 16 producers could reach at best). One op is one frame; besides one
 * {@code write} per frame, {@code writeBatched64} copies 64 frames into a direct buffer and
 * writes them with one call, the best a batching writer could do. The file is truncated before
 * each iteration so the disk does not fill.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RawFileChannelBenchmark {

    static final int FRAME = 1024 + 8;

    private Path dir;
    private FileChannel ch;
    private ByteBuffer frame;
    private long writes;
    private final ByteBuffer batch = ByteBuffer.allocateDirect(64 * FRAME);

    @Setup(Level.Trial)
    public void setup() throws IOException {
        dir = BenchSupport.tempDir("tidelog-rawfc-");
        ch = FileChannel.open(dir.resolve("segment"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        byte[] bytes = new byte[FRAME];
        ThreadLocalRandom.current().nextBytes(bytes);
        frame = ByteBuffer.wrap(bytes);
    }

    @Setup(Level.Iteration)
    public void truncate() throws IOException {
        ch.truncate(0);
        ch.force(true);
        writes = 0;
        batch.clear();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        ch.close();
        BenchSupport.deleteRecursively(dir);
    }

    private void write() throws IOException {
        frame.clear();
        while (frame.hasRemaining()) {
            ch.write(frame);
        }
    }

    @Benchmark
    @Threads(1)
    public void writeNoForce() throws IOException {
        write();
    }

    @Benchmark
    @Threads(1)
    public void writeBatched64() throws IOException {
        frame.clear();
        batch.put(frame);
        if (!batch.hasRemaining()) {
            batch.flip();
            while (batch.hasRemaining()) {
                ch.write(batch);
            }
            batch.clear();
        }
    }

    @Benchmark
    @Threads(1)
    public void writeForceEach() throws IOException {
        write();
        ch.force(false);
    }

    @Benchmark
    @Threads(1)
    public void writeForceEvery16() throws IOException {
        write();
        if (++writes % 16 == 0) {
            ch.force(false);
        }
    }
}
