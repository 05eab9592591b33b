/**
 * The expression grammars: a tokenizer, one parser per grammar, the reserved words, and the
 * tree of an expression as written. Internal to the expression package: operations use
 * {@link io.tidelog.dynamodb.expression.RequestExpressions}, which parses through the cache and
 * binds what this package produces.
 */
package io.tidelog.dynamodb.expression.syntax;
