package io.tidelog.dynamodb.expression;

import io.tidelog.dynamodb.error.DynamoDbException;
import io.tidelog.dynamodb.error.ExpressionErrors;
import io.tidelog.dynamodb.expression.syntax.Faults;
import io.tidelog.dynamodb.expression.syntax.Node;
import io.tidelog.dynamodb.expression.syntax.ParsedCondition;
import io.tidelog.dynamodb.value.AttributeValue;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * Turns a parsed condition into a {@link Condition} for one request, raising the first error
 * DynamoDB would report. Its order: redundant parentheses, an unknown function, a misplaced
 * function, a reserved word (all found in the text); then, condition by condition from the left,
 * an undefined name or value, a wrong number of operands, a comparison of a path with itself,
 * and an operand of the wrong type (the first of these four that the leftmost faulty condition
 * has).
 */
final class ConditionBinder {
    /** The most operands {@code IN} takes after the subject. */
    static final int MAX_IN_OPERANDS = 100;

    private static final Set<String> TYPE_NAMES = Set.of("S", "N", "B", "NULL", "BOOL", "SS", "NS", "BS", "L", "M");

    private final String parameter;
    private final Bindings bindings;

    private ConditionBinder(String parameter, Bindings bindings) {
        this.parameter = parameter;
        this.bindings = bindings;
    }

    static Condition bind(ParsedCondition parsed, ExpressionKind kind, Bindings bindings) {
        ConditionBinder binder = new ConditionBinder(kind.parameter(), bindings);
        binder.checkFaults(parsed.faults());
        binder.checkConditions(parsed.root());
        return binder.condition(parsed.root());
    }

    private void checkFaults(Faults faults) {
        if (faults.redundantParentheses()) {
            throw ExpressionErrors.redundantParentheses(parameter);
        }
        if (faults.unknownFunction() != null) {
            throw ExpressionErrors.invalidFunctionName(parameter, faults.unknownFunction());
        }
        if (faults.misusedFunction() != null) {
            throw ExpressionErrors.functionMisused(parameter, faults.misusedFunction());
        }
        if (faults.reservedWord() != null) {
            throw ExpressionErrors.reservedKeyword(parameter, faults.reservedWord());
        }
    }

    /** Checks each simple condition, from the left. */
    private void checkConditions(Node node) {
        if (node instanceof Node.AndNode and) {
            checkConditions(and.left());
            checkConditions(and.right());
        } else if (node instanceof Node.OrNode or) {
            checkConditions(or.left());
            checkConditions(or.right());
        } else if (node instanceof Node.NotNode not) {
            checkConditions(not.operand());
        } else {
            checkCondition(node);
        }
    }

    private void checkCondition(Node condition) {
        DynamoDbException undefined = firstUndefined(condition);
        if (undefined != null) {
            throw undefined;
        }
        List<Node> operations = new ArrayList<>();
        operations(condition, operations);
        for (Node op : operations) {
            if (op instanceof Node.CallNode call) {
                int arity = arity(call.name());
                if (call.args().size() != arity) {
                    throw ExpressionErrors.operandCount(parameter, call.name(), call.args().size());
                }
            } else if (op instanceof Node.InNode in && in.candidates().size() > MAX_IN_OPERANDS) {
                throw ExpressionErrors.tooManyInOperands(parameter, in.candidates().size());
            }
        }
        for (Node op : operations) {
            if (op instanceof Node.CallNode call && call.args().size() == 2) {
                checkDistinct(call.name(), call.args().get(0), call.args().get(1));
            } else if (op instanceof Node.CompareNode compare) {
                checkDistinct(compare.op(), compare.left(), compare.right());
            }
        }
        for (Node op : operations) {
            if (op instanceof Node.CallNode call) {
                checkOperandTypes(call);
            } else if (op instanceof Node.BetweenNode between) {
                checkBounds(between.low(), between.high());
            }
        }
    }

    /** The operations of a simple condition, innermost first: calls, then the condition itself. */
    private static void operations(Node node, List<Node> out) {
        if (node instanceof Node.CallNode call) {
            for (Node arg : call.args()) {
                operations(arg, out);
            }
        } else if (node instanceof Node.CompareNode c) {
            operations(c.left(), out);
            operations(c.right(), out);
        } else if (node instanceof Node.BetweenNode b) {
            operations(b.subject(), out);
            operations(b.low(), out);
            operations(b.high(), out);
        } else if (node instanceof Node.InNode in) {
            operations(in.subject(), out);
            for (Node c : in.candidates()) {
                operations(c, out);
            }
        } else {
            return;
        }
        out.add(node);
    }

    private static int arity(String function) {
        return switch (function) {
            case "attribute_exists", "attribute_not_exists", "size" -> 1;
            default -> 2;
        };
    }

    /** The first name or value of the condition, from the left, that the request does not define. */
    private DynamoDbException firstUndefined(Node node) {
        if (node instanceof Node.PathNode path) {
            for (Node.Step step : path.steps()) {
                if (step instanceof Node.NameRef ref && bindings.name(ref.ref()) == null) {
                    return ExpressionErrors.undefinedName(parameter, ref.ref());
                }
            }
            return null;
        } else if (node instanceof Node.ValueNode value) {
            return bindings.value(value.ref()) == null ? ExpressionErrors.undefinedValue(parameter, value.ref()) : null;
        }
        for (Node child : children(node)) {
            DynamoDbException e = firstUndefined(child);
            if (e != null) {
                return e;
            }
        }
        return null;
    }

    private static List<Node> children(Node node) {
        if (node instanceof Node.CallNode call) {
            return call.args();
        } else if (node instanceof Node.CompareNode c) {
            return List.of(c.left(), c.right());
        } else if (node instanceof Node.BetweenNode b) {
            return List.of(b.subject(), b.low(), b.high());
        } else if (node instanceof Node.InNode in) {
            List<Node> all = new ArrayList<>(in.candidates().size() + 1);
            all.add(in.subject());
            all.addAll(in.candidates());
            return all;
        }
        return List.of();
    }

    private void checkDistinct(String operator, Node first, Node second) {
        if (first instanceof Node.PathNode a && second instanceof Node.PathNode b) {
            Path one = path(a);
            if (one.equals(path(b))) {
                throw ExpressionErrors.operandsNotDistinct(parameter, operator, one.toString());
            }
        }
    }

    private void checkOperandTypes(Node.CallNode call) {
        List<Node> args = call.args();
        switch (call.name()) {
            case "attribute_exists", "attribute_not_exists" -> {
                if (!(args.get(0) instanceof Node.PathNode)) {
                    throw ExpressionErrors.documentPathRequired(parameter, call.name());
                }
            }
            case "begins_with" -> {
                for (Node arg : args) {
                    String type = type(arg);
                    if (type != null && !type.equals("S") && !type.equals("B")) {
                        throw ExpressionErrors.functionOperandType(parameter, call.name(), type);
                    }
                }
            }
            case "attribute_type" -> {
                if (!(args.get(0) instanceof Node.PathNode)) {
                    throw ExpressionErrors.documentPathRequired(parameter, call.name());
                }
                String type = type(args.get(1));
                if (!"S".equals(type)) {
                    throw ExpressionErrors.functionOperandType(parameter, call.name(),
                            type == null ? "{NS,SS,L,BS,N,M,B,BOOL,NULL,S}" : type);
                }
                String typeName = ((AttributeValue.S) value((Node.ValueNode) args.get(1))).value();
                if (!TYPE_NAMES.contains(typeName)) {
                    throw ExpressionErrors.invalidAttributeTypeName(parameter, typeName);
                }
            }
            case "size" -> {
                String type = type(args.get(0));
                if ("N".equals(type) || "BOOL".equals(type) || "NULL".equals(type)) {
                    throw ExpressionErrors.functionOperandType(parameter, call.name(), type);
                }
            }
            default -> {
                // contains takes operands of any type
            }
        }
    }

    /** BETWEEN's bounds, when both are values: of one type, the lower not above the upper. */
    private void checkBounds(Node low, Node high) {
        if (!(low instanceof Node.ValueNode l) || !(high instanceof Node.ValueNode h)) {
            return;
        }
        AttributeValue lower = value(l);
        AttributeValue upper = value(h);
        if (!lower.type().equals(upper.type())) {
            throw ExpressionErrors.betweenBoundTypes(parameter, show(lower), show(upper));
        }
        if (ValueComparison.isOrdered(lower) && ValueComparison.order(lower, upper) > 0) {
            throw ExpressionErrors.betweenBoundOrder(parameter, show(lower), show(upper));
        }
    }

    /** A value as DynamoDB prints it in a BETWEEN message: {@code {N:1}}. */
    private static String show(AttributeValue v) {
        String text;
        if (v instanceof AttributeValue.S s) {
            text = s.value();
        } else if (v instanceof AttributeValue.N n) {
            text = n.value();
        } else if (v instanceof AttributeValue.B b) {
            text = Base64.getEncoder().encodeToString(b.value());
        } else if (v instanceof AttributeValue.Bool b) {
            text = Boolean.toString(b.value());
        } else if (v instanceof AttributeValue.Null) {
            text = "true";
        } else if (v instanceof AttributeValue.SS s) {
            text = s.values().toString();
        } else if (v instanceof AttributeValue.NS s) {
            text = s.values().toString();
        } else {
            text = v.type().equals("M") ? "{...}" : "[...]";
        }
        return "{" + v.type() + ":" + text + "}";
    }

    /** The type an operand is known to have before any item is read: a value's, or a function's result. */
    private String type(Node operand) {
        if (operand instanceof Node.ValueNode v) {
            return value(v).type();
        } else if (operand instanceof Node.CallNode call) {
            return switch (call.name()) {
                case "size" -> "N";
                case "begins_with", "contains", "attribute_type" -> "BOOL";
                default -> null;
            };
        }
        return null;
    }

    // Building the typed condition, once every check has passed

    private Condition condition(Node node) {
        if (node instanceof Node.AndNode and) {
            return new Condition.And(condition(and.left()), condition(and.right()));
        } else if (node instanceof Node.OrNode or) {
            return new Condition.Or(condition(or.left()), condition(or.right()));
        } else if (node instanceof Node.NotNode not) {
            return new Condition.Not(condition(not.operand()));
        } else if (node instanceof Node.CompareNode c) {
            return new Condition.Compare(operand(c.left()), Comparator.ofSymbol(c.op()), operand(c.right()));
        } else if (node instanceof Node.BetweenNode b) {
            return new Condition.Between(operand(b.subject()), operand(b.low()), operand(b.high()));
        } else if (node instanceof Node.InNode in) {
            List<Operand> candidates = new ArrayList<>(in.candidates().size());
            for (Node c : in.candidates()) {
                candidates.add(operand(c));
            }
            return new Condition.In(operand(in.subject()), candidates);
        }
        Node.CallNode call = (Node.CallNode) node;
        List<Node> args = call.args();
        return switch (call.name()) {
            case "attribute_exists" -> new Condition.AttributeExists(path((Node.PathNode) args.get(0)));
            case "attribute_not_exists" -> new Condition.AttributeNotExists(path((Node.PathNode) args.get(0)));
            case "attribute_type" -> new Condition.AttributeType(path((Node.PathNode) args.get(0)), operand(args.get(1)));
            case "begins_with" -> new Condition.BeginsWith(operand(args.get(0)), operand(args.get(1)));
            case "contains" -> new Condition.Contains(operand(args.get(0)), operand(args.get(1)));
            default -> throw new IllegalStateException("not a condition function: " + call.name());
        };
    }

    private Operand operand(Node node) {
        if (node instanceof Node.PathNode p) {
            return new Operand.Attribute(path(p));
        } else if (node instanceof Node.ValueNode v) {
            return new Operand.Value(value(v));
        }
        Node.CallNode call = (Node.CallNode) node;
        if (!call.name().equals("size")) {
            throw new IllegalStateException("not an operand function: " + call.name());
        }
        return new Operand.Size(operand(call.args().get(0)));
    }

    private AttributeValue value(Node.ValueNode node) {
        return bindings.value(node.ref());
    }

    /** A written path with its placeholders substituted; every placeholder is defined by now. */
    Path path(Node.PathNode node) {
        return PathNodes.resolve(node, bindings);
    }
}
