package io.tidelog.dynamodb.expression.legacy;

import io.tidelog.dynamodb.error.LegacyErrors;
import io.tidelog.dynamodb.expression.Path;
import io.tidelog.dynamodb.expression.Projection;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The legacy {@code AttributesToGet}, read into a {@link Projection} of top-level attributes,
 * each name taken literally. As with a projection expression, key attributes are returned only
 * when named.
 */
public final class AttributesToGet {
    private AttributesToGet() {}

    /**
     * @throws io.tidelog.dynamodb.error.DynamoDbException {@code One or more parameter values were
     *         invalid: Duplicate value in attribute name: a}
     */
    public static Projection projection(List<String> names) {
        Set<String> seen = new HashSet<>();
        List<Path> paths = new ArrayList<>(names.size());
        for (String name : names) {
            if (!seen.add(name)) {
                throw LegacyErrors.duplicateAttributeName(name);
            }
            paths.add(Path.of(name));
        }
        return new Projection(paths);
    }
}
