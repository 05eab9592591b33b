package io.tidelog.backend;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The storage backend of a DynamoDB emulator: catalog, data tables, GSI and LSI tables, streams,
 * TTL, tags, transactions and statistics. Section numbers in comments refer to the
 * storage-backend specification, whose every rule this interface follows.
 *
 * <p>Threading: safe for concurrent use by any number of threads. Outside a transaction each
 * call is atomic. A transaction is bound to the thread that began it (§3.2).
 */
public interface StorageBackend extends AutoCloseable {
    // 7.1 Capabilities
    Clock clock();
    default boolean supportsStreams() { return true; }
    default boolean supportsTags() { return true; }
    // 7.2 Table metadata
    void insertTableMetadata(CreateTableMetadata m);
    Optional<TableMetadata> getTableMetadata(String tableName);
    boolean deleteTableMetadata(String tableName);
    void updateTableMetadata(String tableName, String attributeDefinitions,
                             String gsiDefinitions);
    void updateProvisionedThroughput(String tableName, String provisionedThroughput);
    void clearProvisionedThroughput(String tableName);
    void updateBillingMode(String tableName, String billingMode);
    void updateTableClass(String tableName, String tableClass);
    void updateOnDemandThroughput(String tableName, String onDemandThroughput);
    default void clearOnDemandThroughput(String tableName) {
        updateOnDemandThroughput(tableName, "null");
    }
    List<Tag> getTags(String tableName);
    void setTags(String tableName, List<Tag> newTags);
    void updateDeletionProtection(String tableName, boolean enabled);
    void removeTags(String tableName, List<String> keys);
    List<String> listTableNames();
    boolean tableExists(String tableName);
    // 7.3 Data and index tables
    void createDataTable(String tableName);
    void dropDataTable(String tableName);
    void createGsiTable(String tableName, String indexName);
    void dropGsiTable(String tableName, String indexName);
    void createLsiTable(String tableName, String indexName);
    void dropLsiTable(String tableName, String indexName);
    // 7.4 GSI items
    void insertGsiItem(String tableName, String indexName, String gsiPk, String gsiSk,
                       String tablePk, String tableSk, String itemJson);
    void insertGsiItems(String tableName, String indexName, List<GsiItemRow> rows);
    void deleteGsiItem(String tableName, String indexName, String tablePk, String tableSk);
    List<ItemRow> queryGsiItems(String tableName, String indexName, String gsiPk,
                                QueryParams params);
    List<ItemRow> scanGsiItems(String tableName, String indexName, ScanParams params);
    // 7.5 LSI items
    void insertLsiItem(String tableName, String indexName, String pk, String sk,
                       String basePk, String baseSk, String itemJson);
    void deleteLsiItem(String tableName, String indexName, String basePk, String baseSk);
    List<ItemRow> queryLsiItems(String tableName, String indexName, String pk,
                                QueryParams params);
    List<ItemRow> scanLsiItems(String tableName, String indexName, ScanParams params);
    // 7.6 Index fan-out
    default void applyIndexWrites(List<IndexWriteOp> ops) {
        for (IndexWriteOp op : ops) {
            if (op instanceof IndexWriteOp.DeleteGsi d) {
                deleteGsiItem(d.tableName(), d.indexName(), d.tablePk(), d.tableSk());
            } else if (op instanceof IndexWriteOp.InsertGsi g) {
                insertGsiItem(g.tableName(), g.indexName(), g.gsiPk(), g.gsiSk(),
                              g.tablePk(), g.tableSk(), g.itemJson());
            } else if (op instanceof IndexWriteOp.DeleteLsi d) {
                deleteLsiItem(d.tableName(), d.indexName(), d.basePk(), d.baseSk());
            } else if (op instanceof IndexWriteOp.InsertLsi l) {
                insertLsiItem(l.tableName(), l.indexName(), l.pk(), l.sk(),
                              l.basePk(), l.baseSk(), l.itemJson());
            }
        }
    }
    // 7.7 Transactions
    void beginTransaction();
    void commit();
    void rollback();
    // 7.8 Bulk loading
    void enableBulkLoading();
    void disableBulkLoading();
    // 7.9 Items
    Optional<String> putItem(String tableName, String pk, String sk, String itemJson,
                             int itemSize);
    Optional<String> putItemWithHash(String tableName, String pk, String sk, String itemJson,
                                     int itemSize, String hashPrefix);
    void putBaseItems(String tableName, List<BaseItemRow> rows);
    Optional<String> getItem(String tableName, String pk, String sk);
    long getPartitionSize(String tableName, String pk);
    long getLsiPartitionSize(String tableName, String indexName, String pk);
    Optional<String> deleteItem(String tableName, String pk, String sk);
    List<ItemRow> queryItems(String tableName, String pk, QueryParams params);
    List<ItemRow> scanItems(String tableName, ScanParams params);
    long countItems(String tableName);
    // 7.10 Introspection
    long dbSizeBytes();
    long tableCount();
    List<TableStats> tableStats();
    DatabaseInfo databaseInfo();
    void vacuum();
    // 7.11 Streams
    void enableStream(String tableName, String viewType, String label);
    void disableStream(String tableName);
    void insertStreamRecord(String tableName, String eventName, String keysJson,
                            String newImage, String oldImage,
                            String sequenceNumber, String shardId, long createdAt);
    void insertStreamRecordWithIdentity(String tableName, String eventName, String keysJson,
                            String newImage, String oldImage,
                            String sequenceNumber, String shardId, long createdAt,
                            String userIdentity);
    long nextStreamSequenceNumber(String tableName);
    List<StreamRecord> getStreamRecords(String tableName, String shardId, long afterSequence,
                                        int limit);
    List<TableMetadata> listStreamEnabledTables();
    // 7.12 TTL
    void updateTtlConfig(String tableName, String attributeName, boolean enabled);
    List<TableMetadata> listTtlEnabledTables();
    SequenceRange getShardSequenceRange(String tableName, String shardId);
    // 7.13 Cache tracking
    void touchCachedAt(String tableName, String pk, String sk, double timestamp);
    List<LruItem> getLruItems(String tableName, int limit);
    // 8. Beyond the trait
    long lastSequence();
    List<ItemRow> expiredItems(String tableName, long nowUnixSecs, int limit);
    @Override void close();    // no checked exception
}
