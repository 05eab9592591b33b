package io.tidelog.backend.internal;

import io.tidelog.backend.BackendException;
import io.tidelog.backend.BackendException.Kind;
import io.tidelog.projections.TableKind;

/** The messages of the errors the spec names, in one place so they read alike. */
final class Errors {
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

    static BackendException readOnly(String method) {
        return new BackendException(Kind.UNSUPPORTED,
                method + " is not supported: this backend is a read-only point-in-time view");
    }
}
