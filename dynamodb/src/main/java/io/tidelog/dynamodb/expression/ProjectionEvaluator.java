package io.tidelog.dynamodb.expression;

import io.tidelog.dynamodb.value.AttributeValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Applies a {@link Projection} to an item, returning what DynamoDB returns: for each path the
 * item has, the value at that path, nested in maps and lists as in the item. Paths the item
 * lacks contribute nothing (an item with none of them projects to an empty item). List elements
 * picked by index come back compacted, in index order ({@code l[2], l[0]} gives the elements at
 * 0 and 2, in that order), and several paths into one element share it ({@code l[0].a, l[0].b}).
 * Key attributes are returned only when projected.
 *
 * <p>Stateless.
 */
public final class ProjectionEvaluator {
    private ProjectionEvaluator() {}

    public static Map<String, AttributeValue> apply(Projection projection, Map<String, AttributeValue> item) {
        if (projection.isTopLevelOnly()) {
            Map<String, AttributeValue> out = new LinkedHashMap<>(Math.max(4, projection.paths().size() * 2));
            for (Path p : projection.paths()) {
                AttributeValue v = item.get(p.attribute());
                if (v != null) {
                    out.put(p.attribute(), v);
                }
            }
            return out;
        }
        return apply(projection.paths(), item);
    }

    /** The projection of {@code item} on {@code paths}, which must not overlap. */
    public static Map<String, AttributeValue> apply(List<Path> paths, Map<String, AttributeValue> item) {
        Map<String, Object> root = new LinkedHashMap<>();
        for (Path path : paths) {
            AttributeValue value = path.valueIn(item);
            if (value != null) {
                insert(root, path, value);
            }
        }
        Map<String, AttributeValue> out = new LinkedHashMap<>(Math.max(4, root.size() * 2));
        for (Map.Entry<String, Object> e : root.entrySet()) {
            out.put(e.getKey(), build(e.getValue()));
        }
        return out;
    }

    /** A node of the result while it is built: a value, a map being filled, or a list by index. */
    private static void insert(Map<String, Object> root, Path path, AttributeValue value) {
        Object container = root;
        for (int i = 0; i < path.size(); i++) {
            PathElement element = path.get(i);
            if (i == path.size() - 1) {
                put(container, element, value);
                return;
            }
            Object child = get(container, element);
            if (child == null) {
                child = path.get(i + 1) instanceof PathElement.Name ? new MapNode() : new ListNode();
                put(container, element, child);
            } else if (child instanceof AttributeValue) {
                return; // an enclosing value was projected already; it holds this one
            }
            container = child;
        }
    }

    private static Object get(Object container, PathElement element) {
        if (container instanceof ListNode list) {
            return list.elements.get(((PathElement.Index) element).index());
        }
        return map(container).get(((PathElement.Name) element).name());
    }

    private static void put(Object container, PathElement element, Object value) {
        if (container instanceof ListNode list) {
            list.elements.put(((PathElement.Index) element).index(), value);
        } else {
            map(container).put(((PathElement.Name) element).name(), value);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object container) {
        return container instanceof MapNode m ? m.entries : (Map<String, Object>) container;
    }

    private static AttributeValue build(Object node) {
        if (node instanceof AttributeValue v) {
            return v;
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

    private static final class MapNode {
        final Map<String, Object> entries = new LinkedHashMap<>();
    }

    private static final class ListNode {
        final TreeMap<Integer, Object> elements = new TreeMap<>();
    }
}
