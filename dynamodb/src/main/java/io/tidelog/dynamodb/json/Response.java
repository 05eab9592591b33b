package io.tidelog.dynamodb.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import io.tidelog.dynamodb.value.AttributeValue;
import io.tidelog.dynamodb.value.AttributeValueJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The body of a successful reply, written as a stream of JSON members into the top-level object.
 * An operation writes its members in the order DynamoDB documents them; the object itself is
 * opened and closed for it. Stored items are JSON already and are copied in without parsing
 * ({@link #rawItem}).
 *
 * <p>Not thread-safe: one per call.
 */
public final class Response {
    private final ByteArrayBuilder bytes = new ByteArrayBuilder(512);
    private final JsonGenerator g;

    public Response() {
        try {
            g = AttributeValueJson.JSON.createGenerator(bytes);
            g.writeStartObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The generator, positioned inside the top-level object. */
    public JsonGenerator json() {
        return g;
    }

    public void item(String member, Map<String, AttributeValue> item) {
        try {
            g.writeFieldName(member);
            AttributeValueJson.writeMap(g, item);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An item member whose JSON came from storage, copied without parsing. */
    public void rawItem(String member, String itemJson) {
        try {
            g.writeFieldName(member);
            g.writeRawValue(itemJson);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void string(String member, String value) {
        try {
            g.writeStringField(member, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void number(String member, long value) {
        try {
            g.writeNumberField(member, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void number(String member, double value) {
        try {
            g.writeNumberField(member, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void bool(String member, boolean value) {
        try {
            g.writeBooleanField(member, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Closes the document and returns its bytes. */
    public byte[] finish() {
        try {
            g.writeEndObject();
            g.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
