/**
 * The parameters that came before expressions, read into the same trees:
 * {@link io.tidelog.dynamodb.expression.legacy.LegacyConditions} for {@code Expected},
 * {@code QueryFilter}, {@code ScanFilter} and {@code KeyConditions};
 * {@link io.tidelog.dynamodb.expression.legacy.LegacyUpdates} for {@code AttributeUpdates};
 * {@link io.tidelog.dynamodb.expression.legacy.AttributesToGet}. Their results go to the same
 * evaluators as bound expressions. A request may not mix them with expressions
 * ({@link io.tidelog.dynamodb.expression.ExpressionParameters}).
 */
package io.tidelog.dynamodb.expression.legacy;
