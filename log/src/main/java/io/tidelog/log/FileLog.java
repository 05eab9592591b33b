package io.tidelog.log;

import com.lmax.disruptor.ExceptionHandler;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The segment-file implementation of {@link Log}: a directory of segment files on local disk
 * (layout in {@link LogDirectory} and docs/log-format.md), written by one process at a time.
 *
 * <p>Appends go through an LMAX Disruptor ring: producers encode their events on their own
 * thread and claim a slot, whose position gives the entry its sequence; the {@link Journaler}
 * thread writes and forces batches (group commit); an optional {@link CommitListener} runs on
 * a second thread after it; the {@link Forcer}'s thread does the forces no batch waits for
 * (ASYNC entries', callers'). A full ring blocks producers: nothing is dropped.
 *
 * <p>Futures complete on the log's threads, so callbacks chained on them without an executor
 * run there and hold up every append behind them; they must not block, and in particular must
 * not wait for another append. Use the {@code *Async} variants for anything more.
 */
public final class FileLog implements Log {
    private static final System.Logger LOG = System.getLogger(FileLog.class.getName());
    /** Bytes an entry's head can take besides its two strings: two longs, two union branches, two lengths. */
    private static final int HEAD_BYTES_BOUND = 32;
    /** How long the log's handler threads block before looking again, should a wake-up be lost. */
    private static final long WAIT_TIMEOUT_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private final Path dir;
    private final LogDirectory directory;
    private final EntryCodec codec;
    private final SegmentCatalog catalog;
    private final DirectoryLock lock;
    private final RecoveryReport recovery;
    private final Disruptor<AppendSlot> disruptor;
    private final RingBuffer<AppendSlot> ring;
    private final Journaler journaler;
    private final CommitApplier applier;
    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
    private final AtomicInteger appending = new AtomicInteger();
    private final PublishedHead head;
    private final Object closeLock = new Object();
    private volatile boolean closed;
    private boolean stopped;
    private volatile SyncMode syncMode;

    private FileLog(Path dir, LogDirectory directory, LogOptions options, EntryCodec codec, SegmentCatalog catalog,
            DirectoryLock lock, RecoveryReport recovery, CommitListener listener) throws IOException {
        this.dir = dir;
        this.directory = directory;
        this.codec = codec;
        this.catalog = catalog;
        this.lock = lock;
        this.recovery = recovery;
        this.syncMode = options.syncMode();
        this.head = new PublishedHead(catalog.lastSequence());
        JournalWaitStrategy waits = new JournalWaitStrategy(WAIT_TIMEOUT_NANOS);
        AtomicInteger threadCount = new AtomicInteger();
        ThreadFactory factory = runnable -> {
            Thread t = new Thread(runnable, "tidelog-log-" + threadCount.incrementAndGet() + " " + dir.getFileName());
            t.setDaemon(true);
            threads.add(t);
            return t;
        };
        this.disruptor = new Disruptor<>(AppendSlot::new, options.ringSize(), factory, ProducerType.MULTI, waits);
        this.journaler = new Journaler(codec, directory, catalog, options, catalog.last(), listener == null,
                head::publish, waits, factory);
        if (listener == null) {
            this.applier = null;
            disruptor.handleEventsWith(journaler);
        } else {
            this.applier = new CommitApplier(listener, journaler);
            disruptor.handleEventsWith(journaler).then(applier);
        }
        disruptor.setDefaultExceptionHandler(new LoggingExceptionHandler());
        journaler.start();
        this.ring = disruptor.start();
    }

    /** Opens (creating if needed) and recovers the log in {@code dir}, then starts the journaler. */
    public static FileLog open(Path dir, LogOptions options) {
        return open(dir, options, null);
    }

    /**
     * As {@link #open(Path, LogOptions)}, with a {@link CommitListener} stage after the
     * journaler. Entries already in the log are not passed to the listener; read them with
     * {@link ReadableLog#read}.
     *
     * @throws LogLockedException  when another writer has the directory open
     * @throws LogCorruptException when the log is damaged beyond a torn tail
     */
    public static FileLog open(Path dir, LogOptions options, CommitListener listener) {
        return open(dir, options, listener, Disk.system());
    }

    /**
     * As {@link #open(Path, LogOptions, CommitListener)}, writing every file through
     * {@code disk} (a simulated or fault-injecting one, in tests).
     */
    public static FileLog open(Path dir, LogOptions options, CommitListener listener, Disk disk) {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(disk, "disk");
        EntryCodec codec = EntryCodec.current();
        DirectoryLock lock;
        try {
            Files.createDirectories(dir);
            lock = DirectoryLock.acquire(dir);
        } catch (IOException e) {
            throw new LogException("cannot open log in " + dir + ": " + e, e);
        }
        List<LogSegment> segments = new ArrayList<>();
        try {
            LogDirectory directory = new LogDirectory(dir, disk);
            SchemaStore schemas = new SchemaStore(dir, codec);
            schemas.register(codec.schema(), directory);
            Recovery.Result recovered = Recovery.run(directory, schemas, options.indexIntervalBytes(), true);
            segments.addAll(recovered.segments());
            prepareForAppending(directory, segments, codec, options);
            SegmentCatalog catalog = new SegmentCatalog(schemas, codec, segments);
            return new FileLog(dir, directory, options, codec, catalog, lock, recovered.report(), listener);
        } catch (IOException | RuntimeException | Error e) {
            for (LogSegment s : segments) {
                try {
                    s.close();
                } catch (IOException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            try {
                lock.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            if (e instanceof IOException) {
                throw new LogException("cannot open log in " + dir + ": " + e, e);
            }
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw (Error) e;
        }
    }

    /**
     * Makes the last segment the one appended to, or starts a new one when there is none or it
     * was written with another schema or format version (a segment has one writer schema and
     * one frame layout). A segment an earlier writer left is forced first: that writer may have
     * stopped without forcing it.
     */
    private static void prepareForAppending(LogDirectory directory, List<LogSegment> segments, EntryCodec codec,
            LogOptions options) throws IOException {
        LogSegment last = segments.isEmpty() ? null : segments.get(segments.size() - 1);
        if (last != null && last.schemaFingerprint() == codec.fingerprint()
                && last.layout() == FrameFormat.Layout.current()) {
            last.openForAppend();
            last.force();
            return;
        }
        long next = 1;
        if (last != null) {
            next = last.extent().lastSequence() + 1;
            if (last.hasEntries()) {
                last.openForAppend();
                last.seal();
            } else {
                // replaced below by a segment with the same base, the current schema and format
                segments.remove(segments.size() - 1);
                last.close();
            }
        }
        LogSegment fresh = LogSegment.create(directory, next, codec.fingerprint(), options.indexIntervalBytes());
        fresh.openForAppend();
        segments.add(fresh);
    }

    /** Opens the log in {@code dir} for reading only: no lock, no recovery writes. */
    public static ReadableLog openReadOnly(Path dir) {
        return ReadOnlyLog.open(dir);
    }

    /** What opening found at the end of the log and repaired. */
    public RecoveryReport recovery() {
        return recovery;
    }

    /**
     * Why the log stopped writing, or null while it writes. A failed log fails every append
     * until it is closed and opened again, which recovers what the failure left in the files.
     */
    public LogException failure() {
        return journaler.failure();
    }

    /** The journaler's counters so far. */
    public JournalStats stats() {
        return journaler.stats();
    }

    public Path directory() {
        return dir;
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException when an event is not one of the envelope's event types
     * @throws EntryTooLargeException when the entry would exceed the frame size limit (256 MiB)
     * @throws LogException when the log is closed or has failed; the message names the cause
     */
    @Override
    public CompletableFuture<Long> append(List<Object> events, String transactionId, String identity,
            Object attachment) {
        Objects.requireNonNull(events, "events");
        byte[] encoded = codec.encodeEvents(events);
        long bound = encoded.length + HEAD_BYTES_BOUND + 3L * (length(transactionId) + length(identity));
        if (bound > FrameFormat.MAX_PAYLOAD_BYTES) {
            throw new EntryTooLargeException(bound, FrameFormat.MAX_PAYLOAD_BYTES);
        }
        List<Object> kept = applier == null ? null : List.copyOf(events);
        CompletableFuture<Long> future = new CompletableFuture<>();
        SyncMode mode = syncMode;
        appending.incrementAndGet();
        try {
            checkWritable();
            long slotSequence = ring.next();
            try {
                AppendSlot slot = ring.get(slotSequence);
                slot.encodedEvents = encoded;
                slot.events = kept;
                slot.transactionId = transactionId;
                slot.identity = identity;
                slot.attachment = attachment;
                slot.mode = mode;
                slot.future = future;
            } finally {
                ring.publish(slotSequence);
            }
        } finally {
            appending.decrementAndGet();
        }
        return future;
    }

    private static int length(String s) {
        return s == null ? 0 : s.length();
    }

    private void checkWritable() {
        if (closed) {
            throw new LogException("log is closed");
        }
        LogException failure = journaler.failure();
        if (failure != null) {
            throw Journaler.failedAgain(failure);
        }
    }

    /** {@inheritDoc} Leaving NONE forces what was written in NONE. */
    @Override
    public void syncMode(SyncMode mode) {
        Objects.requireNonNull(mode, "mode");
        SyncMode previous = syncMode;
        syncMode = mode;
        if (previous == SyncMode.NONE && mode != SyncMode.NONE) {
            force();
        }
    }

    @Override
    public SyncMode syncMode() {
        return syncMode;
    }

    /**
     * {@inheritDoc} That is every entry whose append has completed; entries still in the ring
     * are forced as their own mode says.
     */
    @Override
    public void force() {
        checkWritable();
        journaler.forceFromCaller();
    }

    @Override
    public long firstSequence() {
        return catalog.firstSequence();
    }

    /**
     * {@inheritDoc} Here: the newest entry of a batch the journaler has finished, that is
     * written and, in SYNC, forced. A reader in another process may see an entry a little
     * earlier, once its frame is complete in the file.
     */
    @Override
    public long lastSequence() {
        return head.lastSequence();
    }

    @Override
    public LogReader read(long fromSequence) {
        checkOpen();
        return new SegmentReader(catalog, startAt(fromSequence, catalog.firstSequence()), head.lastSequence());
    }

    @Override
    public StoredEntry readAt(LogPosition position) {
        checkOpen();
        return catalog.readAt(position, head.lastSequence());
    }

    @Override
    public long seekByTime(Instant time) {
        checkOpen();
        return catalog.seekByTime(time, head.lastSequence());
    }

    @Override
    public LogTailer tail(long fromSequence) {
        checkOpen();
        return new Tailer(catalog, head, startAt(fromSequence, catalog.firstSequence()));
    }

    /** The segments, oldest first; the last is the one appended to. */
    public List<SegmentSpan> segments() {
        List<LogSegment> current = catalog.segments();
        List<SegmentSpan> out = new ArrayList<>(current.size());
        for (LogSegment s : current) {
            LogSegment.Extent e = s.extent();
            out.add(new SegmentSpan(s.base(), e.lastSequence(), e.endOffset()));
        }
        return out;
    }

    /**
     * Deletes the segments before the one starting at {@code base}, oldest first, so that a
     * crash part way leaves the log starting at a later segment but still without a gap; the
     * log then starts at {@code base}. This is retention: whoever calls it must keep what those
     * entries made (the store keeps a copy of its state). Readers already inside a dropped
     * segment finish it on their open file; new reads of its entries fail.
     *
     * @return the number of segments deleted
     * @throws IllegalArgumentException when no segment starts at {@code base}
     * @throws LogException when a file cannot be deleted; the segments before it are gone
     */
    public int dropSegmentsBefore(long base) {
        checkOpen();
        List<LogSegment> dropped = catalog.removeBefore(base);
        try {
            for (LogSegment s : dropped) {
                s.close();
                directory.deleteSegment(s.base());
            }
            if (!dropped.isEmpty()) {
                directory.forceDirectory(dir);
            }
        } catch (IOException e) {
            throw new LogException("cannot delete a segment of " + dir + ": " + e, e);
        }
        return dropped.size();
    }

    /** Where a reader asked to start at {@code from} starts: not before the log's first entry. */
    static long startAt(long from, long firstSequence) {
        return Math.max(from, firstSequence > 0 ? firstSequence : 1);
    }

    private void checkOpen() {
        if (closed) {
            throw new LogException("log is closed");
        }
    }

    /**
     * {@inheritDoc} Every append published before returns completes first. Must not be called
     * from the commit listener or a callback on an append's future: those run on the threads
     * this waits for.
     *
     * @throws IllegalStateException when called from one of the log's own threads
     */
    @Override
    public void close() {
        if (threads.contains(Thread.currentThread())) {
            throw new IllegalStateException("close() on a thread of the log itself would wait for itself");
        }
        synchronized (closeLock) {
            if (stopped) {
                return;
            }
            closed = true;
            LogException failure = null;
            try {
                while (appending.get() > 0) {
                    LockSupport.parkNanos(100_000);
                }
                long cursor = ring.getCursor();
                while (ring.getMinimumGatingSequence() < cursor) {
                    LockSupport.parkNanos(100_000);
                }
                disruptor.shutdown();
                journaler.awaitStopped();
                if (applier != null) {
                    applier.awaitStopped();
                }
                journaler.closeActive();
            } catch (IOException e) {
                failure = new LogException("closing the log in " + dir + " failed: " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = new LogException("interrupted while closing the log in " + dir, e);
            } finally {
                stopped = true;
                catalog.close();
                try {
                    lock.close();
                } catch (IOException e) {
                    if (failure == null) {
                        failure = new LogException("cannot release the lock of " + dir + ": " + e, e);
                    }
                }
                head.close();
            }
            if (failure != null) {
                throw failure;
            }
        }
    }

    /** Handlers catch what they can handle; anything reaching here is a bug worth a loud log line. */
    private final class LoggingExceptionHandler implements ExceptionHandler<AppendSlot> {
        @Override
        public void handleEventException(Throwable ex, long sequence, AppendSlot slot) {
            LOG.log(System.Logger.Level.ERROR, "unexpected error handling append slot " + sequence + " of " + dir, ex);
        }

        @Override
        public void handleOnStartException(Throwable ex) {
            LOG.log(System.Logger.Level.ERROR, "log thread of " + dir + " failed to start", ex);
        }

        @Override
        public void handleOnShutdownException(Throwable ex) {
            LOG.log(System.Logger.Level.ERROR, "log thread of " + dir + " failed to stop", ex);
        }
    }
}
