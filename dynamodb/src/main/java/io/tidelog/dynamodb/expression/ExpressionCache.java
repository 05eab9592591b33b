package io.tidelog.dynamodb.expression;

import io.tidelog.dynamodb.expression.syntax.ConditionParser;
import io.tidelog.dynamodb.expression.syntax.ParsedCondition;
import io.tidelog.dynamodb.expression.syntax.ParsedProjection;
import io.tidelog.dynamodb.expression.syntax.ParsedUpdate;
import io.tidelog.dynamodb.expression.syntax.ProjectionParser;
import io.tidelog.dynamodb.expression.syntax.UpdateParser;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Parsed expressions by grammar and text, so that a request sent again and again (the usual
 * case: applications build a few expressions and send them with different values) is parsed
 * once. What is kept depends on the text alone: placeholders are substituted when a request is
 * bound, so one entry serves requests with any names and values. Texts that fail to parse are
 * not kept. The least recently used entry goes when the cache is full.
 *
 * <p>Thread-safe; parsing happens outside the lock, so two threads may parse the same new text
 * at once, and the second result is dropped.
 */
public final class ExpressionCache {
    /** Entries kept by {@link #shared()}; at most 4 KB of text each. */
    public static final int DEFAULT_CAPACITY = 1000;

    private static final ExpressionCache SHARED = new ExpressionCache(DEFAULT_CAPACITY);

    private final Map<Key, Object> entries;
    private long hits;
    private long misses;

    private record Key(ExpressionKind.Grammar grammar, String text) {}

    public ExpressionCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.entries = new LinkedHashMap<>(Math.min(capacity, 1024) * 2, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Object> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The cache used when a caller names none. */
    public static ExpressionCache shared() {
        return SHARED;
    }

    ParsedCondition condition(String text) {
        return get(ExpressionKind.Grammar.CONDITION, text, ConditionParser::parse);
    }

    ParsedUpdate update(String text) {
        return get(ExpressionKind.Grammar.UPDATE, text, UpdateParser::parse);
    }

    ParsedProjection projection(String text) {
        return get(ExpressionKind.Grammar.PROJECTION, text, ProjectionParser::parse);
    }

    @SuppressWarnings("unchecked")
    private <T> T get(ExpressionKind.Grammar grammar, String text, Function<String, T> parser) {
        Key key = new Key(grammar, text);
        synchronized (this) {
            Object parsed = entries.get(key);
            if (parsed != null) {
                hits++;
                return (T) parsed;
            }
            misses++;
        }
        T parsed = parser.apply(text);
        synchronized (this) {
            entries.putIfAbsent(key, parsed);
        }
        return parsed;
    }

    public synchronized int size() {
        return entries.size();
    }

    /** Lookups answered from the cache. */
    public synchronized long hits() {
        return hits;
    }

    /** Lookups that had to parse. */
    public synchronized long misses() {
        return misses;
    }
}
