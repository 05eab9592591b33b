package io.tidelog.projections;

/** A RocksDB operation on the views failed, or the views directory is not usable. */
public class ViewException extends RuntimeException {
    public ViewException(String message, Throwable cause) {
        super(message, cause);
    }

    public ViewException(String message) {
        super(message);
    }
}
