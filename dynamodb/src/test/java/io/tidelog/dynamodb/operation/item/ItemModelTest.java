package io.tidelog.dynamodb.operation.item;

import static io.tidelog.dynamodb.testing.TestClient.JSON;
import static io.tidelog.dynamodb.testing.TestClient.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tidelog.backend.Durability;
import io.tidelog.backend.TidelogOptions;
import io.tidelog.dynamodb.ServiceOptions;
import io.tidelog.dynamodb.Reply;
import io.tidelog.dynamodb.table.Projection;
import io.tidelog.dynamodb.testing.TestClient;
import io.tidelog.dynamodb.testing.TestTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Random sequences of item operations (puts, conditional puts, deletes, conditional deletes,
 * conditional increments, updates that create items, batch writes, reads) against a small
 * in-memory model of DynamoDB's semantics ({@link ItemModel}), compared on every read and, in
 * full (items, GSI and LSI entries, stream records), after reopening the store and after its
 * views were deleted and rebuilt from the log.
 */
class ItemModelTest {
    private static final int OPERATIONS = 300;

    @TempDir
    Path dir;

    private final ItemModel model = new ItemModel();
    private Random random;
    private TestClient db;

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void randomOperationsMatchTheModelAcrossReopenAndRebuild(long seed) throws IOException {
        random = new Random(seed);
        db = TestClient.open(dir, TidelogOptions.builder().durability(Durability.ASYNC).build(),
                ServiceOptions.defaults());
        try {
            TestTable.named("Plain").hash("pk", "S").create(db);
            TestTable.named("Indexed").hash("pk", "S").range("sk", "N")
                    .gsi("byG", "g", "S", null, null, Projection.ALL)
                    .lsi("byL", "l", "N", Projection.KEYS_ONLY)
                    .stream("NEW_AND_OLD_IMAGES").create(db);
            run(OPERATIONS);
            model.check(db.backend(), "after the operations");
            db.reopen();
            model.check(db.backend(), "after reopening");
            run(OPERATIONS / 3);
            db.close();
            deleteRecursively(dir.resolve("views"));
            db.reopen();
            model.check(db.backend(), "after rebuilding the views from the log");
        } finally {
            db.close();
        }
    }

    private void run(int operations) {
        for (int i = 0; i < operations; i++) {
            int op = random.nextInt(14);
            if (op < 3) {
                put();
            } else if (op < 4) {
                conditionalPut();
            } else if (op < 5) {
                delete();
            } else if (op < 6) {
                conditionalDelete();
            } else if (op < 8) {
                conditionalIncrement();
            } else if (op < 9) {
                update();
            } else if (op < 10) {
                batchWrite();
            } else if (op < 13) {
                get();
            } else {
                batchGet();
            }
        }
    }

    // Operations

    private void put() {
        String table = table();
        ObjectNode item = item(table);
        String key = ItemModel.key(table, item);
        Reply r = db.callRaw("PutItem", request(table).<ObjectNode>set("Item", item).put("ReturnValues", "ALL_OLD").toString());
        JsonNode reply = ok(r);
        assertEquals(model.item(table, key), reply.get("Attributes"), "ALL_OLD of a put to " + key);
        model.change(table, key, item);
    }

    private void delete() {
        String table = table();
        ObjectNode item = item(table);
        String key = ItemModel.key(table, item);
        JsonNode reply = ok(db.callRaw("DeleteItem", request(table).<ObjectNode>set("Key", ItemModel.keyOf(table, item))
                .put("ReturnValues", "ALL_OLD").toString()));
        assertEquals(model.item(table, key), reply.get("Attributes"), "ALL_OLD of a delete of " + key);
        model.change(table, key, null);
    }

    /** A put only where there is no item yet. */
    private void conditionalPut() {
        String table = table();
        ObjectNode item = item(table);
        String key = ItemModel.key(table, item);
        ObjectNode current = model.item(table, key);
        Reply r = db.callRaw("PutItem", request(table).<ObjectNode>set("Item", item)
                .put("ConditionExpression", "attribute_not_exists(pk)")
                .put("ReturnValuesOnConditionCheckFailure", "ALL_OLD").toString());
        if (current == null) {
            ok(r);
            model.change(table, key, item);
        } else {
            assertEquals(current, failedCondition(r).get("Item"), "the item a failed put was checked against");
        }
    }

    /** A delete only where the item holds a given v. */
    private void conditionalDelete() {
        String table = table();
        ObjectNode item = item(table);
        String key = ItemModel.key(table, item);
        String v = Integer.toString(random.nextInt(3));
        ObjectNode current = model.item(table, key);
        Reply r = db.callRaw("DeleteItem", request(table).<ObjectNode>set("Key", ItemModel.keyOf(table, item))
                .put("ConditionExpression", "v = :v").<ObjectNode>set("ExpressionAttributeValues",
                        JSON.createObjectNode().set(":v", JSON.createObjectNode().put("N", v))).toString());
        if (current != null && current.has("v") && current.at("/v/N").asText().equals(v)) {
            ok(r);
            model.change(table, key, null);
        } else {
            failedCondition(r);
        }
    }

    /** v incremented (from 0 when absent) on an existing item whose g is not z. */
    private void conditionalIncrement() {
        String table = table();
        ObjectNode item = item(table);
        String key = ItemModel.key(table, item);
        ObjectNode current = model.item(table, key);
        ObjectNode values = JSON.createObjectNode();
        values.putObject(":zero").put("N", "0");
        values.putObject(":one").put("N", "1");
        values.putObject(":z").put("S", "z");
        Reply r = db.callRaw("UpdateItem", request(table).<ObjectNode>set("Key", ItemModel.keyOf(table, item))
                .put("UpdateExpression", "SET v = if_not_exists(v, :zero) + :one")
                .put("ConditionExpression", "attribute_exists(pk) AND (attribute_not_exists(g) OR g <> :z)")
                .<ObjectNode>set("ExpressionAttributeValues", values).put("ReturnValues", "ALL_NEW").toString());
        if (current != null && !(current.has("g") && current.at("/g/S").asText().equals("z"))) {
            ObjectNode next = current.deepCopy();
            int v = current.has("v") ? current.at("/v/N").asInt() : 0;
            next.putObject("v").put("N", Integer.toString(v + 1));
            assertEquals(next, ok(r).get("Attributes"), "ALL_NEW of an increment of " + key);
            model.change(table, key, next);
        } else {
            failedCondition(r);
        }
    }

    /** An unconditional update: sets s, removes tags; creates the item when absent. */
    private void update() {
        String table = table();
        ObjectNode item = item(table);
        String key = ItemModel.key(table, item);
        ObjectNode current = model.item(table, key);
        String s = random.nextBoolean() ? "" : "u" + random.nextInt(3);
        ObjectNode values = JSON.createObjectNode();
        values.putObject(":s").put("S", s);
        JsonNode reply = ok(db.callRaw("UpdateItem", request(table).<ObjectNode>set("Key", ItemModel.keyOf(table, item))
                .put("UpdateExpression", "SET s = :s REMOVE tags").<ObjectNode>set("ExpressionAttributeValues", values)
                .put("ReturnValues", "UPDATED_OLD").toString()));
        ObjectNode old = JSON.createObjectNode();
        if (current != null && current.has("s")) {
            old.set("s", current.get("s"));
        }
        if (current != null && current.has("tags")) {
            old.set("tags", current.get("tags"));
        }
        assertEquals(old.isEmpty() ? null : old, reply.get("Attributes"), "UPDATED_OLD of an update of " + key);
        ObjectNode next = current == null ? ItemModel.keyOf(table, item) : current.deepCopy();
        next.remove("tags");
        next.putObject("s").put("S", s);
        model.change(table, key, next);
    }

    private static JsonNode failedCondition(Reply r) {
        assertEquals("ConditionalCheckFailedException", r.errorType(), r::toString);
        return parse(r.body());
    }

    private void batchWrite() {
        ObjectNode requestItems = JSON.createObjectNode();
        Set<String> used = new HashSet<>();
        Map<String, ObjectNode> changes = new LinkedHashMap<>();
        int n = 1 + random.nextInt(6);
        for (int i = 0; i < n; i++) {
            String table = table();
            ObjectNode item = item(table);
            String key = ItemModel.key(table, item);
            if (!used.add(table + "/" + key)) {
                continue;
            }
            ArrayNode list = requestItems.has(table) ? (ArrayNode) requestItems.get(table)
                    : requestItems.putArray(table);
            boolean put = random.nextBoolean();
            if (put) {
                list.addObject().putObject("PutRequest").set("Item", item);
            } else {
                list.addObject().putObject("DeleteRequest").set("Key", ItemModel.keyOf(table, item));
            }
            changes.put(table + "/" + key, put ? item : null);
        }
        JsonNode reply = ok(db.callRaw("BatchWriteItem",
                JSON.createObjectNode().set("RequestItems", requestItems).toString()));
        assertEquals(parse("{}"), reply.get("UnprocessedItems"));
        changes.forEach((tableKey, item) -> {
            String[] parts = tableKey.split("/", 2);
            model.change(parts[0], parts[1], item);
        });
    }

    private void get() {
        String table = table();
        ObjectNode item = item(table);
        JsonNode reply = ok(db.callRaw("GetItem", request(table).<ObjectNode>set("Key", ItemModel.keyOf(table, item))
                .put("ConsistentRead", random.nextBoolean()).toString()));
        assertEquals(model.item(table, ItemModel.key(table, item)), reply.get("Item"));
    }

    private void batchGet() {
        ObjectNode requestItems = JSON.createObjectNode();
        Map<String, Set<String>> expected = new TreeMap<>();
        Set<String> asked = new HashSet<>();
        for (int i = 0; i < 1 + random.nextInt(8); i++) {
            String table = table();
            ObjectNode item = item(table);
            String key = ItemModel.key(table, item);
            if (!asked.add(table + "/" + key)) {
                continue;
            }
            ObjectNode t = requestItems.has(table) ? (ObjectNode) requestItems.get(table)
                    : requestItems.putObject(table);
            (t.has("Keys") ? (ArrayNode) t.get("Keys") : t.putArray("Keys")).add(ItemModel.keyOf(table, item));
            Set<String> found = expected.computeIfAbsent(table, x -> new HashSet<>());
            if (model.item(table, key) != null) {
                found.add(model.item(table, key).toString());
            }
        }
        JsonNode reply = ok(db.callRaw("BatchGetItem",
                JSON.createObjectNode().set("RequestItems", requestItems).toString()));
        for (Map.Entry<String, Set<String>> e : expected.entrySet()) {
            Set<String> got = new HashSet<>();
            reply.at("/Responses/" + e.getKey()).forEach(i -> got.add(i.toString()));
            assertEquals(e.getValue(), got, "BatchGetItem from " + e.getKey());
        }
    }

    // Random requests

    private String table() {
        return random.nextInt(3) == 0 ? "Plain" : "Indexed";
    }

    private ObjectNode request(String table) {
        return JSON.createObjectNode().put("TableName", table);
    }

    /** A random item of {@code table} (its key drawn from a few, so items are often revisited). */
    private ObjectNode item(String table) {
        ObjectNode item = JSON.createObjectNode();
        item.putObject("pk").put("S", table.equals("Plain") ? "p" + random.nextInt(8) : "k" + random.nextInt(4));
        if (table.equals("Indexed")) {
            item.putObject("sk").put("N", Integer.toString(random.nextInt(3)));
            if (random.nextInt(3) > 0) {
                item.putObject("g").put("S", List.of("x", "y", "z").get(random.nextInt(3)));
            }
            if (random.nextBoolean()) {
                item.putObject("l").put("N", Integer.toString(random.nextInt(5) - 2));
            }
        }
        if (random.nextBoolean()) {
            item.putObject("v").put("N", Integer.toString(random.nextInt(3)));
        }
        if (random.nextInt(4) == 0) {
            item.putObject("s").put("S", random.nextBoolean() ? "" : "text");
        }
        if (random.nextInt(5) == 0) {
            item.putObject("tags").putArray("SS").add("a").add("b" + random.nextInt(2));
        }
        return item;
    }

    private static JsonNode ok(Reply r) {
        if (r.isError()) {
            throw new AssertionError("unexpected error: " + r);
        }
        return parse(r.body());
    }

    private static void deleteRecursively(Path path) throws IOException {
        try (Stream<Path> files = Files.walk(path)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
