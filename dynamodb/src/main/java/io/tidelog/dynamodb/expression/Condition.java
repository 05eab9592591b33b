package io.tidelog.dynamodb.expression;

import java.util.List;
import java.util.Objects;

/**
 * A condition on an item, as a {@code ConditionExpression} or {@code FilterExpression} (or the
 * legacy {@code Expected}, {@code QueryFilter} and {@code ScanFilter}) describes it. Built by
 * {@link RequestExpressions} and the legacy readers, which have validated it; code that builds
 * one itself gives {@code size} and the comparisons only {@link Operand.Attribute},
 * {@link Operand.Value} and {@link Operand.Size} operands. {@link ConditionEvaluator} decides it
 * against an item.
 */
public sealed interface Condition {

    record Compare(Operand left, Comparator comparator, Operand right) implements Condition {
        public Compare {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(comparator, "comparator");
            Objects.requireNonNull(right, "right");
        }
    }

    /** {@code subject BETWEEN low AND high}, both bounds inclusive. */
    record Between(Operand subject, Operand low, Operand high) implements Condition {
        public Between {
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(low, "low");
            Objects.requireNonNull(high, "high");
        }
    }

    /** {@code subject IN (candidates…)}. */
    record In(Operand subject, List<Operand> candidates) implements Condition {
        public In {
            Objects.requireNonNull(subject, "subject");
            candidates = List.copyOf(candidates);
        }
    }

    record AttributeExists(Path path) implements Condition {
        public AttributeExists {
            Objects.requireNonNull(path, "path");
        }
    }

    record AttributeNotExists(Path path) implements Condition {
        public AttributeNotExists {
            Objects.requireNonNull(path, "path");
        }
    }

    /** {@code attribute_type(path, type)}, {@code type} a string naming a type ({@code S}, {@code SS}, ...). */
    record AttributeType(Path path, Operand type) implements Condition {
        public AttributeType {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(type, "type");
        }
    }

    record BeginsWith(Operand subject, Operand prefix) implements Condition {
        public BeginsWith {
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(prefix, "prefix");
        }
    }

    record Contains(Operand subject, Operand operand) implements Condition {
        public Contains {
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(operand, "operand");
        }
    }

    record And(Condition left, Condition right) implements Condition {
        public And {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
        }
    }

    record Or(Condition left, Condition right) implements Condition {
        public Or {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
        }
    }

    record Not(Condition condition) implements Condition {
        public Not {
            Objects.requireNonNull(condition, "condition");
        }
    }
}
