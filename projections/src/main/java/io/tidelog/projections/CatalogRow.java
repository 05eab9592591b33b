package io.tidelog.projections;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * A catalog row as the views hold it: the table's metadata and its tags, sorted by key in
 * UTF-8 byte order. Immutable; the {@code with…} methods return changed copies.
 */
public record CatalogRow(String tableName, String keySchema, String attributeDefinitions,
        String gsiDefinitions, String lsiDefinitions,
        boolean streamEnabled, String streamViewType, String streamLabel,
        String ttlAttribute, boolean ttlEnabled, long createdAt, String tableStatus,
        String billingMode, String provisionedThroughput,
        String sseSpecification, String tableClass,
        boolean deletionProtectionEnabled, String onDemandThroughput,
        String tableId, List<TagPair> tags) {

    /** One tag. */
    public record TagPair(String key, String value) {}

    static final Comparator<TagPair> TAG_ORDER = (a, b) -> Arrays.compareUnsigned(
            a.key.getBytes(StandardCharsets.UTF_8), b.key.getBytes(StandardCharsets.UTF_8));

    public CatalogRow withTableMetadata(String attrs, String gsis) {
        return new CatalogRow(tableName, keySchema, attrs, gsis, lsiDefinitions, streamEnabled,
                streamViewType, streamLabel, ttlAttribute, ttlEnabled, createdAt, tableStatus,
                billingMode, provisionedThroughput, sseSpecification, tableClass,
                deletionProtectionEnabled, onDemandThroughput, tableId, tags);
    }

    public CatalogRow withStream(boolean enabled, String viewType, String label) {
        return new CatalogRow(tableName, keySchema, attributeDefinitions, gsiDefinitions,
                lsiDefinitions, enabled, viewType, label, ttlAttribute, ttlEnabled, createdAt,
                tableStatus, billingMode, provisionedThroughput, sseSpecification, tableClass,
                deletionProtectionEnabled, onDemandThroughput, tableId, tags);
    }

    public CatalogRow withTtl(String attribute, boolean enabled) {
        return new CatalogRow(tableName, keySchema, attributeDefinitions, gsiDefinitions,
                lsiDefinitions, streamEnabled, streamViewType, streamLabel, attribute, enabled,
                createdAt, tableStatus, billingMode, provisionedThroughput, sseSpecification,
                tableClass, deletionProtectionEnabled, onDemandThroughput, tableId, tags);
    }

    public CatalogRow withBillingMode(String v) {
        return new CatalogRow(tableName, keySchema, attributeDefinitions, gsiDefinitions,
                lsiDefinitions, streamEnabled, streamViewType, streamLabel, ttlAttribute,
                ttlEnabled, createdAt, tableStatus, v, provisionedThroughput, sseSpecification,
                tableClass, deletionProtectionEnabled, onDemandThroughput, tableId, tags);
    }

    public CatalogRow withProvisionedThroughput(String v) {
        return new CatalogRow(tableName, keySchema, attributeDefinitions, gsiDefinitions,
                lsiDefinitions, streamEnabled, streamViewType, streamLabel, ttlAttribute,
                ttlEnabled, createdAt, tableStatus, billingMode, v, sseSpecification, tableClass,
                deletionProtectionEnabled, onDemandThroughput, tableId, tags);
    }

    public CatalogRow withTableClass(String v) {
        return new CatalogRow(tableName, keySchema, attributeDefinitions, gsiDefinitions,
                lsiDefinitions, streamEnabled, streamViewType, streamLabel, ttlAttribute,
                ttlEnabled, createdAt, tableStatus, billingMode, provisionedThroughput,
                sseSpecification, v, deletionProtectionEnabled, onDemandThroughput, tableId, tags);
    }

    public CatalogRow withDeletionProtection(boolean v) {
        return new CatalogRow(tableName, keySchema, attributeDefinitions, gsiDefinitions,
                lsiDefinitions, streamEnabled, streamViewType, streamLabel, ttlAttribute,
                ttlEnabled, createdAt, tableStatus, billingMode, provisionedThroughput,
                sseSpecification, tableClass, v, onDemandThroughput, tableId, tags);
    }

    public CatalogRow withOnDemandThroughput(String v) {
        return new CatalogRow(tableName, keySchema, attributeDefinitions, gsiDefinitions,
                lsiDefinitions, streamEnabled, streamViewType, streamLabel, ttlAttribute,
                ttlEnabled, createdAt, tableStatus, billingMode, provisionedThroughput,
                sseSpecification, tableClass, deletionProtectionEnabled, v, tableId, tags);
    }

    /** Sets each tag in order (a later duplicate wins); other keys keep their values. */
    public CatalogRow withTagsSet(List<TagPair> newTags) {
        List<TagPair> merged = new ArrayList<>(tags);
        for (TagPair t : newTags) {
            merged.removeIf(p -> p.key.equals(t.key));
            merged.add(t);
        }
        merged.sort(TAG_ORDER);
        return withTags(merged);
    }

    public CatalogRow withTagsRemoved(List<String> keys) {
        List<TagPair> kept = new ArrayList<>(tags);
        kept.removeIf(p -> keys.contains(p.key));
        return withTags(kept);
    }

    private CatalogRow withTags(List<TagPair> t) {
        return new CatalogRow(tableName, keySchema, attributeDefinitions, gsiDefinitions,
                lsiDefinitions, streamEnabled, streamViewType, streamLabel, ttlAttribute,
                ttlEnabled, createdAt, tableStatus, billingMode, provisionedThroughput,
                sseSpecification, tableClass, deletionProtectionEnabled, onDemandThroughput,
                tableId, List.copyOf(t));
    }

    /** The TTL attribute when TTL is in force for this table, else null. */
    public String activeTtlAttribute() {
        return ttlEnabled ? ttlAttribute : null;
    }

    byte[] encode() {
        ValueCodec.Out o = ValueCodec.out()
                .str(tableName).str(keySchema).str(attributeDefinitions)
                .nullableStr(gsiDefinitions).nullableStr(lsiDefinitions)
                .bool(streamEnabled).nullableStr(streamViewType).nullableStr(streamLabel)
                .nullableStr(ttlAttribute).bool(ttlEnabled).i64(createdAt).str(tableStatus)
                .nullableStr(billingMode).nullableStr(provisionedThroughput)
                .nullableStr(sseSpecification).nullableStr(tableClass)
                .bool(deletionProtectionEnabled).nullableStr(onDemandThroughput)
                .nullableStr(tableId).i32(tags.size());
        for (TagPair t : tags) {
            o.str(t.key).str(t.value);
        }
        return o.bytes();
    }

    static CatalogRow decode(byte[] bytes) {
        ValueCodec.In in = ValueCodec.in(bytes);
        String tableName = in.str();
        String keySchema = in.str();
        String attrs = in.str();
        String gsis = in.nullableStr();
        String lsis = in.nullableStr();
        boolean streamEnabled = in.bool();
        String viewType = in.nullableStr();
        String label = in.nullableStr();
        String ttlAttr = in.nullableStr();
        boolean ttlEnabled = in.bool();
        long createdAt = in.i64();
        String status = in.str();
        String billing = in.nullableStr();
        String provisioned = in.nullableStr();
        String sse = in.nullableStr();
        String tableClass = in.nullableStr();
        boolean protection = in.bool();
        String onDemand = in.nullableStr();
        String tableId = in.nullableStr();
        int n = in.i32();
        List<TagPair> tags = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            tags.add(new TagPair(in.str(), in.str()));
        }
        return new CatalogRow(tableName, keySchema, attrs, gsis, lsis, streamEnabled, viewType,
                label, ttlAttr, ttlEnabled, createdAt, status, billing, provisioned, sse, tableClass,
                protection, onDemand, tableId, List.copyOf(tags));
    }
}
