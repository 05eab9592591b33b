package io.tidelog.backend;

import io.tidelog.backend.internal.AuditIdentity;
import java.util.function.Supplier;

/**
 * Who is making changes. Mutations made inside {@link #as} on the calling thread are recorded in
 * the log with that identity, so the audit history can say who changed what. A transaction's
 * commit records the identity bound when {@code commit()} is called.
 */
public final class Audit {
    private Audit() {}

    public static <T> T as(String identity, Supplier<T> work) {
        String previous = AuditIdentity.current();
        AuditIdentity.set(identity);
        try {
            return work.get();
        } finally {
            AuditIdentity.set(previous);
        }
    }

    public static void as(String identity, Runnable work) {
        as(identity, () -> {
            work.run();
            return null;
        });
    }
}
