package io.tidelog.backend;

/** One table of {@link DatabaseInfo}. */
public record TableInfoEntry(TableStats stats, TableMetadata metadata) {}
