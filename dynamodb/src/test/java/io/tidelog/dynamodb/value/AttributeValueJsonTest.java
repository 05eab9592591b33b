package io.tidelog.dynamodb.value;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tidelog.dynamodb.error.DynamoDbException;
import io.tidelog.dynamodb.error.ErrorCode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AttributeValueJsonTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return MAPPER.readTree(text.replace('\'', '"'));
    }

    private static AttributeValue read(String text) throws Exception {
        return AttributeValueJson.read(json(text));
    }

    private static DynamoDbException refusal(String text) throws Exception {
        JsonNode node = json(text);
        return assertThrows(DynamoDbException.class, () -> AttributeValueJson.read(node));
    }

    private static String refused(String text) throws Exception {
        DynamoDbException e = refusal(text);
        assertEquals(ErrorCode.VALIDATION, e.code(), e.getMessage());
        return e.getMessage();
    }

    @Test
    void readsEveryType() throws Exception {
        assertEquals(AttributeValue.s("x"), read("{'S':'x'}"));
        assertEquals(new AttributeValue.N("150"), read("{'N':'1.5E2'}"));
        assertArrayEquals(new byte[] {'h', 'i'}, ((AttributeValue.B) read("{'B':'aGk='}")).value());
        assertEquals(AttributeValue.Bool.FALSE, read("{'BOOL':false}"));
        assertEquals(AttributeValue.Null.INSTANCE, read("{'NULL':true}"));
        assertEquals(new AttributeValue.SS(List.of("a", "b")), read("{'SS':['a','b']}"));
        assertEquals(new AttributeValue.NS(List.of("1", "0.5")), read("{'NS':['1.0','.5']}"));
        assertEquals(1, ((AttributeValue.BS) read("{'BS':['aGk=']}")).values().size());
        assertEquals(new AttributeValue.L(List.of(AttributeValue.s(""), AttributeValue.n("2"))),
                read("{'L':[{'S':''},{'N':'2'}]}"));
        assertEquals(new AttributeValue.M(Map.of("k", AttributeValue.Bool.TRUE)), read("{'M':{'k':{'BOOL':true}}}"));
        // a type member that is JSON null is absent
        assertEquals(AttributeValue.n("1"), read("{'S':null,'N':'1'}"));
    }

    @Test
    void aValueWithNoTypeIsEmpty() throws Exception {
        String empty = "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes";
        assertEquals(empty, refused("{}"));
        assertEquals(empty, refused("{'a':''}"));
        assertEquals(empty, refused("{'M':{'a':{}}}"));
        assertEquals(empty, refused("{'L':[{}]}"));
    }

    @Test
    void numbersAreCheckedBeforeSeveralTypesAreRefused() throws Exception {
        String several = "Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes";
        assertEquals(several, refused("{'S':'a','N':'1'}"));
        assertEquals("The parameter cannot be converted to a numeric value", refused("{'S':'','N':''}"));
        assertEquals("The parameter cannot be converted to a numeric value: b", refused("{'S':'a','N':'b'}"));
        assertEquals("The parameter cannot be converted to a numeric value: b", refused("{'S':'a','NS':['1','b']}"));
        assertEquals("Attempting to store more than 38 significant digits in a Number",
                refused("{'BOOL':true,'N':'123456789012345678901234567890123456789'}"));
        assertEquals("Number overflow. Attempting to store a number with magnitude larger than supported range",
                refused("{'N':'1e126'}"));
    }

    @Test
    void nullMustBeTrue() throws Exception {
        assertEquals("One or more parameter values were invalid: Null attribute value types must have the value of true",
                refused("{'NULL':false}"));
    }

    @Test
    void setsMustBeNonEmptyAndWithoutDuplicates() throws Exception {
        String prefix = "One or more parameter values were invalid: ";
        assertEquals(prefix + "An string set  may not be empty", refused("{'SS':[]}"));
        assertEquals(prefix + "An number set  may not be empty", refused("{'NS':[]}"));
        assertEquals(prefix + "Binary sets should not be empty", refused("{'BS':[]}"));
        assertEquals(prefix + "Input collection [a, a] contains duplicates.", refused("{'SS':['a','a']}"));
        assertEquals(prefix + "Input collection [Yg==, Yg==]of type BS contains duplicates.", refused("{'BS':['Yg==','Yg==']}"));
        assertEquals("Input collection contains duplicates", refused("{'NS':['1','1']}"));
        // numbers are duplicates by value
        assertEquals("Input collection contains duplicates", refused("{'NS':['1','1.0']}"));
        // inside documents too
        assertEquals(prefix + "An string set  may not be empty", refused("{'M':{'x':{'L':[{'SS':[]}]}}}"));
    }

    @Test
    void documentsNestAtMostThirtyTwoLevels() throws Exception {
        String deepest = "{'S':'x'}";
        for (int i = 0; i < 31; i++) {
            deepest = "{'L':[" + deepest + "]}";
        }
        read(deepest);
        assertEquals("Nesting Levels have exceeded supported limits: Attributes in the item have nested levels beyond "
                + "supported limit", refused("{'M':{'a':" + deepest + "}}"));
    }

    @Test
    void membersOfTheWrongJsonTypeAreSerializationErrors() throws Exception {
        DynamoDbException e = refusal("{'S':1}");
        assertEquals(ErrorCode.SERIALIZATION, e.code());
        assertEquals("NUMBER_VALUE cannot be converted to String", e.getMessage());
        assertEquals("TRUE_VALUE cannot be converted to String", refusal("{'N':true}").getMessage());
        assertEquals(ErrorCode.SERIALIZATION, refusal("{'SS':'a'}").code());
    }

    @Test
    void readMapKeepsTheOrderOfTheRequest() throws Exception {
        Map<String, AttributeValue> item = AttributeValueJson.readMap(json("{'b':{'S':'1'},'a':{'N':'2'}}"));
        assertEquals(List.of("b", "a"), List.copyOf(item.keySet()));
    }

    @Test
    void storedItemsRoundTrip() {
        Map<String, AttributeValue> item = new LinkedHashMap<>();
        item.put("pk", AttributeValue.s("k"));
        item.put("n", AttributeValue.n("-1.5"));
        item.put("b", new AttributeValue.B(new byte[] {0, (byte) 255}));
        item.put("bs", new AttributeValue.BS(List.of(new byte[] {1}, new byte[] {2})));
        item.put("doc", new AttributeValue.M(Map.of("l", new AttributeValue.L(List.of(AttributeValue.Null.INSTANCE,
                AttributeValue.Bool.TRUE, new AttributeValue.SS(List.of("x")), new AttributeValue.NS(List.of("3")))))));
        String text = AttributeValueJson.itemToJson(item);
        assertEquals(item, AttributeValueJson.readItem(text));
        assertEquals(text, AttributeValueJson.itemToJson(AttributeValueJson.readItem(text)));
    }
}
