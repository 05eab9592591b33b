package io.tidelog.backend;

import java.util.Objects;

/** Every failure of a backend method: a kind (§2.4) and a message that names the problem. */
public class BackendException extends RuntimeException {

    public enum Kind { NOT_A_DATABASE, LOCKED, CONSTRAINT, IO, VALIDATION, UNSUPPORTED, OTHER }

    private final Kind kind;

    public BackendException(Kind kind, String message) {
        super(message);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public BackendException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public Kind kind() {
        return kind;
    }

    @Override
    public String toString() {
        return "BackendException[" + kind + "]: " + getMessage();
    }
}
