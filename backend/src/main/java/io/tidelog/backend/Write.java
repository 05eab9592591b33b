package io.tidelog.backend;

/**
 * Tidelog extension: one write of {@link AtomicWriter#write}, which applies a list of them as
 * one mutation. Each has exactly the effect of the method it names.
 */
public sealed interface Write {

    /** As {@code putItemWithHash}. */
    record Put(String tableName, String pk, String sk, String itemJson, int itemSize, String hashPrefix)
            implements Write {}

    /** As {@code deleteItem}. */
    record Delete(String tableName, String pk, String sk) implements Write {}

    /** As the method the index write names ({@link StorageBackend#applyIndexWrites}). */
    record Index(IndexWriteOp op) implements Write {}

    /**
     * As {@code insertStreamRecordWithIdentity}, except that the backend assigns the sequence
     * number (see {@link AtomicWriter}).
     */
    record Stream(String tableName, String shardId, String eventName, String keysJson, String newImage,
            String oldImage, long createdAt, String userIdentity) implements Write {}
}
