package io.tidelog.backend;

/** One index write of {@link StorageBackend#applyIndexWrites}: the effect of the method it names. */
public sealed interface IndexWriteOp {

    /** As {@code deleteGsiItem}. */
    record DeleteGsi(String tableName, String indexName, String tablePk, String tableSk)
            implements IndexWriteOp {}

    /** As {@code insertGsiItem}. */
    record InsertGsi(String tableName, String indexName, String gsiPk, String gsiSk,
            String tablePk, String tableSk, String itemJson) implements IndexWriteOp {}

    /** As {@code deleteLsiItem}. */
    record DeleteLsi(String tableName, String indexName, String basePk, String baseSk)
            implements IndexWriteOp {}

    /** As {@code insertLsiItem}. */
    record InsertLsi(String tableName, String indexName, String pk, String sk,
            String basePk, String baseSk, String itemJson) implements IndexWriteOp {}
}
