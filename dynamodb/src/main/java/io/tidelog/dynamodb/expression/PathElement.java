package io.tidelog.dynamodb.expression;

import java.util.Objects;

/** One step of a document path: a map key (or top-level attribute name) or a list index. */
public sealed interface PathElement {

    /** An attribute name or map key, as it is in the item (placeholders already substituted). */
    record Name(String name) implements PathElement {
        public Name {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** A list index, from 0. */
    record Index(int index) implements PathElement {
        public Index {
            if (index < 0) {
                throw new IllegalArgumentException("negative list index " + index);
            }
        }

        @Override
        public String toString() {
            return "[" + index + "]";
        }
    }
}
