package io.tidelog.dynamodb.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tidelog.backend.StorageBackend;
import io.tidelog.backend.TidelogOptions;
import io.tidelog.dynamodb.Reply;
import io.tidelog.dynamodb.ServiceOptions;
import java.nio.file.Path;

/**
 * A {@link LocalDynamoDb} driven with request bodies written with single quotes for double ones
 * ({@code {'TableName':'T'}}, sent with {@link #callRaw} when a body needs a real single quote),
 * and with exact error checks that return the error body (for members such as the {@code Item} of
 * a failed condition): {@link #fails} and {@link #invalid}.
 */
public final class TestClient implements AutoCloseable {
    public static final ObjectMapper JSON = new ObjectMapper();

    private final LocalDynamoDb db;

    private TestClient(LocalDynamoDb db) {
        this.db = db;
    }

    /** Over a store in {@code dir} with {@link LocalDynamoDb#open(Path)}'s options. */
    public static TestClient open(Path dir) {
        return new TestClient(LocalDynamoDb.open(dir));
    }

    public static TestClient open(Path dir, TidelogOptions storeOptions, ServiceOptions options) {
        return new TestClient(LocalDynamoDb.open(dir, storeOptions, options));
    }

    /** Closes the service and the store and opens them again on the same directory. */
    public void reopen() {
        db.reopen();
    }

    public StorageBackend backend() {
        return db.backend();
    }

    public Reply call(String operation, String body) {
        return db.send(operation, q(body));
    }

    public Reply callRaw(String operation, String body) {
        return db.send(operation, body);
    }

    /** Calls and expects success; the reply body, parsed. */
    public JsonNode ok(String operation, String body) {
        return db.call(operation, q(body));
    }

    /** Calls and expects DynamoDB's {@code errorType} with exactly {@code message}; the error body. */
    public JsonNode fails(String operation, String body, String errorType, String message) {
        Reply r = call(operation, body);
        if (!r.isError()) {
            fail(operation + " succeeded, expected " + errorType + ": " + message + "; got " + r);
        }
        JsonNode error = parse(r.body());
        assertEquals(errorType, r.errorType(), () -> "error type of " + r);
        JsonNode m = error.has("message") ? error.get("message") : error.get("Message");
        assertEquals(message, m == null ? null : m.asText(), () -> "message of " + r);
        return error;
    }

    /** A ValidationException with exactly {@code message}. */
    public JsonNode invalid(String operation, String body, String message) {
        return fails(operation, body, "ValidationException", message);
    }

    /** JSON written with single quotes, for readable request bodies in tests: {@code q("{'a':1}")}. */
    public static String q(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }

    public static JsonNode parse(byte[] body) {
        return LocalDynamoDb.parse(body);
    }

    public static JsonNode parse(String json) {
        return LocalDynamoDb.parse(json);
    }

    @Override
    public void close() {
        db.close();
    }
}
