package io.tidelog.backend;

/** A cached row, oldest first, as {@code getLruItems} returns it. */
public record LruItem(String pk, String sk, long itemSize) {}
