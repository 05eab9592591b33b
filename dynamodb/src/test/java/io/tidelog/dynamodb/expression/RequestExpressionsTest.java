package io.tidelog.dynamodb.expression;

import static io.tidelog.dynamodb.expression.Values.json;
import static io.tidelog.dynamodb.expression.Values.map;
import static io.tidelog.dynamodb.expression.Values.n;
import static io.tidelog.dynamodb.expression.Values.names;
import static io.tidelog.dynamodb.expression.Values.s;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tidelog.dynamodb.error.DynamoDbException;
import io.tidelog.dynamodb.error.ErrorCode;
import io.tidelog.dynamodb.json.Request;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Binding all the expressions of a request: the names and values maps, unused entries, and the order of checks. */
class RequestExpressionsTest {

    private static String error(RequestExpressions.Builder builder) {
        DynamoDbException e = assertThrows(DynamoDbException.class, builder::bind);
        assertEquals(ErrorCode.VALIDATION, e.code());
        return e.getMessage();
    }

    private static RequestExpressions.Builder builder() {
        return RequestExpressions.builder(new ExpressionCache(8));
    }

    private static Request request(String body) {
        return Request.parse(body.replace('\'', '"').getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theNamesMapMustBeNonEmptyWithWellFormedKeys() {
        assertEquals("ExpressionAttributeNames must not be empty", error(builder().names(names()).condition("")));
        assertEquals("ExpressionAttributeNames contains invalid key: Syntax error; key: \"a\"",
                error(builder().names(names("a", "a")).condition("")));
        assertEquals("ExpressionAttributeNames contains invalid key: Syntax error; key: \"#sryLiyD8D-\"",
                error(builder().names(names("#ok", "x", "#sryLiyD8D-", "y")).condition("")));
        assertEquals("ExpressionAttributeNames contains invalid key: Syntax error; key: \"#\"",
                error(builder().names(names("#", "x")).condition("")));
    }

    @Test
    void theValuesMapMustBeNonEmptyWithWellFormedKeysThenValidValues() {
        assertEquals("ExpressionAttributeValues must not be empty", error(builder().values(json("{}")).condition("")));
        // every key is checked before any value
        assertEquals("ExpressionAttributeValues contains invalid key: Syntax error; key: \"b\"",
                error(builder().values(json("{':b':{'a':''},'b':{'S':'a'}}")).condition("")));
        assertEquals("ExpressionAttributeValues contains invalid value: Supplied AttributeValue is empty, must contain "
                + "exactly one of the supported datatypes for key :b", error(builder().values(json("{':b':{}}")).condition("")));
        assertEquals("ExpressionAttributeValues contains invalid value: One or more parameter values were invalid: "
                + "An string set  may not be empty for key :b", error(builder().values(json("{':b':{'SS':[]}}")).condition("")));
        assertEquals("ExpressionAttributeValues contains invalid value: One or more parameter values were invalid: "
                + "Input collection [a, a] contains duplicates. for key :b",
                error(builder().values(json("{':b':{'SS':['a','a']}}")).condition("")));
        assertEquals("ExpressionAttributeValues contains invalid value: The parameter cannot be converted to a numeric "
                + "value: b for key :b", error(builder().values(json("{':b':{'S':'a','N':'b'}}")).condition("")));
        assertEquals("ExpressionAttributeValues contains invalid value: Input collection contains duplicates for key :b",
                error(builder().values(json("{':b':{'NS':['1','1']}}")).condition("")));
        assertEquals("ExpressionAttributeValues contains invalid value: Supplied AttributeValue has more than one "
                + "datatypes set, must contain exactly one of the supported datatypes for key :b",
                error(builder().values(json("{':b':{'S':'a','N':'1'}}")).condition("")));
        // a null that is not true is reported as for any value, without the key
        assertEquals("One or more parameter values were invalid: Null attribute value types must have the value of true",
                error(builder().values(json("{':b':{'NULL':false}}")).condition("a = :b")));
        // a malformed body is a serialization error
        DynamoDbException e = assertThrows(DynamoDbException.class,
                () -> builder().values(json("{':b':{'S':1}}")).condition("a = :b").bind());
        assertEquals(ErrorCode.SERIALIZATION, e.code());
        // the maps come before the expressions
        assertEquals("ExpressionAttributeValues must not be empty", error(builder().values(map()).update("")));
    }

    @Test
    void expressionsAreCheckedUpdateConditionKeyConditionFilterProjection() {
        assertEquals("Invalid UpdateExpression: The expression can not be empty;",
                error(builder().condition("").update("")));
        assertEquals("Invalid ConditionExpression: The expression can not be empty;",
                error(builder().condition("").keyCondition("")));
        assertEquals("Invalid KeyConditionExpression: The expression can not be empty;",
                error(builder().keyCondition("").filter("").projection("").values(map(":0", s("b")))));
        assertEquals("Invalid FilterExpression: The expression can not be empty;",
                error(builder().keyCondition("attribute_type(a, :a)").filter("").projection("").values(map(":a", s("N")))));
        assertEquals("Invalid ProjectionExpression: The expression can not be empty;",
                error(builder().keyCondition("attribute_type(a, :a)").filter("a > b").projection("").values(map(":a", s("N")))));
        // an undefined name in the filter is reported before a syntax error in the projection
        assertEquals("Invalid FilterExpression: An expression attribute name used in the document path is not defined; "
                + "attribute name: #missing", error(builder().keyCondition("pk = :pk").filter("#missing = :fv")
                .projection("!").values(map(":pk", s("val"), ":fv", s("x")))));
    }

    @Test
    void unusedNamesThenUnusedValuesAcrossAllTheExpressionsSorted() {
        assertEquals("Value provided in ExpressionAttributeNames unused in expressions: keys: {#a, #b}",
                error(builder().update("remove a set b = list_append(b, if_not_exists(a, :a))").condition("a = :b")
                        .values(map(":a", s("a"), ":b", s("a"))).names(names("#b", "b", "#a", "a"))));
        assertEquals("Value provided in ExpressionAttributeValues unused in expressions: keys: {:a, :c}",
                error(builder().update("remove a").condition("a = :b")
                        .values(map(":c", s("a"), ":b", s("a"), ":a", s("a")))));
        assertEquals("Value provided in ExpressionAttributeNames unused in expressions: keys: {#unused}",
                error(builder().keyCondition("pk = :v").values(map(":v", s("val"))).names(names("#unused", "someattr"))));
        // names used by one expression and values by another are all used
        RequestExpressions both = builder().update("SET #a = :v").projection("#b").condition("attribute_exists(#a)")
                .names(names("#a", "a", "#b", "b")).values(map(":v", n("1"))).bind();
        assertNotNull(both.update());
        assertNotNull(both.projection());
        assertNotNull(both.condition());
        assertNull(both.filter());
        assertNull(both.keyCondition());
    }

    @Test
    void fromARequestReadsTheOperationsExpressionMembers() {
        RequestExpressions e = RequestExpressions.from(request("{'TableName':'t','ConditionExpression':'#s = :v',"
                + "'UpdateExpression':'SET n = n + :one','ExpressionAttributeNames':{'#s':'status'},"
                + "'ExpressionAttributeValues':{':v':{'S':'on'},':one':{'N':'1'}}}"), ExpressionParameters.UPDATE_ITEM);
        assertEquals(new Condition.Compare(new Operand.Attribute(Path.of("status")), Comparator.EQ,
                new Operand.Value(s("on"))), e.condition());
        assertEquals(1, e.update().actions().size());
        // members of the wrong JSON type are serialization errors
        DynamoDbException wrong = assertThrows(DynamoDbException.class,
                () -> RequestExpressions.from(request("{'ConditionExpression':1}"), ExpressionParameters.PUT_ITEM));
        assertEquals(ErrorCode.SERIALIZATION, wrong.code());
        DynamoDbException notMap = assertThrows(DynamoDbException.class, () -> RequestExpressions.from(
                request("{'ConditionExpression':'a = :v','ExpressionAttributeValues':[]}"), ExpressionParameters.PUT_ITEM));
        assertEquals(ErrorCode.SERIALIZATION, notMap.code());
        // a request without expressions binds to nothing
        RequestExpressions none = RequestExpressions.from(request("{'TableName':'t'}"), ExpressionParameters.QUERY);
        assertNull(none.condition());
        assertNull(none.keyCondition());
        // members that are not the operation's are not read: GetItem has no values, PutItem no update
        RequestExpressions get = RequestExpressions.from(request("{'ProjectionExpression':'#a','ExpressionAttributeNames':"
                + "{'#a':'a'},'ExpressionAttributeValues':{':x':{'S':'x'}},'UpdateExpression':'SET b = :x'}"),
                ExpressionParameters.GET_ITEM);
        assertEquals(Path.of("a"), get.projection().paths().get(0));
        assertNull(get.update());
        assertNull(RequestExpressions.from(request("{'UpdateExpression':'SET b = c'}"), ExpressionParameters.PUT_ITEM).update());
        assertNotNull(RequestExpressions.from(request("{'ConditionExpression':'a = :v','ExpressionAttributeValues':"
                + "{':v':{'N':'1'}}}"), ExpressionParameters.TRANSACT_CONDITION).condition());
    }

    @Test
    void parsedExpressionsAreCachedByGrammarAndTextAndReusedWithOtherValues() {
        ExpressionCache cache = new ExpressionCache(2);
        Condition first = RequestExpressions.builder(cache).values(map(":v", s("a"))).condition("x = :v").bind().condition();
        Condition second = RequestExpressions.builder(cache).values(map(":v", n("2"))).filter("x = :v").bind().filter();
        assertEquals(1, cache.size());
        assertEquals(1, cache.misses());
        assertEquals(1, cache.hits());
        assertEquals(new Operand.Value(s("a")), ((Condition.Compare) first).right());
        assertEquals(new Operand.Value(n("2")), ((Condition.Compare) second).right());
        // a name can stand for different attributes in different requests
        Projection p1 = RequestExpressions.builder(cache).names(names("#n", "a")).projection("#n").bind().projection();
        Projection p2 = RequestExpressions.builder(cache).names(names("#n", "b")).projection("#n").bind().projection();
        assertEquals(Path.of("a"), p1.paths().get(0));
        assertEquals(Path.of("b"), p2.paths().get(0));
        // the least recently used entry goes when the cache is full
        RequestExpressions.builder(cache).update("REMOVE z").bind();
        assertEquals(2, cache.size());
        long misses = cache.misses();
        RequestExpressions.builder(cache).values(map(":v", s("a"))).condition("x = :v").bind();
        assertEquals(misses + 1, cache.misses());
        // a text that does not parse is not kept
        assertThrows(DynamoDbException.class, () -> RequestExpressions.builder(cache).condition("a =").bind());
        assertThrows(DynamoDbException.class, () -> RequestExpressions.builder(cache).condition("a =").bind());
        assertEquals(2, cache.size());
        assertSame(ExpressionCache.shared(), ExpressionCache.shared());
        assertTrue(ExpressionCache.DEFAULT_CAPACITY > 0);
    }
}
