package io.tidelog.dynamodb.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.core.JsonProcessingException;
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
import io.tidelog.dynamodb.item.ItemKey;
import io.tidelog.dynamodb.item.ItemWrites;
import io.tidelog.dynamodb.item.StoredItems;
import io.tidelog.dynamodb.table.TableSchema;
import io.tidelog.dynamodb.value.AttributeValue;
import io.tidelog.dynamodb.value.AttributeValueJson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * A {@link DynamoDbService} over a real Tidelog store in a directory, driven with JSON text the
 * way the HTTP server drives it: {@link #call} expects success and returns the parsed body,
 * {@link #fail} expects DynamoDB's error and returns it. {@link #reopen} closes the service and
 * the store and opens both again on the same directory, for restart tests.
 *
 * <pre>
 * try (LocalDynamoDb db = LocalDynamoDb.open(dir)) {
 *     db.call("CreateTable", """
 *         {"TableName":"Orders", ...}""");
 *     LocalDynamoDb.Failure f = db.fail("DescribeTable", "{\"TableName\":\"Nope\"}");
 *     assertEquals("ResourceNotFoundException", f.type());
 * }
 * </pre>
 */
public final class LocalDynamoDb implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final TidelogOptions storeOptions;
    private final ServiceOptions serviceOptions;
    private StorageBackend backend;
    private DynamoDbService service;

    private LocalDynamoDb(Path dir, TidelogOptions storeOptions, ServiceOptions serviceOptions) {
        this.dir = dir;
        this.storeOptions = storeOptions;
        this.serviceOptions = serviceOptions;
        start();
    }

    /**
     * A service with default options over a store in {@code dir} that skips fsync until it is
     * closed: the API does not depend on durability, and closing still makes everything durable.
     */
    public static LocalDynamoDb open(Path dir) {
        return new LocalDynamoDb(dir, TidelogOptions.builder().durability(Durability.NONE).build(),
                ServiceOptions.defaults());
    }

    public static LocalDynamoDb open(Path dir, TidelogOptions storeOptions, ServiceOptions serviceOptions) {
        return new LocalDynamoDb(dir, storeOptions, serviceOptions);
    }

    private void start() {
        backend = Tidelog.open(dir, storeOptions);
        service = DynamoDbService.open(backend, serviceOptions);
    }

    public StorageBackend backend() {
        return backend;
    }

    public DynamoDbService service() {
        return service;
    }

    /** Sends {@code DynamoDB_20120810.<operation>} with {@code body}; the reply as it came. */
    public Reply send(String operation, String body) {
        return service.handle(Call.of("DynamoDB_20120810." + operation, body.getBytes(StandardCharsets.UTF_8)));
    }

    /** Calls {@code operation}, expecting success; the reply's body. */
    public JsonNode call(String operation, String body) {
        Reply reply = send(operation, body);
        assertNull(reply.errorType(), () -> operation + " failed: " + reply);
        assertEquals(200, reply.status());
        return parse(reply.body());
    }

    /** Calls {@code operation}, expecting an error; the error. */
    public Failure fail(String operation, String body) {
        Reply reply = send(operation, body);
        assertNotNull(reply.errorType(), () -> operation + " succeeded: " + reply);
        JsonNode error = parse(reply.body());
        JsonNode message = error.has("message") ? error.get("message") : error.get("Message");
        String type = error.path("__type").asText();
        assertEquals(reply.errorType(), type.substring(type.indexOf('#') + 1));
        return new Failure(reply.status(), reply.errorType(), message == null ? null : message.asText());
    }

    /**
     * Writes an item into {@code table} as the item operations do (row, index entries, stream
     * record), for tests of operations that read what items there are.
     */
    public void store(String table, String itemJson) {
        TableSchema schema = TableSchema.of(backend.getTableMetadata(table).orElseThrow());
        Map<String, AttributeValue> item = AttributeValueJson.readItem(itemJson);
        ItemWrites writes = new ItemWrites(backend.clock());
        writes.put(schema, ItemKey.of(schema.key(), item), StoredItems.get(backend, schema, ItemKey.of(schema.key(),
                item)), item);
        writes.apply(backend);
    }

    /** Closes the service and the store, then opens both again on the same directory. */
    public void reopen() {
        close();
        start();
    }

    @Override
    public void close() {
        service.close();
        backend.close();
    }

    public static JsonNode parse(byte[] json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new AssertionError("reply is not JSON: " + new String(json, StandardCharsets.UTF_8), e);
        }
    }

    public static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }

    /**
     * An error reply.
     *
     * @param type the error's short type, e.g. {@code ValidationException}
     */
    public record Failure(int status, String type, String message) {}
}
