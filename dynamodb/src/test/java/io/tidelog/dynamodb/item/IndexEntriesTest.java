package io.tidelog.dynamodb.item;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tidelog.backend.IndexWriteOp;
import io.tidelog.backend.Keys;
import io.tidelog.backend.TableMetadata;
import io.tidelog.dynamodb.table.TableSchema;
import io.tidelog.dynamodb.value.AttributeValue;
import io.tidelog.dynamodb.value.AttributeValueJson;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IndexEntriesTest {

    private static final TableSchema ORDERS = TableSchema.of(new TableMetadata("Orders",
            "[{\"AttributeName\":\"id\",\"KeyType\":\"HASH\"},{\"AttributeName\":\"n\",\"KeyType\":\"RANGE\"}]",
            "[{\"AttributeName\":\"id\",\"AttributeType\":\"S\"},{\"AttributeName\":\"n\",\"AttributeType\":\"N\"},"
                    + "{\"AttributeName\":\"status\",\"AttributeType\":\"S\"},{\"AttributeName\":\"at\",\"AttributeType\":\"N\"}]",
            "[{\"IndexName\":\"byStatus\",\"KeySchema\":[{\"AttributeName\":\"status\",\"KeyType\":\"HASH\"}],"
                    + "\"Projection\":{\"ProjectionType\":\"INCLUDE\",\"NonKeyAttributes\":[\"total\"]}}]",
            "[{\"IndexName\":\"byAt\",\"KeySchema\":[{\"AttributeName\":\"id\",\"KeyType\":\"HASH\"},"
                    + "{\"AttributeName\":\"at\",\"KeyType\":\"RANGE\"}],\"Projection\":{\"ProjectionType\":\"KEYS_ONLY\"}}]",
            false, null, null, null, false, 0, "ACTIVE", null, null, null, null, false, null, "id-1"));

    private static Map<String, AttributeValue> item(Object... kv) {
        Map<String, AttributeValue> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            Object v = kv[i + 1];
            m.put((String) kv[i], v instanceof String s ? AttributeValue.s(s) : AttributeValue.n((Integer) v));
        }
        return m;
    }

    private static final Map<String, AttributeValue> A = item("id", "a", "n", 1, "status", "OPEN", "total", 5,
            "note", "x", "at", 10);

    @Test
    void aNewItemGetsOneEntryPerIndexItBelongsToWithItsProjection() {
        ItemKey key = ItemKey.of(ORDERS.key(), A);
        List<IndexWriteOp> ops = IndexEntries.changes(ORDERS, key, null, A);
        assertEquals(2, ops.size());
        IndexWriteOp.InsertGsi gsi = (IndexWriteOp.InsertGsi) ops.get(0);
        assertEquals(Keys.stringKey("OPEN"), gsi.gsiPk());
        assertEquals("", gsi.gsiSk());
        assertEquals(key.pk(), gsi.tablePk());
        assertEquals(key.sk(), gsi.tableSk());
        assertEquals(AttributeValueJson.itemToJson(item("id", "a", "n", 1, "status", "OPEN", "total", 5)), gsi.itemJson(),
                "INCLUDE keeps the keys and the named attributes");
        IndexWriteOp.InsertLsi lsi = (IndexWriteOp.InsertLsi) ops.get(1);
        assertEquals(key.pk(), lsi.pk(), "an LSI shares the table's partition");
        assertEquals(Keys.numberKey("10"), lsi.sk());
        assertEquals(AttributeValueJson.itemToJson(item("id", "a", "n", 1, "at", 10)), lsi.itemJson(), "KEYS_ONLY");
    }

    @Test
    void indexesAreSparseAndIgnoreAttributesOfAnotherType() {
        Map<String, AttributeValue> noStatus = item("id", "a", "n", 1, "at", "not a number");
        assertTrue(IndexEntries.changes(ORDERS, ItemKey.of(ORDERS.key(), noStatus), null, noStatus).isEmpty());
    }

    @Test
    void changingAnIndexKeyMovesTheEntryAndUnprojectedChangesWriteNothing() {
        ItemKey key = ItemKey.of(ORDERS.key(), A);
        Map<String, AttributeValue> closed = new LinkedHashMap<>(A);
        closed.put("status", AttributeValue.s("CLOSED"));
        List<IndexWriteOp> ops = IndexEntries.changes(ORDERS, key, A, closed);
        assertEquals(List.of(new IndexWriteOp.DeleteGsi("Orders", "byStatus", key.pk(), key.sk())), ops.subList(0, 1));
        assertEquals(Keys.stringKey("CLOSED"), ((IndexWriteOp.InsertGsi) ops.get(1)).gsiPk());
        assertEquals(2, ops.size(), "the LSI entry did not change");

        Map<String, AttributeValue> renoted = new LinkedHashMap<>(A);
        renoted.put("note", AttributeValue.s("y"));
        assertTrue(IndexEntries.changes(ORDERS, key, A, renoted).isEmpty(), "note is in no index");
    }

    @Test
    void deletingAnItemRemovesItsEntries() {
        ItemKey key = ItemKey.of(ORDERS.key(), A);
        assertEquals(List.of(new IndexWriteOp.DeleteGsi("Orders", "byStatus", key.pk(), key.sk()),
                new IndexWriteOp.DeleteLsi("Orders", "byAt", key.pk(), key.sk())),
                IndexEntries.changes(ORDERS, key, A, null));
    }
}
