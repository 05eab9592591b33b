package io.tidelog.dynamodb.operation.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tidelog.backend.BackendException;
import io.tidelog.backend.Durability;
import io.tidelog.backend.ScanParams;
import io.tidelog.backend.StorageBackend;
import io.tidelog.backend.Tidelog;
import io.tidelog.backend.TidelogOptions;
import io.tidelog.dynamodb.Call;
import io.tidelog.dynamodb.DynamoDbService;
import io.tidelog.dynamodb.Reply;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import io.tidelog.dynamodb.item.ItemKey;
import io.tidelog.dynamodb.item.ItemWrites;
import io.tidelog.dynamodb.table.TableSchema;
import io.tidelog.dynamodb.value.AttributeValue;
import io.tidelog.dynamodb.value.AttributeValueJson;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A definition change that fails part-way leaves nothing of itself behind: the store fails the
 * n-th mutating call of CreateTable, DeleteTable or UpdateTable, for every n, and the table is
 * then exactly as before; the same request then succeeds.
 */
class AtomicityTest {
    private static final TidelogOptions OPTIONS = TidelogOptions.builder().durability(Durability.NONE).build();

    @TempDir
    Path dir;

    /** A backend that fails the {@code failAt}-th call of a mutating method, counting from 1. */
    private static StorageBackend failing(StorageBackend real, int failAt) {
        int[] calls = {0};
        InvocationHandler handler = (proxy, method, args) -> {
            String name = method.getName();
            boolean mutating = name.startsWith("insert") || name.startsWith("update") || name.startsWith("create")
                    || name.startsWith("drop") || name.startsWith("delete") || name.startsWith("set")
                    || name.startsWith("enable") || name.startsWith("disable") || name.startsWith("clear")
                    || name.equals("write") || name.equals("commit");
            if (mutating && ++calls[0] == failAt) {
                throw new BackendException(BackendException.Kind.IO, "injected failure of " + name);
            }
            try {
                return method.invoke(real, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (StorageBackend) Proxy.newProxyInstance(StorageBackend.class.getClassLoader(),
                new Class<?>[] {StorageBackend.class}, handler);
    }

    private static Reply send(DynamoDbService service, String operation, String body) {
        return service.handle(Call.of("DynamoDB_20120810." + operation, body.getBytes(StandardCharsets.UTF_8)));
    }

    private static final String FULL = TableFixtures.PPR.replace("\"DeletionProtectionEnabled\":true",
            "\"Tags\":[{\"Key\":\"k\",\"Value\":\"v\"}]");

    @Test
    void createTableIsAllOrNothing() {
        try (StorageBackend real = Tidelog.open(dir, OPTIONS)) {
            for (int failAt = 1; ; failAt++) {
                Reply reply = send(DynamoDbService.open(failing(real, failAt)), "CreateTable", FULL);
                if (!reply.isError()) {
                    assertEquals(10, failAt, "nine mutating calls, then one run that succeeds");
                    break;
                }
                assertEquals(500, reply.status(), reply.toString());
                assertFalse(real.tableExists("Ppr"));
                assertThrows(BackendException.class, () -> real.countItems("Ppr"));
                assertThrows(BackendException.class, () -> real.scanGsiItems("Ppr", "byG", ScanParams.builder().build()));
                assertThrows(BackendException.class, () -> real.scanLsiItems("Ppr", "byL", ScanParams.builder().build()));
                assertEquals(0, real.lastSequence(), "nothing was written");
            }
        }
        try (StorageBackend reopened = Tidelog.open(dir, OPTIONS)) {
            assertEquals(1, reopened.getTags("Ppr").size());
            assertEquals(0, reopened.scanLsiItems("Ppr", "byL", ScanParams.builder().build()).size());
        }
    }

    @Test
    void deleteTableIsAllOrNothing() {
        try (StorageBackend real = Tidelog.open(dir, OPTIONS)) {
            assertFalse(send(DynamoDbService.open(real), "CreateTable", FULL).isError());
            long sequence = real.lastSequence();
            for (int failAt = 1; ; failAt++) {
                Reply reply = send(DynamoDbService.open(failing(real, failAt)), "DeleteTable", "{\"TableName\":\"Ppr\"}");
                if (!reply.isError()) {
                    assertEquals(6, failAt, "five mutating calls, then one run that succeeds");
                    break;
                }
                assertEquals(sequence, real.lastSequence());
                assertEquals(0, real.countItems("Ppr"));
                assertEquals(0, real.scanGsiItems("Ppr", "byG", ScanParams.builder().build()).size());
                assertEquals(1, real.getTags("Ppr").size());
            }
            assertFalse(real.tableExists("Ppr"));
        }
    }

    @Test
    void anIndexCreationCutShortLeavesTheCatalogAsItWas() {
        String create = "{\"TableName\":\"Ppr\",\"AttributeDefinitions\":[{\"AttributeName\":\"h\","
                + "\"AttributeType\":\"S\"}],\"GlobalSecondaryIndexUpdates\":[{\"Create\":{\"IndexName\":\"byH\","
                + "\"KeySchema\":[{\"AttributeName\":\"h\",\"KeyType\":\"HASH\"}],\"Projection\":{"
                + "\"ProjectionType\":\"ALL\"}}}]}";
        try (StorageBackend real = Tidelog.open(dir, OPTIONS)) {
            DynamoDbService service = DynamoDbService.open(real);
            assertFalse(send(service, "CreateTable", FULL).isError());
            TableSchema schema = TableSchema.of(real.getTableMetadata("Ppr").orElseThrow());
            ItemWrites items = new ItemWrites(real.clock());
            for (int i = 0; i < 3; i++) {
                Map<String, AttributeValue> item = AttributeValueJson.readItem("{\"pk\":{\"S\":\"p" + i
                        + "\"},\"sk\":{\"S\":\"s\"},\"h\":{\"S\":\"x\"}}");
                items.put(schema, ItemKey.of(schema.key(), item), null, item);
            }
            items.apply(real);
            String before = real.getTableMetadata("Ppr").orElseThrow().toString();
            for (int failAt = 1; ; failAt++) {
                Reply reply = send(DynamoDbService.open(failing(real, failAt)), "UpdateTable", create);
                if (!reply.isError()) {
                    assertEquals(6, failAt, "five mutating calls, then one run that succeeds");
                    break;
                }
                assertEquals(before, real.getTableMetadata("Ppr").orElseThrow().toString());
            }
            assertEquals(3, real.scanGsiItems("Ppr", "byH", ScanParams.builder().build()).size());
        }
    }
}
