package io.tidelog.backend.internal;

import io.tidelog.backend.BackendException;
import io.tidelog.backend.BackendException.Kind;
import io.tidelog.log.LogCorruptException;
import io.tidelog.log.LogLockedException;
import io.tidelog.projections.TableKind;

/** The messages of the errors the spec names, in one place so they read alike. */
public final class Errors {
    private Errors() {}

    /** How messages name a data, GSI or LSI table. */
    static String describe(TableKind kind, String table, String index) {
        return switch (kind) {
            case DATA -> "data table '" + table + "'";
            case GSI -> "GSI table '" + index + "' of '" + table + "'";
            case LSI -> "LSI table '" + index + "' of '" + table + "'";
        };
    }

    static BackendException noTable(TableKind kind, String table, String index) {
        return new BackendException(Kind.OTHER, "no such table: " + describe(kind, table, index) + " does not exist");
    }

    static BackendException noCatalogRow(String table) {
        return new BackendException(Kind.OTHER, "table '" + table + "' has no catalog row");
    }

    static BackendException closed() {
        return new BackendException(Kind.OTHER, "backend is closed");
    }

    /**
     * A failure of the log or the views: damage found in the log is {@code NOT_A_DATABASE}
     * (whichever call met it, the same kind an open reports it with), a lock held by another
     * writer {@code LOCKED}, anything else {@code IO}.
     */
    public static BackendException storage(RuntimeException e) {
        return storage("", e);
    }

    /** As {@link #storage(RuntimeException)}, the message prefixed with {@code context} (ending in ": "). */
    public static BackendException storage(String context, RuntimeException e) {
        if (e instanceof BackendException b) {
            return b;
        }
        if (e instanceof LogCorruptException) {
            return new BackendException(Kind.NOT_A_DATABASE, context + "the log is damaged: " + e.getMessage(), e);
        }
        if (e instanceof LogLockedException) {
            return new BackendException(Kind.LOCKED, context + e.getMessage(), e);
        }
        return io(context, e);
    }

    /** The JDK's words for ENOSPC. */
    private static final String NO_SPACE = "No space left on device";

    /** An {@code IO} failure; one caused by a full disk says so first. */
    static BackendException io(String context, Throwable cause) {
        String message = context + cause.getMessage();
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains(NO_SPACE)) {
                message = "the disk is full: " + message;
                break;
            }
        }
        return new BackendException(Kind.IO, message, cause);
    }

    static BackendException readOnly(String method) {
        return new BackendException(Kind.UNSUPPORTED,
                method + " is not supported: this backend is a read-only point-in-time view");
    }
}
