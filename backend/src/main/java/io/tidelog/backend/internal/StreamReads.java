package io.tidelog.backend.internal;

import io.tidelog.backend.BackendException;
import io.tidelog.backend.SequenceRange;
import io.tidelog.backend.StreamRecord;
import io.tidelog.log.LogException;
import io.tidelog.log.LogPosition;
import io.tidelog.log.ReadableLog;
import io.tidelog.log.StoredEntry;
import io.tidelog.projections.Counters;
import io.tidelog.projections.Family;
import io.tidelog.projections.KeyCodec;
import io.tidelog.projections.StreamView;
import io.tidelog.projections.ViewReader;
import io.tidelog.schemas.StreamRecordInserted;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.rocksdb.RocksIterator;

/**
 * Stream reads (§7.11, §7.12): the stream index gives the order, the log gives the records.
 * Records are never copied out of the log; each one is read from the frame the index points at,
 * or, once retention dropped that frame's segment, from the {@link StreamArchive} that kept it.
 */
final class StreamReads {
    private final Path root;
    private final ReadableLog log;

    StreamReads(Path root, ReadableLog log) {
        this.root = root;
        this.log = log;
    }

    List<StreamRecord> records(ViewReader r, String table, String shard, long after, int limit) {
        List<StreamRecord> out = new ArrayList<>();
        if (limit == 0 || after == Long.MAX_VALUE) {
            return out;
        }
        byte[] prefix = StreamView.shardPrefix(table, shard).build();
        byte[] start = StreamView.shardPrefix(table, shard).ordered(after + 1).build();
        try (Resolver resolver = new Resolver(); RocksIterator it = r.iterator(Family.STREAM)) {
            for (it.seek(start); it.isValid() && KeyCodec.startsWith(it.key(), prefix); it.next()) {
                out.add(toRecord(resolver.resolve(StreamView.decode(it.key(), prefix.length, it.value()))));
                if (out.size() >= limit) {
                    break;
                }
            }
        }
        return out;
    }

    SequenceRange range(ViewReader r, String table, String shard) {
        byte[] prefix = StreamView.shardPrefix(table, shard).build();
        try (Resolver resolver = new Resolver(); RocksIterator it = r.iterator(Family.STREAM)) {
            it.seek(prefix);
            if (!it.isValid() || !KeyCodec.startsWith(it.key(), prefix)) {
                return new SequenceRange(null, null);
            }
            String first = resolver.resolve(StreamView.decode(it.key(), prefix.length, it.value()))
                    .getSequenceNumber();
            it.seekForPrev(KeyCodec.prefixEnd(prefix));
            long max = StreamView.decode(it.key(), prefix.length, it.value()).numeric();
            // the earliest inserted record among those with the largest value
            it.seek(StreamView.shardPrefix(table, shard).ordered(max).build());
            String last = resolver.resolve(StreamView.decode(it.key(), prefix.length, it.value()))
                    .getSequenceNumber();
            return new SequenceRange(first, last);
        }
    }

    static long next(ViewReader r, String table) {
        Long max = Counters.maxStreamSequence(r, table);
        if (max == null) {
            return 1;
        }
        if (max == Long.MAX_VALUE) {
            throw new BackendException(BackendException.Kind.OTHER,
                    "stream sequence numbers of '" + table + "' are exhausted (largest is Long.MAX_VALUE)");
        }
        return max + 1;
    }

    private static StreamRecord toRecord(StreamRecordInserted e) {
        return new StreamRecord(e.getEventName(), e.getKeysJson(), e.getNewImage(), e.getOldImage(),
                e.getSequenceNumber(), e.getCreatedAt(), e.getUserIdentity());
    }

    /**
     * Reads records from the log, reusing the last frame read (a transaction's records share
     * one); a record whose segment retention dropped comes from the archive. The log is tried
     * first unless it no longer starts that early: a reader that opened the log before the drop
     * may still list the segment, and then finds its file gone.
     */
    private final class Resolver implements AutoCloseable {
        private final StreamArchive.Reader archive = new StreamArchive.Reader(root);
        private LogPosition lastPosition;
        private StoredEntry lastEntry;

        StreamRecordInserted resolve(StreamView.Entry e) {
            if (e.inline() != null) {
                return e.inline();
            }
            if (e.position().segment() < log.firstSequence()) {
                return archived(e, null);
            }
            if (!e.position().equals(lastPosition)) {
                try {
                    lastEntry = log.readAt(e.position());
                } catch (LogException ex) {
                    return archived(e, ex);
                }
                lastPosition = e.position();
            }
            Object event = lastEntry.entry().getEvents().get(e.eventIndex());
            if (!(event instanceof StreamRecordInserted s) || lastEntry.sequence() != e.logSequence()) {
                throw new BackendException(BackendException.Kind.IO, "stream index points at log sequence "
                        + lastEntry.sequence() + " event " + e.eventIndex() + ", which is not its record");
            }
            return s;
        }

        private StreamRecordInserted archived(StreamView.Entry e, LogException fromLog) {
            StreamRecordInserted r = archive.find(e.position(), e.eventIndex(), e.logSequence());
            if (r != null) {
                return r;
            }
            if (fromLog != null) {
                throw Errors.storage("cannot read the stream record at " + e.position() + ": ", fromLog);
            }
            throw new BackendException(BackendException.Kind.IO, "cannot read stream record at " + e.position()
                    + ": its segment was dropped and it is not in the stream archive");
        }

        @Override
        public void close() {
            archive.close();
        }
    }
}
