package io.tidelog.dynamodb.expression.syntax;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses projection expressions:
 * <pre>
 * projection = path { "," path }
 * path       = name { "[" digits "]" | "." name }
 * name       = identifier | "#name"
 * </pre>
 * No word is a keyword here; reserved words are faults (see {@link Faults}).
 */
public final class ProjectionParser extends ParserBase {

    private ProjectionParser(String source) {
        super(source);
    }

    /** Parses {@code source}; raises {@link SyntaxError} when it is not a projection. */
    public static ParsedProjection parse(String source) {
        ProjectionParser p = new ProjectionParser(source);
        List<Node.PathNode> paths = new ArrayList<>();
        Node.PathNode first = p.path();
        if (first == null) {
            throw p.syntaxError();
        }
        paths.add(first);
        while (p.take(Token.Type.COMMA)) {
            Node.PathNode next = p.path();
            if (next == null) {
                throw p.syntaxError();
            }
            paths.add(next);
        }
        p.requireEnd();
        return new ParsedProjection(paths, p.faults());
    }

    private Node.PathNode path() {
        Node.Step head = name();
        return head == null ? null : pathTail(List.of(head));
    }

    @Override
    protected Node.Step name() {
        return nameUnless();
    }
}
