package io.tidelog.backend.audit;

import java.time.Instant;

/**
 * One mutation of the audit trail: one event of a log entry.
 *
 * @param sequence      log sequence of the entry (one mutating call or one committed transaction)
 * @param eventIndex    position of the event within the entry
 * @param time          commit time (microsecond resolution)
 * @param transactionId the transaction's id, or null outside a transaction
 * @param identity      who made the change ({@link io.tidelog.backend.Audit#as}), or null
 * @param operation     the event type, e.g. {@code ItemPut}, {@code ItemDeleted}, {@code TableMetadataInserted}
 * @param change        for base-item events: {@code INSERT}, {@code MODIFY} or {@code REMOVE}; else null
 * @param tableName     the table the event is about
 * @param indexName     for GSI/LSI events, the index; else null
 * @param pk            for item events, the partition key string; else null
 * @param sk            for item events, the sort key string; else null
 * @param before        for base-item events, the item JSON before the change (null when there was none)
 * @param after         for base-item events, the item JSON after the change (null after a delete)
 * @param details       for other events, the event's fields as JSON; else null
 */
public record AuditRecord(long sequence, int eventIndex, Instant time, String transactionId, String identity,
        String operation, String change, String tableName, String indexName, String pk, String sk,
        String before, String after, String details) {}
