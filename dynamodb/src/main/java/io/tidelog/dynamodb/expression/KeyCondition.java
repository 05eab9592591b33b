package io.tidelog.dynamodb.expression;

import io.tidelog.dynamodb.error.ExpressionErrors;
import io.tidelog.dynamodb.table.KeyAttribute;
import io.tidelog.dynamodb.table.KeySchema;
import io.tidelog.dynamodb.value.AttributeValue;
import java.util.List;

/**
 * A query's key condition, from a {@code KeyConditionExpression} or the legacy
 * {@code KeyConditions}: one or two terms, each on a different attribute. Its shape has been
 * validated; whether it fits the key schema of the table or index queried is decided by
 * {@link #against(KeySchema)}, once the query knows that schema.
 */
public record KeyCondition(List<KeyTerm> terms) {

    public KeyCondition {
        terms = List.copyOf(terms);
    }

    /** The term on {@code attribute}, or null. */
    public KeyTerm term(String attribute) {
        for (KeyTerm t : terms) {
            if (t.attribute().equals(attribute)) {
                return t;
            }
        }
        return null;
    }

    /**
     * Checks the condition against the key schema queried, as DynamoDB does, partition key first:
     * every term is on a key attribute, the partition key has an equality, the sort key (if
     * named) an indexable operator, and every value has its key's type.
     *
     * @throws io.tidelog.dynamodb.error.DynamoDbException {@code Query condition missed key schema
     *         element: …}, {@code Query key condition not supported}, {@code Attempted conditional
     *         constraint is not an indexable operation}, or the type mismatch
     */
    public KeyQuery against(KeySchema key) {
        KeyTerm sort = null;
        AttributeValue partition = null;
        KeyAttribute[] attributes = key.hasSort()
                ? new KeyAttribute[] {key.partition(), key.sort()} : new KeyAttribute[] {key.partition()};
        for (int i = 0; i < attributes.length; i++) {
            KeyAttribute attribute = attributes[i];
            boolean isPartition = i == 0;
            if (isPartition && !key.hasSort() && terms.size() > 1) {
                throw ExpressionErrors.keyConditionNotSupported();
            }
            KeyTerm term = term(attribute.name());
            if (term == null) {
                if (isPartition || terms.size() > 1) {
                    throw ExpressionErrors.keySchemaElementMissed(attribute.name());
                }
                continue;
            }
            if (!term.operator().indexable()) {
                throw ExpressionErrors.keyConditionNotIndexable();
            }
            for (AttributeValue v : term.values()) {
                if (!v.type().equals(attribute.type())) {
                    throw ExpressionErrors.keyConditionTypeMismatch();
                }
            }
            if (isPartition && term.operator() != ComparisonOperator.EQ) {
                throw ExpressionErrors.keyConditionNotSupported();
            }
            if (isPartition) {
                partition = term.values().get(0);
            } else {
                sort = term;
            }
        }
        return new KeyQuery(key, partition, sort);
    }
}
