package io.tidelog.dynamodb.expression;

import java.util.List;

/**
 * A validated projection: the document paths to return, none overlapping or conflicting with
 * another ({@code ProjectionExpression}), or top-level names ({@code AttributesToGet}).
 * {@link ProjectionEvaluator} applies it to an item.
 */
public record Projection(List<Path> paths) {

    public Projection {
        paths = List.copyOf(paths);
    }

    /** Whether every path is a top-level attribute. */
    public boolean isTopLevelOnly() {
        for (Path p : paths) {
            if (p.isNested()) {
                return false;
            }
        }
        return true;
    }
}
