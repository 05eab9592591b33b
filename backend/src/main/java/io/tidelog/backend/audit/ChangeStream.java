package io.tidelog.backend.audit;

import io.tidelog.backend.BackendException;
import io.tidelog.backend.BackendException.Kind;
import io.tidelog.log.LogReader;
import io.tidelog.log.LogTailer;
import io.tidelog.log.ReadableLog;
import io.tidelog.log.StoredEntry;
import io.tidelog.schemas.LogEntry;
import io.tidelog.schemas.StreamDisabled;
import io.tidelog.schemas.StreamEnabled;
import io.tidelog.schemas.StreamRecordInserted;
import io.tidelog.schemas.TableMetadataDeleted;
import io.tidelog.schemas.TableMetadataInserted;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;

/**
 * Change data capture for one table, read from the log: the table's stream records (the
 * {@code StreamRecordInserted} events the emulator layer writes) in log order, each with a
 * {@link ChangePosition} to resume after. Follows the log as another process (or this one)
 * writes to the store; takes no lock.
 *
 * <p>The images are filtered by the table's stream view type as the catalog held it at that
 * point of the log. Resuming: persist {@link ChangeRecord#position()} of the last record you
 * have fully handled, and reopen with {@link Start#after}; every later record, and none before,
 * is returned.
 *
 * <p>Not thread-safe: one consumer per instance.
 */
public final class ChangeStream implements AutoCloseable {

    /** Where reading starts. */
    public sealed interface Start {
        /** The oldest record in the log. */
        static Start trimHorizon() {
            return new AtSequence(1);
        }

        /** Only records written after the stream opens. */
        static Start latest() {
            return new Latest();
        }

        /** Records from log entry {@code sequence} on. */
        static Start atSequence(long sequence) {
            return new AtSequence(sequence);
        }

        /** Records after {@code position} (a checkpoint). */
        static Start after(ChangePosition position) {
            return new After(position);
        }
    }

    record Latest() implements Start {}

    record AtSequence(long sequence) implements Start {}

    record After(ChangePosition position) implements Start {}

    private final ReadableLog log;
    private final String table;
    private final LogTailer tailer;
    private final ChangePosition skipUpTo;
    private final ArrayDeque<ChangeRecord> pending = new ArrayDeque<>();
    private boolean catalogRow;
    private String viewType;

    private ChangeStream(ReadableLog log, String table, long from, ChangePosition skipUpTo) {
        this.log = log;
        this.table = table;
        this.skipUpTo = skipUpTo;
        foldCatalog(from);
        this.tailer = log.tail(from);
    }

    public static ChangeStream open(Path dir, String table, Start start) {
        if (table == null || start == null) {
            throw new BackendException(Kind.VALIDATION, "table and start must not be null");
        }
        ReadableLog log = LogAccess.open(dir);
        try {
            long first = Math.max(1, log.firstSequence());
            long from;
            ChangePosition skip = null;
            if (start instanceof Latest) {
                from = log.lastSequence() + 1;
            } else if (start instanceof AtSequence a) {
                if (a.sequence() < 0) {
                    throw new BackendException(Kind.VALIDATION, "sequence must not be negative: " + a.sequence());
                }
                if (a.sequence() > log.lastSequence() + 1) {
                    throw new BackendException(Kind.VALIDATION, "sequence " + a.sequence()
                            + " is past the end of the log, which ends at " + log.lastSequence());
                }
                from = Math.max(first, a.sequence());
            } else {
                ChangePosition p = ((After) start).position();
                from = Math.max(first, p.logSequence());
                skip = p;
            }
            return new ChangeStream(log, table, from, skip);
        } catch (RuntimeException e) {
            log.close();
            throw e;
        }
    }

    /** The table's stream view type at the current read point (null: no catalog row or none set). */
    public String streamViewType() {
        return viewType;
    }

    /** The next record, waiting up to {@code timeout} for one to be written; empty if none came. */
    public Optional<ChangeRecord> poll(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (pending.isEmpty()) {
            long left = deadline - System.nanoTime();
            Optional<StoredEntry> next = tailer.next(Duration.ofNanos(Math.max(0, left)));
            if (next.isPresent()) {
                process(next.get());
            } else if (System.nanoTime() >= deadline) {
                return Optional.empty();
            }
        }
        return Optional.of(pending.poll());
    }

    /** The newest sequence in the log files now. */
    public long logLastSequence() {
        return log.lastSequence();
    }

    /** The log sequence the stream will read next (records of earlier entries have been queued). */
    public long nextLogSequence() {
        return tailer.nextSequence();
    }

    private void foldCatalog(long before) {
        if (before <= 1) {
            return;
        }
        try (LogReader r = log.read(1)) {
            while (r.hasNext()) {
                StoredEntry e = r.next();
                if (e.sequence() >= before) {
                    break;
                }
                for (Object ev : e.entry().getEvents()) {
                    applyCatalog(ev);
                }
            }
        }
    }

    private void applyCatalog(Object ev) {
        if (ev instanceof TableMetadataInserted t && table.contentEquals(t.getTableName())) {
            catalogRow = true;
            viewType = null;
        } else if (ev instanceof TableMetadataDeleted t && table.contentEquals(t.getTableName())) {
            catalogRow = false;
            viewType = null;
        } else if (ev instanceof StreamEnabled s && table.contentEquals(s.getTableName()) && catalogRow) {
            viewType = s.getViewType().toString();
        } else if (ev instanceof StreamDisabled) {
            // disableStream keeps the view type (§7.11)
        }
    }

    private void process(StoredEntry se) {
        LogEntry e = se.entry();
        List<Object> events = e.getEvents();
        for (int i = 0; i < events.size(); i++) {
            Object ev = events.get(i);
            applyCatalog(ev);
            if (!(ev instanceof StreamRecordInserted s) || !table.contentEquals(s.getTableName())) {
                continue;
            }
            ChangePosition pos = new ChangePosition(se.sequence(), i);
            if (skipUpTo != null && pos.compareTo(skipUpTo) <= 0) {
                continue;
            }
            String newImage = str(s.getNewImage());
            String oldImage = str(s.getOldImage());
            if (viewType != null) {
                switch (viewType) {
                    case "KEYS_ONLY" -> {
                        newImage = null;
                        oldImage = null;
                    }
                    case "NEW_IMAGE" -> oldImage = null;
                    case "OLD_IMAGE" -> newImage = null;
                    default -> { }
                }
            }
            pending.add(new ChangeRecord(pos, LogAccess.time(e.getTimeMicros()), table, s.getShardId().toString(),
                    s.getEventName().toString(), s.getKeysJson().toString(), newImage, oldImage,
                    s.getSequenceNumber().toString(), s.getCreatedAt(), str(s.getUserIdentity()), viewType));
        }
    }

    private static String str(CharSequence cs) {
        return cs == null ? null : cs.toString();
    }

    @Override
    public void close() {
        try {
            tailer.close();
        } finally {
            log.close();
        }
    }
}
