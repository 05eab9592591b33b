package io.tidelog.dynamodb;

import java.nio.charset.StandardCharsets;

/**
 * The answer to a {@link Call}: a status code as DynamoDB gives it (200, or the error's 400/500
 * class), the JSON body, and the sequence of the store state the answer reflects (for a write,
 * the write's own log sequence).
 *
 * @param errorType the error's short type (e.g. {@code ValidationException}) when the call failed,
 *                  else null; the body then holds {@code __type} and {@code message}
 */
public record Reply(int status, byte[] body, String errorType, long sequence) {

    public boolean isError() {
        return errorType != null;
    }

    /** The content type of every reply body. */
    public static final String CONTENT_TYPE = "application/x-amz-json-1.0";

    @Override
    public String toString() {
        return "Reply[" + status + ", " + new String(body, StandardCharsets.UTF_8) + ", seq " + sequence + "]";
    }
}
