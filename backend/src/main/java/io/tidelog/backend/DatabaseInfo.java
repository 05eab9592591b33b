package io.tidelog.backend;

import java.util.List;

/** An atomic snapshot of the store: its directory, size and tables. */
public record DatabaseInfo(String path, long sizeBytes, long tableCount, List<TableInfoEntry> tables) {}
