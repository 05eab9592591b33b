package io.tidelog.dynamodb.expression;

import io.tidelog.dynamodb.error.ExpressionErrors;
import io.tidelog.dynamodb.expression.syntax.Node;
import io.tidelog.dynamodb.value.AttributeValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a key condition expression, already valid as a condition, as terms on key attributes,
 * with DynamoDB's rules and messages: only {@code AND} joins conditions; each condition is a
 * comparison ({@code =} {@code <} {@code <=} {@code >} {@code >=}, the attribute on either side),
 * {@code BETWEEN} or {@code begins_with} with the attribute first; each names exactly one
 * top-level attribute, compared with values only; no attribute twice; one or two terms in all.
 * The terms are then held to the rules of the legacy {@code KeyConditions}.
 */
final class KeyConditionShape {
    private final Bindings bindings;
    private final Map<String, KeyTerm> terms = new LinkedHashMap<>();

    private KeyConditionShape(Bindings bindings) {
        this.bindings = bindings;
    }

    static KeyCondition of(Node root, Bindings bindings) {
        KeyConditionShape shape = new KeyConditionShape(bindings);
        shape.visit(root);
        for (KeyTerm term : shape.terms.values()) {
            term.operator().check(term.values());
        }
        if (shape.terms.size() != 1 && shape.terms.size() != 2) {
            throw ExpressionErrors.keyConditionCount();
        }
        return new KeyCondition(new ArrayList<>(shape.terms.values()));
    }

    private void visit(Node node) {
        if (node instanceof Node.OrNode) {
            throw ExpressionErrors.keyConditionOperator("OR");
        } else if (node instanceof Node.NotNode) {
            throw ExpressionErrors.keyConditionOperator("NOT");
        } else if (node instanceof Node.InNode) {
            throw ExpressionErrors.keyConditionOperator("IN");
        } else if (node instanceof Node.CompareNode c && c.op().equals("<>")) {
            throw ExpressionErrors.keyConditionOperator("<>");
        } else if (node instanceof Node.CallNode call) {
            switch (call.name()) {
                case "size" -> throw ExpressionErrors.keyConditionNestedOperation();
                case "begins_with" -> {
                    if (!(call.args().get(0) instanceof Node.PathNode)) {
                        throw ExpressionErrors.keyAttributeNotFirst("begins_with");
                    }
                }
                default -> throw ExpressionErrors.keyConditionOperator(call.name());
            }
        } else if (node instanceof Node.BetweenNode b && !(b.subject() instanceof Node.PathNode)) {
            throw ExpressionErrors.keyAttributeNotFirst("BETWEEN");
        }
        List<Node> operands = operands(node);
        String attribute = null;
        int attributeAt = -1;
        for (int i = 0; i < operands.size(); i++) {
            Node operand = operands.get(i);
            if (operand instanceof Node.PathNode path) {
                if (attribute != null) {
                    throw ExpressionErrors.keyConditionMultipleAttributes();
                }
                if (path.steps().size() > 1) {
                    throw ExpressionErrors.keyConditionNestedAttribute();
                }
                attribute = PathNodes.resolve(path, bindings).attribute();
                attributeAt = i;
            } else if (!(operand instanceof Node.ValueNode)) {
                visit(operand);
            }
        }
        if (node instanceof Node.AndNode) {
            return;
        }
        if (attribute == null) {
            throw ExpressionErrors.keyConditionWithoutAttribute();
        }
        if (terms.containsKey(attribute)) {
            throw ExpressionErrors.keyConditionRepeated();
        }
        List<AttributeValue> values = new ArrayList<>(operands.size() - 1);
        for (int i = 0; i < operands.size(); i++) {
            if (i != attributeAt) {
                values.add(bindings.value(((Node.ValueNode) operands.get(i)).ref()));
            }
        }
        terms.put(attribute, new KeyTerm(attribute, operator(node, attributeAt != 0), values));
    }

    private static List<Node> operands(Node node) {
        if (node instanceof Node.AndNode and) {
            return List.of(and.left(), and.right());
        } else if (node instanceof Node.CompareNode c) {
            return List.of(c.left(), c.right());
        } else if (node instanceof Node.BetweenNode b) {
            return List.of(b.subject(), b.low(), b.high());
        }
        return ((Node.CallNode) node).args();
    }

    /** The operator of a condition on one attribute; a comparison with the attribute second is turned around. */
    private static ComparisonOperator operator(Node node, boolean attributeSecond) {
        if (node instanceof Node.BetweenNode) {
            return ComparisonOperator.BETWEEN;
        } else if (node instanceof Node.CallNode) {
            return ComparisonOperator.BEGINS_WITH;
        }
        Comparator c = Comparator.ofSymbol(((Node.CompareNode) node).op());
        if (attributeSecond) {
            c = c.reversed();
        }
        return switch (c) {
            case EQ -> ComparisonOperator.EQ;
            case LT -> ComparisonOperator.LT;
            case LE -> ComparisonOperator.LE;
            case GT -> ComparisonOperator.GT;
            case GE -> ComparisonOperator.GE;
            default -> throw new IllegalStateException(c.name());
        };
    }
}
