package io.tidelog.dynamodb.error;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import io.tidelog.dynamodb.value.AttributeValueJson;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The body of an error reply: {@code {"__type":"<namespace>#<Code>","message":"…"}}, with
 * DynamoDB's variations: {@code SerializationException} and {@code TransactionCanceledException}
 * spell the member {@code Message}; a message-less error carries only {@code __type}; a
 * conditional check failure may carry the {@code Item}; a cancelled transaction carries its
 * {@code CancellationReasons}.
 */
public final class ErrorReplies {
    private ErrorReplies() {}

    public static byte[] body(DynamoDbException e) {
        ByteArrayBuilder bytes = new ByteArrayBuilder(128);
        try (JsonGenerator g = AttributeValueJson.JSON.createGenerator(bytes)) {
            g.writeStartObject();
            g.writeStringField("__type", e.code().wireType());
            if (e.getMessage() != null && !e.getMessage().isEmpty()) {
                boolean capital = e.code() == ErrorCode.SERIALIZATION || e.code() == ErrorCode.TRANSACTION_CANCELED;
                g.writeStringField(capital ? "Message" : "message", e.getMessage());
            }
            if (e.item() != null) {
                g.writeFieldName("Item");
                AttributeValueJson.writeMap(g, e.item());
            }
            if (e.cancellationReasons() != null) {
                g.writeArrayFieldStart("CancellationReasons");
                for (DynamoDbException.CancellationReason r : e.cancellationReasons()) {
                    g.writeStartObject();
                    if (r.item() != null) {
                        g.writeFieldName("Item");
                        AttributeValueJson.writeMap(g, r.item());
                    }
                    g.writeStringField("Code", r.code());
                    if (r.message() != null) {
                        g.writeStringField("Message", r.message());
                    }
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            g.writeEndObject();
        } catch (IOException io) {
            throw new UncheckedIOException(io);
        }
        return bytes.toByteArray();
    }
}
