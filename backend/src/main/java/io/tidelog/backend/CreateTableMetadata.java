package io.tidelog.backend;

/** What {@code insertTableMetadata} stores; the backend adds the stream, TTL, status and id fields. */
public record CreateTableMetadata(String tableName, String keySchema, String attributeDefinitions,
        String gsiDefinitions, String lsiDefinitions,
        String provisionedThroughput, long createdAt,
        String sseSpecification, String tableClass,
        boolean deletionProtectionEnabled, String billingMode,
        String onDemandThroughput) {}
