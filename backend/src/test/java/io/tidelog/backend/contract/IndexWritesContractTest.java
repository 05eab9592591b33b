package io.tidelog.backend.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tidelog.backend.BackendException.Kind;
import io.tidelog.backend.IndexWriteOp;
import io.tidelog.backend.IndexWriteOp.DeleteGsi;
import io.tidelog.backend.IndexWriteOp.DeleteLsi;
import io.tidelog.backend.IndexWriteOp.InsertGsi;
import io.tidelog.backend.IndexWriteOp.InsertLsi;
import io.tidelog.backend.ItemRow;
import io.tidelog.backend.StorageBackend;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** §7.6 applyIndexWrites: order, mixed targets, atomicity, and the interface default. */
class IndexWritesContractTest extends ContractTestBase {

    @BeforeEach
    void indexes() {
        backend.createGsiTable(ORDERS, BYSTATUS);
        backend.createLsiTable(ORDERS, BYDATE);
        backend.createGsiTable(USERS, "byEmail");
    }

    private List<ItemRow> gsi() {
        return backend.scanGsiItems(ORDERS, BYSTATUS, sc().build());
    }

    private List<ItemRow> lsi() {
        return backend.scanLsiItems(ORDERS, BYDATE, sc().build());
    }

    @Test
    void deleteThenInsertMovesAnEntryToItsNewKey() {
        backend.insertGsiItem(ORDERS, BYSTATUS, s("OPEN"), "", s("o1"), "", "{\"status\":\"OPEN\"}");
        backend.applyIndexWrites(List.of(
                new DeleteGsi(ORDERS, BYSTATUS, s("o1"), ""),
                new InsertGsi(ORDERS, BYSTATUS, s("SHIPPED"), "", s("o1"), "", "{\"status\":\"SHIPPED\"}")));
        assertEquals(List.of(new ItemRow(s("SHIPPED"), "", "{\"status\":\"SHIPPED\"}")), gsi());
    }

    @Test
    void insertThenDeleteLeavesNothingBecauseOrderMatters() {
        backend.applyIndexWrites(List.of(
                new InsertGsi(ORDERS, BYSTATUS, s("OPEN"), "", s("o1"), "", "{}"),
                new DeleteGsi(ORDERS, BYSTATUS, s("o1"), ""),
                new InsertLsi(ORDERS, BYDATE, s("c1"), s("d1"), s("c1"), s("o1"), "{}"),
                new DeleteLsi(ORDERS, BYDATE, s("c1"), s("o1"))));
        assertEquals(List.of(), gsi());
        assertEquals(List.of(), lsi());
    }

    @Test
    void operationsMayTargetDifferentTablesAndIndexes() {
        backend.applyIndexWrites(List.of(
                new InsertGsi(ORDERS, BYSTATUS, s("OPEN"), "", s("o1"), "", "{\"o\":1}"),
                new InsertLsi(ORDERS, BYDATE, s("c1"), s("2024-03-01"), s("c1"), s("o1"), "{\"l\":1}"),
                new InsertGsi(USERS, "byEmail", s("a@example.com"), "", s("alice"), "", "{\"u\":1}"),
                new InsertGsi(ORDERS, BYSTATUS, s("OPEN"), "", s("o1"), "", "{\"o\":2}")));
        assertEquals(List.of(new ItemRow(s("OPEN"), "", "{\"o\":2}")), gsi(), "later insert on same keys wins");
        assertEquals(List.of(new ItemRow(s("c1"), s("2024-03-01"), "{\"l\":1}")), lsi());
        assertEquals(List.of(new ItemRow(s("a@example.com"), "", "{\"u\":1}")),
                backend.scanGsiItems(USERS, "byEmail", sc().build()));
    }

    @Test
    void emptyListDoesNothingAndNeedsNoTables() {
        backend.applyIndexWrites(List.of());
        assertEquals(List.of(), gsi());
    }

    @Test
    void failureLeavesNoOperationApplied() {
        backend.insertGsiItem(ORDERS, BYSTATUS, s("OPEN"), "", s("o0"), "", "{\"keep\":1}");
        List<ItemRow> gsiBefore = gsi();
        long seq = backend.lastSequence();
        assertMissingTable(() -> backend.applyIndexWrites(List.of(
                new DeleteGsi(ORDERS, BYSTATUS, s("o0"), ""),
                new InsertGsi(ORDERS, BYSTATUS, s("OPEN"), "", s("o1"), "", "{}"),
                new InsertLsi(ORDERS, BYDATE, s("c1"), s("d"), s("c1"), s("o1"), "{}"),
                new InsertGsi(ORDERS, "missingIndex", s("OPEN"), "", s("o1"), "", "{}"))));
        assertEquals(gsiBefore, gsi());
        assertEquals(List.of(), lsi());
        assertEquals(seq, backend.lastSequence());
    }

    @Test
    void missingLsiAlsoFailsAtomically() {
        assertMissingTable(() -> backend.applyIndexWrites(List.of(
                new InsertGsi(ORDERS, BYSTATUS, s("OPEN"), "", s("o1"), "", "{}"),
                new DeleteLsi(ORDERS, "noSuchLsi", s("c1"), s("o1")))));
        assertEquals(List.of(), gsi());
    }

    @Test
    void nullOperationOrComponentIsValidationAndAppliesNothing() {
        assertKind(Kind.VALIDATION, () -> backend.applyIndexWrites(Arrays.asList(
                new InsertGsi(ORDERS, BYSTATUS, s("OPEN"), "", s("o1"), "", "{}"), null)));
        assertKind(Kind.VALIDATION, () -> backend.applyIndexWrites(List.of(
                new InsertGsi(ORDERS, BYSTATUS, s("OPEN"), "", s("o1"), "", "{}"),
                new InsertLsi(ORDERS, BYDATE, s("c1"), null, s("c1"), s("o1"), "{}"))));
        assertKind(Kind.VALIDATION, () -> backend.applyIndexWrites(List.of(
                new InsertGsi(ORDERS, BYSTATUS, s("OPEN"), "", s("o1"), "", "{}"),
                new DeleteGsi(ORDERS, BYSTATUS, null, ""))));
        assertKind(Kind.VALIDATION, () -> backend.applyIndexWrites(null));
        assertEquals(List.of(), gsi());
        assertEquals(List.of(), lsi());
    }

    @Test
    void resultEqualsCallingTheNamedMethodsOneByOne() {
        List<IndexWriteOp> ops = List.of(
                new InsertGsi(ORDERS, BYSTATUS, s("OPEN"), "", s("o1"), "", "{\"v\":1}"),
                new InsertGsi(ORDERS, BYSTATUS, s("OPEN"), "", s("o2"), "", "{\"v\":2}"),
                new InsertGsi(ORDERS, BYSTATUS, s("CLOSED"), "", s("o1"), "", "{\"v\":3}"),
                new DeleteGsi(ORDERS, BYSTATUS, s("o2"), ""),
                new InsertLsi(ORDERS, BYDATE, s("c1"), s("d1"), s("c1"), s("o1"), "{\"v\":4}"),
                new InsertLsi(ORDERS, BYDATE, s("c1"), s("d2"), s("c1"), s("o1"), "{\"v\":5}"),
                new InsertLsi(ORDERS, BYDATE, s("c1"), s("d3"), s("c1"), s("o2"), "{\"v\":6}"),
                new DeleteLsi(ORDERS, BYDATE, s("c1"), s("o2")));
        backend.applyIndexWrites(ops);
        List<ItemRow> gsiBatch = gsi();
        List<ItemRow> lsiBatch = lsi();

        StorageBackend other = openWritable(tempDir.resolve("one-by-one"));
        other.createGsiTable(ORDERS, BYSTATUS);
        other.createLsiTable(ORDERS, BYDATE);
        withInterfaceDefaults(other).applyIndexWrites(ops);
        assertEquals(gsiBatch, other.scanGsiItems(ORDERS, BYSTATUS, sc().build()));
        assertEquals(lsiBatch, other.scanLsiItems(ORDERS, BYDATE, sc().build()));
        assertEquals(List.of(new ItemRow(s("CLOSED"), "", "{\"v\":3}"), new ItemRow(s("OPEN"), "", "{\"v\":1}")), gsiBatch);
        assertEquals(2, lsiBatch.size());
    }

    @Test
    void interfaceDefaultStopsAtFirstFailureLeavingEarlierOperationsApplied() {
        StorageBackend viaDefault = withInterfaceDefaults(backend);
        assertMissingTable(() -> viaDefault.applyIndexWrites(List.of(
                new InsertGsi(ORDERS, BYSTATUS, s("OPEN"), "", s("o1"), "", "{\"first\":1}"),
                new InsertGsi(ORDERS, "missingIndex", s("OPEN"), "", s("o2"), "", "{}"),
                new InsertLsi(ORDERS, BYDATE, s("c1"), s("d"), s("c1"), s("o3"), "{\"third\":1}"))));
        assertEquals(List.of(new ItemRow(s("OPEN"), "", "{\"first\":1}")), gsi(), "first op applied");
        assertEquals(List.of(), lsi(), "third op never ran");
    }

    @Test
    void applyIndexWritesIsOneMutation() {
        long before = backend.lastSequence();
        backend.applyIndexWrites(List.of(
                new InsertGsi(ORDERS, BYSTATUS, s("OPEN"), "", s("o1"), "", "{}"),
                new InsertLsi(ORDERS, BYDATE, s("c1"), s("d"), s("c1"), s("o1"), "{}")));
        long after = backend.lastSequence();
        assertTrue(after > before);
        backend.close();
        StorageBackend atBefore = openAt(after - 1);
        assertEquals(List.of(), atBefore.scanGsiItems(ORDERS, BYSTATUS, sc().build()), "one mutation: nothing before it");
        assertEquals(List.of(), atBefore.scanLsiItems(ORDERS, BYDATE, sc().build()));
        StorageBackend atAfter = openAt(after);
        assertEquals(1, atAfter.scanGsiItems(ORDERS, BYSTATUS, sc().build()).size());
        assertEquals(1, atAfter.scanLsiItems(ORDERS, BYDATE, sc().build()).size());
    }
}
