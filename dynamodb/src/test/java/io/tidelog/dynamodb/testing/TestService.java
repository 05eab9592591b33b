package io.tidelog.dynamodb.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tidelog.backend.Durability;
import io.tidelog.backend.StorageBackend;
import io.tidelog.backend.Tidelog;
import io.tidelog.backend.TidelogOptions;
import io.tidelog.dynamodb.Call;
import io.tidelog.dynamodb.DynamoDbService;
import io.tidelog.dynamodb.Reply;
import io.tidelog.dynamodb.ServiceOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A {@link DynamoDbService} over a store in a directory, driven the way the server drives it:
 * an operation name and a JSON request body, written with single quotes for double ones
 * ({@code {'TableName':'T'}}) unless sent with {@link #callRaw}. {@link #ok} expects success and returns the reply
 * body parsed; {@link #fails} expects DynamoDB's error and its exact message.
 */
public final class TestService implements AutoCloseable {
    public static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final TidelogOptions storeOptions;
    private final ServiceOptions options;
    private StorageBackend backend;
    private DynamoDbService service;

    private TestService(Path dir, TidelogOptions storeOptions, ServiceOptions options) {
        this.dir = dir;
        this.storeOptions = storeOptions;
        this.options = options;
        open();
    }

    /**
     * A service over a store in ASYNC durability: what these tests check does not depend on when
     * the log is forced, and they run faster without an fsync per write.
     */
    public static TestService open(Path dir) {
        return new TestService(dir, TidelogOptions.builder().durability(Durability.ASYNC).build(),
                ServiceOptions.defaults());
    }

    public static TestService open(Path dir, TidelogOptions storeOptions, ServiceOptions options) {
        return new TestService(dir, storeOptions, options);
    }

    private void open() {
        backend = Tidelog.open(dir, storeOptions);
        service = DynamoDbService.open(backend, options);
    }

    /** Closes the service and the store and opens them again on the same directory. */
    public void reopen() {
        close();
        open();
    }

    public Path dir() {
        return dir;
    }

    public StorageBackend backend() {
        return backend;
    }

    public DynamoDbService service() {
        return service;
    }

    /** Calls with a body written with single quotes for double ones ({@link #q}). */
    public Reply call(String operation, String body) {
        return callRaw(operation, q(body));
    }

    /** Calls with the body exactly as given. */
    public Reply callRaw(String operation, String body) {
        return service.handle(Call.of("DynamoDB_20120810." + operation, body.getBytes(StandardCharsets.UTF_8)));
    }

    /** Calls and expects success; the reply body, parsed. */
    public JsonNode ok(String operation, String body) {
        Reply r = call(operation, body);
        if (r.isError()) {
            fail(operation + " failed: " + r);
        }
        return parse(r.body());
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
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (service != null) {
            service.close();
            backend.close();
            service = null;
        }
    }
}
