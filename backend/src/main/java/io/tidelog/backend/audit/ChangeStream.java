package io.tidelog.backend.audit;

import io.tidelog.backend.BackendException;
import io.tidelog.backend.BackendException.Kind;
import io.tidelog.backend.internal.BaseState;
import io.tidelog.backend.internal.HorizonRecord;
import io.tidelog.log.LogException;
import io.tidelog.log.LogReader;
import io.tidelog.log.LogTailer;
import io.tidelog.log.ReadableLog;
import io.tidelog.log.StoredEntry;
import io.tidelog.projections.CatalogRow;
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
        /** The oldest record in the log: of the first mutation after the store's horizon. */
        static Start trimHorizon() {
            return new TrimHorizon();
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

    record TrimHorizon() implements Start {}

    record Latest() implements Start {}

    record AtSequence(long sequence) implements Start {}

    record After(ChangePosition position) implements Start {}

    private final Path root;
    private final ReadableLog log;
    private final String table;
    private final LogTailer tailer;
    private final ChangePosition skipUpTo;
    private final ArrayDeque<ChangeRecord> pending = new ArrayDeque<>();
    private boolean catalogRow;
    private String viewType;

    private ChangeStream(Path root, ReadableLog log, String table, HorizonRecord horizon, long from,
            ChangePosition skipUpTo) {
        this.root = root;
        this.log = log;
        this.table = table;
        this.skipUpTo = skipUpTo;
        foldCatalog(horizon, from);
        this.tailer = log.tail(from);
    }

    /**
     * Opens the stream of {@code table}. Once retention has trimmed the log, the oldest record is
     * that of the first mutation after the horizon; a start before it (a sequence, or a position
     * whose following records are gone) is refused with an error that names the horizon.
     */
    public static ChangeStream open(Path dir, String table, Start start) {
        if (table == null || start == null) {
            throw new BackendException(Kind.VALIDATION, "table and start must not be null");
        }
        Path root = LogAccess.root(dir);
        // again from the start should a compaction replace the base while it is read
        return HorizonRecord.withStable(root, horizon -> open(root, table, start, horizon));
    }

    private static ChangeStream open(Path root, String table, Start start, HorizonRecord horizon) {
        ReadableLog log = LogAccess.open(root);
        try {
            long first = Math.max(horizon.sequence() + 1, Math.max(1, log.firstSequence()));
            long from;
            ChangePosition skip = null;
            if (start instanceof TrimHorizon) {
                from = first;
            } else if (start instanceof Latest) {
                from = log.lastSequence() + 1;
            } else if (start instanceof AtSequence a) {
                if (a.sequence() < 0) {
                    throw new BackendException(Kind.VALIDATION, "sequence must not be negative: " + a.sequence());
                }
                if (a.sequence() > log.lastSequence() + 1) {
                    throw new BackendException(Kind.VALIDATION, "sequence " + a.sequence()
                            + " is past the end of the log, which ends at " + log.lastSequence());
                }
                if (horizon.sequence() > 0 && a.sequence() <= horizon.sequence()) {
                    throw horizon.unavailable(root, "change records from sequence " + a.sequence());
                }
                from = Math.max(first, a.sequence());
            } else {
                ChangePosition p = ((After) start).position();
                if (p.logSequence() < horizon.sequence()) {
                    throw horizon.unavailable(root, "change records after position " + p);
                }
                from = Math.max(first, p.logSequence());
                skip = p;
            }
            return new ChangeStream(root, log, table, horizon, from, skip);
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
            Optional<StoredEntry> next;
            try {
                next = tailer.next(Duration.ofNanos(Math.max(0, left)));
            } catch (LogException | BackendException e) {
                throw readFailure(e);
            }
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

    /**
     * A read that failed: when retention moved the horizon past the next record meanwhile (this
     * consumer fell behind it), an error naming the horizon; otherwise an I/O error.
     */
    private BackendException readFailure(RuntimeException e) {
        HorizonRecord horizon = HorizonRecord.read(root);
        if (tailer.nextSequence() <= horizon.sequence()) {
            return horizon.unavailable(root, "the change stream's next record (of sequence " + tailer.nextSequence()
                    + ")");
        }
        if (e instanceof BackendException b) {
            return b;
        }
        return new BackendException(Kind.IO, "cannot read the log of " + root + ": " + e.getMessage(), e);
    }

    /** The catalog as of entry {@code before - 1}: from the base at the horizon, then the log. */
    private void foldCatalog(HorizonRecord horizon, long before) {
        if (horizon.sequence() > 0) {
            try (BaseState base = BaseState.open(root, horizon)) {
                CatalogRow row = base.catalogRow(table);
                catalogRow = row != null;
                viewType = row == null ? null : row.streamViewType();
            }
        }
        if (before <= horizon.sequence() + 1) {
            return;
        }
        try (LogReader r = log.read(horizon.sequence() + 1)) {
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
