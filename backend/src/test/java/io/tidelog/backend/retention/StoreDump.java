package io.tidelog.backend.retention;

import io.tidelog.backend.BackendException;
import io.tidelog.backend.ScanParams;
import io.tidelog.backend.StorageBackend;
import io.tidelog.backend.TableMetadata;
import java.util.List;

/** Everything a backend's reads show of the tables a {@link RetentionWorkload} writes, as text. */
final class StoreDump {
    private StoreDump() {}

    static String of(StorageBackend b) {
        StringBuilder sb = new StringBuilder();
        sb.append("tables ").append(b.listTableNames()).append('\n');
        sb.append("streams ").append(names(b.listStreamEnabledTables())).append('\n');
        sb.append("ttl ").append(names(b.listTtlEnabledTables())).append('\n');
        attempt(sb, b::tableStats);
        for (String t : RetentionWorkload.TABLES) {
            sb.append("== ").append(t).append('\n');
            sb.append(b.getTableMetadata(t).orElse(null)).append('\n');
            attempt(sb, () -> b.getTags(t));
            attempt(sb, () -> b.scanItems(t, ScanParams.builder().build()));
            attempt(sb, () -> b.scanGsiItems(t, "g", ScanParams.builder().build()));
            attempt(sb, () -> b.countItems(t));
            attempt(sb, () -> b.getLruItems(t, 1000));
            attempt(sb, () -> b.expiredItems(t, Long.MAX_VALUE, 1000));
            attempt(sb, () -> b.nextStreamSequenceNumber(t));
            for (String shard : RetentionWorkload.SHARDS) {
                attempt(sb, () -> b.getStreamRecords(t, shard, Long.MIN_VALUE, 10_000));
                attempt(sb, () -> b.getShardSequenceRange(t, shard));
            }
        }
        return sb.toString();
    }

    private static List<String> names(List<TableMetadata> rows) {
        return rows.stream().map(TableMetadata::tableName).toList();
    }

    private static void attempt(StringBuilder sb, java.util.function.Supplier<Object> read) {
        try {
            sb.append(read.get()).append('\n');
        } catch (BackendException e) {
            sb.append("error ").append(e.kind()).append('\n');
        }
    }
}
