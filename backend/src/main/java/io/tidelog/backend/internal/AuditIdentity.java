package io.tidelog.backend.internal;

/** Holds the identity that {@code io.tidelog.backend.Audit} binds to the calling thread. */
public final class AuditIdentity {
    private AuditIdentity() {}

    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    public static String current() {
        return CURRENT.get();
    }

    public static void set(String identity) {
        if (identity == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(identity);
        }
    }
}
