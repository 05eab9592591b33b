package io.tidelog.backend;

/** A table tag. */
public record Tag(String key, String value) {}
