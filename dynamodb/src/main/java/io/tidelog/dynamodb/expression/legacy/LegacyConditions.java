package io.tidelog.dynamodb.expression.legacy;

import com.fasterxml.jackson.databind.JsonNode;
import io.tidelog.dynamodb.error.Errors;
import io.tidelog.dynamodb.error.ExpressionErrors;
import io.tidelog.dynamodb.error.LegacyErrors;
import io.tidelog.dynamodb.expression.ComparisonOperator;
import io.tidelog.dynamodb.expression.Comparator;
import io.tidelog.dynamodb.expression.Condition;
import io.tidelog.dynamodb.expression.KeyCondition;
import io.tidelog.dynamodb.expression.KeyTerm;
import io.tidelog.dynamodb.expression.Operand;
import io.tidelog.dynamodb.expression.Path;
import io.tidelog.dynamodb.json.Request;
import io.tidelog.dynamodb.value.AttributeValue;
import io.tidelog.dynamodb.value.AttributeValueJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The legacy conditions, read into the same trees as expressions, with DynamoDB's checks and
 * messages: {@code Expected} with {@code ConditionalOperator} (for {@code PutItem},
 * {@code UpdateItem}, {@code DeleteItem}), {@code QueryFilter} and {@code ScanFilter} with
 * {@code ConditionalOperator}, and {@code KeyConditions}. Each map is checked entry by entry in
 * the request's order; an attribute name is taken literally, as a top-level attribute, dots and
 * all.
 *
 * <p>The enum constraints on {@code ComparisonOperator} and {@code ConditionalOperator} belong in
 * the operation's {@code N validation errors detected} list with its other constraints; see
 * {@link #constraintFailures}. A value that got past them is still refused here, alone.
 */
public final class LegacyConditions {
    private LegacyConditions() {}

    /**
     * The condition an {@code Expected} map puts on the item, or null when the map is absent or
     * empty (no condition).
     *
     * @param conditionalOperator {@code AND} (the default when null) or {@code OR}
     */
    public static Condition expected(Request expected, String conditionalOperator) {
        if (expected == null) {
            return null;
        }
        List<Condition> conditions = new ArrayList<>();
        for (Map.Entry<String, Request> e : entries(expected)) {
            conditions.add(expectation(e.getKey(), e.getValue()));
        }
        return combine(conditions, conditionalOperator);
    }

    private static Condition expectation(String attribute, Request entry) {
        boolean hasList = entry.has("AttributeValueList");
        boolean hasValue = entry.has("Value");
        if (hasList && hasValue) {
            throw LegacyErrors.valueWithAttributeValueList(attribute);
        }
        Path path = Path.of(attribute);
        if (entry.has("ComparisonOperator")) {
            if (entry.has("Exists")) {
                throw LegacyErrors.existsWithComparisonOperator(attribute);
            }
            ComparisonOperator op = operator(entry, "expected." + attribute);
            if (op != ComparisonOperator.NULL && op != ComparisonOperator.NOT_NULL && !hasList && !hasValue) {
                throw LegacyErrors.comparisonOperatorWithoutValue(op.name(), attribute);
            }
            List<AttributeValue> values = hasList ? values(entry) : hasValue ? List.of(value(entry)) : List.of();
            checkArity(op, values);
            checkSameType(values);
            op.checkBounds(values);
            return op.condition(path, values);
        }
        if (hasList) {
            throw LegacyErrors.attributeValueListWithoutOperator(attribute);
        }
        Boolean exists = entry.bool("Exists");
        if ((exists == null || exists) && !hasValue) {
            throw LegacyErrors.valueRequired(exists, attribute);
        }
        if (exists != null && !exists) {
            if (hasValue) {
                throw LegacyErrors.valueWithExistsFalse(attribute);
            }
            return new Condition.AttributeNotExists(path);
        }
        return new Condition.Compare(new Operand.Attribute(path), Comparator.EQ, new Operand.Value(value(entry)));
    }

    /**
     * The condition a {@code QueryFilter} or {@code ScanFilter} map puts on each item, or null
     * when the map is absent or empty.
     *
     * @param parameter           {@code queryFilter} or {@code scanFilter}, as constraint messages name it
     * @param conditionalOperator {@code AND} (the default when null) or {@code OR}
     */
    public static Condition filter(Request filter, String parameter, String conditionalOperator) {
        if (filter == null) {
            return null;
        }
        List<Condition> conditions = new ArrayList<>();
        for (Map.Entry<String, Request> e : entries(filter)) {
            ComparisonOperator op = operator(e.getValue(), parameter + "." + e.getKey());
            List<AttributeValue> values = values(e.getValue());
            op.check(values);
            conditions.add(op.condition(Path.of(e.getKey()), values));
        }
        return combine(conditions, conditionalOperator);
    }

    /**
     * A query's {@code KeyConditions}: one or two terms. Whether they fit the key schema queried
     * is decided by {@link KeyCondition#against}.
     *
     * @throws io.tidelog.dynamodb.error.DynamoDbException the first term's error, or {@code
     *         Conditions can be of length 1 or 2 only}
     */
    public static KeyCondition keyConditions(Request keyConditions) {
        List<KeyTerm> terms = new ArrayList<>();
        if (keyConditions != null) {
            for (Map.Entry<String, Request> e : entries(keyConditions)) {
                ComparisonOperator op = operator(e.getValue(), "keyConditions." + e.getKey());
                List<AttributeValue> values = values(e.getValue());
                op.check(values);
                terms.add(new KeyTerm(e.getKey(), op, values));
            }
        }
        if (terms.size() != 1 && terms.size() != 2) {
            throw ExpressionErrors.keyConditionCount();
        }
        return new KeyCondition(terms);
    }

    /**
     * The constraint failures of a condition map's {@code ComparisonOperator}s (missing, or not
     * one of DynamoDB's), in map order, for the operation to report with its other constraints.
     *
     * @param parameter {@code expected}, {@code queryFilter}, {@code scanFilter} or {@code keyConditions}
     */
    public static List<String> constraintFailures(Request conditions, String parameter, boolean operatorRequired) {
        List<String> failures = new ArrayList<>();
        if (conditions == null) {
            return failures;
        }
        for (Map.Entry<String, Request> e : entries(conditions)) {
            String op = e.getValue().string("ComparisonOperator");
            String location = parameter + "." + e.getKey() + ".member.comparisonOperator";
            if (op == null ? operatorRequired : ComparisonOperator.named(op) == null) {
                failures.add(LegacyErrors.comparisonOperatorConstraint(location, op));
            }
        }
        return failures;
    }

    /** The constraint failure of a {@code ConditionalOperator}, or null when it is absent or valid. */
    public static String conditionalOperatorFailure(String conditionalOperator) {
        if (conditionalOperator == null || conditionalOperator.equals("AND") || conditionalOperator.equals("OR")) {
            return null;
        }
        return LegacyErrors.conditionalOperatorConstraint(conditionalOperator);
    }

    private static ComparisonOperator operator(Request entry, String location) {
        String name = entry.string("ComparisonOperator");
        ComparisonOperator op = name == null ? null : ComparisonOperator.named(name);
        if (op == null) {
            throw Errors.constraints(List.of(LegacyErrors.comparisonOperatorConstraint(
                    location + ".member.comparisonOperator", name)));
        }
        return op;
    }

    /** {@code Expected} takes any types; only the count and the sameness of types are checked. */
    private static void checkArity(ComparisonOperator op, List<AttributeValue> values) {
        if (!op.takes(values.size())) {
            throw LegacyErrors.argumentCount(op.name());
        }
    }

    private static void checkSameType(List<AttributeValue> values) {
        for (AttributeValue v : values) {
            if (!v.type().equals(values.get(0).type())) {
                throw LegacyErrors.mixedArgumentTypes();
            }
        }
    }

    private static List<AttributeValue> values(Request entry) {
        List<JsonNode> list = entry.list("AttributeValueList");
        if (list == null) {
            return List.of();
        }
        List<AttributeValue> values = new ArrayList<>(list.size());
        for (JsonNode v : list) {
            values.add(AttributeValueJson.read(v));
        }
        return values;
    }

    private static AttributeValue value(Request entry) {
        return AttributeValueJson.read(entry.get("Value"));
    }

    private static Condition combine(List<Condition> conditions, String conditionalOperator) {
        if (conditions.isEmpty()) {
            return null;
        }
        String failure = conditionalOperatorFailure(conditionalOperator);
        if (failure != null) {
            throw Errors.constraints(List.of(failure));
        }
        boolean or = "OR".equals(conditionalOperator);
        Condition all = conditions.get(0);
        for (int i = 1; i < conditions.size(); i++) {
            all = or ? new Condition.Or(all, conditions.get(i)) : new Condition.And(all, conditions.get(i));
        }
        return all;
    }

    /** A map member's entries, each as a structure. */
    static List<Map.Entry<String, Request>> entries(Request map) {
        List<Map.Entry<String, Request>> out = new ArrayList<>(map.node().size());
        for (Map.Entry<String, JsonNode> e : map.node().properties()) {
            out.add(Map.entry(e.getKey(), Request.of(e.getValue())));
        }
        return out;
    }
}
