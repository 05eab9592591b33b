package io.tidelog.dynamodb.expression.syntax;

import java.util.List;

/** A projection expression as parsed: its paths, in order, and the faults found in its text. */
public record ParsedProjection(List<Node.PathNode> paths, Faults faults) {

    public ParsedProjection {
        paths = List.copyOf(paths);
    }
}
