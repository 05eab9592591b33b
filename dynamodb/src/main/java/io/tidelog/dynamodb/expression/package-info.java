/**
 * DynamoDB's expression language: condition, filter, key condition, projection and update
 * expressions, with their {@code ExpressionAttributeNames} and {@code ExpressionAttributeValues},
 * and the legacy parameters they replaced (in {@code legacy}).
 *
 * <p>An expression is parsed once into a tree of its text (package {@code syntax}, cached by
 * {@link io.tidelog.dynamodb.expression.ExpressionCache}), then bound for each request into the
 * typed trees of this package: {@link io.tidelog.dynamodb.expression.Condition},
 * {@link io.tidelog.dynamodb.expression.KeyCondition},
 * {@link io.tidelog.dynamodb.expression.Projection} and
 * {@link io.tidelog.dynamodb.expression.Update}, whose names and values are the request's own.
 * Separate walkers use them: {@link io.tidelog.dynamodb.expression.ConditionEvaluator},
 * {@link io.tidelog.dynamodb.expression.ProjectionEvaluator},
 * {@link io.tidelog.dynamodb.expression.UpdateEvaluator}, and
 * {@link io.tidelog.dynamodb.expression.KeyCondition#against} for queries.
 *
 * <p>What an operation calls, in this order:
 * <ol>
 *   <li>{@link io.tidelog.dynamodb.expression.ExpressionParameters#check} with its constant
 *       ({@code PUT_ITEM}, {@code QUERY}, ...), among its first checks;</li>
 *   <li>the legacy readers of {@code legacy} when the request uses those parameters, where its
 *       order puts them;</li>
 *   <li>{@link io.tidelog.dynamodb.expression.RequestExpressions#from} with the same constant,
 *       which raises the
 *       first error of every expression in DynamoDB's order and hands back the bound trees;</li>
 *   <li>once the table is known, {@link io.tidelog.dynamodb.expression.KeyAttributeChecks} and
 *       {@link io.tidelog.dynamodb.expression.KeyCondition#against};</li>
 *   <li>the evaluators, against the item read.</li>
 * </ol>
 * Every message comes from {@link io.tidelog.dynamodb.error.ExpressionErrors} and
 * {@link io.tidelog.dynamodb.error.LegacyErrors}. Everything here is immutable or stateless and
 * safe to share between threads, except the builder of {@code RequestExpressions}.
 */
package io.tidelog.dynamodb.expression;
