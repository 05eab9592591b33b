package io.tidelog.dynamodb.expression;

import io.tidelog.dynamodb.expression.syntax.Node;
import java.util.ArrayList;
import java.util.List;

/** Written document paths made into {@link Path}s for one request. */
final class PathNodes {
    private PathNodes() {}

    /** {@code node} with its placeholders substituted; each must be defined. */
    static Path resolve(Node.PathNode node, Bindings bindings) {
        List<PathElement> elements = new ArrayList<>(node.steps().size());
        for (Node.Step step : node.steps()) {
            if (step instanceof Node.Name n) {
                elements.add(new PathElement.Name(n.name()));
            } else if (step instanceof Node.NameRef ref) {
                String name = bindings.name(ref.ref());
                if (name == null) {
                    throw new IllegalStateException("undefined name " + ref.ref() + " should have been refused");
                }
                elements.add(new PathElement.Name(name));
            } else {
                elements.add(new PathElement.Index(((Node.Index) step).index()));
            }
        }
        return new Path(elements);
    }

    /** The first placeholder of {@code node} the request does not define, or null. */
    static String firstUndefined(Node.PathNode node, Bindings bindings) {
        for (Node.Step step : node.steps()) {
            if (step instanceof Node.NameRef ref && bindings.name(ref.ref()) == null) {
                return ref.ref();
            }
        }
        return null;
    }
}
