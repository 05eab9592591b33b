package io.tidelog.dynamodb.operation.item;

import static io.tidelog.dynamodb.testing.TestClient.JSON;
import static io.tidelog.dynamodb.testing.TestClient.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tidelog.backend.ItemRow;
import io.tidelog.backend.Keys;
import io.tidelog.backend.ScanParams;
import io.tidelog.backend.StorageBackend;
import io.tidelog.backend.StreamRecord;
import io.tidelog.dynamodb.testing.TestTable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What DynamoDB holds after a sequence of item writes, kept the simplest way: each table's items
 * by key as wire JSON, and the stream records of table {@code Indexed} in order. From the items
 * it derives what the store's index tables must hold: the GSI {@code byG} on the string
 * {@code g}, projecting everything, and the LSI {@code byL} on the number {@code l}, projecting
 * keys only. Table {@code Plain} has the key {@code pk}; {@code Indexed} has {@code pk} and the
 * number {@code sk}.
 */
final class ItemModel {
    /** Table → key → item. */
    private final Map<String, Map<String, ObjectNode>> tables = Map.of("Plain", new TreeMap<>(), "Indexed",
            new TreeMap<>());
    /** Table Indexed's stream records: event name, old image, new image. */
    private final List<String[]> stream = new ArrayList<>();

    /** The item at {@code key}, or null. */
    ObjectNode item(String table, String key) {
        return tables.get(table).get(key);
    }

    /** The item at {@code key} becomes {@code item} (null: deleted). */
    void change(String table, String key, ObjectNode item) {
        ObjectNode old = tables.get(table).get(key);
        if (item == null) {
            tables.get(table).remove(key);
        } else {
            tables.get(table).put(key, item);
        }
        if (table.equals("Indexed") && !(old == null ? item == null : old.equals(item))) {
            stream.add(new String[] {old == null ? "INSERT" : item == null ? "REMOVE" : "MODIFY",
                    old == null ? null : old.toString(), item == null ? null : item.toString()});
        }
    }

    /** The model's key of an item or Key map. */
    static String key(String table, JsonNode item) {
        return table.equals("Plain") ? item.at("/pk/S").asText()
                : item.at("/pk/S").asText() + "|" + item.at("/sk/N").asText();
    }

    /** The Key map of an item. */
    static ObjectNode keyOf(String table, JsonNode item) {
        ObjectNode key = JSON.createObjectNode();
        key.set("pk", item.get("pk"));
        if (table.equals("Indexed")) {
            key.set("sk", item.get("sk"));
        }
        return key;
    }

    /** Asserts that the store holds exactly the model: items, index entries, stream records. */
    void check(StorageBackend backend, String when) {
        for (String table : tables.keySet()) {
            Map<String, JsonNode> stored = new TreeMap<>();
            for (ItemRow row : backend.scanItems(table, ScanParams.builder().build())) {
                JsonNode item = parse(row.itemJson());
                stored.put(key(table, item), item);
            }
            assertEquals(tables.get(table), stored, table + " " + when);
        }
        Set<String> gsi = new HashSet<>();
        Set<String> lsi = new HashSet<>();
        for (ObjectNode item : tables.get("Indexed").values()) {
            String pk = item.at("/pk/S").asText();
            String sk = item.at("/sk/N").asText();
            if (item.has("g") && item.get("g").has("S")) {
                gsi.add(Keys.stringKey(item.at("/g/S").asText()) + " " + Keys.stringKey(pk) + " "
                        + Keys.numberKey(sk) + " " + item);
            }
            if (item.has("l") && item.get("l").has("N")) {
                ObjectNode keys = JSON.createObjectNode();
                keys.set("pk", item.get("pk"));
                keys.set("sk", item.get("sk"));
                keys.set("l", item.get("l"));
                lsi.add(Keys.stringKey(pk) + " " + Keys.numberKey(item.at("/l/N").asText()) + " " + keys);
            }
        }
        Set<String> gsiStored = new HashSet<>();
        for (ItemRow row : backend.scanGsiItems("Indexed", "byG", ScanParams.builder().build())) {
            JsonNode item = parse(row.itemJson());
            gsiStored.add(row.pk() + " " + Keys.stringKey(item.at("/pk/S").asText()) + " "
                    + Keys.numberKey(item.at("/sk/N").asText()) + " " + item);
        }
        assertEquals(gsi, gsiStored, "GSI entries " + when);
        Set<String> lsiStored = new HashSet<>();
        for (ItemRow row : backend.scanLsiItems("Indexed", "byL", ScanParams.builder().build())) {
            lsiStored.add(row.pk() + " " + row.sk() + " " + parse(row.itemJson()));
        }
        assertEquals(lsi, lsiStored, "LSI entries " + when);
        List<StreamRecord> records = backend.getStreamRecords("Indexed", TestTable.streamShard(backend, "Indexed"),
                0, 100_000);
        assertEquals(stream.size(), records.size(), "stream records " + when);
        for (int i = 0; i < stream.size(); i++) {
            String[] e = stream.get(i);
            StreamRecord r = records.get(i);
            assertEquals(e[0], r.eventName(), "event " + i + " " + when);
            assertEquals(e[1] == null ? null : parse(e[1]), r.oldImage() == null ? null : parse(r.oldImage()));
            assertEquals(e[2] == null ? null : parse(e[2]), r.newImage() == null ? null : parse(r.newImage()));
        }
    }
}
