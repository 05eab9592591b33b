package io.tidelog.dynamodb.expression.syntax;

/**
 * A token of an expression and where it lies in the source, {@code [start, end)} in chars.
 * Keywords ({@code AND}, {@code SET}, ...) are identifiers; each grammar decides which it
 * reserves.
 */
public record Token(Type type, String text, int start, int end) {

    public enum Type {
        /** {@code [A-Za-z_][A-Za-z0-9_]*}. */
        IDENTIFIER,
        /** {@code #} followed by name characters. */
        NAME_REF,
        /** {@code :} followed by name characters. */
        VALUE_REF,
        /** A run of decimal digits. */
        NUMBER,
        LPAREN, RPAREN, LBRACKET, RBRACKET, DOT, COMMA,
        EQ, NE, LT, LE, GT, GE, PLUS, MINUS,
        /** A character no token starts with; never valid, it only marks where parsing fails. */
        UNKNOWN,
        /** The end of the expression. */
        EOF
    }

    /** The text DynamoDB quotes for this token in a syntax error. */
    public String quoted() {
        return type == Type.EOF ? "<EOF>" : text;
    }

    /** Whether this is the identifier {@code keyword}, in any case. */
    public boolean isKeyword(String keyword) {
        return type == Type.IDENTIFIER && text.equalsIgnoreCase(keyword);
    }
}
