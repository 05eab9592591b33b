package io.tidelog.backend.audit;

/**
 * Which mutations {@link AuditHistory} returns. Immutable; every filter is optional.
 *
 * @param tableName   only events of this table (null: all tables)
 * @param pk          only item events with this partition key string (null: any; needs no table)
 * @param sk          only item events with this sort key string (null: any)
 * @param fromSequence first log sequence (inclusive; 0 or 1: from the start)
 * @param toSequence  last log sequence (inclusive; {@code Long.MAX_VALUE}: to the end)
 * @param includeAll  also index maintenance (GSI/LSI items), cache touches and stream records
 */
public record AuditQuery(String tableName, String pk, String sk, long fromSequence, long toSequence,
        boolean includeAll) {

    public static AuditQuery all() {
        return new AuditQuery(null, null, null, 1, Long.MAX_VALUE, false);
    }

    public AuditQuery table(String t) {
        return new AuditQuery(t, pk, sk, fromSequence, toSequence, includeAll);
    }

    public AuditQuery key(String partitionKey, String sortKey) {
        return new AuditQuery(tableName, partitionKey, sortKey, fromSequence, toSequence, includeAll);
    }

    public AuditQuery from(long sequence) {
        return new AuditQuery(tableName, pk, sk, sequence, toSequence, includeAll);
    }

    public AuditQuery to(long sequence) {
        return new AuditQuery(tableName, pk, sk, fromSequence, sequence, includeAll);
    }

    public AuditQuery withAll(boolean all) {
        return new AuditQuery(tableName, pk, sk, fromSequence, toSequence, all);
    }
}
