package io.tidelog.dynamodb.expression;

/**
 * The five kinds of expression a request can carry, each named by its request parameter, which
 * DynamoDB's messages quote ({@code Invalid FilterExpression: …}). Condition, filter and key
 * condition expressions share one grammar.
 */
public enum ExpressionKind {
    CONDITION("ConditionExpression", Grammar.CONDITION),
    FILTER("FilterExpression", Grammar.CONDITION),
    KEY_CONDITION("KeyConditionExpression", Grammar.CONDITION),
    PROJECTION("ProjectionExpression", Grammar.PROJECTION),
    UPDATE("UpdateExpression", Grammar.UPDATE);

    /** The three grammars behind the five kinds; a parsed expression depends only on its grammar. */
    public enum Grammar { CONDITION, PROJECTION, UPDATE }

    /** DynamoDB's limit on an expression, in UTF-8 bytes. */
    public static final int MAX_BYTES = 4096;

    private final String parameter;
    private final Grammar grammar;

    ExpressionKind(String parameter, Grammar grammar) {
        this.parameter = parameter;
        this.grammar = grammar;
    }

    /** The request parameter, e.g. {@code ConditionExpression}. */
    public String parameter() {
        return parameter;
    }

    public Grammar grammar() {
        return grammar;
    }
}
