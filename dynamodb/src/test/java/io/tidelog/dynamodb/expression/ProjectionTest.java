package io.tidelog.dynamodb.expression;

import static io.tidelog.dynamodb.expression.Values.l;
import static io.tidelog.dynamodb.expression.Values.m;
import static io.tidelog.dynamodb.expression.Values.map;
import static io.tidelog.dynamodb.expression.Values.n;
import static io.tidelog.dynamodb.expression.Values.names;
import static io.tidelog.dynamodb.expression.Values.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tidelog.dynamodb.error.DynamoDbException;
import io.tidelog.dynamodb.value.AttributeValue;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProjectionTest {
    private static final String PROJECTION = "Invalid ProjectionExpression: ";

    private static Projection bind(String expression, Map<String, String> names) {
        return RequestExpressions.builder(new ExpressionCache(4)).names(names).projection(expression).bind().projection();
    }

    private static String error(String expression, Map<String, String> names) {
        return assertThrows(DynamoDbException.class, () -> bind(expression, names)).getMessage();
    }

    @Test
    void pathsAreSeparatedByCommasWithNestedNamesAndIndexes() {
        Projection p = bind("Title, #p.FiveStar, RelatedItems[0], a.b[2].c", names("#p", "ProductReviews"));
        assertEquals(List.of("[Title]", "[ProductReviews, FiveStar]", "[RelatedItems, [0]]", "[a, b, [2], c]"),
                p.paths().stream().map(Path::toString).toList());
        assertFalse(p.isTopLevelOnly());
        assertTrue(bind("a, b", null).isTopLevelOnly());
        // no word is a keyword in a projection; reserved words are refused as names
        assertEquals(PROJECTION + "Attribute name is a reserved keyword; reserved keyword: status", error("pk, status", null));
        assertEquals(PROJECTION + "Attribute name is a reserved keyword; reserved keyword: and", error("a, and", null));
    }

    @Test
    void syntaxErrorsQuoteTheTokenAndItsNeighbours() {
        assertEquals(PROJECTION + "Syntax error; token: \"!\", near: \"!!\"", error("!!! INVALID !!!", null));
        assertEquals(PROJECTION + "Syntax error; token: \"<EOF>\", near: \",\"", error("a,", null));
        assertEquals(PROJECTION + "Syntax error; token: \"b\", near: \"a b\"", error("a b", null));
        assertEquals(PROJECTION + "Syntax error; token: \":v\", near: \", :v\"", error("a, :v", null));
        assertEquals(PROJECTION + "Syntax error; token: \"x\", near: \"[x]\"", error("a[x]", null));
        assertEquals(PROJECTION + "The expression can not be empty;", error("", null));
        assertEquals(PROJECTION + "Expression size has exceeded the maximum allowed size; expression size: 4097",
                error("a".repeat(4097), null));
        bind("a".repeat(4096), null);
    }

    @Test
    void reservedWordsComeBeforeUndefinedNamesWhichComeBeforeOverlaps() {
        assertEquals(PROJECTION + "Attribute name is a reserved keyword; reserved keyword: name", error("#a, #a, name", null));
        assertEquals(PROJECTION + "An expression attribute name used in the document path is not defined; attribute name: #a",
                error("b, b, #a", null));
        assertEquals(PROJECTION + "Two document paths overlap with each other; must remove or rewrite one of these paths; "
                + "path one: [a], path two: [a, b]", error("#a, #a.#b", names("#a", "a", "#b", "b")));
        assertEquals(PROJECTION + "Two document paths overlap with each other; must remove or rewrite one of these paths; "
                + "path one: [a], path two: [a]", error("#a, a", names("#a", "a")));
        assertEquals(PROJECTION + "Two document paths overlap with each other; must remove or rewrite one of these paths; "
                + "path one: [l], path two: [l, [0]]", error("x, l, l[0]", null));
        assertEquals(PROJECTION + "Two document paths conflict with each other; must remove or rewrite one of these paths; "
                + "path one: [a, b], path two: [a, [0]]", error("a.b, a[0]", null));
        bind("l[0], l[1], a.b, a.c", null);
    }

    @Test
    void onlyThePathsTheItemHasAreReturnedNestedAsInTheItem() {
        Map<String, AttributeValue> item = map("a", s("x"), "b", s("b1"), "e", m("a", s("b1"), "d", s("b2"), "z", s("no")),
                "f", l(s("d1"), s("d2"), s("d3")), "g", m("h", l(m("p", n("1"), "q", n("2")), m("p", n("3")))));
        assertEquals(map("b", s("b1")), ProjectionEvaluator.apply(bind("b, d", null), item));
        assertEquals(map("f", l(s("d1"), s("d3")), "e", m("d", s("b2"), "a", s("b1"))),
                ProjectionEvaluator.apply(bind("f[2], f[0], e.d, e.a, d", null), item));
        assertEquals(map(), ProjectionEvaluator.apply(bind("x, e.q, f[9], b.c, a[0]", null), item));
        assertEquals(map("g", m("h", l(m("q", n("2"), "p", n("1"))))),
                ProjectionEvaluator.apply(bind("g.h[0].q, g.h[0].p", null), item));
        assertEquals(map("g", m("h", l(m("p", n("1")), m("p", n("3"))))),
                ProjectionEvaluator.apply(bind("g.h[1].p, g.h[0].p, g.h[5].p", null), item));
        // a projection of an item that has none of the paths is an empty item, key attributes included
        assertEquals(map(), ProjectionEvaluator.apply(bind("nope", null), map("pk", s("k"))));
    }
}
