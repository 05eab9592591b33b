package io.tidelog.projections;

/**
 * A GSI or LSI entry: the index key (partition, sort), the base item's keys, and the projected
 * item. For a GSI these are (gsiPk, gsiSk, tablePk, tableSk); for an LSI (pk, sk, basePk, baseSk).
 */
public record IndexEntry(String indexPk, String indexSk, String basePk, String baseSk,
        String itemJson) {}
