package io.tidelog.tool;

/** A failure the command reports as one line on stderr (no stack trace unless --verbose). */
final class ToolException extends RuntimeException {
    ToolException(String message) {
        super(message);
    }

    ToolException(String message, Throwable cause) {
        super(message, cause);
    }
}
