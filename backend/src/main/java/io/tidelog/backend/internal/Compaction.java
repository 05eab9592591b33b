package io.tidelog.backend.internal;

import io.tidelog.backend.BackendException;
import io.tidelog.backend.BackendException.Kind;
import io.tidelog.log.LogException;
import io.tidelog.log.LogReader;
import io.tidelog.log.SegmentSpan;
import io.tidelog.log.StoredEntry;
import io.tidelog.projections.ViewException;
import io.tidelog.projections.Views;
import io.tidelog.schemas.StreamRecordInserted;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Moves a store's horizon forward to a sequence: the state right after that mutation becomes the
 * base the log continues from, and the log segments wholly before it are dropped.
 *
 * <p>The steps, in an order that leaves a store that opens after a crash at any point, with the
 * old horizon or the new one and nothing lost:
 *
 * <ol>
 *   <li>force the log and flush the live views, so both hold the new horizon's mutation on disk;
 *   <li>build the state at the horizon in {@code base/building.tmp} (from the newest checkpoint
 *       or base before it, plus the log) and force every file of it;
 *   <li>archive the stream records of the segments to drop ({@link StreamArchive});
 *   <li>rename the build to {@code base/<sequence>};
 *   <li>write {@code base/HORIZON}: from here on the new horizon holds;
 *   <li>drop the segments, oldest first;
 *   <li>delete the old base and the checkpoints before the horizon.
 * </ol>
 *
 * A crash before step 5 leaves the old horizon and leftovers the next open removes; after it,
 * the next open finishes steps 6 and 7. Views that a crash left before the new horizon are
 * replaced by the base on open. Writes go on throughout; nothing here runs on the write path.
 */
final class Compaction {
    /** The points between steps, for tests that stop a compaction there. */
    enum Step { BASE_BUILT, STREAMS_ARCHIVED, BASE_NAMED, HORIZON_RECORDED, SEGMENTS_DROPPED, DONE }

    /** What a compaction did. */
    record Result(HorizonRecord horizon, int segmentsDropped, long bytesDropped) {}

    private static final long REPLAY_CHUNK = 20_000;

    private final Path root;
    private final LiveLog log;
    private final Views liveViews;
    private final Object checkpointLock;
    private final Consumer<Step> onStep;
    private final BooleanSupplier cancelled;

    /**
     * @param liveViews      the writable store's views, flushed before the horizon is recorded
     * @param checkpointLock held while checkpoints are removed, against a checkpoint being taken
     * @param onStep         called after each step (tests stop the process there)
     * @param cancelled      checked while the base is built and before the horizon is recorded;
     *                       a cancelled compaction stops there and leaves the old horizon
     */
    Compaction(Path root, LiveLog log, Views liveViews, Object checkpointLock, Consumer<Step> onStep,
            BooleanSupplier cancelled) {
        this.root = root;
        this.log = log;
        this.liveViews = liveViews;
        this.checkpointLock = checkpointLock;
        this.onStep = onStep;
        this.cancelled = cancelled;
    }

    /**
     * Moves the horizon from {@code current} to {@code sequence}, which must be after it and
     * already applied to the live views. Returns null when cancelled before it took effect.
     */
    Result run(HorizonRecord current, long sequence) {
        if (sequence <= current.sequence()) {
            throw new IllegalArgumentException("the horizon " + current.sequence() + " is not before " + sequence);
        }
        try {
            log.force();
            liveViews.flush();
            long timeMicros = timeOf(sequence);
            List<SegmentSpan> spans = log.segments();
            long keptBase = firstKept(spans, sequence);
            List<SegmentSpan> dropped = spans.stream().filter(s -> s.base() < keptBase).toList();

            buildBase(current, sequence);
            if (cancelled.getAsBoolean()) {
                return null;
            }
            step(Step.BASE_BUILT);
            archiveStreams(dropped, keptBase);
            step(Step.STREAMS_ARCHIVED);
            Path named = BaseDirectory.views(root, sequence);
            StoreLayout.deleteRecursively(named);
            Files.move(BaseDirectory.building(root), named);
            BaseDirectory.force(BaseDirectory.dir(root));
            step(Step.BASE_NAMED);
            if (cancelled.getAsBoolean()) {
                return null;
            }
            HorizonRecord next = new HorizonRecord(sequence, timeMicros);
            next.write(root);
            step(Step.HORIZON_RECORDED);

            int count = dropped.isEmpty() ? 0 : log.dropSegmentsBefore(keptBase);
            step(Step.SEGMENTS_DROPPED);
            removeSuperseded(current, next);
            step(Step.DONE);
            return new Result(next, count, dropped.stream().mapToLong(SegmentSpan::bytes).sum());
        } catch (IOException | LogException | ViewException e) {
            throw new BackendException(Kind.IO, "compaction of " + root + " to sequence " + sequence + " failed: "
                    + e.getMessage(), e);
        }
    }

    /**
     * What opening a writable store does about its horizon: checks that the log continues the
     * base without a gap, finishes a compaction that recorded its horizon but was cut short
     * (drops the segments, removes the superseded base and checkpoints) and removes what one
     * that never took effect left behind.
     *
     * @throws BackendException NOT_A_DATABASE when the log and the base do not join
     */
    static void finishAtOpen(Path root, LiveLog log, HorizonRecord horizon) {
        long first = log.firstSequence();
        long last = log.lastSequence();
        long b = horizon.sequence();
        if (b == 0 && first > 1) {
            throw new BackendException(Kind.NOT_A_DATABASE, "the log of " + root + " starts at entry " + first
                    + ", but the store keeps no base for the entries before it (base/HORIZON is missing)");
        }
        if (b > 0) {
            if (b > last) {
                throw new BackendException(Kind.NOT_A_DATABASE, "the base of " + root + " holds the state after entry "
                        + b + ", but the log ends at entry " + last);
            }
            if (first > b + 1) {
                throw new BackendException(Kind.NOT_A_DATABASE, "the log of " + root + " starts at entry " + first
                        + ", but its base ends at entry " + b + ": entries " + (b + 1) + " to " + (first - 1)
                        + " are missing");
            }
            if (!Files.isDirectory(BaseDirectory.views(root, b))) {
                throw new BackendException(Kind.NOT_A_DATABASE, "the base of " + root + " at entry " + b
                        + " is missing (" + BaseDirectory.views(root, b) + ")");
            }
            List<SegmentSpan> spans = log.segments();
            long kept = firstKept(spans, b);
            if (kept > spans.get(0).base()) {
                log.dropSegmentsBefore(kept);
            }
        }
        BaseDirectory.removeLeftovers(root, horizon, log.segments().get(0).base());
        Checkpoints.discardBefore(root, b);
    }

    /**
     * The base of the first segment kept when the horizon is {@code sequence}: the one that
     * holds the next mutation, or the segment appended to when there is none yet.
     */
    static long firstKept(List<SegmentSpan> spans, long sequence) {
        long kept = spans.get(0).base();
        for (SegmentSpan s : spans) {
            if (s.base() <= sequence + 1) {
                kept = s.base();
            }
        }
        return kept;
    }

    private long timeOf(long sequence) {
        try (LogReader r = log.read(sequence)) {
            StoredEntry e = r.hasNext() ? r.next() : null;
            if (e == null || e.sequence() != sequence) {
                throw new BackendException(Kind.IO, "entry " + sequence + " of " + root + " cannot be read");
            }
            return e.entry().getTimeMicros();
        }
    }

    /** The state right after {@code sequence}, forced to disk, in {@code base/building.tmp}. */
    private void buildBase(HorizonRecord current, long sequence) throws IOException {
        Path building = BaseDirectory.building(root);
        StoreLayout.deleteRecursively(building);
        Files.createDirectories(BaseDirectory.dir(root));
        ViewsStart.copy(root, current, sequence, building);
        try (Views views = Views.open(building)) {
            LiveProjection projection = new LiveProjection(views, null);
            try {
                while (views.appliedSequence() < sequence) {
                    if (cancelled.getAsBoolean()) {
                        return;
                    }
                    long before = views.appliedSequence();
                    projection.replay(log, Math.min(sequence, before + REPLAY_CHUNK));
                    if (views.appliedSequence() == before) {
                        throw new BackendException(Kind.IO, "the log of " + root + " ends before entry "
                                + (before + 1) + ", which the base at " + sequence + " needs");
                    }
                }
            } finally {
                projection.close();
            }
            if (views.appliedSequence() != sequence) {
                throw new BackendException(Kind.IO, "the base built for sequence " + sequence + " holds "
                        + views.appliedSequence());
            }
        }
        BaseDirectory.forceTree(building);
    }

    /**
     * Keeps the stream records of the segments before {@code keptBase}, by their log positions;
     * one segment's records in memory at a time.
     */
    private void archiveStreams(List<SegmentSpan> dropped, long keptBase) throws IOException {
        if (dropped.isEmpty()) {
            return;
        }
        long segment = -1;
        List<StreamArchive.Kept> records = new ArrayList<>();
        try (LogReader r = log.read(dropped.get(0).base())) {
            while (r.hasNext()) {
                StoredEntry e = r.next();
                if (e.position().segment() != segment) {
                    archive(segment, records);
                    segment = e.position().segment();
                }
                if (segment >= keptBase) {
                    break;
                }
                List<Object> events = e.entry().getEvents();
                for (int i = 0; i < events.size(); i++) {
                    if (events.get(i) instanceof StreamRecordInserted s) {
                        records.add(new StreamArchive.Kept(e.position().offset(), i, e.sequence(), s));
                    }
                }
            }
        }
        archive(segment, records);
    }

    private void archive(long segment, List<StreamArchive.Kept> records) throws IOException {
        if (!records.isEmpty()) {
            StreamArchive.write(root, segment, records);
            records.clear();
        }
    }

    private void removeSuperseded(HorizonRecord previous, HorizonRecord next) {
        if (previous.sequence() > 0) {
            StoreLayout.deleteRecursively(BaseDirectory.views(root, previous.sequence()));
        }
        synchronized (checkpointLock) {
            Checkpoints.discardBefore(root, next.sequence());
        }
    }

    private void step(Step s) {
        onStep.accept(s);
    }
}
