package io.tidelog.backend.internal;

import java.nio.file.Path;

/** Test access to a store's files. */
public final class StoreLayoutAccess {
    private StoreLayoutAccess() {}

    public static void deleteViews(Path store) {
        StoreLayout.deleteRecursively(StoreLayout.views(store));
    }
}
