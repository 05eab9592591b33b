package io.tidelog.backend;

/** A row for {@code putBaseItems}: written verbatim, {@code cachedAt} included. */
public record BaseItemRow(String pk, String sk, String itemJson, int itemSize,
        Double cachedAt, String hashPrefix) {}
