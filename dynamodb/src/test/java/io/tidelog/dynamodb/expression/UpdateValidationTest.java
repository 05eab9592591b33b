package io.tidelog.dynamodb.expression;

import static io.tidelog.dynamodb.expression.Values.b;
import static io.tidelog.dynamodb.expression.Values.bool;
import static io.tidelog.dynamodb.expression.Values.bs;
import static io.tidelog.dynamodb.expression.Values.l;
import static io.tidelog.dynamodb.expression.Values.m;
import static io.tidelog.dynamodb.expression.Values.map;
import static io.tidelog.dynamodb.expression.Values.n;
import static io.tidelog.dynamodb.expression.Values.names;
import static io.tidelog.dynamodb.expression.Values.ns;
import static io.tidelog.dynamodb.expression.Values.nul;
import static io.tidelog.dynamodb.expression.Values.s;
import static io.tidelog.dynamodb.expression.Values.ss;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tidelog.dynamodb.error.DynamoDbException;
import io.tidelog.dynamodb.value.AttributeValue;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The messages, and their order, for update expressions that DynamoDB refuses, and what a valid one becomes. */
class UpdateValidationTest {
    private static final String UPDATE = "Invalid UpdateExpression: ";

    private static Update bind(String expression, Map<String, String> names, Map<String, AttributeValue> values) {
        return RequestExpressions.builder(new ExpressionCache(8)).names(names).values(values).update(expression)
                .bind().update();
    }

    private static String error(String expression, Map<String, String> names, Map<String, AttributeValue> values) {
        return assertThrows(DynamoDbException.class, () -> bind(expression, names, values)).getMessage();
    }

    private static String error(String expression) {
        return error(expression, null, null);
    }

    @Test
    void aLeadingWordThatIsNoClauseIsASyntaxError() {
        assertEquals(UPDATE + "Syntax error; token: \"INVALID\", near: \"INVALID SYNTAX\"", error("INVALID SYNTAX HERE"));
        assertEquals(UPDATE + "Syntax error; token: \":\", near: \"hits : incr\"", error("ADD hits : incr"));
        assertEquals(UPDATE + "Syntax error; token: \"<EOF>\", near: \"a\"", error("SET a"));
        assertEquals(UPDATE + "Syntax error; token: \"+\", near: \"c + d\"", error("set a = b + c + d"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "whatever", "set a", "add a", "delete a", "set a=set", "remove a = b", "add a = b", "delete a = b",
        "delete a b", "delete a if_not_exist(b)", "add abort b", "add a if_not_exist(b)", "remove a b", "set a b",
        "set :a = b", "add :a b", "delete :a b", "remove :a", "set a = b / c", "set a = b * c",
        "set a[1] = \"eight\"", "set a[1] = 1", "SET a = if_not_exist(a, 100)", "SET if_not_exist(a, b) = a",
        "set (a = (b + c))", "set a = (b.c).d + e", "set a = (b.c)[0] + e", "set a = b + c + d", "SET", "SET a = f()",
        "SET a = :v,", "SET a = :v REMOVE", "set a = ((b + c))"})
    void malformedUpdatesAreSyntaxErrors(String expression) {
        assertTrue(error(expression).startsWith(UPDATE + "Syntax error; token: "), expression);
    }

    @Test
    void emptyUpdatesAreRefused() {
        assertEquals(UPDATE + "The expression can not be empty;", error(""));
    }

    @Test
    void faultsInTheTextComeFirstReservedWordsThenFunctionsThenClauses() {
        Map<String, String> names = names("#a", "a", "#b", "b");
        Map<String, AttributeValue> values = map(":a", s("a"), ":b", s("a"));
        assertEquals(UPDATE + "Attribute name is a reserved keyword; reserved keyword: abOrt",
                error(" set #c = :c set abOrt = true ", names, values));
        assertEquals(UPDATE + "Attribute name is a reserved keyword; reserved keyword: Absolute",
                error(" remove Absolute ", names, values));
        assertEquals(UPDATE + "Invalid function name; function: if_not_exist",
                error("set #c = if_not_exist(:c) set c = d", names, values));
        assertEquals(UPDATE + "Invalid function name; function: size", error("set a = size(b)"));
        String[][] repeated = {
            {"set a = #c set c = :d", "SET"}, {"remove #d set a = b remove e", "REMOVE"},
            {"add #d :e set a = b add e :f", "ADD"}, {"delete #d :e set a = b delete #e :f", "DELETE"}};
        for (String[] r : repeated) {
            assertEquals(UPDATE + "The \"" + r[1] + "\" section can only be used once in an update expression;",
                    error(r[0], names, values), r[0]);
        }
    }

    @Test
    void everyNameIsCheckedBeforeAnyValue() {
        Map<String, String> names = names("#a", "a", "#b", "b");
        Map<String, AttributeValue> values = map(":a", s("a"), ":b", s("a"));
        assertEquals(UPDATE + "An expression attribute name used in the document path is not defined; attribute name: #c",
                error("SET #c = if_not_exists(:c)", names, values));
        assertEquals(UPDATE + "An expression attribute value used in expression is not defined; attribute value: :c",
                error("SET #a = if_not_exists(:c)", names, values));
        assertEquals(UPDATE + "An expression attribute name used in the document path is not defined; attribute name: #z",
                error("SET a = :zz, b = #z"));
        assertEquals(UPDATE + "An expression attribute value used in expression is not defined; attribute value: :v",
                error("SET attr1 = :v"));
    }

    @Test
    void overlappingPathsNameTheEarlierPathFirst() {
        Map<String, String> names = names("#c", "c", "#d", "[3]");
        assertEquals(UPDATE + "Two document paths overlap with each other; must remove or rewrite one of these paths; "
                + "path one: [c, [1], a], path two: [c]",
                error("set d[1] = a, d.b = a, c[1].a = a, #c = if_not_exists(a)", names, null));
        assertEquals(UPDATE + "Two document paths overlap with each other; must remove or rewrite one of these paths; "
                + "path one: [c, [3], [3]], path two: [c, [3]]", error("set #c[3].#d = a, #c[3] = a", names, null));
        assertEquals(UPDATE + "Two document paths overlap with each other; must remove or rewrite one of these paths; "
                + "path one: [f], path two: [f]", error("SET f = :v REMOVE f", null, map(":v", s("x"))));
        assertEquals(UPDATE + "Two document paths overlap with each other; must remove or rewrite one of these paths; "
                + "path one: [a], path two: [a, b]", error("SET a = :v, a.b = :v", null, map(":v", s("x"))));
    }

    @Test
    void conflictingPathsDivergeBetweenAMapKeyAndAListIndex() {
        Map<String, String> names = names("#b", "b", "#c", "c", "#d", "[3]");
        assertEquals(UPDATE + "Two document paths conflict with each other; must remove or rewrite one of these paths; "
                + "path one: [c, [3], [3]], path two: [c, [3], [3]]",
                error("set #c[3].#d = a, #c.#d[3] = if_not_exists(a, a)", names("#c", "c", "#d", "[3]"), null));
        assertEquals(UPDATE + "Two document paths conflict with each other; must remove or rewrite one of these paths; "
                + "path one: [a, c], path two: [a, [1]]", error("remove a.#c set a[1] = #d", names("#c", "c", "#d", "d"), null));
        // an overlap anywhere is reported before a conflict
        assertTrue(error("SET a.b = :v, a[0] = :v, c = :v, c.d = :v", null, map(":v", s("x"))).contains("overlap"));
    }

    @Test
    void addTakesNumbersAndSetsAndDeleteTakesSets() {
        Object[][] cases = {
            {"add a.b :a", s("a"), "ADD", "STRING"}, {"delete a.b :a", s("a"), "DELETE", "STRING"},
            {"add a.b :a", nul(), "ADD", "NULL"}, {"delete a.b :a", nul(), "DELETE", "NULL"},
            {"add a.b :a", bool(false), "ADD", "BOOLEAN"}, {"delete a.b :a", bool(false), "DELETE", "BOOLEAN"},
            {"add a.b :a", b(0x61), "ADD", "BINARY"}, {"delete a.b :a", b(0x61), "DELETE", "BINARY"},
            {"add a.b :a", m("a", l(n("1"))), "ADD", "MAP"}, {"delete a.b :a", m(), "DELETE", "MAP"},
            {"add a.b :a", l(n("1")), "ADD", "LIST"}, {"delete a.b :a", l(), "DELETE", "LIST"},
            {"delete a.b :a", n("1"), "DELETE", "NUMBER"}};
        for (Object[] c : cases) {
            assertEquals(UPDATE + "Incorrect operand type for operator or function; operator: " + c[2] + ", operand type: "
                    + c[3], error((String) c[0], null, map(":a", (AttributeValue) c[1])), (String) c[0]);
        }
        // overlapping paths come before operand types
        assertTrue(error("ADD a :a SET a = :a", null, map(":a", s("x"))).contains("overlap"));
        Update ok = bind("ADD a :n, b :ss DELETE c :ns, d :bs", null,
                map(":n", n("1"), ":ss", ss("x"), ":ns", ns("1"), ":bs", bs(new byte[] {1})));
        assertEquals(4, ok.actions().size());
    }

    @Test
    void functionsAndArithmeticCheckTheirOperandsLast() {
        Map<String, String> names = names("#a", "a", "#b", "b");
        Map<String, AttributeValue> values = map(":a", s("a"), ":b", s("a"));
        assertEquals(UPDATE + "Incorrect number of operands for operator or function; operator or function: if_not_exists, "
                + "number of operands: 1", error("set a = if_not_exists(c)", names, values));
        assertEquals(UPDATE + "Incorrect number of operands for operator or function; operator or function: list_append, "
                + "number of operands: 1", error("set a = list_append(c)", names, values));
        assertEquals(UPDATE + "Operator or function requires a document path; operator or function: if_not_exists",
                error("set a = if_not_exists(:a, c)", names, values));
        assertEquals(UPDATE + "Operator or function requires a document path; operator or function: if_not_exists",
                error("set a = if_not_exists(if_not_exists(a, b), c)", names, values));
        // operand types of ADD come before functions
        assertEquals(UPDATE + "Incorrect operand type for operator or function; operator: ADD, operand type: STRING",
                error("set b = list_append(:a, a), c = if_not_exists(a) add a.b :a", null, map(":a", s("a"))));
    }

    @Test
    void functionAndArithmeticOperandsOfTheWrongTypeUseShortTypeNames() {
        Map<String, AttributeValue> values = map(":a", s("a"), ":b", n("1"), ":c", b(0x61), ":d", bool(false),
                ":e", nul(), ":f", ss("a"), ":g", ns("1"), ":h", bs(new byte[] {0x61}), ":i", m(), ":j", l());
        String[][] cases = {
            {"set a = list_append(:a, a)", "list_append", "S"}, {"set a = list_append(a, :b)", "list_append", "N"},
            {"set a = list_append(:c, a)", "list_append", "B"}, {"set a = list_append(:d, a)", "list_append", "BOOL"},
            {"set a = list_append(:e, a)", "list_append", "NULL"}, {"set a = list_append(:f, a)", "list_append", "SS"},
            {"set a = list_append(:g, a)", "list_append", "NS"}, {"set a = list_append(:h, a)", "list_append", "BS"},
            {"set a = list_append(:i, a)", "list_append", "M"}, {"set a = a + :a", "+", "S"},
            {"set a = :a + :c", "+", "S"}, {"set a = :c + a", "+", "B"}, {"set a = a + :j", "+", "L"},
            {"set a = a - :d", "-", "BOOL"}, {"set a = a - :i", "-", "M"}};
        for (String[] c : cases) {
            String message = error(c[0], null, values);
            assertEquals(UPDATE + "Incorrect operand type for operator or function; operator or function: " + c[1]
                    + ", operand type: " + c[2], message, c[0]);
        }
    }

    @Test
    void aValidUpdateKeepsItsActionsInTheOrderWritten() {
        Update u = bind("REMOVE x, y[2] SET #n = if_not_exists(#n, :z) + :one, l = list_append(l, :l) ADD s :s DELETE t :t",
                names("#n", "count"), map(":z", n("0"), ":one", n("1"), ":l", l(s("x")), ":s", ss("a"), ":t", ss("b")));
        List<UpdateAction> a = u.actions();
        assertEquals(List.of(UpdateAction.Remove.class, UpdateAction.Remove.class, UpdateAction.Set.class,
                UpdateAction.Set.class, UpdateAction.Add.class, UpdateAction.Delete.class),
                a.stream().map(Object::getClass).toList());
        assertEquals("[y, [2]]", a.get(1).path().toString());
        UpdateAction.Set count = (UpdateAction.Set) a.get(2);
        assertEquals(Path.of("count"), count.path());
        assertEquals(new Operand.Arithmetic(new Operand.IfNotExists(Path.of("count"), new Operand.Value(n("0"))), true,
                new Operand.Value(n("1"))), count.value());
        assertEquals(3 + 19 * 3 + 2 * 3, u.sizeOverhead());
        assertEquals(List.of("x", "y", "count", "l", "s", "t"), List.copyOf(u.attributes()));
        // parentheses around a value or an operand are allowed
        bind("set a = (b + c), d = (e)", null, null);
    }
}
