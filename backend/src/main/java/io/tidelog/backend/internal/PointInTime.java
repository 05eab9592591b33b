package io.tidelog.backend.internal;

import io.tidelog.backend.BackendException;
import io.tidelog.backend.BackendException.Kind;
import io.tidelog.backend.StorageBackend;
import io.tidelog.log.LogException;
import io.tidelog.log.ReadableLog;
import io.tidelog.projections.ViewException;
import io.tidelog.projections.Views;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Read-only opens at a past point (§8.3): private views in a temporary directory, started from
 * the newest checkpoint at or before the point (or the base at the horizon, or empty) and brought
 * to the point by replaying the log. Never writes to the store and takes no lock, so it works
 * beside a live writer, and again from the start should that writer's retention move the
 * horizon under it. A point before the horizon is refused with an error naming the horizon.
 */
public final class PointInTime {
    private PointInTime() {}

    public static StorageBackend openAtSequence(Path dir, long sequence) {
        Path root = dir.toAbsolutePath().normalize();
        StoreLayout.verify(root);
        return HorizonRecord.withStable(root, horizon -> {
            ReadableLog log = StoreLayout.openLog(root);
            try {
                long last = log.lastSequence();
                if (sequence < 0 || sequence > last) {
                    throw new BackendException(Kind.VALIDATION, "sequence " + sequence
                            + " is outside the log, which holds 0 to " + last);
                }
                if (sequence < horizon.sequence()) {
                    throw horizon.unavailable(root, "sequence " + sequence);
                }
                return build(root, log, horizon, sequence);
            } catch (RuntimeException e) {
                log.close();
                throw e;
            }
        });
    }

    public static StorageBackend openAtTime(Path dir, Instant time) {
        Path root = dir.toAbsolutePath().normalize();
        StoreLayout.verify(root);
        return HorizonRecord.withStable(root, horizon -> {
            ReadableLog log = StoreLayout.openLog(root);
            try {
                return build(root, log, horizon, sequenceAt(log, horizon, root, time));
            } catch (RuntimeException e) {
                log.close();
                throw e;
            }
        });
    }

    /**
     * As {@link #sequenceAt(ReadableLog, Instant)}, refusing an instant before the horizon's
     * commit time: the state then is gone.
     */
    static long sequenceAt(ReadableLog log, HorizonRecord horizon, Path root, Instant time) {
        if (horizon.sequence() > 0 && HorizonRecord.floorMicros(time) < horizon.timeMicros()) {
            throw horizon.unavailable(root, "instant " + time);
        }
        return Math.max(horizon.sequence(), sequenceAt(log, time));
    }

    /** The newest sequence committed at or before {@code time}, at microsecond resolution; 0 if none. */
    public static long sequenceAt(ReadableLog log, Instant time) {
        long micros;
        try {
            micros = Math.addExact(Math.multiplyExact(time.getEpochSecond(), 1_000_000L), time.getNano() / 1_000);
        } catch (ArithmeticException outsideTheLongRangeOfMicros) {
            return time.getEpochSecond() < 0 ? 0 : log.lastSequence();
        }
        if (micros == Long.MAX_VALUE) {
            return log.lastSequence();
        }
        long firstAfter = log.seekByTime(Instant.EPOCH.plus(micros + 1, ChronoUnit.MICROS));
        return Math.max(0, firstAfter - 1);
    }


    private static StorageBackend build(Path root, ReadableLog log, HorizonRecord horizon, long sequence) {
        Path tmp;
        try {
            tmp = Files.createTempDirectory("tidelog-at-" + sequence + "-");
        } catch (IOException e) {
            throw new BackendException(Kind.IO, "cannot create a temporary directory: " + e.getMessage(), e);
        }
        Views views = null;
        try {
            Path viewsDir = tmp.resolve("views");
            ViewsStart.copy(root, horizon, sequence, viewsDir);
            views = Views.open(viewsDir);
            new LiveProjection(views, null).replay(log, sequence);
            views.flush();
            Views opened = views;
            return new ReadOnlyBackend(root, log, opened, sequence, () -> StoreLayout.deleteRecursively(tmp));
        } catch (RuntimeException e) {
            if (views != null) {
                views.close();
            }
            StoreLayout.deleteRecursively(tmp);
            if (e instanceof ViewException || e instanceof LogException) {
                throw Errors.storage("cannot build the view at sequence " + sequence + ": ", e);
            }
            throw e;
        }
    }
}
