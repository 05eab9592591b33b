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
 * @param itemCollectionSizeLimit the bytes an item collection (the items of one partition key
 *                        of a table with local secondary indexes, with their LSI entries) may
 *                        hold: DynamoDB's 10 GB by default
 */
public record ServiceOptions(String region, String accountId, Clock clock, Duration ttlSweepInterval,
        long itemCollectionSizeLimit) {
    /** DynamoDB's item collection limit: 10 GB. */
    public static final long ITEM_COLLECTION_SIZE_LIMIT = 10L * 1024 * 1024 * 1024;

    public ServiceOptions {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(ttlSweepInterval, "ttlSweepInterval");
        if (ttlSweepInterval.isNegative()) {
            throw new IllegalArgumentException("ttlSweepInterval must not be negative: " + ttlSweepInterval);
        }
        if (itemCollectionSizeLimit <= 0) {
            throw new IllegalArgumentException("itemCollectionSizeLimit must be positive: " + itemCollectionSizeLimit);
        }
    }

    public ServiceOptions(String region, String accountId, Clock clock, Duration ttlSweepInterval) {
        this(region, accountId, clock, ttlSweepInterval, ITEM_COLLECTION_SIZE_LIMIT);
    }

    public static ServiceOptions defaults() {
        return new ServiceOptions("us-east-1", "000000000000", null, Duration.ofSeconds(1));
    }

    public ServiceOptions withClock(Clock c) {
        return new ServiceOptions(region, accountId, c, ttlSweepInterval, itemCollectionSizeLimit);
    }

    public ServiceOptions withTtlSweepInterval(Duration interval) {
        return new ServiceOptions(region, accountId, clock, interval, itemCollectionSizeLimit);
    }

    public ServiceOptions withItemCollectionSizeLimit(long bytes) {
        return new ServiceOptions(region, accountId, clock, ttlSweepInterval, bytes);
    }
}
