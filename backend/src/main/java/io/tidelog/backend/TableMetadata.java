package io.tidelog.backend;

/** A catalog row. JSON-valued fields are opaque strings, returned as stored. */
public record TableMetadata(String tableName, String keySchema, String attributeDefinitions,
        String gsiDefinitions, String lsiDefinitions,
        boolean streamEnabled, String streamViewType, String streamLabel,
        String ttlAttribute, boolean ttlEnabled, long createdAt, String tableStatus,
        String billingMode, String provisionedThroughput,
        String sseSpecification, String tableClass,
        boolean deletionProtectionEnabled, String onDemandThroughput,
        String tableId) {}
