package io.tidelog.log;

/** A log operation failed: I/O, a log that failed earlier, or a closed log. */
public class LogException extends RuntimeException {
    public LogException(String message) {
        super(message);
    }

    public LogException(String message, Throwable cause) {
        super(message, cause);
    }
}
