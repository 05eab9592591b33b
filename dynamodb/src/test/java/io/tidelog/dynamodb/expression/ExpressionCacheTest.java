package io.tidelog.dynamodb.expression;

import static io.tidelog.dynamodb.expression.Values.map;
import static io.tidelog.dynamodb.expression.Values.n;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ExpressionCacheTest {

    @Test
    void threadsSharingTheCacheEachGetTheirOwnBinding() throws Exception {
        ExpressionCache cache = new ExpressionCache(16);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 2000; i++) {
                        String text = "a" + (i % 40) + " = :v";
                        Condition c = RequestExpressions.builder(cache).values(map(":v", n(Integer.toString(thread * 10000 + i))))
                                .condition(text).bind().condition();
                        Condition.Compare compare = (Condition.Compare) c;
                        boolean right = compare.left().equals(new Operand.Attribute(Path.of("a" + (i % 40))))
                                && compare.right().equals(new Operand.Value(n(Integer.toString(thread * 10000 + i))));
                        if (!right) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> r : results) {
                assertTrue(r.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        assertTrue(cache.size() <= 16);
        assertEquals(4 * 2000, cache.hits() + cache.misses());
        assertTrue(cache.hits() > 0);
    }

    @Test
    void capacityMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new ExpressionCache(0));
    }
}
