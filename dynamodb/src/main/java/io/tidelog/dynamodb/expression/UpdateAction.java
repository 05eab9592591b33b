package io.tidelog.dynamodb.expression;

import io.tidelog.dynamodb.value.AttributeValue;
import java.util.Objects;

/** One action of an update: what it does to the value at its document path. */
public sealed interface UpdateAction {

    /** The document path the action writes or removes. */
    Path path();

    /** {@code SET path = value} (legacy {@code PUT}). */
    record Set(Path path, Operand value) implements UpdateAction {
        public Set {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(value, "value");
        }
    }

    /** {@code REMOVE path} (legacy {@code DELETE} without a value). */
    record Remove(Path path) implements UpdateAction {
        public Remove {
            Objects.requireNonNull(path, "path");
        }
    }

    /** {@code ADD path value}: adds to a number, or adds elements to a set. */
    record Add(Path path, AttributeValue value) implements UpdateAction {
        public Add {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(value, "value");
        }
    }

    /** {@code DELETE path value}: removes elements from a set. */
    record Delete(Path path, AttributeValue value) implements UpdateAction {
        public Delete {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(value, "value");
        }
    }
}
