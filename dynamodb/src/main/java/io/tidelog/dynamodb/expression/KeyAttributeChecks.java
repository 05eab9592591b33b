package io.tidelog.dynamodb.expression;

import io.tidelog.dynamodb.error.ExpressionErrors;
import io.tidelog.dynamodb.table.KeyAttribute;
import io.tidelog.dynamodb.table.KeySchema;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * DynamoDB's rules on key attributes in expressions, which need the table's schema and so are
 * checked by the operation once it has looked the table up. Each check goes through the key's
 * attributes in schema order, partition key first, as DynamoDB does.
 */
public final class KeyAttributeChecks {
    private KeyAttributeChecks() {}

    /**
     * An update may not write or remove a key attribute, even below it ({@code ADD pk.x :v}).
     *
     * @throws io.tidelog.dynamodb.error.DynamoDbException {@code One or more parameter values were
     *         invalid: Cannot update attribute pk. This attribute is part of the key}
     */
    public static void requireKeyNotUpdated(Update update, KeySchema key) {
        Set<String> written = update.attributes();
        for (KeyAttribute k : attributes(key)) {
            if (written.contains(k.name())) {
                throw ExpressionErrors.keyAttributeUpdated(k.name());
            }
        }
    }

    /**
     * An expression may not look inside a key attribute ({@code pk.x}, {@code pk[0]}), of the
     * table or of any of its secondary indexes.
     *
     * @param paths           the expression's paths ({@link ExpressionPaths})
     * @param indexAttributes the key attributes of the table's indexes that are not table keys
     * @throws io.tidelog.dynamodb.error.DynamoDbException {@code Key attributes must be scalars;
     *         list random access '[]' and map lookup '.' are not allowed: Key: pk} (or
     *         {@code IndexKey: …})
     */
    public static void requireScalarKeyAccess(List<Path> paths, KeySchema key, Collection<String> indexAttributes) {
        Set<String> nested = new HashSet<>();
        for (Path p : paths) {
            if (p.isNested()) {
                nested.add(p.attribute());
            }
        }
        if (nested.isEmpty()) {
            return;
        }
        for (KeyAttribute k : attributes(key)) {
            if (nested.contains(k.name())) {
                throw ExpressionErrors.keyAttributeNotScalar(k.name(), false);
            }
        }
        for (String attribute : indexAttributes) {
            if (nested.contains(attribute)) {
                throw ExpressionErrors.keyAttributeNotScalar(attribute, true);
            }
        }
    }

    /**
     * A query's filter may not use the key attributes of the table or index it queries.
     *
     * @param parameter {@code Filter Expression} for a {@code FilterExpression}, {@code QueryFilter}
     *                  for the legacy parameter
     * @throws io.tidelog.dynamodb.error.DynamoDbException {@code Filter Expression can only contain
     *         non-primary key attributes: Primary key attribute: sk}
     */
    public static void requireNoKeyInFilter(Condition filter, KeySchema queried, String parameter) {
        Set<String> used = new HashSet<>();
        for (Path p : ExpressionPaths.of(filter)) {
            used.add(p.attribute());
        }
        for (KeyAttribute k : attributes(queried)) {
            if (used.contains(k.name())) {
                throw ExpressionErrors.filterOnKeyAttribute(parameter, k.name());
            }
        }
    }

    private static List<KeyAttribute> attributes(KeySchema key) {
        return key.hasSort() ? List.of(key.partition(), key.sort()) : List.of(key.partition());
    }
}
