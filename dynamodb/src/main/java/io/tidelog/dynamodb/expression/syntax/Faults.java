package io.tidelog.dynamodb.expression.syntax;

/**
 * What a parse found wrong with an expression that is otherwise well formed, each the first of
 * its kind in the order DynamoDB meets them, null (or false) when there is none. These faults
 * depend on the text alone, so they are kept with the parsed expression; which one DynamoDB
 * reports, and whether it comes before a fault that depends on the request's names and values,
 * is the binder's business.
 *
 * @param redundantParentheses a pair of parentheses directly around another
 * @param unknownFunction      a call of a function the grammar does not have (names are
 *                             case-sensitive)
 * @param misusedFunction      a function where its result cannot go: a function other than
 *                             {@code size} as an operand, or {@code size} as a condition
 * @param reservedWord         an attribute name that is one of DynamoDB's reserved words
 * @param repeatedSection      an update clause ({@code SET}, {@code REMOVE}, {@code ADD},
 *                             {@code DELETE}) given twice
 */
public record Faults(boolean redundantParentheses, String unknownFunction, String misusedFunction,
        String reservedWord, String repeatedSection) {

    public static final Faults NONE = new Faults(false, null, null, null, null);
}
