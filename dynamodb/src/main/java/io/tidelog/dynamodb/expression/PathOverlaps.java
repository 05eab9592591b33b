package io.tidelog.dynamodb.expression;

import io.tidelog.dynamodb.error.DynamoDbException;
import io.tidelog.dynamodb.error.ExpressionErrors;
import java.util.ArrayList;
import java.util.List;

/**
 * DynamoDB's rule that the paths of a projection or an update be independent. Two paths
 * <em>overlap</em> when one is a prefix of the other (or they are equal); they <em>conflict</em>
 * when, at the first step where they differ in kind, one has a map key and the other a list
 * index ({@code a.b} and {@code a[1]}). Paths are taken in order and each is compared with those
 * before it; an overlap anywhere is reported before a conflict, and each message names the
 * earlier path first.
 */
final class PathOverlaps {
    private PathOverlaps() {}

    static void check(List<Path> paths, String parameter) {
        List<Path> earlier = new ArrayList<>(paths.size());
        DynamoDbException conflict = null;
        for (Path path : paths) {
            for (Path before : earlier) {
                switch (relation(before, path)) {
                    case OVERLAP -> throw ExpressionErrors.pathsOverlap(parameter, before.toString(), path.toString());
                    case CONFLICT -> {
                        if (conflict == null) {
                            conflict = ExpressionErrors.pathsConflict(parameter, before.toString(), path.toString());
                        }
                    }
                    default -> {
                        // independent
                    }
                }
            }
            earlier.add(path);
        }
        if (conflict != null) {
            throw conflict;
        }
    }

    private enum Relation { INDEPENDENT, OVERLAP, CONFLICT }

    private static Relation relation(Path a, Path b) {
        int common = Math.min(a.size(), b.size());
        for (int i = 0; i < common; i++) {
            PathElement x = a.get(i);
            PathElement y = b.get(i);
            if (x.getClass() != y.getClass()) {
                return Relation.CONFLICT;
            }
            if (!x.equals(y)) {
                return Relation.INDEPENDENT;
            }
        }
        return Relation.OVERLAP;
    }
}
