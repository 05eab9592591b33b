package io.tidelog.dynamodb.value;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ItemSizeTest {

    private static Map<String, AttributeValue> item(String name, AttributeValue value) {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put(name, value);
        return item;
    }

    @Test
    void stringsAndNamesCountTheirUtf8Bytes() {
        assertEquals(2 + 5, ItemSize.of(item("id", AttributeValue.s("hello"))));
        assertEquals(1 + 0, ItemSize.of(item("a", AttributeValue.s(""))));
        assertEquals(2 + 2, ItemSize.of(item("é", AttributeValue.s("é"))));
        assertEquals(1 + 3, ItemSize.of(item("a", AttributeValue.s("€"))));
        // a character outside the basic plane is four bytes, not two chars' worth of six
        assertEquals(1 + 4, ItemSize.of(item("a", AttributeValue.s("\uD83D\uDE00"))));
        assertEquals(4, ItemSize.utf8Length("\uD83D\uDE00"));
        // a lone surrogate is encoded as a replacement of three bytes
        assertEquals(3, ItemSize.utf8Length("\uD83D"));
    }

    @Test
    void numbersCountBySignificantDigits() {
        assertEquals(1 + 2, ItemSize.of(item("n", AttributeValue.n("42"))));
        assertEquals(1 + 3, ItemSize.of(item("n", AttributeValue.n("-42"))));
        // expanding 1E125 to 126 digits for storage does not change its size
        assertEquals(1 + 2, ItemSize.of(item("n", AttributeValue.n("1E125"))));
        assertEquals(1 + 1, ItemSize.of(item("n", AttributeValue.n("0"))));
    }

    @Test
    void binariesBooleansAndNulls() {
        assertEquals(1 + 3, ItemSize.of(item("b", new AttributeValue.B(new byte[3]))));
        assertEquals(1 + 1, ItemSize.of(item("t", AttributeValue.Bool.TRUE)));
        assertEquals(1 + 1, ItemSize.of(item("z", AttributeValue.Null.INSTANCE)));
    }

    @Test
    void setsCountTheirElements() {
        assertEquals(1 + 1 + 2, ItemSize.of(item("s", new AttributeValue.SS(List.of("a", "bc")))));
        assertEquals(1 + 2 + 3, ItemSize.of(item("s", new AttributeValue.NS(List.of("1", "-1")))));
        assertEquals(1 + 1 + 2, ItemSize.of(item("s", new AttributeValue.BS(List.of(new byte[1], new byte[2])))));
    }

    @Test
    void documentsCostThreeBytesPlusOnePerElementOrEntry() {
        AttributeValue list = new AttributeValue.L(List.of(AttributeValue.s("ab"), AttributeValue.n("1")));
        assertEquals(1 + 3 + 2 + 2 + 2, ItemSize.of(item("l", list)));
        assertEquals(1 + 3, ItemSize.of(item("l", new AttributeValue.L(List.of()))));
        Map<String, AttributeValue> entries = new LinkedHashMap<>();
        entries.put("k", AttributeValue.s("vv"));
        entries.put("kk", AttributeValue.Bool.FALSE);
        AttributeValue map = new AttributeValue.M(entries);
        assertEquals(1 + 3 + (1 + 1 + 2) + (2 + 1 + 1), ItemSize.of(item("m", map)));
        AttributeValue nested = new AttributeValue.M(Map.of("in", list));
        assertEquals(1 + 3 + (2 + 1 + ItemSize.of(list)), ItemSize.of(item("m", nested)));
    }

    @Test
    void anItemIsTheSumOfItsAttributes() {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("pk", AttributeValue.s("user#1"));
        item.put("age", AttributeValue.n("30"));
        item.put("tags", new AttributeValue.SS(List.of("x")));
        assertEquals((2 + 6) + (3 + 2) + (4 + 1), ItemSize.of(item));
        assertEquals(400 * 1024, ItemSize.MAX_ITEM_BYTES);
    }
}
