package io.tidelog.dynamodb.expression;

import io.tidelog.dynamodb.error.DynamoDbException;
import io.tidelog.dynamodb.error.ExpressionErrors;
import io.tidelog.dynamodb.error.LegacyErrors;
import io.tidelog.dynamodb.value.AttributeValue;
import io.tidelog.dynamodb.value.Numbers;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Applies an {@link Update} to an item, as DynamoDB does:
 * <ul>
 *   <li>every {@code SET} value is computed from the item as it was before the update, so
 *       {@code SET a = :v, b = a} gives {@code b} the old {@code a};</li>
 *   <li>every path refers to the item as it was: {@code REMOVE l[1], l[2]} removes the elements
 *       that were at 1 and 2, and later elements move down once the update is done; a
 *       {@code SET} (or {@code ADD}) beyond the end of a list appends, in index order;</li>
 *   <li>a path whose parent is missing, or is not a map (for a name) or a list (for an index),
 *       is refused, except that a top-level attribute may always be written;</li>
 *   <li>{@code ADD} adds to a number or to a set of the same type, creating it when absent;
 *       {@code DELETE} removes elements from a set of the same type, and a set left empty is
 *       removed; number arithmetic is checked against DynamoDB's limits.</li>
 * </ul>
 *
 * <p>Stateless. Raises DynamoDB's runtime errors ({@code The provided expression refers to an
 * attribute that does not exist in the item}, {@code An operand in the update expression has an
 * incorrect data type}, {@code The document path provided in the update expression is invalid
 * for update}, or for {@code AttributeUpdates}, {@code Type mismatch for attribute to update}).
 */
public final class UpdateEvaluator {
    private UpdateEvaluator() {}

    /**
     * Applies {@code update} to {@code item}: the stored item, or only its key attributes when
     * the update creates it. {@code item} is not modified.
     */
    public static UpdateOutcome apply(Update update, Map<String, AttributeValue> item) {
        List<UpdateAction> actions = update.actions();
        AttributeValue[] setValues = new AttributeValue[actions.size()];
        for (int i = 0; i < actions.size(); i++) {
            if (actions.get(i) instanceof UpdateAction.Set set) {
                setValues[i] = resolve(set.value(), item);
            }
        }
        Map<String, Object> root = new LinkedHashMap<>(item);
        for (int i = 0; i < actions.size(); i++) {
            UpdateAction action = actions.get(i);
            Path path = action.path();
            Object parent = root;
            for (int j = 0; j < path.size() - 1; j++) {
                parent = child(parent, path.get(j));
            }
            PathElement last = path.get(path.size() - 1);
            if (!fits(parent, last)) {
                throw ExpressionErrors.documentPathInvalid();
            }
            if (action instanceof UpdateAction.Set) {
                put(parent, last, setValues[i]);
            } else if (action instanceof UpdateAction.Remove) {
                remove(parent, last);
            } else if (action instanceof UpdateAction.Add add) {
                AttributeValue sum = add(build(get(parent, last)), add.value(), update.fromAttributeUpdates());
                put(parent, last, sum);
            } else if (action instanceof UpdateAction.Delete delete) {
                AttributeValue existing = build(get(parent, last));
                if (existing != null) {
                    AttributeValue rest = subtract(existing, delete.value(), update.fromAttributeUpdates());
                    if (rest == null) {
                        remove(parent, last);
                    } else {
                        put(parent, last, rest);
                    }
                }
            }
        }
        Map<String, AttributeValue> updated = new LinkedHashMap<>(Math.max(4, root.size() * 2));
        for (Map.Entry<String, Object> e : root.entrySet()) {
            updated.put(e.getKey(), build(e.getValue()));
        }
        return new UpdateOutcome(update, item, updated);
    }

    // Computing SET values

    private static AttributeValue resolve(Operand operand, Map<String, AttributeValue> item) {
        if (operand instanceof Operand.Value v) {
            return v.value();
        } else if (operand instanceof Operand.Attribute a) {
            AttributeValue v = a.path().valueIn(item);
            if (v == null) {
                throw ExpressionErrors.attributeMissing();
            }
            return v;
        } else if (operand instanceof Operand.IfNotExists f) {
            AttributeValue v = f.path().valueIn(item);
            return v != null ? v : resolve(f.fallback(), item);
        } else if (operand instanceof Operand.ListAppend f) {
            AttributeValue first = resolve(f.first(), item);
            if (!(first instanceof AttributeValue.L a)) {
                throw ExpressionErrors.operandDataType();
            }
            AttributeValue second = resolve(f.second(), item);
            if (!(second instanceof AttributeValue.L b)) {
                throw ExpressionErrors.operandDataType();
            }
            List<AttributeValue> both = new ArrayList<>(a.values().size() + b.values().size());
            both.addAll(a.values());
            both.addAll(b.values());
            return new AttributeValue.L(both);
        } else if (operand instanceof Operand.Arithmetic f) {
            AttributeValue left = resolve(f.left(), item);
            if (!(left instanceof AttributeValue.N a)) {
                throw ExpressionErrors.operandDataType();
            }
            AttributeValue right = resolve(f.right(), item);
            if (!(right instanceof AttributeValue.N b)) {
                throw ExpressionErrors.operandDataType();
            }
            return new AttributeValue.N(f.plus() ? Numbers.add(a.value(), b.value()) : Numbers.subtract(a.value(), b.value()));
        }
        throw new IllegalStateException("not an update operand: " + operand);
    }

    // ADD and DELETE

    private static AttributeValue add(AttributeValue existing, AttributeValue value, boolean legacy) {
        if (existing == null) {
            return value;
        }
        if (!existing.type().equals(value.type())) {
            throw mismatch(legacy);
        }
        if (value instanceof AttributeValue.N n) {
            return new AttributeValue.N(Numbers.add(((AttributeValue.N) existing).value(), n.value()));
        } else if (value instanceof AttributeValue.SS s) {
            return new AttributeValue.SS(union(((AttributeValue.SS) existing).values(), s.values()));
        } else if (value instanceof AttributeValue.NS s) {
            return new AttributeValue.NS(union(((AttributeValue.NS) existing).values(), s.values()));
        } else if (value instanceof AttributeValue.BS s) {
            AttributeValue.BS old = (AttributeValue.BS) existing;
            List<byte[]> out = new ArrayList<>(old.values());
            for (byte[] b : s.values()) {
                if (!old.contains(b)) {
                    out.add(b);
                }
            }
            return new AttributeValue.BS(out);
        } else if (value instanceof AttributeValue.L l && legacy) {
            List<AttributeValue> out = new ArrayList<>(((AttributeValue.L) existing).values());
            out.addAll(l.values());
            return new AttributeValue.L(out);
        }
        throw mismatch(legacy);
    }

    /** The set without {@code value}'s elements, or null when none remain. */
    private static AttributeValue subtract(AttributeValue existing, AttributeValue value, boolean legacy) {
        if (!existing.type().equals(value.type())) {
            throw mismatch(legacy);
        }
        if (value instanceof AttributeValue.SS s) {
            List<String> rest = difference(((AttributeValue.SS) existing).values(), s.values());
            return rest.isEmpty() ? null : new AttributeValue.SS(rest);
        } else if (value instanceof AttributeValue.NS s) {
            List<String> rest = difference(((AttributeValue.NS) existing).values(), s.values());
            return rest.isEmpty() ? null : new AttributeValue.NS(rest);
        } else if (value instanceof AttributeValue.BS s) {
            List<byte[]> rest = new ArrayList<>();
            for (byte[] b : ((AttributeValue.BS) existing).values()) {
                if (!s.contains(b)) {
                    rest.add(b);
                }
            }
            return rest.isEmpty() ? null : new AttributeValue.BS(rest);
        }
        throw mismatch(legacy);
    }

    private static List<String> union(List<String> existing, List<String> added) {
        Set<String> seen = new HashSet<>(existing);
        List<String> out = new ArrayList<>(existing);
        for (String s : added) {
            if (seen.add(s)) {
                out.add(s);
            }
        }
        return out;
    }

    private static List<String> difference(List<String> existing, List<String> removed) {
        Set<String> gone = new HashSet<>(removed);
        List<String> out = new ArrayList<>(existing.size());
        for (String s : existing) {
            if (!gone.contains(s)) {
                out.add(s);
            }
        }
        return out;
    }

    private static DynamoDbException mismatch(boolean legacy) {
        return legacy ? LegacyErrors.typeMismatch() : ExpressionErrors.operandDataType();
    }

    // The item while it is updated: maps and lists on a written path are copied into nodes that
    // can change, everything else stays the item's own immutable values. A list is kept by its
    // original indexes, so every action addresses the elements as they were, and is compacted
    // in index order at the end.

    private static final class MapNode {
        final Map<String, Object> entries;

        MapNode(Map<String, AttributeValue> values) {
            entries = new LinkedHashMap<>(values);
        }
    }

    private static final class ListNode {
        final TreeMap<Integer, Object> elements = new TreeMap<>();

        ListNode(List<AttributeValue> values) {
            for (int i = 0; i < values.size(); i++) {
                elements.put(i, values.get(i));
            }
        }
    }

    /** The container at {@code element} of {@code parent}, made changeable; refuses a missing or scalar one. */
    private static Object child(Object parent, PathElement element) {
        if (!fits(parent, element)) {
            throw ExpressionErrors.documentPathInvalid();
        }
        Object child = get(parent, element);
        if (child instanceof AttributeValue.M m) {
            child = new MapNode(m.values());
            put(parent, element, child);
        } else if (child instanceof AttributeValue.L l) {
            child = new ListNode(l.values());
            put(parent, element, child);
        } else if (!(child instanceof MapNode) && !(child instanceof ListNode)) {
            throw ExpressionErrors.documentPathInvalid();
        }
        return child;
    }

    private static boolean fits(Object container, PathElement element) {
        return element instanceof PathElement.Index ? container instanceof ListNode : !(container instanceof ListNode);
    }

    private static Object get(Object container, PathElement element) {
        if (container instanceof ListNode list) {
            return list.elements.get(((PathElement.Index) element).index());
        }
        return entries(container).get(((PathElement.Name) element).name());
    }

    private static void put(Object container, PathElement element, Object value) {
        if (container instanceof ListNode list) {
            list.elements.put(((PathElement.Index) element).index(), value);
        } else {
            entries(container).put(((PathElement.Name) element).name(), value);
        }
    }

    private static void remove(Object container, PathElement element) {
        if (container instanceof ListNode list) {
            list.elements.remove(((PathElement.Index) element).index());
        } else {
            entries(container).remove(((PathElement.Name) element).name());
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> entries(Object container) {
        return container instanceof MapNode m ? m.entries : (Map<String, Object>) container;
    }

    private static AttributeValue build(Object node) {
        if (node == null || node instanceof AttributeValue) {
            return (AttributeValue) node;
        } else if (node instanceof MapNode m) {
            Map<String, AttributeValue> out = new LinkedHashMap<>();
            for (Map.Entry<String, Object> e : m.entries.entrySet()) {
                out.put(e.getKey(), build(e.getValue()));
            }
            return new AttributeValue.M(out);
        }
        List<AttributeValue> out = new ArrayList<>();
        for (Object e : ((ListNode) node).elements.values()) {
            out.add(build(e));
        }
        return new AttributeValue.L(out);
    }
}
