package io.tidelog.dynamodb.expression;

import io.tidelog.dynamodb.value.AttributeValue;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One term of a key condition: a condition on one top-level attribute. A key condition
 * expression only produces the indexable operators; the legacy {@code KeyConditions} may name
 * any, which {@link KeyCondition#against} then refuses.
 *
 * @param values checked against the operator's rules ({@link ComparisonOperator#check})
 */
public record KeyTerm(String attribute, ComparisonOperator operator, List<AttributeValue> values) {

    public KeyTerm {
        Objects.requireNonNull(attribute, "attribute");
        Objects.requireNonNull(operator, "operator");
        values = List.copyOf(values);
    }

    /** Whether the key value {@code value} (null: absent) satisfies this term. */
    public boolean matches(AttributeValue value) {
        Condition condition = operator.condition(Path.of(attribute), values);
        return ConditionEvaluator.matches(condition, value == null ? Map.of() : Map.of(attribute, value));
    }
}
