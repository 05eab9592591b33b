package io.tidelog.backend.internal;

import io.tidelog.backend.BackendException;
import io.tidelog.backend.BackendException.Kind;
import io.tidelog.projections.BaseRow;
import io.tidelog.projections.BaseView;
import io.tidelog.projections.CatalogRow;
import io.tidelog.projections.CatalogView;
import io.tidelog.projections.SnapshotReader;
import io.tidelog.projections.ViewException;
import io.tidelog.projections.Views;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The state at a store's horizon, for readers that fold the log from there (the audit history's
 * before-images, the change stream's catalog) instead of from an empty store. A private copy of
 * the base in a temporary directory, so a compaction that replaces the base meanwhile does not
 * pull it away; close it to delete the copy.
 */
public final class BaseState implements AutoCloseable {
    private final Path tmp;
    private final Views views;

    private BaseState(Path tmp, Views views) {
        this.tmp = tmp;
        this.views = views;
    }

    /** Opens the base that {@code horizon} names; the horizon must not be {@link HorizonRecord#NONE}. */
    public static BaseState open(Path root, HorizonRecord horizon) {
        Path tmp;
        try {
            tmp = Files.createTempDirectory("tidelog-base-");
        } catch (IOException e) {
            throw new BackendException(Kind.IO, "cannot create a temporary directory: " + e.getMessage(), e);
        }
        try {
            Path copy = tmp.resolve("views");
            ViewsStart.base(root, horizon, copy);
            return new BaseState(tmp, Views.openReadOnly(copy));
        } catch (RuntimeException e) {
            StoreLayout.deleteRecursively(tmp);
            if (e instanceof ViewException) {
                throw new BackendException(Kind.IO, "cannot open the base of " + root + ": " + e.getMessage(), e);
            }
            throw e;
        }
    }

    /** The item JSON of a row of table incarnation {@code storeId} at the horizon, or null. */
    public String itemJson(long storeId, String pk, String sk) {
        try (SnapshotReader r = views.snapshot()) {
            BaseRow row = BaseView.get(r, storeId, pk, sk);
            return row == null ? null : row.itemJson();
        }
    }

    /** The catalog row of {@code table} at the horizon, or null. */
    public CatalogRow catalogRow(String table) {
        try (SnapshotReader r = views.snapshot()) {
            return CatalogView.get(r, table);
        }
    }

    @Override
    public void close() {
        try {
            views.close();
        } finally {
            StoreLayout.deleteRecursively(tmp);
        }
    }
}
