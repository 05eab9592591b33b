package io.tidelog.backend.internal;

import io.tidelog.backend.BackendException;
import io.tidelog.backend.BackendException.Kind;

/**
 * Runs the steps of a shutdown in order, every one of them whatever the earlier ones did, and
 * reports the first failure as one {@code BackendException} of kind {@code IO} (the others
 * suppressed in it). A store's close must release its lock even when its views cannot flush.
 */
final class Closer {
    private final String what;
    private BackendException failure;

    Closer(String what) {
        this.what = what;
    }

    void run(Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            if (failure == null) {
                failure = e instanceof BackendException b && b.kind() == Kind.IO ? b
                        : Errors.io(what + " failed: ", e);
            } else {
                failure.addSuppressed(e);
            }
        }
    }

    /** Throws the first failure, if any step failed. */
    void finish() {
        if (failure != null) {
            throw failure;
        }
    }
}
