package io.tidelog.backend.audit;

import io.tidelog.backend.BackendException;
import io.tidelog.backend.BackendException.Kind;
import io.tidelog.backend.internal.BackendLog;
import io.tidelog.backend.internal.HorizonRecord;
import io.tidelog.backend.internal.StoreLayout;
import io.tidelog.log.ReadableLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;

/** Shared helpers: opening a store's log read-only, time conversion, event fields. */
final class LogAccess {
    private LogAccess() {}

    /** The store directory {@code dir} names, checked to be a store. */
    static Path root(Path dir) {
        if (dir == null) {
            throw new BackendException(Kind.VALIDATION, "dir must not be null");
        }
        Path root = dir.toAbsolutePath().normalize();
        StoreLayout.verify(root);
        return root;
    }

    /**
     * Opens the log of the store at {@code root} (from {@link #root}) for reading; again if a
     * compaction deleted a segment while it was being opened.
     */
    static ReadableLog open(Path root) {
        return HorizonRecord.withStable(root, horizon -> openOnce(root));
    }

    private static ReadableLog openOnce(Path root) {
        Path logDir = StoreLayout.log(root);
        if (!Files.isDirectory(logDir)) {
            throw new BackendException(Kind.NOT_A_DATABASE, root + " is not a Tidelog store: it has no log directory");
        }
        return new BackendLog(StoreLayout.openLog(root));
    }

    static Instant time(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L);
    }

    static long micros(Instant t) {
        return Math.multiplyExact(t.getEpochSecond(), 1_000_000L) + t.getNano() / 1000;
    }

    static Object field(Object event, String name) {
        if (event instanceof IndexedRecord r) {
            Schema.Field f = r.getSchema().getField(name);
            if (f != null) {
                Object v = r.get(f.pos());
                return v instanceof CharSequence cs ? cs.toString() : v;
            }
        }
        return null;
    }

    static String string(Object event, String name) {
        Object v = field(event, name);
        return v == null ? null : v.toString();
    }
}
