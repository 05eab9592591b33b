package io.tidelog.backend.internal;

import io.tidelog.log.CommitListener;
import io.tidelog.log.Disk;
import io.tidelog.log.FileLog;
import io.tidelog.log.Log;
import io.tidelog.log.LogException;
import io.tidelog.log.LogOptions;
import io.tidelog.log.LogPosition;
import io.tidelog.log.LogReader;
import io.tidelog.log.LogTailer;
import io.tidelog.log.ReadableLog;
import io.tidelog.log.SegmentSpan;
import io.tidelog.log.StoredEntry;
import io.tidelog.log.SyncMode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The log of a writable store, which can be opened again in place after an I/O failure. A
 * failed {@link FileLog} writes nothing more; {@link #reopen} closes it and opens it again, which
 * recovers what the failure left in the files (complete frames stay, a torn one is cut), as a
 * restart of the process would. While a reopen fails (the disk is still full, say), reads go to
 * the log opened read-only and appends fail.
 *
 * <p>Not for concurrent use with {@link #reopen}: the backend calls it with no other call
 * running.
 */
final class LiveLog implements Log {
    private static final System.Logger LOG = System.getLogger(LiveLog.class.getName());

    private final Path dir;
    private final LogOptions options;
    private final CommitListener listener;
    private final Disk disk;
    private volatile FileLog writer;
    private volatile ReadableLog reader;
    private volatile LogException unavailable;
    /** The mode appends are made in, kept across reopens (bulk loading switches it). */
    private volatile SyncMode mode;

    LiveLog(Path dir, LogOptions options, CommitListener listener, Disk disk) {
        this.dir = dir;
        this.options = options;
        this.listener = listener;
        this.disk = disk;
        this.mode = options.syncMode();
        this.writer = FileLog.open(dir, options, listener, disk);
        this.reader = writer;
    }

    /** Why appends fail, or null when they do not. */
    LogException failure() {
        FileLog w = writer;
        return w == null ? unavailable : w.failure();
    }

    /**
     * Closes the failed log and opens it again; on failure, reads go on from a read-only open
     * and the next call may try again.
     *
     * @throws LogException why the log could not be opened again
     */
    void reopen() {
        FileLog failed = writer;
        if (failed != null) {
            try {
                failed.close();
            } catch (LogException e) {
                // the writes the failure touched were told; this says what it may have cost the
                // ones acknowledged before it (after a failed force, nothing can tell)
                LOG.log(System.Logger.Level.WARNING, "reopening the failed log in " + dir + ": " + e.getMessage());
            }
        }
        closeReader();
        writer = null;
        try {
            writer = FileLog.open(dir, options.withSyncMode(mode), listener, disk);
            reader = writer;
            unavailable = null;
        } catch (LogException e) {
            unavailable = e;
            reader = FileLog.openReadOnly(dir);
            throw e;
        }
    }

    private void closeReader() {
        ReadableLog r = reader;
        if (r != null && r != writer) {
            r.close();
        }
    }

    private FileLog writer() {
        FileLog w = writer;
        if (w == null) {
            throw new LogException("the log could not be opened again: " + unavailable.getMessage(), unavailable);
        }
        return w;
    }

    @Override
    public CompletableFuture<Long> append(List<Object> events, String transactionId, String identity,
            Object attachment) {
        return writer().append(events, transactionId, identity, attachment);
    }

    @Override
    public void syncMode(SyncMode newMode) {
        writer().syncMode(newMode);
        mode = newMode;
    }

    @Override
    public SyncMode syncMode() {
        return mode;
    }

    @Override
    public void force() {
        writer().force();
    }

    /** The segments, oldest first (retention). */
    List<SegmentSpan> segments() {
        return writer().segments();
    }

    /** Deletes the segments before the one starting at {@code base} (retention; see FileLog). */
    int dropSegmentsBefore(long base) {
        return writer().dropSegmentsBefore(base);
    }

    @Override
    public long firstSequence() {
        return reader.firstSequence();
    }

    @Override
    public long lastSequence() {
        return reader.lastSequence();
    }

    @Override
    public LogReader read(long fromSequence) {
        return reader.read(fromSequence);
    }

    @Override
    public StoredEntry readAt(LogPosition position) {
        return reader.readAt(position);
    }

    @Override
    public long seekByTime(Instant time) {
        return reader.seekByTime(time);
    }

    @Override
    public LogTailer tail(long fromSequence) {
        return reader.tail(fromSequence);
    }

    @Override
    public void close() {
        FileLog w = writer;
        if (w != null) {
            w.close();
        } else {
            closeReader();
        }
    }
}
