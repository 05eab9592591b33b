package io.tidelog.dynamodb.expression;

import io.tidelog.dynamodb.value.AttributeValue;
import java.util.List;
import java.util.Map;

/**
 * A document path into an item: a top-level attribute name, then map keys and list indexes
 * ({@code a.b[2].c} is {@code [a, b, [2], c]}). Names are the item's own: placeholders such as
 * {@code #n} have been substituted.
 *
 * <p>{@link #toString()} prints the path as DynamoDB's messages do: {@code [a, b, [2], c]}.
 */
public record Path(List<PathElement> elements) {

    public Path {
        elements = List.copyOf(elements);
        if (elements.isEmpty() || !(elements.get(0) instanceof PathElement.Name)) {
            throw new IllegalArgumentException("a path starts with an attribute name: " + elements);
        }
    }

    /** A top-level attribute. */
    public static Path of(String attribute) {
        return new Path(List.of(new PathElement.Name(attribute)));
    }

    /** The top-level attribute the path starts from. */
    public String attribute() {
        return ((PathElement.Name) elements.get(0)).name();
    }

    /** Whether the path goes below its top-level attribute. */
    public boolean isNested() {
        return elements.size() > 1;
    }

    public int size() {
        return elements.size();
    }

    public PathElement get(int i) {
        return elements.get(i);
    }

    /** The value at this path in {@code item}, or null when the item has none there. */
    public AttributeValue valueIn(Map<String, AttributeValue> item) {
        AttributeValue current = item.get(attribute());
        for (int i = 1; i < elements.size() && current != null; i++) {
            PathElement e = elements.get(i);
            if (e instanceof PathElement.Name n) {
                current = current instanceof AttributeValue.M m ? m.values().get(n.name()) : null;
            } else {
                int index = ((PathElement.Index) e).index();
                current = current instanceof AttributeValue.L l && index < l.values().size()
                        ? l.values().get(index) : null;
            }
        }
        return current;
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < elements.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            out.append(elements.get(i));
        }
        return out.append(']').toString();
    }
}
