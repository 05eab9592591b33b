package io.tidelog.backend.internal;

import io.tidelog.backend.BackendException;
import io.tidelog.backend.BackendException.Kind;

/** The messages of the errors the spec names, in one place so they read alike. */
final class Errors {
    private Errors() {}

    static BackendException noDataTable(String table) {
        return new BackendException(Kind.OTHER, "no such table: data table '" + table + "' does not exist");
    }

    static BackendException noGsiTable(String table, String index) {
        return new BackendException(Kind.OTHER,
                "no such table: GSI table '" + index + "' of '" + table + "' does not exist");
    }

    static BackendException noLsiTable(String table, String index) {
        return new BackendException(Kind.OTHER,
                "no such table: LSI table '" + index + "' of '" + table + "' does not exist");
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
