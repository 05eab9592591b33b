package io.tidelog.dynamodb.expression;

import io.tidelog.dynamodb.value.AttributeValue;
import java.util.Objects;

/**
 * Something an expression computes a value from. Conditions use {@link Attribute},
 * {@link Value} and {@link Size}; the right-hand side of an update's {@code SET} may also use
 * {@link IfNotExists}, {@link ListAppend} and {@link Arithmetic}.
 */
public sealed interface Operand {

    /** The value at a document path of the item; absent when the item has nothing there. */
    record Attribute(Path path) implements Operand {
        public Attribute {
            Objects.requireNonNull(path, "path");
        }
    }

    /** A literal: an expression attribute value, or a value from a legacy parameter. */
    record Value(AttributeValue value) implements Operand {
        public Value {
            Objects.requireNonNull(value, "value");
        }
    }

    /** {@code size(operand)}: a number, or absent for an absent operand or one without a size. */
    record Size(Operand operand) implements Operand {
        public Size {
            Objects.requireNonNull(operand, "operand");
        }
    }

    /** {@code if_not_exists(path, fallback)}: the value at {@code path}, or else {@code fallback}. */
    record IfNotExists(Path path, Operand fallback) implements Operand {
        public IfNotExists {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(fallback, "fallback");
        }
    }

    /** {@code list_append(first, second)}: a list of both lists' elements. */
    record ListAppend(Operand first, Operand second) implements Operand {
        public ListAppend {
            Objects.requireNonNull(first, "first");
            Objects.requireNonNull(second, "second");
        }
    }

    /** {@code left + right} or {@code left - right}, on numbers. */
    record Arithmetic(Operand left, boolean plus, Operand right) implements Operand {
        public Arithmetic {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
        }
    }
}
