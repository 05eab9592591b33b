package io.tidelog.dynamodb.expression.syntax;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Parses condition, filter and key condition expressions. The grammar, with {@code NOT} binding
 * tighter than {@code AND} and {@code AND} tighter than {@code OR}:
 * <pre>
 * condition   = or
 * or          = and { OR and }
 * and         = not { AND not }
 * not         = NOT not | group
 * group       = atom | "(" or ")"
 * atom        = operandP comparator operandP
 *             | operandP BETWEEN operandP AND operandP
 *             | operandP IN "(" operandP { "," operandP } ")"
 *             | function
 * operandP    = "(" "(" operand ")" ")" | "(" operand ")" | operand
 * operand     = function | ":value" | path
 * function    = identifier "(" operandP { "," operandP } ")"
 * path        = head { "[" digits "]" | "." name }
 * head        = name | "(" "(" path ")" ")" | "(" path ")"
 * name        = identifier | "#name"
 * </pre>
 * {@code AND OR NOT BETWEEN IN} are keywords in any case and cannot be names. A pair of
 * parentheses directly around another is a fault, not a syntax error, as are unknown functions,
 * misplaced functions and reserved words (see {@link Faults}).
 */
public final class ConditionParser extends ParserBase {
    /** The functions of the condition grammar; their names are case-sensitive. */
    public static final Set<String> FUNCTIONS = Set.of(
            "attribute_exists", "attribute_not_exists", "attribute_type", "begins_with", "contains", "size");

    private static final String[] KEYWORDS = {"AND", "OR", "NOT", "BETWEEN", "IN"};

    private ConditionParser(String source) {
        super(source);
    }

    /** Parses {@code source}; raises {@link SyntaxError} when it is not a condition. */
    public static ParsedCondition parse(String source) {
        ConditionParser p = new ConditionParser(source);
        Node root = p.or();
        if (root == null) {
            throw p.syntaxError();
        }
        p.requireEnd();
        p.sizeAsCondition(root);
        return new ParsedCondition(root, p.faults());
    }

    private Node or() {
        Node left = and();
        while (left != null) {
            long m = mark();
            if (!takeKeyword("OR")) {
                break;
            }
            Node right = and();
            if (right == null) {
                reset(m);
                break;
            }
            sizeAsCondition(left);
            sizeAsCondition(right);
            left = new Node.OrNode(left, right);
        }
        return left;
    }

    private Node and() {
        Node left = not();
        while (left != null) {
            long m = mark();
            if (!takeKeyword("AND")) {
                break;
            }
            Node right = not();
            if (right == null) {
                reset(m);
                break;
            }
            sizeAsCondition(left);
            sizeAsCondition(right);
            left = new Node.AndNode(left, right);
        }
        return left;
    }

    private Node not() {
        long m = mark();
        if (takeKeyword("NOT")) {
            Node operand = not();
            if (operand != null) {
                sizeAsCondition(operand);
                return new Node.NotNode(operand);
            }
            reset(m);
        }
        return group();
    }

    private Node group() {
        Node atom = atom();
        if (atom != null) {
            return atom;
        }
        long m = mark();
        int open = pos;
        if (take(Token.Type.LPAREN)) {
            Node inner = or();
            if (inner != null && take(Token.Type.RPAREN)) {
                checkRedundant(open);
                return inner;
            }
        }
        return reset(m);
    }

    private Node atom() {
        long start = mark();
        Node subject = operandP();
        if (subject != null) {
            long afterSubject = mark();
            Token t = peek();
            String comparator = comparator(t);
            if (comparator != null) {
                pos++;
                Node right = operandP();
                if (right != null) {
                    misused(subject, right);
                    return new Node.CompareNode(comparator, subject, right);
                }
            } else {
                miss();
            }
            reset(afterSubject);
            if (takeKeyword("BETWEEN")) {
                Node low = operandP();
                if (low != null && takeKeyword("AND")) {
                    Node high = operandP();
                    if (high != null) {
                        misused(subject, low, high);
                        return new Node.BetweenNode(subject, low, high);
                    }
                }
            }
            reset(afterSubject);
            if (takeKeyword("IN") && take(Token.Type.LPAREN)) {
                List<Node> candidates = arguments();
                if (candidates != null && take(Token.Type.RPAREN)) {
                    List<Node> all = new ArrayList<>(candidates.size() + 1);
                    all.add(subject);
                    all.addAll(candidates);
                    misused(all.toArray(new Node[0]));
                    return new Node.InNode(subject, candidates);
                }
            }
        }
        reset(start);
        Node function = function();
        return function != null ? function : reset(start);
    }

    private static String comparator(Token t) {
        return switch (t.type()) {
            case EQ, NE, LT, LE, GT, GE -> t.text();
            default -> null;
        };
    }

    private Node operandP() {
        long m = mark();
        int open = pos;
        if (take(Token.Type.LPAREN)) {
            long inside = mark();
            if (take(Token.Type.LPAREN)) {
                Node operand = operand();
                if (operand != null && take(Token.Type.RPAREN) && take(Token.Type.RPAREN)) {
                    checkRedundant(open);
                    return operand;
                }
                reset(inside);
            }
            Node operand = operand();
            if (operand != null && take(Token.Type.RPAREN)) {
                return operand;
            }
            reset(m);
        }
        return operand();
    }

    private Node operand() {
        Node function = function();
        if (function != null) {
            return function;
        }
        Token t = peek();
        if (t.type() == Token.Type.VALUE_REF) {
            pos++;
            return new Node.ValueNode(t.text());
        }
        miss();
        return path();
    }

    private Node function() {
        long m = mark();
        Token name = peek();
        if (name.type() != Token.Type.IDENTIFIER || isKeyword(name)) {
            miss();
            return null;
        }
        pos++;
        if (take(Token.Type.LPAREN)) {
            List<Node> args = arguments();
            if (args != null && take(Token.Type.RPAREN)) {
                misused(args.toArray(new Node[0]));
                if (!FUNCTIONS.contains(name.text())) {
                    unknownFunction(name.text());
                }
                return new Node.CallNode(name.text(), args);
            }
        }
        return reset(m);
    }

    private List<Node> arguments() {
        Node first = operandP();
        if (first == null) {
            return null;
        }
        List<Node> args = new ArrayList<>();
        args.add(first);
        while (true) {
            long m = mark();
            if (!take(Token.Type.COMMA)) {
                return args;
            }
            Node next = operandP();
            if (next == null) {
                reset(m);
                return args;
            }
            args.add(next);
        }
    }

    private Node.PathNode path() {
        long m = mark();
        Node.Step step = name();
        if (step != null) {
            return pathTail(List.of(step));
        }
        int open = pos;
        if (take(Token.Type.LPAREN)) {
            Node.PathNode inner = path();
            if (inner != null && take(Token.Type.RPAREN)) {
                checkRedundant(open);
                return pathTail(inner.steps());
            }
        }
        return reset(m);
    }

    @Override
    protected Node.Step name() {
        return nameUnless(KEYWORDS);
    }

    private static boolean isKeyword(Token t) {
        for (String k : KEYWORDS) {
            if (t.isKeyword(k)) {
                return true;
            }
        }
        return false;
    }

    /** A function other than {@code size} where an operand goes. */
    private void misused(Node... operands) {
        for (Node n : operands) {
            if (n instanceof Node.CallNode call && !call.name().equals("size")) {
                misusedFunction(call.name());
            }
        }
    }

    /** {@code size}, which gives a number, where a condition goes. */
    private void sizeAsCondition(Node n) {
        if (n instanceof Node.CallNode call && call.name().equals("size")) {
            misusedFunction("size");
        }
    }
}
