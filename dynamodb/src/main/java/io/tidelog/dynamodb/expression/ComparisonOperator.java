package io.tidelog.dynamodb.expression;

import io.tidelog.dynamodb.error.LegacyErrors;
import io.tidelog.dynamodb.value.AttributeValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A {@code ComparisonOperator} of the legacy conditions ({@code Expected}, {@code KeyConditions},
 * {@code QueryFilter}, {@code ScanFilter}) with DynamoDB's rules on its {@code AttributeValueList}:
 * how many values it takes and of which types. Key condition expressions are held to the same
 * rules once converted to terms.
 */
public enum ComparisonOperator {
    EQ(1, 1, null),
    NE(1, 1, null),
    LE(1, 1, Set.of("S", "N", "B")),
    LT(1, 1, Set.of("S", "N", "B")),
    GE(1, 1, Set.of("S", "N", "B")),
    GT(1, 1, Set.of("S", "N", "B")),
    NOT_NULL(0, 0, null),
    NULL(0, 0, null),
    CONTAINS(1, 1, Set.of("S", "N", "B")),
    NOT_CONTAINS(1, 1, Set.of("S", "N", "B")),
    BEGINS_WITH(1, 1, Set.of("S", "B")),
    IN(1, Integer.MAX_VALUE, Set.of("S", "N", "B")),
    BETWEEN(2, 2, Set.of("S", "N", "B"));

    private final int minValues;
    private final int maxValues;
    /** The value types the operator takes; null: any. */
    private final Set<String> types;

    ComparisonOperator(int minValues, int maxValues, Set<String> types) {
        this.minValues = minValues;
        this.maxValues = maxValues;
        this.types = types;
    }

    /** The operator named {@code name} exactly, or null. */
    public static ComparisonOperator named(String name) {
        for (ComparisonOperator op : values()) {
            if (op.name().equals(name)) {
                return op;
            }
        }
        return null;
    }

    /** Whether a key can be searched by this operator (a sort key; a partition key takes only {@code EQ}). */
    public boolean indexable() {
        return switch (this) {
            case EQ, LE, LT, GE, GT, BEGINS_WITH, BETWEEN -> true;
            default -> false;
        };
    }

    /** Whether {@code count} values is the right number for this operator. */
    public boolean takes(int count) {
        return count >= minValues && count <= maxValues;
    }

    /**
     * Checks an {@code AttributeValueList} as DynamoDB does: its length, that its values share a
     * type, that the operator takes that type, and that {@code BETWEEN}'s bounds are in order.
     */
    public void check(List<AttributeValue> values) {
        if (!takes(values.size())) {
            throw LegacyErrors.argumentCount(name());
        }
        if (values.isEmpty()) {
            return;
        }
        String type = values.get(0).type();
        for (AttributeValue v : values) {
            if (!v.type().equals(type)) {
                throw LegacyErrors.mixedArgumentTypes();
            }
        }
        if (types != null && !types.contains(type)) {
            throw LegacyErrors.operatorNotValidForType(name(), type);
        }
        checkBounds(values);
    }

    /** For {@code BETWEEN} on ordered values, that the lower bound is not above the upper. */
    public void checkBounds(List<AttributeValue> values) {
        if (this == BETWEEN && values.size() == 2 && ValueComparison.isOrdered(values.get(0))
                && values.get(0).type().equals(values.get(1).type())
                && ValueComparison.order(values.get(0), values.get(1)) > 0) {
            throw LegacyErrors.betweenBoundsReversed();
        }
    }

    /** The condition this operator puts on the value at {@code path}, given checked values. */
    public Condition condition(Path path, List<AttributeValue> values) {
        Operand subject = new Operand.Attribute(path);
        return switch (this) {
            case EQ -> new Condition.Compare(subject, Comparator.EQ, value(values, 0));
            case NE -> new Condition.Compare(subject, Comparator.NE, value(values, 0));
            case LE -> new Condition.Compare(subject, Comparator.LE, value(values, 0));
            case LT -> new Condition.Compare(subject, Comparator.LT, value(values, 0));
            case GE -> new Condition.Compare(subject, Comparator.GE, value(values, 0));
            case GT -> new Condition.Compare(subject, Comparator.GT, value(values, 0));
            case NOT_NULL -> new Condition.AttributeExists(path);
            case NULL -> new Condition.AttributeNotExists(path);
            case CONTAINS -> new Condition.Contains(subject, value(values, 0));
            case NOT_CONTAINS -> new Condition.Not(new Condition.Contains(subject, value(values, 0)));
            case BEGINS_WITH -> new Condition.BeginsWith(subject, value(values, 0));
            case IN -> {
                List<Operand> candidates = new ArrayList<>(values.size());
                for (AttributeValue v : values) {
                    candidates.add(new Operand.Value(v));
                }
                yield new Condition.In(subject, candidates);
            }
            case BETWEEN -> new Condition.Between(subject, value(values, 0), value(values, 1));
        };
    }

    private static Operand value(List<AttributeValue> values, int i) {
        return new Operand.Value(values.get(i));
    }
}
