package io.tidelog.dynamodb.expression.syntax;

/**
 * A condition, filter or key condition expression as parsed: its tree and the faults found in
 * its text. Immutable, and the same for every request that sends this text.
 */
public record ParsedCondition(Node root, Faults faults) {}
