package io.tidelog.backend.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tidelog.backend.BackendException.Kind;
import io.tidelog.backend.BaseItemRow;
import io.tidelog.backend.LruItem;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** §7.13 touchCachedAt and getLruItems. */
class LruContractTest extends ContractTestBase {

    @BeforeEach
    void table() {
        createTable(ORDERS);
    }

    @Test
    void touchSetsCachedAtAndRowsWithoutItAreNeverReturned() {
        backend.putItem(ORDERS, s("a"), "", "{}", 11);
        backend.putItem(ORDERS, s("b"), "", "{}", 22);
        assertEquals(List.of(), backend.getLruItems(ORDERS, 10));
        backend.touchCachedAt(ORDERS, s("b"), "", 1_709_294_400.5);
        assertEquals(List.of(new LruItem(s("b"), "", 22)), backend.getLruItems(ORDERS, 10));
    }

    @Test
    void touchOfAbsentRowIsANoOp() {
        backend.putItem(ORDERS, s("a"), "", "{}", 1);
        backend.touchCachedAt(ORDERS, s("nobody"), "", 5.0);
        backend.touchCachedAt(ORDERS, s("a"), s("other-sk"), 5.0);
        assertEquals(List.of(), backend.getLruItems(ORDERS, 10));
        assertEquals(1, backend.countItems(ORDERS), "touch never creates rows");
    }

    @Test
    void touchWithNaNIsValidation() {
        backend.putItem(ORDERS, s("a"), "", "{}", 1);
        long seq = backend.lastSequence();
        assertKind(Kind.VALIDATION, () -> backend.touchCachedAt(ORDERS, s("a"), "", Double.NaN));
        assertEquals(List.of(), backend.getLruItems(ORDERS, 10));
        assertEquals(seq, backend.lastSequence());
    }

    @Test
    void cacheMethodsOnMissingDataTableRaiseOther() {
        assertMissingTable(() -> backend.touchCachedAt("Ghost", s("a"), "", 1.0));
        assertMissingTable(() -> backend.getLruItems("Ghost", 10));
    }

    @Test
    void oldestFirstNumericallyNotTextually() {
        backend.putItem(ORDERS, s("ten"), "", "{}", 1);
        backend.putItem(ORDERS, s("nine"), "", "{}", 2);
        backend.putItem(ORDERS, s("negative"), "", "{}", 3);
        backend.putItem(ORDERS, s("fraction"), "", "{}", 4);
        backend.putItem(ORDERS, s("huge"), "", "{}", 5);
        backend.touchCachedAt(ORDERS, s("ten"), "", 10.25);
        backend.touchCachedAt(ORDERS, s("nine"), "", 9.5);
        backend.touchCachedAt(ORDERS, s("negative"), "", -3.0);
        backend.touchCachedAt(ORDERS, s("fraction"), "", 9.499999);
        backend.touchCachedAt(ORDERS, s("huge"), "", 1e12);
        assertEquals(List.of(new LruItem(s("negative"), "", 3), new LruItem(s("fraction"), "", 4),
                new LruItem(s("nine"), "", 2), new LruItem(s("ten"), "", 1), new LruItem(s("huge"), "", 5)),
                backend.getLruItems(ORDERS, 10));
    }

    @Test
    void retouchMovesTheRow() {
        backend.putItem(ORDERS, s("a"), "", "{}", 1);
        backend.putItem(ORDERS, s("b"), "", "{}", 2);
        backend.touchCachedAt(ORDERS, s("a"), "", 1.0);
        backend.touchCachedAt(ORDERS, s("b"), "", 2.0);
        backend.touchCachedAt(ORDERS, s("a"), "", 3.0);
        assertEquals(List.of(new LruItem(s("b"), "", 2), new LruItem(s("a"), "", 1)), backend.getLruItems(ORDERS, 10));
    }

    @Test
    void tiesAreOrderedByPkThenSkBytewise() {
        for (String[] k : new String[][] {{"b", "2"}, {"b", "1"}, {"a", "9"}, {"\uD83D\uDE00", "x"}, {"\uFFFD", "x"}}) {
            backend.putItem(ORDERS, s(k[0]), s(k[1]), "{}", 1);
            backend.touchCachedAt(ORDERS, s(k[0]), s(k[1]), 42.0);
        }
        assertEquals(List.of(new LruItem(s("a"), s("9"), 1), new LruItem(s("b"), s("1"), 1), new LruItem(s("b"), s("2"), 1),
                new LruItem(s("\uFFFD"), s("x"), 1), new LruItem(s("\uD83D\uDE00"), s("x"), 1)),
                backend.getLruItems(ORDERS, 10));
    }

    @Test
    void limitZeroNAndNegative() {
        for (int i = 0; i < 5; i++) {
            backend.putItem(ORDERS, s("k" + i), "", "{}", i);
            backend.touchCachedAt(ORDERS, s("k" + i), "", 100 - i);
        }
        assertEquals(List.of(), backend.getLruItems(ORDERS, 0));
        assertEquals(List.of(new LruItem(s("k4"), "", 4), new LruItem(s("k3"), "", 3)), backend.getLruItems(ORDERS, 2));
        assertEquals(5, backend.getLruItems(ORDERS, 100).size());
        assertKind(Kind.VALIDATION, () -> backend.getLruItems(ORDERS, -1));
    }

    @Test
    void cachedAtSurvivesPutsAndIsSetByBaseItemWrites() {
        backend.putItem(ORDERS, s("a"), "", "{}", 1);
        backend.touchCachedAt(ORDERS, s("a"), "", 50.0);
        backend.putItemWithHash(ORDERS, s("a"), "", "{\"v\":2}", 7, "abcdef");
        assertEquals(List.of(new LruItem(s("a"), "", 7)), backend.getLruItems(ORDERS, 10), "put keeps cachedAt");
        backend.putBaseItems(ORDERS, List.of(new BaseItemRow(s("a"), "", "{}", 8, null, "abcdef"),
                new BaseItemRow(s("b"), "", "{}", 9, 60.0, "abcdef"),
                new BaseItemRow(s("c"), "", "{}", 10, 55.0, "abcdef")));
        assertEquals(List.of(new LruItem(s("c"), "", 10), new LruItem(s("b"), "", 9)), backend.getLruItems(ORDERS, 10));
    }

    @Test
    void droppingTheTableEmptiesTheLruView() {
        backend.putItem(ORDERS, s("a"), "", "{}", 1);
        backend.touchCachedAt(ORDERS, s("a"), "", 1.0);
        backend.dropDataTable(ORDERS);
        backend.createDataTable(ORDERS);
        assertEquals(List.of(), backend.getLruItems(ORDERS, 10));
    }

    @Test
    void touchIsAMutationThatChangesOnlyCachedAt() {
        backend.putItemWithHash(ORDERS, s("a"), "", "{\"x\":1}", 3, "123456");
        long seq = backend.lastSequence();
        backend.touchCachedAt(ORDERS, s("a"), "", 9.0);
        assertTrue(backend.lastSequence() > seq);
        assertEquals(java.util.Optional.of("{\"x\":1}"), backend.getItem(ORDERS, s("a"), ""));
        assertEquals(3, backend.getPartitionSize(ORDERS, s("a")));
        assertEquals(1, backend.scanItems(ORDERS, sc().segment(0).totalSegments(1).build()).size(), "hashPrefix kept");
    }

    @Test
    void infinitiesAreOrdinaryTimestampsAndSignedZerosTie() {
        backend.putItem(ORDERS, s("pos"), "", "{}", 1);
        backend.putItem(ORDERS, s("neg"), "", "{}", 2);
        backend.putItem(ORDERS, s("a"), "", "{}", 3);
        backend.putItem(ORDERS, s("b"), "", "{}", 4);
        backend.touchCachedAt(ORDERS, s("pos"), "", Double.POSITIVE_INFINITY);
        backend.touchCachedAt(ORDERS, s("neg"), "", Double.NEGATIVE_INFINITY);
        backend.touchCachedAt(ORDERS, s("b"), "", -0.0);
        backend.touchCachedAt(ORDERS, s("a"), "", 0.0);
        assertEquals(List.of(new LruItem(s("neg"), "", 2), new LruItem(s("a"), "", 3), new LruItem(s("b"), "", 4),
                new LruItem(s("pos"), "", 1)), backend.getLruItems(ORDERS, 10), "-0.0 == 0.0 numerically: tie by keys");
    }
}
