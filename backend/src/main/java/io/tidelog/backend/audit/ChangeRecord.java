package io.tidelog.backend.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * One change-stream record: a stream record of the table as the emulator layer wrote it, with
 * the images the table's stream view type (at that point of the log) lets through.
 *
 * @param position       where it is in the log; resume after it with {@link ChangeStream.Start#after}
 * @param streamViewType KEYS_ONLY, NEW_IMAGE, OLD_IMAGE or NEW_AND_OLD_IMAGES; null when the table
 *                       had no catalog row or no view type, in which case images are as stored
 * @param newImage       null when absent or filtered out by the view type
 * @param oldImage       null when absent or filtered out by the view type
 */
public record ChangeRecord(ChangePosition position, Instant commitTime, String tableName, String shardId,
        String eventName, String keysJson, String newImage, String oldImage, String sequenceNumber,
        long createdAt, String userIdentity, String streamViewType) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The record as one line of DynamoDB Streams JSON ({@code eventID} is the position). */
    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("eventID", position.toString());
        root.put("eventName", eventName);
        root.put("eventVersion", "1.1");
        root.put("eventSource", "aws:dynamodb");
        ObjectNode d = root.putObject("dynamodb");
        d.put("ApproximateCreationDateTime", createdAt);
        d.set("Keys", parse(keysJson));
        if (newImage != null) {
            d.set("NewImage", parse(newImage));
        }
        if (oldImage != null) {
            d.set("OldImage", parse(oldImage));
        }
        d.put("SequenceNumber", sequenceNumber);
        d.put("SizeBytes", sizeBytes());
        if (streamViewType != null) {
            d.put("StreamViewType", streamViewType);
        }
        if (userIdentity != null) {
            JsonNode id = parse(userIdentity);
            root.set("userIdentity", id);
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** UTF-8 bytes of the keys and the images carried (an approximation of DynamoDB's SizeBytes). */
    public long sizeBytes() {
        long n = keysJson == null ? 0 : keysJson.getBytes(StandardCharsets.UTF_8).length;
        if (newImage != null) {
            n += newImage.getBytes(StandardCharsets.UTF_8).length;
        }
        if (oldImage != null) {
            n += oldImage.getBytes(StandardCharsets.UTF_8).length;
        }
        return n;
    }

    private static JsonNode parse(String s) {
        if (s == null) {
            return JSON.nullNode();
        }
        try {
            JsonNode n = JSON.readTree(s);
            return n == null ? JSON.getNodeFactory().textNode(s) : n;
        } catch (JsonProcessingException e) {
            return JSON.getNodeFactory().textNode(s);
        }
    }
}
