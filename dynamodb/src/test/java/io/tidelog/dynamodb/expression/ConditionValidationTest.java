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
import io.tidelog.dynamodb.error.ErrorCode;
import io.tidelog.dynamodb.value.AttributeValue;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The messages, and their order, for condition and filter expressions that DynamoDB refuses. */
class ConditionValidationTest {

    private static String filterError(String expression, Map<String, String> names, Map<String, AttributeValue> values) {
        DynamoDbException e = assertThrows(DynamoDbException.class, () -> RequestExpressions.builder(new ExpressionCache(8))
                .names(names).values(values).filter(expression).bind());
        assertEquals(ErrorCode.VALIDATION, e.code());
        return e.getMessage();
    }

    private static String filterError(String expression) {
        return filterError(expression, null, null);
    }

    private static final String FILTER = "Invalid FilterExpression: ";

    // Syntax

    @Test
    void syntaxErrorsNameTheTokenWhereParsingStopsAndTheTextAroundIt() {
        assertEquals(FILTER + "Syntax error; token: \"are\", near: \"things are not\"",
                filterError("things are not gonna be ok"));
        assertEquals(FILTER + "Syntax error; token: \"4\", near: \"> 4\"", filterError("a > 4"));
        assertEquals(FILTER + "Syntax error; token: \"!\", near: \"= !!\"", filterError("pk = !!"));
        assertEquals(FILTER + "Syntax error; token: \"-\", near: \"a-b\"", filterError("a-b"));
        assertEquals(FILTER + "Syntax error; token: \"<EOF>\", near: \"AND\"",
                filterError("a = :v AND", null, map(":v", s("x"))));
        assertEquals(FILTER + "Syntax error; token: \":abc123\", near: \"tenantAgent:abc123-\"",
                filterError("begins_with(a, tenantAgent:abc123-x)"));
        assertEquals(FILTER + "Syntax error; token: \"b\", near: \":v b\"", filterError("a = :v b"));
        assertEquals(FILTER + "Syntax error; token: \")\", near: \"()\"", filterError("()"));
        assertEquals(FILTER + "Syntax error; token: \"ü\", near: \"ü >\"", filterError("ü > a"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "a > between", "a in b, c", "a in b", "a in (b,c,)", "(a)between(b.(c.d))and(c)", "(a)between(b.c.d)and((c)",
        "#$.b > a", "a > :things.stuff", "b[:a] > a", "b[#_] > a", "(a)between(b.c[4.5].#d)and(:a)",
        "size(a).b > a", "(size(a)).b > a", "size(a)[0] > a", "(size(a))[0] > a",
        "attribute_exists(Pictures-RearView)", "attribute_exists(\"Pictures.RearView\")",
        "attribute_exists(Pictures..RearView)", "attribute_exists(Pi#ctures.RearView)", "attribute_exists(asdf[a])",
        "a", "a =", "NOT", "a = b c = d", "f()", "a[99999999999] = b", "a BETWEEN b", "a IN ()"})
    void malformedConditionsAreSyntaxErrors(String expression) {
        assertTrue(filterError(expression).startsWith(FILTER + "Syntax error; token: "), expression);
    }

    @Test
    void emptyAndOversizedExpressionsAreRefusedBeforeParsing() {
        assertEquals(FILTER + "The expression can not be empty;", filterError(""));
        String big = "a = b AND " + "x".repeat(4087);
        assertEquals(4097, big.length());
        assertEquals(FILTER + "Expression size has exceeded the maximum allowed size; expression size: 4097",
                filterError(big));
        // the limit counts UTF-8 bytes: 10 + 2043 two-byte letters are 4096 bytes, within it
        assertTrue(filterError("a = b AND " + "é".repeat(2043)).contains("Syntax error"));
        assertEquals(FILTER + "Expression size has exceeded the maximum allowed size; expression size: 4097",
                filterError("a = b AND " + "é".repeat(2043) + "x"));
    }

    // Faults found in the text, in DynamoDB's order

    @ParameterizedTest
    @ValueSource(strings = {
        "a=a and a > ((views))", "(a)between(((b.c)).d)and(c)", "a > whatever((:things), ((a)))",
        "a=a AND ((a=a AND a=a)) AND a=a", "a=a OR ((a=a OR a=a)) OR a=a", "a=a AND ((a=a AND (a=a AND a=a)))",
        "((a = :v))"})
    void parenthesesDirectlyAroundOthersAreRedundant(String expression) {
        assertEquals(FILTER + "The expression has redundant parentheses;", filterError(expression));
    }

    @Test
    void oneLevelOfParenthesesAnywhereIsFine() {
        Condition c = RequestExpressions.builder(new ExpressionCache(8)).values(map(":v", s("x")))
                .filter("((a = :v) AND (b = :v)) OR (c)between(:v)and(:v) AND attribute_exists((d))").bind().filter();
        assertTrue(c instanceof Condition.Or);
    }

    @Test
    void unknownFunctionsAreNamedAsWrittenForFunctionNamesAreCaseSensitive() {
        assertEquals(FILTER + "Invalid function name; function: whatever", filterError("a=a and whatever((:things)) > a"));
        assertEquals(FILTER + "Invalid function name; function: attRIbute_exIsts",
                filterError("attRIbute_exIsts((views), #a)"));
        assertEquals(FILTER + "Invalid function name; function: inner", filterError("outer(inner(a)) = b"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "a=a and attribute_exists((views), (#a)) > b|attribute_exists", "attribute_not_exists(things) > b|attribute_not_exists",
        "attribute_type(things, :a) > b|attribute_type", "begins_with(things, a) > b|begins_with",
        "contains(:things, c) > b|contains", "size(contains(a, b)) > a|contains", "size(things)|size",
        "a between b and attribute_exists(things)|attribute_exists", "a in (b, attribute_exists(things))|attribute_exists",
        "NOT size(a)|size", "size(a) AND a = b|size"})
    void functionsWhereTheirResultCannotGoAreMisused(String expressionAndFunction) {
        String[] parts = expressionAndFunction.split("\\|");
        assertEquals(FILTER + "The function is not allowed to be used this way in an expression; function: " + parts[1],
                filterError(parts[0]));
    }

    @Test
    void reservedWordsAsNamesAreRefusedInAnyCase() {
        assertEquals(FILTER + "Attribute name is a reserved keyword; reserved keyword: views",
                filterError("attribute_exists(views, #a)"));
        assertEquals(FILTER + "Attribute name is a reserved keyword; reserved keyword: abOrT", filterError(":a < abOrT"));
        assertEquals(FILTER + "Attribute name is a reserved keyword; reserved keyword: status",
                filterError("a.status = :v", null, map(":v", s("x"))));
        // a reserved word anywhere comes before an undefined name in an earlier condition
        assertEquals(FILTER + "Attribute name is a reserved keyword; reserved keyword: Name",
                filterError("#undefined = :v AND Name = :v", null, map(":v", s("x"))));
    }

    // Faults that depend on the request, condition by condition

    @Test
    void undefinedNamesAndValuesAreTheFirstFromTheLeftOfTheFirstFaultyCondition() {
        assertEquals(FILTER + "An expression attribute name used in the document path is not defined; attribute name: #Pictures",
                filterError("attribute_exists(#Pictures.RearView, :a) and a=a"));
        assertEquals(FILTER + "An expression attribute name used in the document path is not defined; attribute name: #RearView",
                filterError("begins_with(Pictures.#RearView)"));
        assertEquals(FILTER + "An expression attribute name used in the document path is not defined; attribute name: #P",
                filterError("(#P between :lo and :hi) and (#PC in (:cat1, :cat2))"));
        assertEquals(FILTER + "An expression attribute name used in the document path is not defined; attribute name: #d",
                filterError("(a)between(b.c[45].#d)and(:a)"));
        assertEquals(FILTER + "An expression attribute value used in expression is not defined; attribute value: :hello",
                filterError("begins_with(:hello, #a, #b)"));
        assertEquals(FILTER + "An expression attribute value used in expression is not defined; attribute value: :a",
                filterError(":a < :b"));
        assertEquals(FILTER + "An expression attribute value used in expression is not defined; attribute value: :_",
                filterError(":_ > a"));
        assertEquals(FILTER + "An expression attribute name used in the document path is not defined; attribute name: #_",
                filterError("#_ > a"));
        assertEquals(FILTER + "An expression attribute name used in the document path is not defined; attribute name: #4g",
                filterError("#4g > a"));
        // the first faulty condition decides: its undefined value comes before a later condition's count
        assertEquals(FILTER + "An expression attribute value used in expression is not defined; attribute value: :x",
                filterError("a = :x AND size(a, b) > c"));
        // within one condition an undefined name comes before a wrong operand count
        assertEquals(FILTER + "An expression attribute name used in the document path is not defined; attribute name: #n",
                filterError("attribute_exists(#n, b)"));
    }

    @Test
    void functionsWithTheWrongNumberOfOperands() {
        String[][] cases = {
            {"attribute_exists(things, a) and a=a", "attribute_exists", "2"},
            {"attribute_not_exists(things, b)", "attribute_not_exists", "2"},
            {"attribute_type(things)", "attribute_type", "1"},
            {"begins_with(things)", "begins_with", "1"},
            {"begins_with(things, size(a), b)", "begins_with", "3"},
            {"contains(things)", "contains", "1"},
            {"size(things, a) > b", "size", "2"}};
        for (String[] c : cases) {
            assertEquals(FILTER + "Incorrect number of operands for operator or function; operator or function: "
                    + c[1] + ", number of operands: " + c[2], filterError(c[0]), c[0]);
        }
    }

    @Test
    void inTakesAtMostOneHundredOperands() {
        StringBuilder ok = new StringBuilder("a IN (:v");
        for (int i = 1; i < 100; i++) {
            ok.append(", :v");
        }
        RequestExpressions.builder(new ExpressionCache(8)).values(map(":v", s("x"))).filter(ok + ")").bind();
        assertEquals(FILTER + "The IN operator is provided with too many operands; number of operands: 101",
                filterError(ok + ", :v)", null, map(":v", s("x"))));
    }

    @Test
    void aPathComparedWithItselfIsRefused() {
        Map<String, String> names = names("#a", "a");
        String[][] cases = {
            {"a = a AND #a = b AND :views > a", "=", "[a]"},
            {"#a <> a", "<>", "[a]"},
            {"a > #a", ">", "[a]"},
            {"((a=a) OR (a=a))", "=", "[a]"},
            {"contains(ab.bc[1].a, ab.bc[1].#a)", "contains", "[ab, bc, [1], a]"},
            {"attribute_type(ab.bc[1].#a, ab.bc[1].a)", "attribute_type", "[ab, bc, [1], a]"},
            {"begins_with(ab.bc[1].a, ab.bc[1].#a)", "begins_with", "[ab, bc, [1], a]"}};
        for (String[] c : cases) {
            assertEquals(FILTER + "The first operand must be distinct from the remaining operands for this operator "
                    + "or function; operator: " + c[1] + ", first operand: " + c[2],
                    filterError(c[0], names, map(":views", s("x"))), c[0]);
        }
        // an index and a name that prints like one are different steps
        RequestExpressions.builder(new ExpressionCache(8)).names(names("#i", "[1]")).filter("a[1] = a.#i").bind();
    }

    @Test
    void functionOperandsOfTheWrongType() {
        AttributeValue[] notStrings = {n("1"), b(0x61), bool(true), nul(), l(), m(), ss("1"), ns("1"), bs(new byte[] {1})};
        for (AttributeValue v : notStrings) {
            assertEquals(FILTER + "Incorrect operand type for operator or function; operator or function: attribute_type, "
                    + "operand type: " + v.type(), filterError("attribute_type(a, :a)", null, map(":a", v)));
        }
        for (AttributeValue v : new AttributeValue[] {n("1"), bool(true), nul(), l(), m(), ss("1"), ns("1")}) {
            assertEquals(FILTER + "Incorrect operand type for operator or function; operator or function: begins_with, "
                    + "operand type: " + v.type(), filterError("begins_with(a, :a)", null, map(":a", v)));
            assertEquals(FILTER + "Incorrect operand type for operator or function; operator or function: begins_with, "
                    + "operand type: " + v.type(), filterError("begins_with(:a, a)", null, map(":a", v)));
        }
        assertEquals(FILTER + "Incorrect operand type for operator or function; operator or function: attribute_type, "
                + "operand type: N", filterError("attribute_type(a, size(a)) and a=b and a=:a", null, map(":a", n("1"))));
        assertEquals(FILTER + "Incorrect operand type for operator or function; operator or function: begins_with, "
                + "operand type: N", filterError("begins_with(a, size(a)) and a=:a", null, map(":a", n("1"))));
        assertEquals(FILTER + "Incorrect operand type for operator or function; operator or function: size, operand type: N",
                filterError("size(size(a)) > :a", null, map(":a", n("1"))));
        assertEquals(FILTER + "Incorrect operand type for operator or function; operator or function: size, operand type: N",
                filterError("attribute_not_exists(size(:a))", null, map(":a", n("1"))));
        assertEquals(FILTER + "Incorrect operand type for operator or function; operator or function: size, operand type: BOOL",
                filterError("size(:a) > a", null, map(":a", bool(true))));
        assertEquals(FILTER + "Incorrect operand type for operator or function; operator or function: attribute_type, "
                + "operand type: {NS,SS,L,BS,N,M,B,BOOL,NULL,S}", filterError("attribute_type(a, b)"));
    }

    @Test
    void attributeTypeNamesMustBeDynamoDbTypes() {
        assertEquals(FILTER + "Invalid attribute type name found; type: 1, valid types: {B,NULL,SS,BOOL,L,BS,N,NS,S,M}",
                filterError("attribute_type(a, :a)", null, map(":a", s("1"))));
        assertEquals(FILTER + "Invalid attribute type name found; type: s, valid types: {B,NULL,SS,BOOL,L,BS,N,NS,S,M}",
                filterError("attribute_type(a, :a)", null, map(":a", s("s"))));
    }

    @Test
    void existenceFunctionsNeedADocumentPath() {
        assertEquals(FILTER + "Operator or function requires a document path; operator or function: attribute_exists",
                filterError("attribute_exists(:a) and a=b", null, map(":a", s("1"))));
        assertEquals(FILTER + "Operator or function requires a document path; operator or function: attribute_not_exists",
                filterError("attribute_not_exists(size(:a))", null, map(":a", s("1"))));
    }

    @Test
    void betweenBoundsMustShareATypeAndBeInOrder() {
        assertEquals(FILTER + "The BETWEEN operator requires same data type for lower and upper bounds; lower bound "
                + "operand: AttributeValue: {N:1}, upper bound operand: AttributeValue: {S:a}",
                filterError("x between :b and :a", null, map(":a", s("a"), ":b", n("1"))));
        assertEquals(FILTER + "The BETWEEN operator requires upper bound to be greater than or equal to lower bound; "
                + "lower bound operand: AttributeValue: {S:b}, upper bound operand: AttributeValue: {S:a}",
                filterError("x between :b and :a", null, map(":a", s("a"), ":b", s("b"))));
        assertEquals(FILTER + "The BETWEEN operator requires upper bound to be greater than or equal to lower bound; "
                + "lower bound operand: AttributeValue: {N:10}, upper bound operand: AttributeValue: {N:9}",
                filterError("x between :b and :a", null, map(":a", n("9"), ":b", n("10"))));
    }

    @Test
    void keywordsAreCaseInsensitiveAndBindInDynamoDbsPrecedence() {
        Condition c = RequestExpressions.builder(new ExpressionCache(8)).values(map(":v", s("x")))
                .condition("a = :v or b = :v and not c = :v").bind().condition();
        // OR binds loosest, then AND, then NOT
        Condition.Or or = (Condition.Or) c;
        Condition.And and = (Condition.And) or.right();
        assertTrue(and.right() instanceof Condition.Not);
        assertTrue(or.left() instanceof Condition.Compare);
    }

    @Test
    void theConditionParameterNamesTheExpressionInMessages() {
        DynamoDbException e = assertThrows(DynamoDbException.class,
                () -> RequestExpressions.builder().condition("a = ").bind());
        assertEquals("Invalid ConditionExpression: Syntax error; token: \"<EOF>\", near: \"= \"", e.getMessage());
    }
}
