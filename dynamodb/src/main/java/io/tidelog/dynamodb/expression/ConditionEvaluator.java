package io.tidelog.dynamodb.expression;

import io.tidelog.dynamodb.value.AttributeValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Decides a {@link Condition} against an item, with DynamoDB's semantics: an operand whose path
 * the item lacks is absent; every comparison with an absent operand is false except {@code <>},
 * which is true; {@code BETWEEN}, {@code IN} and the functions are false on an absent subject.
 * Values compare as {@link ValueComparison} describes. {@code AND} and {@code OR} short-circuit.
 *
 * <p>Stateless; the condition has been validated, so evaluation raises nothing.
 */
public final class ConditionEvaluator {
    private ConditionEvaluator() {}

    /** Whether {@code item} (empty when there is no item) satisfies {@code condition}. */
    public static boolean matches(Condition condition, Map<String, AttributeValue> item) {
        if (condition instanceof Condition.Compare c) {
            AttributeValue left = value(c.left(), item);
            AttributeValue right = value(c.right(), item);
            if (left == null || right == null) {
                return c.comparator() == Comparator.NE;
            }
            return ValueComparison.compare(left, c.comparator(), right);
        } else if (condition instanceof Condition.And a) {
            return matches(a.left(), item) && matches(a.right(), item);
        } else if (condition instanceof Condition.Or o) {
            return matches(o.left(), item) || matches(o.right(), item);
        } else if (condition instanceof Condition.Not n) {
            return !matches(n.condition(), item);
        } else if (condition instanceof Condition.AttributeExists e) {
            return e.path().valueIn(item) != null;
        } else if (condition instanceof Condition.AttributeNotExists e) {
            return e.path().valueIn(item) == null;
        } else if (condition instanceof Condition.Between b) {
            AttributeValue subject = value(b.subject(), item);
            AttributeValue low = value(b.low(), item);
            AttributeValue high = value(b.high(), item);
            return subject != null && low != null && high != null && ValueComparison.between(subject, low, high);
        } else if (condition instanceof Condition.In in) {
            AttributeValue subject = value(in.subject(), item);
            if (subject == null) {
                return false;
            }
            List<AttributeValue> candidates = new ArrayList<>(in.candidates().size());
            for (Operand o : in.candidates()) {
                AttributeValue v = value(o, item);
                if (v != null) {
                    candidates.add(v);
                }
            }
            return ValueComparison.in(subject, candidates);
        } else if (condition instanceof Condition.BeginsWith b) {
            AttributeValue subject = value(b.subject(), item);
            AttributeValue prefix = value(b.prefix(), item);
            return subject != null && prefix != null && ValueComparison.beginsWith(subject, prefix);
        } else if (condition instanceof Condition.Contains c) {
            AttributeValue subject = value(c.subject(), item);
            AttributeValue operand = value(c.operand(), item);
            return subject != null && operand != null && ValueComparison.contains(subject, operand);
        } else if (condition instanceof Condition.AttributeType t) {
            AttributeValue v = t.path().valueIn(item);
            AttributeValue type = value(t.type(), item);
            return v != null && type instanceof AttributeValue.S s && v.type().equals(s.value());
        }
        throw new IllegalStateException("unknown condition " + condition);
    }

    /** The value of a condition operand, or null when absent. */
    static AttributeValue value(Operand operand, Map<String, AttributeValue> item) {
        if (operand instanceof Operand.Value v) {
            return v.value();
        } else if (operand instanceof Operand.Attribute a) {
            return a.path().valueIn(item);
        } else if (operand instanceof Operand.Size s) {
            AttributeValue v = value(s.operand(), item);
            return v == null ? null : ValueComparison.size(v);
        }
        throw new IllegalStateException("not a condition operand: " + operand);
    }
}
