package io.tidelog.dynamodb.expression.syntax;

/**
 * An expression that does not parse: the token where parsing could go no further and the text
 * around it, as DynamoDB quotes them ({@code token: "…", near: "…"}). The near text runs from the
 * token before the offending one to the token after it, as written.
 */
public final class SyntaxError extends RuntimeException {
    private final String token;
    private final String near;

    public SyntaxError(String token, String near) {
        super("token: \"" + token + "\", near: \"" + near + "\"", null, false, false);
        this.token = token;
        this.near = near;
    }

    public String token() {
        return token;
    }

    public String near() {
        return near;
    }
}
