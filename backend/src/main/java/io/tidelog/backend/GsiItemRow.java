package io.tidelog.backend;

/** A row for {@code insertGsiItems}. */
public record GsiItemRow(String gsiPk, String gsiSk, String tablePk, String tableSk,
        String itemJson) {}
