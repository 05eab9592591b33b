package io.tidelog.dynamodb;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Options of a {@link DynamoDbService}. Immutable.
 *
 * @param region          the region named in ARNs and endpoints ({@code us-east-1} by default)
 * @param accountId       the account named in ARNs ({@code 000000000000} by default)
 * @param clock           the time of stream records, TTL expiry and creation times; null: the
 *                        store's clock
 * @param ttlSweepInterval how often expired items are looked for and deleted; zero turns the
 *                        sweeper off
 */
public record ServiceOptions(String region, String accountId, Clock clock, Duration ttlSweepInterval) {
    public ServiceOptions {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(ttlSweepInterval, "ttlSweepInterval");
        if (ttlSweepInterval.isNegative()) {
            throw new IllegalArgumentException("ttlSweepInterval must not be negative: " + ttlSweepInterval);
        }
    }

    public static ServiceOptions defaults() {
        return new ServiceOptions("us-east-1", "000000000000", null, Duration.ofSeconds(1));
    }

    public ServiceOptions withClock(Clock c) {
        return new ServiceOptions(region, accountId, c, ttlSweepInterval);
    }

    public ServiceOptions withTtlSweepInterval(Duration interval) {
        return new ServiceOptions(region, accountId, clock, interval);
    }
}
