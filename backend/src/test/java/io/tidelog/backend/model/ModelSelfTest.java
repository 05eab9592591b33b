package io.tidelog.backend.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tidelog.backend.ItemRow;
import io.tidelog.backend.Keys;
import io.tidelog.backend.QueryParams;
import io.tidelog.backend.ScanParams;
import io.tidelog.backend.SortKeyCondition;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Checks the reference model's own helpers against the spec's worked examples, so that a
 * disagreement in {@link ModelBasedTest} can be blamed on the implementation with confidence.
 * Needs no backend.
 */
class ModelSelfTest {

    private static String pad(String s, char c) {
        StringBuilder b = new StringBuilder(s);
        while (b.length() < 45) {
            b.append(c);
        }
        return "N:" + b;
    }

    @Test
    void bytewiseOrder() {
        assertTrue(ModelOrder.cmp("S:\uFFFD", "S:\uD83D\uDE00") < 0);
        assertTrue("S:\uFFFD".compareTo("S:\uD83D\uDE00") > 0);
        assertTrue(ModelOrder.cmp("", "S:") < 0);
        assertTrue(ModelOrder.cmp("S:ab", "S:abc") < 0);
        assertTrue(ModelOrder.cmp("S:a\u0000", "S:a") > 0);
        assertTrue(ModelOrder.cmp("S:\u007f", "S:\u0080") < 0);
        assertTrue(ModelOrder.bytePrefix("S:ab", "S:abc"));
        assertFalse(ModelOrder.bytePrefix("S:ab", "S:ABc"));
        assertTrue(ModelOrder.hasUnpairedSurrogate("a\uD83D"));
        assertTrue(ModelOrder.hasUnpairedSurrogate("\uDE00a"));
        assertFalse(ModelOrder.hasUnpairedSurrogate("a\uD83D\uDE00"));
    }

    @Test
    void hashPrefixVectors() {
        assertEquals("0008c2", ModelHashing.hashPrefixOfKeyString("S:3635"));
        assertEquals("000efb", ModelHashing.hashPrefixOfKeyString("S:228"));
        assertEquals("001fef", ModelHashing.hashPrefixOfKeyString("S:1668"));
        assertEquals("004477", ModelHashing.hashPrefixOfKeyString("S:3435"));
        assertEquals("05ab9a", ModelHashing.hashPrefixOfKeyString("S:caf\u00e9"));
        assertEquals("e8b778", ModelHashing.hashPrefixOfKeyString("B:0102"));
        assertEquals("ce212d", ModelHashing.hashPrefixOfKeyString(pad("1", '0')));
        assertEquals("001cc6", ModelHashing.hashPrefixOfKeyString(pad("25003251", '0')));
        assertEquals("fff5d3", ModelHashing.hashPrefixOfKeyString(pad("250042388", '0')));
        assertEquals("6840bd", ModelHashing.hashPrefixOfKeyString(pad("250031", '0')));
        assertEquals("b4a0a7", ModelHashing.hashPrefixOfKeyString(pad("250005", '0')));
        assertEquals("98f4b1", ModelHashing.hashPrefixOfKeyString(pad("049988499", '9')));
        assertNull(ModelHashing.hashPrefixOfKeyString("X:1"));
        assertNull(ModelHashing.hashPrefixOfKeyString(""));
        assertNull(ModelHashing.hashPrefixOfKeyString("N:12"));
        assertNull(ModelHashing.hashPrefixOfKeyString("B:zz"));
    }

    @Test
    void numberKeysOfTheSpecTable() {
        // §4.3; the generator takes N keys from Keys.numberKey, the model decodes them itself.
        assertEquals(pad("04997899", '9'), Keys.numberKey("-10"));
        assertEquals(pad("049988499", '9'), Keys.numberKey("-1.5"));
        assertEquals(pad("1", '0'), Keys.numberKey("0"));
        assertEquals(pad("248711", '0'), Keys.numberKey("1e-130"));
        assertEquals(pad("250005", '0'), Keys.numberKey("0.5"));
        assertEquals(pad("2500115", '0'), Keys.numberKey("1.5"));
        assertEquals(pad("250011", '0'), Keys.numberKey("1"));
        assertEquals(pad("250021", '0'), Keys.numberKey("10"));
        assertEquals(pad("250041", '0'), Keys.numberKey("1e3"));
        assertEquals(pad("250031234560", '0'), Keys.numberKey("123.456"));
    }

    @Test
    void fnvVectors() {
        assertEquals(2166136261L, ModelHashing.fnv1a32(""));
        assertEquals(3826002220L, ModelHashing.fnv1a32("a"));
        assertEquals(2199603432L, ModelHashing.fnv1a32("u#1"));
        assertEquals(2385694177L, ModelHashing.fnv1a32("artist#42"));
        assertEquals(2821410889L, ModelHashing.fnv1a32("caf\u00e9"));
        assertEquals(2022216178L, ModelHashing.fnv1a32("tenant#9007199254740993"));
        assertEquals(591205387L, ModelHashing.fnv1a32("S:a"));
        assertEquals(3, ModelHashing.fnv1a32("S:a") % 4);
    }

    @Test
    void segmentTable() {
        assertEquals(List.of("000", "fff"), List.of(ModelHashing.segmentRange(0, 1)));
        assertEquals(List.of("000", "555"), List.of(ModelHashing.segmentRange(0, 3)));
        assertEquals(List.of("556", "aaa"), List.of(ModelHashing.segmentRange(1, 3)));
        assertEquals(List.of("aab", "fff"), List.of(ModelHashing.segmentRange(2, 3)));
        assertEquals(List.of("c00", "fff"), List.of(ModelHashing.segmentRange(3, 4)));
        assertNull(ModelHashing.segmentRange(5, 5000));
        assertTrue(ModelHashing.inSegment("0008c2", 0, 4096));
        assertFalse(ModelHashing.inSegment("", 0, 1));
        assertTrue(ModelHashing.inSegment("ab", 1, 2));
    }

    @Test
    void ttlRule() {
        assertEquals(100L, ModelTtl.expiry("{\"pk\":{\"S\":\"a\"},\"exp\":{\"N\":\"100\"}}", "exp"));
        assertEquals(7L, ModelTtl.expiry("{ \"exp\" : { \"N\" : \"007\" } }", "exp"));
        assertEquals(7L, ModelTtl.expiry("{\"exp\":{\"N\":\"+7\"}}", "exp"));
        assertEquals(5L, ModelTtl.expiry("{\"\\u0065xp\":{\"N\":\"5\"}}", "exp"));
        assertNull(ModelTtl.expiry("{\"exp\":{\"N\":\"-5\"}}", "exp"));
        assertNull(ModelTtl.expiry("{\"exp\":{\"N\":\"1.5\"}}", "exp"));
        assertNull(ModelTtl.expiry("{\"exp\":{\"N\":\"1e3\"}}", "exp"));
        assertNull(ModelTtl.expiry("{\"exp\":{\"N\":5}}", "exp"));
        assertNull(ModelTtl.expiry("{\"exp\":{\"N\":\"5\",\"S\":\"x\"}}", "exp"));
        assertNull(ModelTtl.expiry("{\"exp\":{\"N\":\"99999999999999999999\"}}", "exp"));
        assertNull(ModelTtl.expiry("{\"exp\":{\"N\":\"5\"}", "exp"));
        assertNull(ModelTtl.expiry("{\"exp\":{\"N\":\"5\"}} x", "exp"));
        assertNull(ModelTtl.expiry("[1]", "exp"));
        assertNull(ModelTtl.expiry("{\"exp\":{\"N\":\" 5\"}}", "exp"));
        assertEquals(0L, ModelTtl.expiry("{\"exp\":{\"N\":\"-0\"}}", "exp"));
    }

    @Test
    void numericValues() {
        assertEquals(7, ReferenceModel.numericValue("007"));
        assertEquals(12, ReferenceModel.numericValue("12abc"));
        assertEquals(1, ReferenceModel.numericValue("1e3"));
        assertEquals(0, ReferenceModel.numericValue("abc"));
        assertEquals(42, ReferenceModel.numericValue(" 42"));
        assertEquals(Long.MAX_VALUE, ReferenceModel.numericValue("99999999999999999999"));
        assertEquals(Long.MIN_VALUE, ReferenceModel.numericValue("-99999999999999999999"));
    }

    @Test
    void paginationExampleOfSection65() {
        ReferenceModel m = new ReferenceModel();
        m.createGsiTable("Orders", "byStatus");
        for (String o : List.of("o1", "o2", "o3")) {
            m.insertGsiItem("Orders", "byStatus", "S:OPEN", "", "S:" + o, "", o);
        }
        assertEquals(List.of("o1", "o2"), json(m.queryGsiItems("Orders", "byStatus", "S:OPEN",
                QueryParams.builder().limit(2).build())));
        QueryParams.Builder c = QueryParams.builder().exclusiveStartSk("").exclusiveStartBasePk("S:o2")
                .exclusiveStartBaseSk("");
        assertEquals(List.of("o3"), json(m.queryGsiItems("Orders", "byStatus", "S:OPEN", c.build())));
        assertEquals(List.of("o1"), json(m.queryGsiItems("Orders", "byStatus", "S:OPEN", c.forward(false).build())));
        assertEquals(List.of(), json(m.queryGsiItems("Orders", "byStatus", "S:OPEN",
                QueryParams.builder().exclusiveStartSk("").build())));
        assertEquals(List.of("o1", "o2", "o3"),
                json(m.scanGsiItems("Orders", "byStatus", ScanParams.builder().build())));
        m.createDataTable("t");
        m.putItem("t", "S:a", "S:x", "j", 1);
        assertEquals(List.of(new ItemRow("S:a", "S:x", "j")), ReferenceModel.rows(m.queryItems("t", "S:a",
                QueryParams.builder().skCondition(new SortKeyCondition.BeginsWith("S:x")).build())));
    }

    private static List<String> json(List<ReferenceModel.Hit> hits) {
        return hits.stream().map(h -> h.row().itemJson()).toList();
    }
}
