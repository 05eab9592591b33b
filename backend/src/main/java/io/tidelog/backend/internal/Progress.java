package io.tidelog.backend.internal;

/** Progress of long work (restore, rebuild, verify): a total and a running count. */
public interface Progress {
    Progress NONE = new Progress() {
        @Override
        public void start(String task, long total) {}

        @Override
        public void advance(long done) {}

        @Override
        public void finish() {}
    };

    /** A new phase named {@code task} of {@code total} units (0 when unknown). */
    void start(String task, long total);

    /** {@code done} units of the current phase are complete. */
    void advance(long done);

    /** The current phase ended. */
    void finish();
}
