package io.tidelog.dynamodb.operation.table;

import io.tidelog.dynamodb.table.OnDemandThroughput;
import java.util.List;

/**
 * A requested secondary index, from CreateTable's {@code GlobalSecondaryIndexes} or
 * {@code LocalSecondaryIndexes} or an UpdateTable {@code Create} action. Members may be null until
 * the request's constraints have been checked.
 *
 * @param projectionType   null when the projection names none
 * @param nonKeyAttributes null when the projection has no {@code NonKeyAttributes} member
 * @param capacity         the index's {@code ProvisionedThroughput}, or null
 * @param onDemand         the index's {@code OnDemandThroughput}, or null
 */
record IndexDefinition(String name, List<KeyElement> keySchema, boolean hasProjection, String projectionType,
        List<String> nonKeyAttributes, Capacity capacity, OnDemandThroughput onDemand) {

    KeyElement hash() {
        for (KeyElement k : keySchema) {
            if (k.isHash()) {
                return k;
            }
        }
        return null;
    }

    KeyElement range() {
        for (KeyElement k : keySchema) {
            if (k.isRange()) {
                return k;
            }
        }
        return null;
    }
}
