package io.tidelog.backend;

/** Row count and summed item sizes of one table. */
public record TableStats(String tableName, long itemCount, long sizeBytes) {}
