package io.tidelog.log;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.Sequence;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import java.util.zip.CRC32C;

/**
 * The single thread that turns ring slots into frames: it assigns each entry's commit time,
 * frames it, writes the batch, and forces it as the entries' {@link SyncMode}s require.
 *
 * <p>Group commit: the journaler takes whatever the producers have published as one batch,
 * encodes all of it into one buffer, writes it with as few calls as the buffer allows, and
 * forces once at the end of the batch, before any entry of the batch is acknowledged. While a
 * force runs, new appends pile up in the ring and become the next batch, so the number of
 * forces per second stays bounded by the device while throughput grows with the number of
 * producers: the batch is the unit of durability, the entry only of ordering. A batch that
 * holds any SYNC entry is forced as a whole; entries of other modes in it ride along.
 *
 * <p>When to commit: a batch ends when the ring holds nothing more that was published (the
 * Disruptor's end of batch), and the buffer is written out early when it fills (1 MiB). There
 * is deliberately no timer or count to wait for a bigger batch, as BookKeeper's journal can
 * (its maximum group wait): under light load that wait would be pure latency, and under heavy
 * load the force itself is the wait that lets the next batch grow. Latency when idle is one
 * write and one force; batches are bounded by the ring size.
 *
 * <p>ASYNC entries are acknowledged once written; the force they are owed is left to the
 * {@link Forcer}'s thread, which does it within {@link LogOptions#asyncForceInterval()} of the
 * first unforced write while the journaler goes on writing. A SYNC batch's force covers the
 * ASYNC writes before it.
 *
 * <p>Every frame records how far the log was known to be forced when it was framed (its
 * forced-through mark, see {@link FrameFormat.Layout}): a force covers what was written
 * before it started, so {@link #writtenThrough} is read before a force and becomes
 * {@link #forcedThrough} once the force returns. Frames of one batch are framed before its
 * force, so their mark is the previous batch's.
 *
 * <p>After an I/O error nothing more is written: the entries of the batch in hand and every
 * later one fail, since what reached the file is unknown until the log is opened again.
 */
final class Journaler implements EventHandler<AppendSlot> {
    private static final System.Logger LOG = System.getLogger(Journaler.class.getName());
    private static final int BUFFER_BYTES = 1 << 20;

    private final EntryCodec codec;
    private final LogDirectory directory;
    private final SegmentCatalog catalog;
    private final LogOptions options;
    private final boolean completesFutures;
    private final LongConsumer published;
    private final JournalWaitStrategy waits;
    private final long sequenceBase;
    private final Forcer forcer;

    private final ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER_BYTES);
    private final GrowableBytes head = new GrowableBytes(256);
    private final CRC32C crc = new CRC32C();
    private final FrameFormat.Layout layout = FrameFormat.Layout.current();
    private final ByteBuffer frameHeader = ByteBuffer.allocate(FrameFormat.Layout.current().headerBytes());
    private final List<AppendSlot> batch = new ArrayList<>();
    private final CountDownLatch stopped = new CountDownLatch(1);

    private volatile LogSegment active;
    private SegmentIndex activeIndex;
    private long activeFirstTime;
    private long lastSequence;
    private long lastTime;
    /** The newest entry whose whole frame is in the buffer or written (journaler thread). */
    private long framedThrough;
    /** The newest entry whose whole frame has been handed to the file. */
    private volatile long writtenThrough;
    /** The newest entry known to be on stable storage. */
    private final AtomicLong forcedThrough = new AtomicLong();
    private long batchStartRing;
    private boolean batchNeedsForce;
    private boolean batchOwesForce;
    private Sequence progress;

    private volatile LogException failure;
    /** Whether a force failed: after that nothing says what is on stable storage (see {@link #closeActive}). */
    private volatile boolean forceFailed;
    /** The newest entry of a batch that completed, acknowledged or about to be. */
    private volatile long publishedThrough;
    private volatile long failedFromRing = Long.MAX_VALUE;

    private final AtomicLong entries = new AtomicLong();
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong largestBatch = new AtomicLong();
    private final AtomicLong bytesWritten = new AtomicLong();
    private final AtomicLong forces = new AtomicLong();
    private final AtomicLong forceNanos = new AtomicLong();
    private final AtomicLong rolls = new AtomicLong();

    /**
     * @param active           the segment to append to, open for appending
     * @param completesFutures whether this is the last stage (no commit listener)
     * @param published        told the newest sequence readers may see, after each batch
     * @param threads          makes the {@link Forcer}'s thread
     */
    Journaler(EntryCodec codec, LogDirectory directory, SegmentCatalog catalog, LogOptions options,
            LogSegment active, boolean completesFutures, LongConsumer published, JournalWaitStrategy waits,
            ThreadFactory threads) throws IOException {
        this.codec = codec;
        this.directory = directory;
        this.catalog = catalog;
        this.options = options;
        this.completesFutures = completesFutures;
        this.published = published;
        this.waits = waits;
        this.forcer = new Forcer(this::forceForForcer, options.asyncForceInterval().toNanos(), threads);
        this.active = active;
        this.activeIndex = active.index();
        LogSegment.Extent extent = active.extent();
        this.activeFirstTime = extent.firstTimeMicros();
        this.lastSequence = catalog.lastSequence();
        this.lastTime = catalog.lastTimeMicros();
        this.sequenceBase = lastSequence + 1;
        // opening forced the segments it found (FileLog.prepareForAppending)
        this.framedThrough = lastSequence;
        this.publishedThrough = lastSequence;
        this.writtenThrough = lastSequence;
        this.forcedThrough.set(lastSequence);
    }

    @Override
    public void setSequenceCallback(Sequence sequenceCallback) {
        progress = sequenceCallback;
    }

    @Override
    public void onEvent(AppendSlot slot, long ringSequence, boolean endOfBatch) {
        if (batch.isEmpty()) {
            batchStartRing = ringSequence;
        }
        slot.sequence = ringSequence + sequenceBase;
        if (failure == null) {
            try {
                appendEntry(slot);
            } catch (Throwable t) {
                fail(t);
            }
        }
        batch.add(slot);
        if (endOfBatch) {
            endBatch(ringSequence);
        }
    }

    private void appendEntry(AppendSlot slot) throws IOException {
        long time = Math.max(micros(options.clock().instant()), lastTime);
        head.reset();
        codec.writeHead(head, slot.sequence, time, slot.transactionId, slot.identity);
        byte[] events = slot.encodedEvents;
        int payload = head.size() + events.length;
        int frame = layout.headerBytes() + payload;
        long offset = active.size() + buffer.position();
        if (offset > FrameFormat.SEGMENT_HEADER_BYTES && offset + frame > options.segmentBytes()) {
            roll(slot.sequence);
            offset = FrameFormat.SEGMENT_HEADER_BYTES;
        }
        // [length][CRC32C of length, mark and payload][forced-through mark]: FrameFormat.Layout.V2
        frameHeader.clear();
        frameHeader.putInt(0, payload).putInt(4, 0).putLong(8, forcedThrough.get());
        crc.reset();
        crc.update(frameHeader.array(), 0, 4);
        crc.update(frameHeader.array(), 8, 8);
        crc.update(head.array(), 0, head.size());
        crc.update(events, 0, events.length);
        frameHeader.putInt(4, (int) crc.getValue());
        put(frameHeader.array(), frameHeader.capacity());
        put(head.array(), head.size());
        put(events, events.length);
        framedThrough = slot.sequence;

        slot.timeMicros = time;
        slot.segment = active.base();
        slot.offset = offset;
        activeIndex.offer(slot.sequence, offset, time);
        if (activeFirstTime == LogSegment.NO_TIME) {
            activeFirstTime = time;
        }
        lastSequence = slot.sequence;
        lastTime = time;
        entries.incrementAndGet();
        bytesWritten.addAndGet(frame);
        if (slot.mode == SyncMode.SYNC) {
            batchNeedsForce = true;
        } else if (slot.mode == SyncMode.ASYNC) {
            batchOwesForce = true;
        }
    }

    private static long micros(Instant t) {
        return t.getEpochSecond() * 1_000_000L + t.getNano() / 1_000;
    }

    /** Copies into the write buffer, writing it out whenever it fills: frames may span writes. */
    private void put(byte[] bytes, int length) throws IOException {
        int done = 0;
        while (done < length) {
            if (!buffer.hasRemaining()) {
                flushBuffer();
            }
            int n = Math.min(length - done, buffer.remaining());
            buffer.put(bytes, done, n);
            done += n;
        }
    }

    private void flushBuffer() throws IOException {
        buffer.flip();
        try {
            active.write(buffer);
        } finally {
            buffer.clear();
        }
        writtenThrough = framedThrough;
    }

    /**
     * Starts the segment for {@code nextSequence}. The full one is forced before the new one
     * exists, so that after a crash only the last segment can have a torn tail.
     */
    private void roll(long nextSequence) throws IOException {
        flushBuffer();
        activeIndex.flush();
        LogSegment full = active;
        full.extent(new LogSegment.Extent(lastSequence, activeFirstTime, lastTime, full.size()));
        long t0 = System.nanoTime();
        long through = writtenThrough;
        try {
            full.seal();
        } catch (IOException e) {
            forceFailed = true;
            throw e;
        }
        forced(through);
        countForce(t0);
        LogSegment next = LogSegment.create(directory, nextSequence, codec.fingerprint(), options.indexIntervalBytes());
        next.openForAppend();
        catalog.add(next);
        active = next;
        activeIndex = next.index();
        activeFirstTime = LogSegment.NO_TIME;
        rolls.incrementAndGet();
    }

    private void endBatch(long ringSequence) {
        if (failure == null) {
            try {
                flushBuffer();
                activeIndex.flush();
                if (batchNeedsForce) {
                    forceActive();
                    forcer.covered();
                } else if (batchOwesForce) {
                    forcer.owe();
                }
            } catch (Throwable t) {
                fail(t);
            }
        }
        LogException failed = failure;
        if (failed == null) {
            active.extent(new LogSegment.Extent(lastSequence, activeFirstTime, lastTime, active.size()));
            publishedThrough = lastSequence;
            published.accept(lastSequence);
        } else {
            if (failedFromRing == Long.MAX_VALUE) {
                failedFromRing = batchStartRing;
            }
            for (AppendSlot slot : batch) {
                slot.failure = failed;
            }
        }
        if (completesFutures) {
            for (AppendSlot slot : batch) {
                slot.complete();
            }
        }
        batches.incrementAndGet();
        largestBatch.accumulateAndGet(batch.size(), Math::max);
        batch.clear();
        batchNeedsForce = false;
        batchOwesForce = false;
        // release the batch to the next stage now, and wake it, instead of letting it spin
        progress.set(ringSequence);
        waits.signalAllWhenBlocking();
    }

    /**
     * Forces the segment being appended to. The written mark is read before the segment: a
     * roll forces the segment it leaves before the next one is written, so whichever segment
     * this finds, everything written before the mark was read is stable once it returns.
     */
    private void forceActive() throws IOException {
        long t0 = System.nanoTime();
        long through = writtenThrough;
        try {
            active.force();
        } catch (IOException e) {
            forceFailed = true;
            throw e;
        }
        forced(through);
        countForce(t0);
    }

    private void forced(long through) {
        forcedThrough.accumulateAndGet(through, Math::max);
    }

    /** The newest entry known to be on stable storage. */
    long forcedThrough() {
        return forcedThrough.get();
    }

    private void countForce(long startNanos) {
        forces.incrementAndGet();
        forceNanos.addAndGet(System.nanoTime() - startNanos);
    }

    /** Runs on the forcer's thread, concurrently with writes and with a roll. */
    private void forceForForcer() {
        if (failure != null) {
            return;
        }
        try {
            forceActive();
        } catch (Throwable t) {
            fail(t);
        }
    }

    /** Starts the forcer; before the first append. */
    void start() {
        forcer.start();
    }

    /** A force asked for by a caller, done on the forcer's thread; safe from any thread. */
    void forceFromCaller() {
        LogException failed = failure;
        if (failed != null) {
            throw failedAgain(failed);
        }
        forcer.forceNow();
        failed = failure;
        if (failed != null) {
            throw failedAgain(failed);
        }
    }

    private void fail(Throwable t) {
        synchronized (this) {
            if (failure == null) {
                failure = new LogException("log failed, nothing more is written: " + t, t);
                LOG.log(System.Logger.Level.ERROR, "write-ahead log in " + directory.path() + " failed", t);
            }
        }
    }

    static LogException failedAgain(LogException failure) {
        return new LogException(failure.getMessage(), failure.getCause());
    }

    LogException failure() {
        return failure;
    }

    /** The ring sequence of the first slot that failed, or {@code Long.MAX_VALUE}. */
    long failedFromRing() {
        return failedFromRing;
    }

    LogSegment active() {
        return active;
    }

    @Override
    public void onShutdown() {
        stopped.countDown();
    }

    void awaitStopped() throws InterruptedException {
        while (!stopped.await(10, TimeUnit.SECONDS)) {
            LOG.log(System.Logger.Level.WARNING, "still waiting for the journaler of " + directory.path() + " to stop");
        }
    }

    /**
     * Once stopped: stops the forcer, then forces and closes the segment being appended to. A
     * log that failed forces what it acknowledged if it still can, and otherwise says so. A force mark after the last entry (see {@link FrameFormat.Layout})
     * vouches that everything was forced, so that damage found there later is reported as
     * corruption, not cut as what a power loss leaves.
     */
    void closeActive() throws IOException {
        forcer.stop();
        if (failure == null) {
            LogSegment segment = active;
            if (segment.hasEntries() && segment.markedThrough() < lastSequence) {
                // no frame vouches for the last batch: force it, then say so in a force mark
                forceActive();
                segment.appendMark(lastSequence);
            }
            long t0 = System.nanoTime();
            segment.seal();
            countForce(t0);
            return;
        }
        // A failed write left written data in the file, which a force can still make stable;
        // after a failed force, forcing again could report success for data the device lost
        // (the page cache dropped it when its write-back failed), so nothing is claimed.
        try {
            if (!forceFailed && publishedThrough > forcedThrough.get()) {
                forceActive();
            }
        } catch (IOException e) {
            failure.addSuppressed(e);
        } finally {
            active.abandonWrites();
        }
        if (publishedThrough > forcedThrough.get()) {
            throw new IOException("the log failed (" + failure.getCause() + "), and entries "
                    + (forcedThrough.get() + 1) + " to " + publishedThrough
                    + ", acknowledged before, may not be on stable storage");
        }
    }

    JournalStats stats() {
        return new JournalStats(entries.get(), batches.get(), largestBatch.get(), bytesWritten.get(), forces.get(),
                forceNanos.get(), rolls.get());
    }
}
