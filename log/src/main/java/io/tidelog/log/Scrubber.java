package io.tidelog.log;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Reads every frame of a log's sealed segments once, on a background thread, checking each
 * checksum. Opening a log reads only the ends of sealed segments (reading them whole would make
 * opening slow), so a byte that rots in the middle of one is met only when a reader reaches it;
 * the scrub meets it soon after opening instead, and says so: a finding is logged at ERROR
 * level, naming the file and offset, and kept ({@link #findings()}).
 *
 * <p>It reads at most {@code bytesPerSecond}, so that it does not compete with the store's own
 * reads and writes, and only the segments that exist when it starts, except the last one (the
 * writer's, which opening read whole). It never writes and takes no lock.
 */
public final class Scrubber implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Scrubber.class.getName());
    private static final int CHUNK = 1 << 20;

    private final Path dir;
    private final long bytesPerSecond;
    private final Thread thread;
    private final List<LogCorruptException> findings = new ArrayList<>();
    private volatile boolean stopping;
    private volatile boolean done;

    private Scrubber(Path dir, long bytesPerSecond) {
        this.dir = dir;
        this.bytesPerSecond = bytesPerSecond;
        this.thread = new Thread(this::run, "tidelog-scrub " + dir.getFileName());
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
    }

    /** Starts scrubbing the sealed segments of the log in {@code dir}. */
    public static Scrubber start(Path dir, long bytesPerSecond) {
        Scrubber s = new Scrubber(dir, bytesPerSecond);
        s.thread.start();
        return s;
    }

    /** What the scrub found so far. */
    public synchronized List<LogCorruptException> findings() {
        return List.copyOf(findings);
    }

    /** Whether every sealed segment has been read (or the scrub was stopped). */
    public boolean done() {
        return done;
    }

    /** Waits until the scrub is done, at most {@code timeoutMillis}; returns {@link #done()}. */
    public boolean await(long timeoutMillis) throws InterruptedException {
        thread.join(timeoutMillis);
        return done;
    }

    private void run() {
        long started = System.nanoTime();
        long read = 0;
        try {
            LogDirectory directory = new LogDirectory(dir, Disk.system());
            List<Long> bases = directory.segmentBases();
            for (int i = 0; i < bases.size() - 1 && !stopping; i++) {
                read = scrub(directory.segmentPath(bases.get(i)), started, read);
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "the scrub of " + dir + " stopped: " + e, e);
        } finally {
            done = true;
        }
    }

    /** Reads one segment's frames; returns the bytes read so far in all. */
    private long scrub(Path path, long started, long readBefore) throws IOException {
        long read = readBefore;
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            byte[] header = new byte[FrameFormat.SEGMENT_HEADER_BYTES];
            String[] problem = new String[1];
            FrameFormat.SegmentHeader h = FrameFormat.decodeSegmentHeader(header,
                    SegmentScanner.readFully(ch, header, 0, header.length), problem);
            if (h == null) {
                found(new LogCorruptException(path, 0, problem[0]));
                return read;
            }
            long size = ch.size();
            SegmentScanner scanner = new SegmentScanner(ch, h.layout(), FrameFormat.SEGMENT_HEADER_BYTES, size);
            long paced = scanner.offset();
            SegmentScanner.Status status;
            while (!stopping && (status = scanner.next()) != SegmentScanner.Status.END) {
                if (status != SegmentScanner.Status.OK) {
                    found(new LogCorruptException(path, scanner.frameOffset(), scanner.problem()));
                    return read + scanner.offset() - paced;
                }
                if (scanner.offset() - paced >= CHUNK) {
                    read += scanner.offset() - paced;
                    paced = scanner.offset();
                    pace(started, read);
                }
            }
            return read + scanner.offset() - paced;
        } catch (NoSuchFileException gone) {
            return read; // dropped meanwhile
        }
    }

    /** Sleeps as long as reading {@code read} bytes since {@code started} is ahead of the rate. */
    private void pace(long started, long read) {
        long due = started + (long) (TimeUnit.SECONDS.toNanos(1) * (double) read / bytesPerSecond);
        long wait = due - System.nanoTime();
        if (wait > 0) {
            LockSupport.parkNanos(this, wait);
        }
    }

    private synchronized void found(LogCorruptException e) {
        findings.add(e);
        LOG.log(System.Logger.Level.ERROR, "the log is damaged, found by its scrub: " + e.getMessage()
                + " (readers that reach this entry fail; 'tidelog verify' reports it)");
    }

    /** Stops the scrub and waits for its thread. */
    @Override
    public void close() {
        stopping = true;
        LockSupport.unpark(thread);
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
