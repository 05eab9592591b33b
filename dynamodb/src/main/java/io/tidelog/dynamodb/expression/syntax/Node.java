package io.tidelog.dynamodb.expression.syntax;

import java.util.List;

/**
 * An expression as written, before its placeholders are substituted or its meaning checked: what
 * the parsers produce and the cache keeps. Binding turns it into the typed trees of
 * {@code io.tidelog.dynamodb.expression}.
 */
public sealed interface Node {

    /** A step of a written document path. */
    sealed interface Step {}

    /** An attribute name written out. */
    record Name(String name) implements Step {}

    /** An expression attribute name, {@code #n}. */
    record NameRef(String ref) implements Step {}

    /** A list index. */
    record Index(int index) implements Step {}

    /** A document path. */
    record PathNode(List<Step> steps) implements Node {
        public PathNode {
            steps = List.copyOf(steps);
        }
    }

    /** An expression attribute value, {@code :v}. */
    record ValueNode(String ref) implements Node {}

    /** A function call, as an operand or as a condition. */
    record CallNode(String name, List<Node> args) implements Node {
        public CallNode {
            args = List.copyOf(args);
        }
    }

    /** {@code left op right}, {@code op} one of {@code = <> < <= > >=}. */
    record CompareNode(String op, Node left, Node right) implements Node {}

    record BetweenNode(Node subject, Node low, Node high) implements Node {}

    record InNode(Node subject, List<Node> candidates) implements Node {
        public InNode {
            candidates = List.copyOf(candidates);
        }
    }

    record AndNode(Node left, Node right) implements Node {}

    record OrNode(Node left, Node right) implements Node {}

    record NotNode(Node operand) implements Node {}

    /** {@code left + right} or {@code left - right}, in an update's {@code SET}. */
    record ArithmeticNode(boolean plus, Node left, Node right) implements Node {}
}
