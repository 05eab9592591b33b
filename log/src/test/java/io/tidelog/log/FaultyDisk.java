package io.tidelog.log;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A disk that fails on purpose, over another one: the n-th write, the n-th force (of a file or
 * a directory) or the n-th segment creation fails once with an {@link IOException}, as H2's
 * fault-injecting file system does for torture tests; and in {@linkplain #diskFull(boolean) disk
 * full} mode every write and file creation fails as the JDK reports ENOSPC ("No space left on
 * device") until space is freed.
 *
 * <p>A failing write first writes half of its bytes, as a write cut short by a full disk does.
 * The counters run from the disk's creation, so a dry run of a workload tells how many of each
 * operation it makes. A segment creation is the opening of a segment's temporary file
 * ({@code *.log.tmp}), the first step of creating a segment.
 *
 * <p>Thread-safe.
 */
public final class FaultyDisk implements Disk {
    /** The operations that can be made to fail. */
    public enum Operation { WRITE, FORCE, SEGMENT_CREATION }

    /** What the JDK says when the device is full. */
    public static final String NO_SPACE = "No space left on device";

    private final Disk disk;
    private final AtomicLong writes = new AtomicLong();
    private final AtomicLong forces = new AtomicLong();
    private final AtomicLong creations = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private volatile Operation failing;
    private volatile long failingAt;
    private volatile boolean full;

    public FaultyDisk(Disk disk) {
        this.disk = disk;
    }

    /** Makes the {@code n}-th (from 1, counted since creation) {@code operation} fail, once. */
    public void fail(Operation operation, long n) {
        failing = operation;
        failingAt = n;
    }

    /** Whether writes and creations fail for want of space. */
    public void diskFull(boolean isFull) {
        full = isFull;
    }

    public long writes() {
        return writes.get();
    }

    public long forces() {
        return forces.get();
    }

    public long segmentCreations() {
        return creations.get();
    }

    /** How many operations this disk has failed. */
    public long failures() {
        return failures.get();
    }

    public long count(Operation operation) {
        return switch (operation) {
            case WRITE -> writes();
            case FORCE -> forces();
            case SEGMENT_CREATION -> segmentCreations();
        };
    }

    private void check(Operation operation, long n, Object what) throws IOException {
        if (failing == operation && failingAt == n) {
            failures.incrementAndGet();
            throw new IOException("injected failure of " + operation.name().toLowerCase().replace('_', ' ') + " #" + n
                    + " (" + what + ")");
        }
    }

    private void checkSpace() throws IOException {
        if (full) {
            failures.incrementAndGet();
            throw new IOException(NO_SPACE);
        }
    }

    @Override
    public DiskFile open(Path path, Mode mode) throws IOException {
        if (mode == Mode.CREATE_EMPTY) {
            checkSpace();
            if (path.getFileName().toString().endsWith(LogDirectory.SEGMENT_SUFFIX + LogDirectory.TEMP_SUFFIX)) {
                check(Operation.SEGMENT_CREATION, creations.incrementAndGet(), path);
            }
        }
        return new File(disk.open(path, mode));
    }

    @Override
    public void move(Path source, Path target) throws IOException {
        disk.move(source, target);
    }

    @Override
    public boolean deleteIfExists(Path path) throws IOException {
        return disk.deleteIfExists(path);
    }

    @Override
    public void forceDirectory(Path dir) throws IOException {
        check(Operation.FORCE, forces.incrementAndGet(), dir);
        disk.forceDirectory(dir);
    }

    private final class File implements DiskFile {
        private final DiskFile file;

        File(DiskFile file) {
            this.file = file;
        }

        @Override
        public Path path() {
            return file.path();
        }

        @Override
        public void write(ByteBuffer source, long position) throws IOException {
            long n = writes.incrementAndGet();
            boolean injected = failing == Operation.WRITE && failingAt == n;
            if (full || injected) {
                ByteBuffer half = source.duplicate();
                half.limit(half.position() + half.remaining() / 2);
                file.write(half, position);
                checkSpace();
                check(Operation.WRITE, n, file.path());
            }
            file.write(source, position);
        }

        @Override
        public void force(boolean metadata) throws IOException {
            check(Operation.FORCE, forces.incrementAndGet(), file.path());
            file.force(metadata);
        }

        @Override
        public long size() throws IOException {
            return file.size();
        }

        @Override
        public void truncate(long size) throws IOException {
            file.truncate(size);
        }

        @Override
        public void close() throws IOException {
            file.close();
        }
    }
}
