package io.tidelog.backend.audit;

import io.tidelog.backend.BackendException;
import io.tidelog.backend.BackendException.Kind;
import io.tidelog.backend.internal.BackendLog;
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

    static ReadableLog open(Path dir) {
        if (dir == null) {
            throw new BackendException(Kind.VALIDATION, "dir must not be null");
        }
        Path root = dir.toAbsolutePath().normalize();
        StoreLayout.verify(root);
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
