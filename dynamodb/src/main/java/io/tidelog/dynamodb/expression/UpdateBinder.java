package io.tidelog.dynamodb.expression;

import io.tidelog.dynamodb.error.ExpressionErrors;
import io.tidelog.dynamodb.expression.syntax.Faults;
import io.tidelog.dynamodb.expression.syntax.Node;
import io.tidelog.dynamodb.expression.syntax.ParsedUpdate;
import io.tidelog.dynamodb.value.AttributeValue;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a parsed update into an {@link Update} for one request, raising the first error DynamoDB
 * would report, in its order: a reserved word, an unknown function, a repeated clause (all found
 * in the text); then an undefined name anywhere, an undefined value anywhere, overlapping paths,
 * conflicting paths, an {@code ADD} or {@code DELETE} value of the wrong type, and last a
 * function or arithmetic operator with the wrong number or kind of operands.
 */
final class UpdateBinder {
    private static final String PARAMETER = ExpressionKind.UPDATE.parameter();

    private final Bindings bindings;

    private UpdateBinder(Bindings bindings) {
        this.bindings = bindings;
    }

    static Update bind(ParsedUpdate parsed, Bindings bindings) {
        UpdateBinder binder = new UpdateBinder(bindings);
        binder.checkFaults(parsed.faults());
        binder.checkReferences(parsed.actions());
        List<Path> paths = new ArrayList<>(parsed.actions().size());
        for (ParsedUpdate.Action a : parsed.actions()) {
            paths.add(PathNodes.resolve(a.path(), bindings));
        }
        PathOverlaps.check(paths, PARAMETER);
        binder.checkActionValues(parsed.actions());
        binder.checkOperations(parsed.actions());
        List<UpdateAction> actions = new ArrayList<>(paths.size());
        for (int i = 0; i < paths.size(); i++) {
            actions.add(binder.action(parsed.actions().get(i), paths.get(i)));
        }
        return new Update(actions, false);
    }

    private void checkFaults(Faults faults) {
        if (faults.reservedWord() != null) {
            throw ExpressionErrors.reservedKeyword(PARAMETER, faults.reservedWord());
        }
        if (faults.unknownFunction() != null) {
            throw ExpressionErrors.invalidFunctionName(PARAMETER, faults.unknownFunction());
        }
        if (faults.repeatedSection() != null) {
            throw ExpressionErrors.sectionRepeated(faults.repeatedSection());
        }
    }

    /** Every name, then every value, must be defined; the first undefined one from the left is reported. */
    private void checkReferences(List<ParsedUpdate.Action> actions) {
        List<Node> written = new ArrayList<>();
        for (ParsedUpdate.Action a : actions) {
            written.add(a.path());
            if (a.value() != null) {
                written.add(a.value());
            }
        }
        for (Node n : written) {
            String undefined = firstUndefinedName(n);
            if (undefined != null) {
                throw ExpressionErrors.undefinedName(PARAMETER, undefined);
            }
        }
        for (Node n : written) {
            String undefined = firstUndefinedValue(n);
            if (undefined != null) {
                throw ExpressionErrors.undefinedValue(PARAMETER, undefined);
            }
        }
    }

    private String firstUndefinedName(Node node) {
        if (node instanceof Node.PathNode path) {
            return PathNodes.firstUndefined(path, bindings);
        }
        for (Node child : children(node)) {
            String undefined = firstUndefinedName(child);
            if (undefined != null) {
                return undefined;
            }
        }
        return null;
    }

    private String firstUndefinedValue(Node node) {
        if (node instanceof Node.ValueNode v) {
            return bindings.value(v.ref()) == null ? v.ref() : null;
        }
        for (Node child : children(node)) {
            String undefined = firstUndefinedValue(child);
            if (undefined != null) {
                return undefined;
            }
        }
        return null;
    }

    private static List<Node> children(Node node) {
        if (node instanceof Node.CallNode call) {
            return call.args();
        } else if (node instanceof Node.ArithmeticNode a) {
            return List.of(a.left(), a.right());
        }
        return List.of();
    }

    /** {@code ADD} takes a number or a set, {@code DELETE} a set. */
    private void checkActionValues(List<ParsedUpdate.Action> actions) {
        for (ParsedUpdate.Action a : actions) {
            if (a.clause() == ParsedUpdate.Clause.ADD || a.clause() == ParsedUpdate.Clause.DELETE) {
                AttributeValue v = bindings.value(((Node.ValueNode) a.value()).ref());
                boolean allowed = v.isSet() || (a.clause() == ParsedUpdate.Clause.ADD && v instanceof AttributeValue.N);
                if (!allowed) {
                    throw ExpressionErrors.actionOperandType(PARAMETER, a.clause().name(), longTypeName(v));
                }
            }
        }
    }

    /** DynamoDB's names for scalar and document types in messages about update actions. */
    private static String longTypeName(AttributeValue v) {
        return switch (v.type()) {
            case "S" -> "STRING";
            case "N" -> "NUMBER";
            case "B" -> "BINARY";
            case "BOOL" -> "BOOLEAN";
            case "L" -> "LIST";
            case "M" -> "MAP";
            default -> v.type();
        };
    }

    /** Functions and arithmetic in {@code SET} values, innermost first, each action from the left. */
    private void checkOperations(List<ParsedUpdate.Action> actions) {
        for (ParsedUpdate.Action a : actions) {
            if (a.clause() == ParsedUpdate.Clause.SET) {
                checkOperations(a.value());
            }
        }
    }

    private void checkOperations(Node node) {
        for (Node child : children(node)) {
            checkOperations(child);
        }
        if (node instanceof Node.CallNode call) {
            if (call.args().size() != 2) {
                throw ExpressionErrors.operandCount(PARAMETER, call.name(), call.args().size());
            }
            if (call.name().equals("if_not_exists")) {
                if (!(call.args().get(0) instanceof Node.PathNode)) {
                    throw ExpressionErrors.documentPathRequired(PARAMETER, call.name());
                }
            } else {
                requireValueType(call.args(), "L", call.name());
            }
        } else if (node instanceof Node.ArithmeticNode a) {
            requireValueType(children(a), "N", a.plus() ? "+" : "-");
        }
    }

    /** Operands that are values must have {@code type}; other operands are known only from the item. */
    private void requireValueType(List<Node> operands, String type, String operator) {
        for (Node operand : operands) {
            if (operand instanceof Node.ValueNode v) {
                String actual = bindings.value(v.ref()).type();
                if (!actual.equals(type)) {
                    throw ExpressionErrors.functionOperandType(PARAMETER, operator, actual);
                }
            }
        }
    }

    // Building the typed update, once every check has passed

    private UpdateAction action(ParsedUpdate.Action a, Path path) {
        return switch (a.clause()) {
            case SET -> new UpdateAction.Set(path, operand(a.value()));
            case REMOVE -> new UpdateAction.Remove(path);
            case ADD -> new UpdateAction.Add(path, bindings.value(((Node.ValueNode) a.value()).ref()));
            case DELETE -> new UpdateAction.Delete(path, bindings.value(((Node.ValueNode) a.value()).ref()));
        };
    }

    private Operand operand(Node node) {
        if (node instanceof Node.PathNode p) {
            return new Operand.Attribute(PathNodes.resolve(p, bindings));
        } else if (node instanceof Node.ValueNode v) {
            return new Operand.Value(bindings.value(v.ref()));
        } else if (node instanceof Node.ArithmeticNode a) {
            return new Operand.Arithmetic(operand(a.left()), a.plus(), operand(a.right()));
        }
        Node.CallNode call = (Node.CallNode) node;
        if (call.name().equals("if_not_exists")) {
            return new Operand.IfNotExists(PathNodes.resolve((Node.PathNode) call.args().get(0), bindings),
                    operand(call.args().get(1)));
        }
        return new Operand.ListAppend(operand(call.args().get(0)), operand(call.args().get(1)));
    }
}
