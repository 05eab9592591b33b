package io.tidelog.backend;

/** A row returned by queries and scans: the key strings of the index or table the call read, and the item. */
public record ItemRow(String pk, String sk, String itemJson) {}
