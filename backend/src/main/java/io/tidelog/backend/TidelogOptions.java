package io.tidelog.backend;

import java.time.Clock;
import java.time.Duration;

/** Options of {@link Tidelog#open(java.nio.file.Path, TidelogOptions)}. Immutable. */
public final class TidelogOptions {

    private static final TidelogOptions DEFAULTS = builder().build();

    private final Clock clock;
    private final Durability durability;
    private final Duration lockTimeout;
    private final long checkpointInterval;
    private final int checkpointRetention;

    private TidelogOptions(Builder b) {
        this.clock = b.clock;
        this.durability = b.durability;
        this.lockTimeout = b.lockTimeout;
        this.checkpointInterval = b.checkpointInterval;
        this.checkpointRetention = b.checkpointRetention;
    }

    public static TidelogOptions defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Source of commit times; {@code Clock.systemUTC()} by default. */
    public Clock clock() {
        return clock;
    }

    /** {@link Durability#SYNC} by default. */
    public Durability durability() {
        return durability;
    }

    /** How long a writer waits for another thread's transaction before {@code LOCKED}; 5 s by default. */
    public Duration lockTimeout() {
        return lockTimeout;
    }

    /**
     * Tidelog extension: a checkpoint of the views is taken every this many log entries, so that
     * {@link Tidelog#openAt} replays at most this many; 0 turns checkpoints off. Default 100,000.
     */
    public long checkpointInterval() {
        return checkpointInterval;
    }

    /** Tidelog extension: how many checkpoints are kept (the newest ones). Default 8. */
    public int checkpointRetention() {
        return checkpointRetention;
    }

    @Override
    public String toString() {
        return "TidelogOptions[clock=" + clock + ", durability=" + durability + ", lockTimeout="
                + lockTimeout + ", checkpointInterval=" + checkpointInterval
                + ", checkpointRetention=" + checkpointRetention + "]";
    }

    public static final class Builder {
        private Clock clock = Clock.systemUTC();
        private Durability durability = Durability.SYNC;
        private Duration lockTimeout = Duration.ofSeconds(5);
        private long checkpointInterval = 100_000;
        private int checkpointRetention = 8;

        private Builder() {}

        public Builder clock(Clock clock) {
            if (clock == null) {
                throw new IllegalArgumentException("clock must not be null");
            }
            this.clock = clock;
            return this;
        }

        public Builder durability(Durability durability) {
            if (durability == null) {
                throw new IllegalArgumentException("durability must not be null");
            }
            this.durability = durability;
            return this;
        }

        public Builder lockTimeout(Duration timeout) {
            if (timeout == null) {
                throw new IllegalArgumentException("lockTimeout must not be null");
            }
            if (timeout.isNegative()) {
                throw new IllegalArgumentException("lockTimeout must be zero or positive: " + timeout);
            }
            this.lockTimeout = timeout;
            return this;
        }

        /** See {@link TidelogOptions#checkpointInterval()}. */
        public Builder checkpointInterval(long entries) {
            if (entries < 0) {
                throw new IllegalArgumentException("checkpointInterval must be zero or positive: " + entries);
            }
            this.checkpointInterval = entries;
            return this;
        }

        /** See {@link TidelogOptions#checkpointRetention()}. */
        public Builder checkpointRetention(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("checkpointRetention must be at least 1: " + count);
            }
            this.checkpointRetention = count;
            return this;
        }

        public TidelogOptions build() {
            return new TidelogOptions(this);
        }
    }
}
