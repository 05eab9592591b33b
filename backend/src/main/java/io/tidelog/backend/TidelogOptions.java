package io.tidelog.backend;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/** Options of {@link Tidelog#open(java.nio.file.Path, TidelogOptions)}. Immutable. */
public final class TidelogOptions {

    private static final TidelogOptions DEFAULTS = builder().build();

    private final Clock clock;
    private final Durability durability;
    private final Duration lockTimeout;
    private final long checkpointInterval;
    private final int checkpointRetention;
    private final Duration retentionAge;
    private final long retentionBytes;
    private final long logSegmentBytes;

    private TidelogOptions(Builder b) {
        this.clock = b.clock;
        this.durability = b.durability;
        this.lockTimeout = b.lockTimeout;
        this.checkpointInterval = b.checkpointInterval;
        this.checkpointRetention = b.checkpointRetention;
        this.retentionAge = b.retentionAge;
        this.retentionBytes = b.retentionBytes;
        this.logSegmentBytes = b.logSegmentBytes;
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

    /**
     * Tidelog extension: retention by age. When set, the store drops, in the background, the log
     * segments whose every mutation is older than this (by commit time and the options' clock),
     * keeping the state at the cut as the base the log continues from, so every state from this
     * long ago on stays readable and nothing earlier. Empty (off) by default: the whole history is
     * kept, as §8.3 promises. See {@link Retention}.
     */
    public Optional<Duration> retentionAge() {
        return Optional.ofNullable(retentionAge);
    }

    /**
     * Tidelog extension: retention by size. When set, the store drops, in the background, the
     * oldest log segments once the segment files together hold more than this many bytes,
     * keeping the state at the cut as the base. The log stays within the bound plus the segment
     * being written ({@link #logSegmentBytes()}). Empty (off) by default. See {@link Retention}.
     */
    public OptionalLong retentionBytes() {
        return retentionBytes == 0 ? OptionalLong.empty() : OptionalLong.of(retentionBytes);
    }

    /**
     * Tidelog extension: the size at which the log starts a new segment file, and so the unit
     * retention drops. Default 64 MiB.
     */
    public long logSegmentBytes() {
        return logSegmentBytes;
    }

    @Override
    public String toString() {
        return "TidelogOptions[clock=" + clock + ", durability=" + durability + ", lockTimeout="
                + lockTimeout + ", checkpointInterval=" + checkpointInterval
                + ", checkpointRetention=" + checkpointRetention
                + ", retentionAge=" + (retentionAge == null ? "off" : retentionAge)
                + ", retentionBytes=" + (retentionBytes == 0 ? "off" : retentionBytes)
                + ", logSegmentBytes=" + logSegmentBytes + "]";
    }

    public static final class Builder {
        private Clock clock = Clock.systemUTC();
        private Durability durability = Durability.SYNC;
        private Duration lockTimeout = Duration.ofSeconds(5);
        private long checkpointInterval = 100_000;
        private int checkpointRetention = 8;
        private Duration retentionAge;
        private long retentionBytes;
        private long logSegmentBytes = 64L << 20;

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

        /** See {@link TidelogOptions#retentionAge()}; positive. */
        public Builder retentionAge(Duration age) {
            if (age == null) {
                throw new IllegalArgumentException("retentionAge must not be null");
            }
            if (age.isNegative() || age.isZero()) {
                throw new IllegalArgumentException("retentionAge must be positive: " + age);
            }
            this.retentionAge = age;
            return this;
        }

        /** See {@link TidelogOptions#retentionBytes()}; positive. */
        public Builder retentionBytes(long bytes) {
            if (bytes <= 0) {
                throw new IllegalArgumentException("retentionBytes must be positive: " + bytes);
            }
            this.retentionBytes = bytes;
            return this;
        }

        /** See {@link TidelogOptions#logSegmentBytes()}; at least 1024. */
        public Builder logSegmentBytes(long bytes) {
            if (bytes < 1024) {
                throw new IllegalArgumentException("logSegmentBytes must be at least 1024: " + bytes);
            }
            this.logSegmentBytes = bytes;
            return this;
        }

        public TidelogOptions build() {
            return new TidelogOptions(this);
        }
    }
}
