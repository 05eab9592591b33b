package io.tidelog.dynamodb.expression.legacy;

import static io.tidelog.dynamodb.expression.legacy.LegacyConditionsTest.item;
import static io.tidelog.dynamodb.expression.legacy.LegacyConditionsTest.member;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tidelog.dynamodb.error.DynamoDbException;
import io.tidelog.dynamodb.expression.KeyAttributeChecks;
import io.tidelog.dynamodb.expression.Path;
import io.tidelog.dynamodb.expression.Projection;
import io.tidelog.dynamodb.expression.ProjectionEvaluator;
import io.tidelog.dynamodb.expression.Update;
import io.tidelog.dynamodb.expression.UpdateEvaluator;
import io.tidelog.dynamodb.expression.UpdateOutcome;
import io.tidelog.dynamodb.table.KeyAttribute;
import io.tidelog.dynamodb.table.KeySchema;
import java.util.List;
import org.junit.jupiter.api.Test;

class LegacyUpdatesTest {
    private static final String INVALID = "One or more parameter values were invalid: ";

    private static UpdateOutcome apply(String updates, String item) {
        return UpdateEvaluator.apply(LegacyUpdates.attributeUpdates(member(updates)), item(item));
    }

    private static String error(String updates) {
        return assertThrows(DynamoDbException.class, () -> LegacyUpdates.attributeUpdates(member(updates))).getMessage();
    }

    @Test
    void putAddAndDeleteActions() {
        UpdateOutcome o = apply("{'name':{'Action':'PUT','Value':{'S':'new-name'}},'count':{'Action':'ADD','Value':{'N':'9'}},"
                + "'extra':{'Action':'DELETE'},'tags':{'Action':'DELETE','Value':{'SS':['b']}},"
                + "'more':{'Action':'ADD','Value':{'SS':['c','d']}},'list':{'Action':'ADD','Value':{'L':[{'S':'z'}]}},"
                + "'fresh':{'Value':{'N':'42'}}}",
                "{'pk':{'S':'k'},'name':{'S':'old'},'count':{'N':'1'},'extra':{'S':'x'},'tags':{'SS':['a','b','c']},"
                + "'more':{'SS':['a','b']},'list':{'L':[{'S':'y'}]}}");
        assertEquals(item("{'pk':{'S':'k'},'name':{'S':'new-name'},'count':{'N':'10'},'tags':{'SS':['a','c']},"
                + "'more':{'SS':['a','b','c','d']},'list':{'L':[{'S':'y'},{'S':'z'}]},'fresh':{'N':'42'}}"), o.after());
        assertEquals(item("{'name':{'S':'old'},'count':{'N':'1'},'extra':{'S':'x'},'tags':{'SS':['a','b','c']},"
                + "'more':{'SS':['a','b']},'list':{'L':[{'S':'y'}]}}"), o.updatedOld());
        // absent attributes are created by ADD and left alone by DELETE
        assertEquals(item("{'pk':{'S':'k'},'d':{'N':'5'},'e':{'SS':['a','b']},'f':{'L':[{'S':'a'},{'N':'1'}]}}"),
                apply("{'b':{'Action':'DELETE'},'c':{'Action':'DELETE','Value':{'SS':['a','b']}},'d':{'Action':'ADD',"
                        + "'Value':{'N':'5'}},'e':{'Action':'ADD','Value':{'SS':['a','b']}},'f':{'Action':'ADD','Value':"
                        + "{'L':[{'S':'a'},{'N':'1'}]}}}", "{'pk':{'S':'k'}}").after());
    }

    @Test
    void valuesOfTheWrongTypeAtRuntimeAreATypeMismatch() {
        String item = "{'b':{'SS':['1']},'c':{'N':'1'},'d':{'NS':['1']}}";
        String[] updates = {
            "{'b':{'Action':'DELETE','Value':{'NS':['1']}}}", "{'b':{'Action':'DELETE','Value':{'BS':['YQ==']}}}",
            "{'c':{'Action':'DELETE','Value':{'NS':['1']}}}", "{'b':{'Action':'ADD','Value':{'NS':['1']}}}",
            "{'d':{'Action':'ADD','Value':{'N':'1'}}}"};
        for (String u : updates) {
            assertEquals("Type mismatch for attribute to update",
                    assertThrows(DynamoDbException.class, () -> apply(u, item)).getMessage(), u);
        }
    }

    @Test
    void actionsAreCheckedAgainstTheirValues() {
        assertEquals(INVALID + "Only DELETE action is allowed when no attribute value is specified", error("{'a':{'x':'whatever'}}"));
        assertEquals(INVALID + "Only DELETE action is allowed when no attribute value is specified", error("{'a':{'Action':'ADD'}}"));
        for (String v : new String[] {"{'S':'1'}", "{'N':'1'}", "{'B':'Yg=='}", "{'NULL':true}", "{'BOOL':true}", "{'M':{}}", "{'L':[]}"}) {
            String type = v.substring(2, v.indexOf('\'', 2));
            assertEquals(INVALID + "DELETE action with value is not supported for the type " + type,
                    error("{'a':{'Action':'DELETE','Value':" + v + "}}"), v);
        }
        for (String v : new String[] {"{'S':'1'}", "{'B':'Yg=='}", "{'NULL':true}", "{'BOOL':true}", "{'M':{}}"}) {
            String type = v.substring(2, v.indexOf('\'', 2));
            assertEquals(INVALID + "ADD action is not supported for the type " + type,
                    error("{'a':{'Action':'ADD','Value':" + v + "}}"), v);
        }
        // the value is read before the action's rules apply
        assertEquals("The parameter cannot be converted to a numeric value: x", error("{'a':{'Action':'DELETE','Value':{'N':'x'}}}"));
        assertEquals("1 validation error detected: Value 'MERGE' at 'attributeUpdates.a.member.action' failed to satisfy "
                + "constraint: Member must satisfy enum value set: [ADD, PUT, DELETE]", error("{'a':{'Action':'MERGE','Value':{'S':'x'}}}"));
        assertEquals(List.of("Value 'MERGE' at 'attributeUpdates.b.member.action' failed to satisfy constraint: Member must "
                + "satisfy enum value set: [ADD, PUT, DELETE]"),
                LegacyUpdates.constraintFailures(member("{'a':{'Action':'PUT'},'b':{'Action':'MERGE'}}")));
    }

    @Test
    void keyAttributesCannotBeUpdated() {
        KeySchema key = new KeySchema(new KeyAttribute("pk", "S"), new KeyAttribute("sk", "S"));
        Update u = LegacyUpdates.attributeUpdates(member("{'d':{'Value':{'N':'1'}},'sk':{'Value':{'S':'x'}}}"));
        assertEquals(INVALID + "Cannot update attribute sk. This attribute is part of the key",
                assertThrows(DynamoDbException.class, () -> KeyAttributeChecks.requireKeyNotUpdated(u, key)).getMessage());
        assertEquals(3 + 19 * 2, u.sizeOverhead());
    }

    @Test
    void attributesToGetProjectsTopLevelNamesTakenLiterally() {
        Projection p = AttributesToGet.projection(List.of("name", "a.b", "nonexistent"));
        assertEquals(List.of(Path.of("name"), Path.of("a.b"), Path.of("nonexistent")), p.paths());
        assertEquals(item("{'name':{'S':'alice'},'a.b':{'N':'1'}}"), ProjectionEvaluator.apply(p,
                item("{'pk':{'S':'k'},'name':{'S':'alice'},'a.b':{'N':'1'},'a':{'M':{'b':{'N':'2'}}}}")));
        assertEquals(INVALID + "Duplicate value in attribute name: a",
                assertThrows(DynamoDbException.class, () -> AttributesToGet.projection(List.of("a", "b", "a"))).getMessage());
        assertTrue(AttributesToGet.projection(List.of("x")).isTopLevelOnly());
    }
}
