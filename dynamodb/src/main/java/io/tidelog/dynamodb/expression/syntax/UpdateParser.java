package io.tidelog.dynamodb.expression.syntax;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Parses update expressions. Clauses come in any order; each may appear once (a repeated clause
 * is a fault, see {@link Faults}).
 * <pre>
 * update    = clause { clause }
 * clause    = SET set { "," set } | REMOVE path { "," path }
 *           | ADD path ":value" { "," path ":value" } | DELETE path ":value" { "," path ":value" }
 * set       = path "=" valueP
 * valueP    = "(" value ")" | value
 * value     = operandP "+" operandP | operandP "-" operandP | operandP
 * operandP  = "(" operand ")" | operand
 * operand   = function | ":value" | path
 * function  = identifier "(" operandP { "," operandP } ")"
 * path      = name { "[" digits "]" | "." name }
 * name      = identifier | "#name"
 * </pre>
 * {@code SET REMOVE ADD DELETE} are keywords in any case and cannot be names.
 */
public final class UpdateParser extends ParserBase {
    /** The functions of the update grammar; their names are case-sensitive. */
    public static final Set<String> FUNCTIONS = Set.of("if_not_exists", "list_append");

    private static final String[] KEYWORDS = {"SET", "REMOVE", "ADD", "DELETE"};

    private final List<ParsedUpdate.Action> actions = new ArrayList<>();

    private UpdateParser(String source) {
        super(source);
    }

    /** Parses {@code source}; raises {@link SyntaxError} when it is not an update. */
    public static ParsedUpdate parse(String source) {
        UpdateParser p = new UpdateParser(source);
        if (!p.clause()) {
            throw p.syntaxError();
        }
        while (p.clause()) {
            // one clause after another, separated by whitespace only
        }
        p.requireEnd();
        return new ParsedUpdate(p.actions, p.faults());
    }

    private boolean clause() {
        for (ParsedUpdate.Clause clause : ParsedUpdate.Clause.values()) {
            long m = mark();
            int actionsBefore = actions.size();
            if (takeKeyword(clause.name())) {
                if (action(clause)) {
                    while (true) {
                        long c = mark();
                        if (!take(Token.Type.COMMA) || !action(clause)) {
                            reset(c);
                            break;
                        }
                    }
                    section(clause.name());
                    return true;
                }
                truncate(actionsBefore);
            }
            reset(m);
        }
        return false;
    }

    private boolean action(ParsedUpdate.Clause clause) {
        long m = mark();
        int before = actions.size();
        Node.PathNode path = path();
        if (path != null) {
            switch (clause) {
                case SET -> {
                    if (take(Token.Type.EQ)) {
                        Node value = valueP();
                        if (value != null) {
                            actions.add(new ParsedUpdate.Action(clause, path, value));
                            return true;
                        }
                    }
                }
                case REMOVE -> {
                    actions.add(new ParsedUpdate.Action(clause, path, null));
                    return true;
                }
                default -> {
                    Token t = peek();
                    if (t.type() == Token.Type.VALUE_REF) {
                        pos++;
                        actions.add(new ParsedUpdate.Action(clause, path, new Node.ValueNode(t.text())));
                        return true;
                    }
                    miss();
                }
            }
        }
        truncate(before);
        reset(m);
        return false;
    }

    private void truncate(int size) {
        while (actions.size() > size) {
            actions.remove(actions.size() - 1);
        }
    }

    private Node valueP() {
        long m = mark();
        if (take(Token.Type.LPAREN)) {
            Node value = value();
            if (value != null && take(Token.Type.RPAREN)) {
                return value;
            }
            reset(m);
        }
        return value();
    }

    private Node value() {
        Node left = operandP();
        if (left == null) {
            return null;
        }
        long m = mark();
        Token t = peek();
        if (t.type() == Token.Type.PLUS || t.type() == Token.Type.MINUS) {
            pos++;
            Node right = operandP();
            if (right != null) {
                return new Node.ArithmeticNode(t.type() == Token.Type.PLUS, left, right);
            }
            reset(m);
        } else {
            miss();
        }
        return left;
    }

    private Node operandP() {
        long m = mark();
        if (take(Token.Type.LPAREN)) {
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
            List<Node> args = new ArrayList<>();
            Node arg = operandP();
            while (arg != null) {
                args.add(arg);
                long c = mark();
                if (!take(Token.Type.COMMA)) {
                    break;
                }
                arg = operandP();
                if (arg == null) {
                    reset(c);
                }
            }
            if (!args.isEmpty() && take(Token.Type.RPAREN)) {
                if (!FUNCTIONS.contains(name.text())) {
                    unknownFunction(name.text());
                }
                return new Node.CallNode(name.text(), args);
            }
        }
        return reset(m);
    }

    private Node.PathNode path() {
        Node.Step head = name();
        return head == null ? null : pathTail(List.of(head));
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
}
