package io.tidelog.dynamodb.expression.legacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tidelog.dynamodb.error.DynamoDbException;
import io.tidelog.dynamodb.error.ErrorCode;
import io.tidelog.dynamodb.expression.ComparisonOperator;
import io.tidelog.dynamodb.expression.Condition;
import io.tidelog.dynamodb.expression.ConditionEvaluator;
import io.tidelog.dynamodb.expression.KeyCondition;
import io.tidelog.dynamodb.expression.KeyQuery;
import io.tidelog.dynamodb.expression.KeyTerm;
import io.tidelog.dynamodb.json.Request;
import io.tidelog.dynamodb.table.KeyAttribute;
import io.tidelog.dynamodb.table.KeySchema;
import io.tidelog.dynamodb.value.AttributeValue;
import io.tidelog.dynamodb.value.AttributeValueJson;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LegacyConditionsTest {
    private static final String INVALID = "One or more parameter values were invalid: ";

    /** A map member from JSON written with single quotes. */
    static Request member(String json) {
        return Request.parse(("{'m':" + json + "}").replace('\'', '"').getBytes(StandardCharsets.UTF_8)).structure("m");
    }

    static Map<String, AttributeValue> item(String json) {
        return AttributeValueJson.readItem(json.replace('\'', '"'));
    }

    private static String expectedError(String json) {
        return assertThrows(DynamoDbException.class, () -> LegacyConditions.expected(member(json), null)).getMessage();
    }

    private static String filterError(String json) {
        return assertThrows(DynamoDbException.class, () -> LegacyConditions.filter(member(json), "queryFilter", null))
                .getMessage();
    }

    private static boolean expects(String json, String operator, String item) {
        return ConditionEvaluator.matches(LegacyConditions.expected(member(json), operator), item(item));
    }

    // Expected

    @Test
    void existsAndValueFormsOfExpected() {
        assertTrue(expects("{'pk':{'Exists':false}}", null, "{}"));
        assertFalse(expects("{'pk':{'Exists':false}}", null, "{'pk':{'S':'k'}}"));
        assertTrue(expects("{'a':{'Value':{'S':'x'}}}", null, "{'a':{'S':'x'}}"));
        assertTrue(expects("{'a':{'Exists':true,'Value':{'N':'1.0'}}}", null, "{'a':{'N':'1'}}"));
        assertFalse(expects("{'a':{'Value':{'S':'x'}}}", null, "{}"));
        assertNull(LegacyConditions.expected(member("{}"), null));
        assertNull(LegacyConditions.expected(null, null));
    }

    @Test
    void comparisonOperatorFormOfExpected() {
        String item = "{'status':{'S':'active'},'role':{'S':'user'},'name':{'S':'hello-world'},'n':{'N':'5'},"
                + "'tags':{'SS':['a','b']}}";
        String both = "{'status':{'ComparisonOperator':'EQ','AttributeValueList':[{'S':'active'}]},"
                + "'role':{'ComparisonOperator':'EQ','AttributeValueList':[{'S':'admin'}]}}";
        assertFalse(expects(both, "AND", item));
        assertFalse(expects(both, null, item));
        assertTrue(expects(both, "OR", item));
        assertTrue(expects("{'name':{'ComparisonOperator':'BEGINS_WITH','AttributeValueList':[{'S':'hello'}]}}", null, item));
        assertTrue(expects("{'name':{'ComparisonOperator':'NE','Value':{'S':'x'}}}", null, item));
        assertTrue(expects("{'gone':{'ComparisonOperator':'NE','AttributeValueList':[{'S':'x'}]}}", null, item));
        assertTrue(expects("{'gone':{'ComparisonOperator':'NULL'}}", null, item));
        assertTrue(expects("{'n':{'ComparisonOperator':'NOT_NULL'}}", null, item));
        assertTrue(expects("{'n':{'ComparisonOperator':'BETWEEN','AttributeValueList':[{'N':'1'},{'N':'5'}]}}", null, item));
        assertTrue(expects("{'n':{'ComparisonOperator':'IN','AttributeValueList':[{'N':'4'},{'N':'5'}]}}", null, item));
        assertTrue(expects("{'tags':{'ComparisonOperator':'CONTAINS','AttributeValueList':[{'S':'a'}]}}", null, item));
        assertTrue(expects("{'tags':{'ComparisonOperator':'NOT_CONTAINS','AttributeValueList':[{'S':'z'}]}}", null, item));
        assertTrue(expects("{'gone':{'ComparisonOperator':'NOT_CONTAINS','AttributeValueList':[{'S':'z'}]}}", null, item));
        assertFalse(expects("{'n':{'ComparisonOperator':'LT','AttributeValueList':[{'N':'5'}]}}", null, item));
        assertTrue(expects("{'n':{'ComparisonOperator':'GE','AttributeValueList':[{'N':'5'}]}}", null, item));
        // a name is taken literally, dots and all
        assertTrue(expects("{'a.b':{'Value':{'S':'x'}}}", null, "{'a.b':{'S':'x'}}"));
    }

    @Test
    void expectedRefusesInconsistentEntriesInDynamoDbsOrder() {
        assertEquals(INVALID + "Value must be provided when Exists is null for Attribute: a", expectedError("{'a':{}}"));
        assertEquals(INVALID + "Value must be provided when Exists is true for Attribute: a",
                expectedError("{'a':{'Exists':true}}"));
        assertEquals(INVALID + "Value cannot be used when Exists is false for Attribute: a",
                expectedError("{'a':{'Exists':false,'Value':{'S':'a'}}}"));
        assertEquals(INVALID + "Exists and ComparisonOperator cannot be used together for Attribute: a",
                expectedError("{'a':{'Exists':true,'ComparisonOperator':'EQ','Value':{'S':'a'}}}"));
        assertEquals(INVALID + "Value and AttributeValueList cannot be used together for Attribute: a",
                expectedError("{'a':{'Exists':true,'ComparisonOperator':'EQ','Value':{'S':'a'},'AttributeValueList':[]}}"));
        assertEquals(INVALID + "AttributeValueList can only be used with a ComparisonOperator for Attribute: a",
                expectedError("{'a':{'AttributeValueList':[{'S':'a'}]}}"));
        assertEquals(INVALID + "Value or AttributeValueList must be used with ComparisonOperator: EQ for Attribute: a",
                expectedError("{'a':{'ComparisonOperator':'EQ'}}"));
        assertEquals(INVALID + "Invalid number of argument(s) for the NULL ComparisonOperator",
                expectedError("{'a':{'ComparisonOperator':'NULL','AttributeValueList':[{'S':'a'}]}}"));
        assertEquals(INVALID + "Invalid number of argument(s) for the BETWEEN ComparisonOperator",
                expectedError("{'a':{'ComparisonOperator':'BETWEEN','Value':{'S':'a'}}}"));
        assertEquals(INVALID + "AttributeValues inside AttributeValueList must be of same type",
                expectedError("{'a':{'ComparisonOperator':'IN','AttributeValueList':[{'S':'a'},{'N':'1'}]}}"));
        assertEquals("The BETWEEN condition was provided a range where the lower bound is greater than the upper bound",
                expectedError("{'a':{'ComparisonOperator':'BETWEEN','AttributeValueList':[{'S':'b'},{'S':'a'}]}}"));
        assertEquals("The parameter cannot be converted to a numeric value: x",
                expectedError("{'a':{'Value':{'N':'x'}}}"));
        // entries are checked in the order of the request
        assertEquals(INVALID + "Value must be provided when Exists is null for Attribute: b",
                expectedError("{'a':{'Exists':false},'b':{},'c':{'Exists':true}}"));
    }

    @Test
    void unknownOperatorsAreConstraintFailures() {
        assertEquals("1 validation error detected: Value 'XX' at 'expected.a.member.comparisonOperator' failed to satisfy "
                + "constraint: Member must satisfy enum value set: [IN, NULL, BETWEEN, LT, NOT_CONTAINS, EQ, GT, NOT_NULL, "
                + "NE, LE, BEGINS_WITH, GE, CONTAINS]", expectedError("{'a':{'ComparisonOperator':'XX','Value':{'S':'a'}}}"));
        assertEquals(List.of("Value null at 'queryFilter.a.member.comparisonOperator' failed to satisfy constraint: "
                + "Member must not be null", "Value '' at 'queryFilter.b.member.comparisonOperator' failed to satisfy "
                + "constraint: Member must satisfy enum value set: [IN, NULL, BETWEEN, LT, NOT_CONTAINS, EQ, GT, NOT_NULL, "
                + "NE, LE, BEGINS_WITH, GE, CONTAINS]"),
                LegacyConditions.constraintFailures(member("{'a':{},'b':{'ComparisonOperator':''},'c':{'ComparisonOperator':'EQ'}}"),
                        "queryFilter", true));
        assertEquals(List.of(), LegacyConditions.constraintFailures(member("{'a':{}}"), "expected", false));
        assertEquals("Value 'AN' at 'conditionalOperator' failed to satisfy constraint: Member must satisfy enum value set: "
                + "[OR, AND]", LegacyConditions.conditionalOperatorFailure("AN"));
        assertNull(LegacyConditions.conditionalOperatorFailure("OR"));
        assertEquals("1 validation error detected: Value 'AN' at 'conditionalOperator' failed to satisfy constraint: "
                + "Member must satisfy enum value set: [OR, AND]", assertThrows(DynamoDbException.class,
                        () -> LegacyConditions.expected(member("{'a':{'Exists':false}}"), "AN")).getMessage());
    }

    // QueryFilter and ScanFilter

    @Test
    void filtersSelectItemsAsTheirExpressionsWould() {
        Condition hello = LegacyConditions.filter(member("{'tag':{'ComparisonOperator':'CONTAINS',"
                + "'AttributeValueList':[{'S':'hello'}]}}"), "queryFilter", null);
        assertTrue(ConditionEvaluator.matches(hello, item("{'tag':{'S':'say-hello-there'}}")));
        assertFalse(ConditionEvaluator.matches(hello, item("{'tag':{'S':'goodbye'}}")));
        Condition both = LegacyConditions.filter(member("{'name':{'ComparisonOperator':'BEGINS_WITH','AttributeValueList':"
                + "[{'S':'alpha'}]},'val':{'ComparisonOperator':'GT','AttributeValueList':[{'N':'20'}]}}"), "scanFilter", "AND");
        assertTrue(ConditionEvaluator.matches(both, item("{'name':{'S':'alpha-three'},'val':{'N':'30'}}")));
        assertFalse(ConditionEvaluator.matches(both, item("{'name':{'S':'alpha-one'},'val':{'N':'10'}}")));
        Condition either = LegacyConditions.filter(member("{'name':{'ComparisonOperator':'BEGINS_WITH','AttributeValueList':"
                + "[{'S':'alpha'}]},'val':{'ComparisonOperator':'GT','AttributeValueList':[{'N':'20'}]}}"), "scanFilter", "OR");
        assertTrue(ConditionEvaluator.matches(either, item("{'name':{'S':'alpha-one'},'val':{'N':'10'}}")));
        Condition nulls = LegacyConditions.filter(member("{'x':{'ComparisonOperator':'NULL'},'y':{'ComparisonOperator':'NOT_NULL'}}"),
                "scanFilter", null);
        assertTrue(ConditionEvaluator.matches(nulls, item("{'y':{'BOOL':true}}")));
        assertNull(LegacyConditions.filter(member("{}"), "scanFilter", null));
    }

    @Test
    void filterValuesAreCountedAndTyped() {
        String[] arity = {
            "{'a':{'ComparisonOperator':'EQ'}}|EQ", "{'a':{'ComparisonOperator':'EQ','AttributeValueList':[]}}|EQ",
            "{'a':{'ComparisonOperator':'NE'}}|NE", "{'a':{'ComparisonOperator':'IN'}}|IN",
            "{'a':{'ComparisonOperator':'BETWEEN'}}|BETWEEN",
            "{'a':{'ComparisonOperator':'NULL','AttributeValueList':[{'S':'a'}]}}|NULL",
            "{'a':{'ComparisonOperator':'NOT_NULL','AttributeValueList':[{'S':'a'}]}}|NOT_NULL",
            "{'a':{'ComparisonOperator':'CONTAINS','AttributeValueList':[{'S':'a'},{'S':'a'}]}}|CONTAINS",
            "{'a':{'ComparisonOperator':'BETWEEN','AttributeValueList':[{'S':'a'},{'S':'a'},{'S':'a'}]}}|BETWEEN"};
        for (String c : arity) {
            String[] parts = c.split("\\|");
            assertEquals(INVALID + "Invalid number of argument(s) for the " + parts[1] + " ComparisonOperator",
                    filterError(parts[0]), parts[0]);
        }
        String[] notOrdered = {"{'BOOL':true}", "{'NULL':true}", "{'SS':['a']}", "{'NS':['1']}", "{'BS':['abcd']}",
            "{'M':{}}", "{'L':[]}"};
        for (String op : new String[] {"LT", "LE", "GT", "GE", "IN"}) {
            for (String v : notOrdered) {
                String type = v.substring(2, v.indexOf('\'', 2));
                assertEquals(INVALID + "ComparisonOperator " + op + " is not valid for " + type + " AttributeValue type",
                        filterError("{'a':{'ComparisonOperator':'" + op + "','AttributeValueList':[" + v + "]}}"), op + v);
            }
        }
        assertEquals(INVALID + "ComparisonOperator CONTAINS is not valid for SS AttributeValue type",
                filterError("{'a':{'ComparisonOperator':'CONTAINS','AttributeValueList':[{'SS':['a']}]}}"));
        assertEquals(INVALID + "ComparisonOperator BEGINS_WITH is not valid for N AttributeValue type",
                filterError("{'a':{'ComparisonOperator':'BEGINS_WITH','AttributeValueList':[{'N':'1'}]}}"));
        assertEquals(INVALID + "ComparisonOperator BETWEEN is not valid for M AttributeValue type",
                filterError("{'a':{'ComparisonOperator':'BETWEEN','AttributeValueList':[{'M':{}},{'M':{}}]}}"));
        assertEquals(INVALID + "AttributeValues inside AttributeValueList must be of same type",
                filterError("{'a':{'ComparisonOperator':'IN','AttributeValueList':[{'S':'b'},{'N':'1'}]}}"));
        assertEquals("The BETWEEN condition was provided a range where the lower bound is greater than the upper bound",
                filterError("{'a':{'ComparisonOperator':'BETWEEN','AttributeValueList':[{'N':'10'},{'N':'9'}]}}"));
        assertEquals("Supplied AttributeValue is empty, must contain exactly one of the supported datatypes",
                filterError("{'a':{'ComparisonOperator':'EQ','AttributeValueList':[{}]}}"));
        // equality takes any type
        LegacyConditions.filter(member("{'a':{'ComparisonOperator':'EQ','AttributeValueList':[{'M':{}}]}}"), "scanFilter", null);
        DynamoDbException e = assertThrows(DynamoDbException.class,
                () -> LegacyConditions.filter(member("{'a':{'AttributeValueList':[]}}"), "scanFilter", null));
        assertEquals(ErrorCode.VALIDATION, e.code());
        assertTrue(e.getMessage().contains("scanFilter.a.member.comparisonOperator"));
    }

    // KeyConditions

    @Test
    void keyConditionsBecomeKeyTermsOfOneOrTwoAttributes() {
        KeyCondition kc = LegacyConditions.keyConditions(member("{'pk':{'ComparisonOperator':'EQ','AttributeValueList':"
                + "[{'S':'p'}]},'sk':{'ComparisonOperator':'BETWEEN','AttributeValueList':[{'S':'beta'},{'S':'epsilon'}]}}"));
        KeySchema key = new KeySchema(new KeyAttribute("pk", "S"), new KeyAttribute("sk", "S"));
        KeyQuery q = kc.against(key);
        assertEquals(AttributeValue.s("p"), q.partition());
        assertEquals(new KeyTerm("sk", ComparisonOperator.BETWEEN, List.of(AttributeValue.s("beta"), AttributeValue.s("epsilon"))),
                q.sort());
        assertEquals("Conditions can be of length 1 or 2 only", assertThrows(DynamoDbException.class,
                () -> LegacyConditions.keyConditions(member("{}"))).getMessage());
        assertEquals("Conditions can be of length 1 or 2 only", assertThrows(DynamoDbException.class,
                () -> LegacyConditions.keyConditions(member("{'a':{'ComparisonOperator':'NULL'},'b':{'ComparisonOperator':'NULL'},"
                        + "'c':{'ComparisonOperator':'NULL'}}"))).getMessage());
        assertEquals(INVALID + "Invalid number of argument(s) for the EQ ComparisonOperator", assertThrows(DynamoDbException.class,
                () -> LegacyConditions.keyConditions(member("{'a':{'ComparisonOperator':'EQ'}}"))).getMessage());
        KeyCondition notIndexable = LegacyConditions.keyConditions(member("{'pk':{'ComparisonOperator':'EQ',"
                + "'AttributeValueList':[{'S':'p'}]},'sk':{'ComparisonOperator':'NOT_NULL'}}"));
        assertEquals("Attempted conditional constraint is not an indexable operation",
                assertThrows(DynamoDbException.class, () -> notIndexable.against(key)).getMessage());
    }
}
