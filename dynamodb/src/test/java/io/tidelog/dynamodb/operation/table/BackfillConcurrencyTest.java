package io.tidelog.dynamodb.operation.table;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tidelog.backend.Durability;
import io.tidelog.backend.ScanParams;
import io.tidelog.backend.StorageBackend;
import io.tidelog.backend.Tidelog;
import io.tidelog.backend.TidelogOptions;
import io.tidelog.dynamodb.ServiceOptions;
import io.tidelog.dynamodb.item.ItemKey;
import io.tidelog.dynamodb.item.ItemLocks;
import io.tidelog.dynamodb.item.ItemWrites;
import io.tidelog.dynamodb.json.Request;
import io.tidelog.dynamodb.json.Response;
import io.tidelog.dynamodb.operation.Context;
import io.tidelog.dynamodb.operation.Operation;
import io.tidelog.dynamodb.table.TableCatalog;
import io.tidelog.dynamodb.table.TableSchema;
import io.tidelog.dynamodb.value.AttributeValue;
import io.tidelog.dynamodb.value.AttributeValueJson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Items written while a GSI is being created all end up in it: writers hold the table's read
 * lock and read its definition under it, as item operations do, and the index creation holds the
 * write lock from its fill until the index is in the catalog.
 */
class BackfillConcurrencyTest {
    @TempDir
    Path dir;

    private static final int WRITERS = 4;
    private static final int ITEMS_PER_WRITER = 400;

    @Test
    void noItemWrittenDuringAnIndexCreationIsMissingFromTheIndex() throws Exception {
        try (StorageBackend backend = Tidelog.open(dir, TidelogOptions.builder().durability(Durability.NONE).build())) {
            TableCatalog tables = new TableCatalog(backend);
            Context context = new Context(backend, tables, new ItemLocks(), ServiceOptions.defaults(), null);
            execute(new CreateTable(), context, """
                    {"TableName":"Busy","KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}],
                     "AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"}],"BillingMode":"PAY_PER_REQUEST"}""");
            ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
            CountDownLatch started = new CountDownLatch(WRITERS);
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                writers.add(pool.submit(() -> {
                    for (int i = 0; i < ITEMS_PER_WRITER; i++) {
                        if (i == 20) {
                            started.countDown();
                        }
                        Map<String, AttributeValue> item = AttributeValueJson.readItem("{\"pk\":{\"S\":\"w" + writer
                                + "-" + i + "\"},\"h\":{\"S\":\"h" + (i % 7) + "\"}}");
                        try (TableCatalog.Held held = tables.read("Busy")) {
                            TableSchema schema = tables.require("Busy");
                            ItemWrites writes = new ItemWrites(backend.clock());
                            writes.put(schema, ItemKey.of(schema.key(), item), null, item);
                            writes.apply(backend);
                        }
                    }
                    return null;
                }));
            }
            started.await();
            execute(new UpdateTable(), context, """
                    {"TableName":"Busy","AttributeDefinitions":[{"AttributeName":"h","AttributeType":"S"}],
                     "GlobalSecondaryIndexUpdates":[{"Create":{"IndexName":"byH",
                       "KeySchema":[{"AttributeName":"h","KeyType":"HASH"}],"Projection":{"ProjectionType":"KEYS_ONLY"}}}]}""");
            for (Future<?> f : writers) {
                f.get();
            }
            pool.shutdown();
            assertEquals(WRITERS * ITEMS_PER_WRITER, backend.countItems("Busy"));
            assertEquals(WRITERS * ITEMS_PER_WRITER,
                    backend.scanGsiItems("Busy", "byH", ScanParams.builder().build()).size());
        }
    }

    private static void execute(Operation op, Context context, String body)
            throws Exception {
        op.execute(Request.parse(body.getBytes(StandardCharsets.UTF_8)), new Response(), context);
    }
}
