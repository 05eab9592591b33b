package io.tidelog.dynamodb.expression;

import io.tidelog.dynamodb.error.ExpressionErrors;
import io.tidelog.dynamodb.expression.syntax.Node;
import io.tidelog.dynamodb.expression.syntax.ParsedProjection;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a parsed projection into a {@link Projection} for one request, raising the first error
 * DynamoDB would report, in its order: a reserved word, an undefined name, overlapping paths,
 * conflicting paths.
 */
final class ProjectionBinder {
    private ProjectionBinder() {}

    static Projection bind(ParsedProjection parsed, Bindings bindings) {
        String parameter = ExpressionKind.PROJECTION.parameter();
        if (parsed.faults().reservedWord() != null) {
            throw ExpressionErrors.reservedKeyword(parameter, parsed.faults().reservedWord());
        }
        for (Node.PathNode node : parsed.paths()) {
            String undefined = PathNodes.firstUndefined(node, bindings);
            if (undefined != null) {
                throw ExpressionErrors.undefinedName(parameter, undefined);
            }
        }
        List<Path> paths = new ArrayList<>(parsed.paths().size());
        for (Node.PathNode node : parsed.paths()) {
            paths.add(PathNodes.resolve(node, bindings));
        }
        PathOverlaps.check(paths, parameter);
        return new Projection(paths);
    }
}
