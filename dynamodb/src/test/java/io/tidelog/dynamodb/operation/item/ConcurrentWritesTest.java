package io.tidelog.dynamodb.operation.item;

import static io.tidelog.dynamodb.testing.TestClient.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tidelog.backend.Durability;
import io.tidelog.backend.Keys;
import io.tidelog.backend.QueryParams;
import io.tidelog.backend.TidelogOptions;
import io.tidelog.dynamodb.Reply;
import io.tidelog.dynamodb.ServiceOptions;
import io.tidelog.dynamodb.table.Projection;
import io.tidelog.dynamodb.testing.TestClient;
import io.tidelog.dynamodb.testing.TestTable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many threads writing a few items at once: conditional updates lose nothing, read-then-write
 * loops with a version condition never both win, and batches over the same items in different
 * orders neither deadlock nor tear their index entries.
 */
class ConcurrentWritesTest {
    private static final int THREADS = 8;
    private static final int ITEMS = 4;

    @TempDir
    Path dir;
    TestClient db;
    ExecutorService pool;

    @BeforeEach
    void open() {
        db = TestClient.open(dir, TidelogOptions.builder().durability(Durability.ASYNC).build(),
                ServiceOptions.defaults());
        TestTable.named("Tbl").hash("pk", "S").gsi("byG", "g", "S", null, null, Projection.ALL)
                .stream("NEW_AND_OLD_IMAGES").create(db);
        for (int i = 0; i < ITEMS; i++) {
            db.ok("PutItem", "{'TableName':'Tbl','Item':{'pk':{'S':'i" + i + "'},'n':{'N':'0'}}}");
        }
        pool = Executors.newFixedThreadPool(THREADS);
    }

    @AfterEach
    void close() throws InterruptedException {
        pool.shutdownNow();
        assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
        db.close();
    }

    private void runAll(List<? extends java.util.concurrent.Callable<Void>> tasks) throws Exception {
        List<Future<Void>> futures = new ArrayList<>();
        for (var t : tasks) {
            futures.add(pool.submit(t));
        }
        for (Future<Void> f : futures) {
            f.get(120, TimeUnit.SECONDS);
        }
    }

    private long n(int item) {
        return db.ok("GetItem", "{'TableName':'Tbl','Key':{'pk':{'S':'i" + item + "'}},'ConsistentRead':true}")
                .at("/Item/n/N").asLong();
    }

    @Test
    void conditionalIncrementsLoseNoUpdate() throws Exception {
        int perThread = 150;
        AtomicIntegerArray done = new AtomicIntegerArray(ITEMS);
        List<java.util.concurrent.Callable<Void>> tasks = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            long seed = t;
            tasks.add(() -> {
                Random random = new Random(seed);
                for (int i = 0; i < perThread; i++) {
                    int item = random.nextInt(ITEMS);
                    db.ok("UpdateItem", "{'TableName':'Tbl','Key':{'pk':{'S':'i" + item + "'}},"
                            + "'UpdateExpression':'SET n = n + :one','ConditionExpression':'attribute_exists(pk) "
                            + "AND n >= :zero','ExpressionAttributeValues':{':one':{'N':'1'},':zero':{'N':'0'}}}");
                    done.incrementAndGet(item);
                }
                return null;
            });
        }
        runAll(tasks);
        long total = 0;
        for (int i = 0; i < ITEMS; i++) {
            assertEquals(done.get(i), n(i), "item " + i);
            total += n(i);
        }
        assertEquals((long) THREADS * perThread, total);
    }

    @Test
    void readThenConditionalWriteLoopsNeverBothWin() throws Exception {
        int perThread = 60;
        AtomicIntegerArray wins = new AtomicIntegerArray(ITEMS);
        AtomicIntegerArray losses = new AtomicIntegerArray(ITEMS);
        List<java.util.concurrent.Callable<Void>> tasks = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            long seed = 100 + t;
            tasks.add(() -> {
                Random random = new Random(seed);
                for (int i = 0; i < perThread; i++) {
                    int item = random.nextInt(ITEMS);
                    long seen = n(item);
                    Reply r = db.call("UpdateItem", "{'TableName':'Tbl','Key':{'pk':{'S':'i" + item + "'}},"
                            + "'UpdateExpression':'SET n = :next, g = :g','ConditionExpression':'n = :seen',"
                            + "'ExpressionAttributeValues':{':next':{'N':'" + (seen + 1) + "'},':seen':{'N':'" + seen
                            + "'},':g':{'S':'g" + (seen + 1) % 3 + "'}}}");
                    if (r.isError()) {
                        assertEquals("ConditionalCheckFailedException", r.errorType(), r::toString);
                        losses.incrementAndGet(item);
                    } else {
                        wins.incrementAndGet(item);
                    }
                }
                return null;
            });
        }
        runAll(tasks);
        int attempts = 0;
        for (int i = 0; i < ITEMS; i++) {
            assertEquals(wins.get(i), n(i), "each win moved item " + i + " on by exactly one");
            attempts += wins.get(i) + losses.get(i);
            String g = "g" + n(i) % 3;
            String pk = "i" + i;
            long inIndex = db.backend().queryGsiItems("Tbl", "byG", Keys.stringKey(g), QueryParams.builder().build())
                    .stream().filter(row -> parse(row.itemJson()).at("/pk/S").asText().equals(pk)).count();
            assertEquals(1, inIndex, "the GSI holds item " + i + " under its last value");
        }
        assertEquals(THREADS * perThread, attempts);
        assertEquals(ITEMS, db.backend().scanGsiItems("Tbl", "byG", io.tidelog.backend.ScanParams.builder().build())
                .size(), "one entry per item, none torn");
    }

    @Test
    void overlappingBatchesInDifferentOrdersDoNotDeadlock() throws Exception {
        int perThread = 40;
        List<java.util.concurrent.Callable<Void>> tasks = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            long seed = 200 + t;
            int thread = t;
            tasks.add(() -> {
                Random random = new Random(seed);
                for (int i = 0; i < perThread; i++) {
                    List<Integer> order = new ArrayList<>();
                    for (int k = 0; k < ITEMS; k++) {
                        order.add(k);
                    }
                    Collections.shuffle(order, random);
                    StringBuilder requests = new StringBuilder();
                    for (int k : order) {
                        if (requests.length() > 0) {
                            requests.append(',');
                        }
                        requests.append("{'PutRequest':{'Item':{'pk':{'S':'i").append(k).append("'},'n':{'N':'")
                                .append(thread).append("'},'g':{'S':'t").append(thread).append("'}}}}");
                    }
                    db.ok("BatchWriteItem", "{'RequestItems':{'Tbl':[" + requests + "]}}");
                }
                return null;
            });
        }
        runAll(tasks);
        // Each batch wrote every item with one thread's number, atomically: all items agree.
        JsonNode first = db.ok("GetItem", "{'TableName':'Tbl','Key':{'pk':{'S':'i0'}}}").get("Item");
        for (int i = 1; i < ITEMS; i++) {
            assertEquals(first.at("/n/N").asText(), String.valueOf(n(i)), "item " + i + " came from the same batch");
        }
        assertEquals(ITEMS, db.backend().queryGsiItems("Tbl", "byG", Keys.stringKey(first.at("/g/S").asText()),
                QueryParams.builder().build()).size());
    }
}
