package io.tidelog.backend;

/** A stream record as stored; the table and shard are implied by the query. */
public record StreamRecord(String eventName, String keysJson, String newImage,
        String oldImage, String sequenceNumber, long createdAt,
        String userIdentity) {}
