package io.tidelog.backend.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tidelog.backend.GsiItemRow;
import io.tidelog.backend.ItemRow;
import io.tidelog.backend.Tag;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** §7.3 data, GSI and LSI table lifecycle; §1 independent, case-sensitive namespaces. */
class DataTableContractTest extends ContractTestBase {

    @Test
    void createDataTableNeedsNoCatalogRowAndTwiceRaisesOther() {
        backend.createDataTable(ORDERS);
        assertEquals(0, backend.countItems(ORDERS));
        long seq = backend.lastSequence();
        assertMissingTable(() -> backend.createDataTable(ORDERS));
        assertEquals(seq, backend.lastSequence());
        assertEquals(List.of(), backend.listTableNames(), "no catalog row is created");
    }

    @Test
    void dataTableNamesAreCaseSensitive() {
        backend.createDataTable(ORDERS);
        backend.createDataTable("orders");
        backend.putItem(ORDERS, s("u1"), s("o1"), "{\"upper\":{\"BOOL\":true}}", 5);
        assertEquals(1, backend.countItems(ORDERS));
        assertEquals(0, backend.countItems("orders"));
        assertEquals(Optional.empty(), backend.getItem("orders", s("u1"), s("o1")));
        backend.dropDataTable("orders");
        assertEquals(1, backend.countItems(ORDERS));
        assertMissingTable(() -> backend.countItems("orders"));
    }

    @Test
    void emptyStringIsAValidDataTableName() {
        backend.createDataTable("");
        backend.putItem("", s("k"), "", "{}", 1);
        assertEquals(Optional.of("{}"), backend.getItem("", s("k"), ""));
    }

    @Test
    void dropDataTableRemovesRowsAndLaterCallsRaiseMissingTable() {
        backend.createDataTable(ORDERS);
        putOrder(backend, ORDERS, "u1", "o1");
        putOrder(backend, ORDERS, "u2", "o2");
        backend.dropDataTable(ORDERS);
        assertMissingTable(() -> backend.getItem(ORDERS, s("u1"), s("o1")));
        assertMissingTable(() -> backend.countItems(ORDERS));
        assertMissingTable(() -> backend.scanItems(ORDERS, sc().build()));
        assertMissingTable(() -> backend.queryItems(ORDERS, s("u1"), q().build()));
        assertMissingTable(() -> backend.putItem(ORDERS, s("u3"), s("o3"), "{}", 1));
        assertMissingTable(() -> backend.deleteItem(ORDERS, s("u1"), s("o1")));
        assertMissingTable(() -> backend.getPartitionSize(ORDERS, s("u1")));
        assertMissingTable(() -> backend.getLruItems(ORDERS, 10));
        backend.createDataTable(ORDERS);
        assertEquals(0, backend.countItems(ORDERS), "re-created table starts empty");
        assertEquals(Optional.empty(), backend.getItem(ORDERS, s("u1"), s("o1")));
    }

    @Test
    void dropOfAbsentDataTableIsANoOp() {
        backend.dropDataTable("never");
        backend.createDataTable(ORDERS);
        backend.dropDataTable(ORDERS);
        backend.dropDataTable(ORDERS);
        assertMissingTable(() -> backend.countItems(ORDERS));
    }

    @Test
    void dropDataTableKeepsCatalogIndexTablesAndStreamRecords() {
        backend.insertTableMetadata(meta(ORDERS));
        backend.setTags(ORDERS, List.of(new Tag("env", "prod")));
        backend.createDataTable(ORDERS);
        backend.createGsiTable(ORDERS, BYSTATUS);
        backend.createLsiTable(ORDERS, BYDATE);
        backend.insertGsiItem(ORDERS, BYSTATUS, s("OPEN"), "", s("u1"), s("o1"), "{\"g\":1}");
        backend.insertLsiItem(ORDERS, BYDATE, s("u1"), s("2024"), s("u1"), s("o1"), "{\"l\":1}");
        backend.insertStreamRecord(ORDERS, "INSERT", "{}", "{}", null, "1", "shard-0", CREATED_AT);
        putOrder(backend, ORDERS, "u1", "o1");

        backend.dropDataTable(ORDERS);

        assertTrue(backend.tableExists(ORDERS));
        assertEquals(List.of(new Tag("env", "prod")), backend.getTags(ORDERS));
        assertEquals(List.of(new ItemRow(s("OPEN"), "", "{\"g\":1}")), backend.scanGsiItems(ORDERS, BYSTATUS, sc().build()));
        assertEquals(List.of(new ItemRow(s("u1"), s("2024"), "{\"l\":1}")), backend.scanLsiItems(ORDERS, BYDATE, sc().build()));
        assertEquals(1, backend.getStreamRecords(ORDERS, "shard-0", 0, 10).size());
        assertEquals(2, backend.nextStreamSequenceNumber(ORDERS));
    }

    @Test
    void createGsiTableNeedsNeitherDataTableNorCatalogAndTwiceRaisesOther() {
        backend.createGsiTable(ORDERS, BYSTATUS);
        assertEquals(List.of(), backend.scanGsiItems(ORDERS, BYSTATUS, sc().build()));
        assertMissingTable(() -> backend.createGsiTable(ORDERS, BYSTATUS));
        assertMissingTable(() -> backend.countItems(ORDERS));
        assertEquals(List.of(), backend.listTableNames());
    }

    @Test
    void gsiAndLsiWithTheSameNamesCoexistIndependently() {
        backend.createGsiTable(ORDERS, "idx");
        backend.createLsiTable(ORDERS, "idx");
        backend.insertGsiItem(ORDERS, "idx", s("G"), "", s("u1"), s("o1"), "{\"kind\":\"gsi\"}");
        backend.insertLsiItem(ORDERS, "idx", s("u1"), s("L"), s("u1"), s("o1"), "{\"kind\":\"lsi\"}");
        assertEquals(List.of(new ItemRow(s("G"), "", "{\"kind\":\"gsi\"}")), backend.scanGsiItems(ORDERS, "idx", sc().build()));
        assertEquals(List.of(new ItemRow(s("u1"), s("L"), "{\"kind\":\"lsi\"}")), backend.scanLsiItems(ORDERS, "idx", sc().build()));
        backend.dropGsiTable(ORDERS, "idx");
        assertMissingTable(() -> backend.scanGsiItems(ORDERS, "idx", sc().build()));
        assertEquals(1, backend.scanLsiItems(ORDERS, "idx", sc().build()).size(), "LSI of the same names kept");
        backend.createGsiTable(ORDERS, "idx");
        backend.dropLsiTable(ORDERS, "idx");
        assertEquals(List.of(), backend.scanGsiItems(ORDERS, "idx", sc().build()));
        assertMissingTable(() -> backend.scanLsiItems(ORDERS, "idx", sc().build()));
    }

    @Test
    void indexTablesAreKeyedByTableAndIndexNameCaseSensitively() {
        backend.createGsiTable(ORDERS, "byStatus");
        backend.createGsiTable(ORDERS, "ByStatus");
        backend.createGsiTable("orders", "byStatus");
        backend.createGsiTable(ORDERS, "");
        backend.createGsiTable("", "");
        backend.insertGsiItem(ORDERS, "byStatus", s("A"), "", s("p"), "", "{}");
        assertEquals(1, backend.scanGsiItems(ORDERS, "byStatus", sc().build()).size());
        assertEquals(0, backend.scanGsiItems(ORDERS, "ByStatus", sc().build()).size());
        assertEquals(0, backend.scanGsiItems("orders", "byStatus", sc().build()).size());
        assertEquals(0, backend.scanGsiItems(ORDERS, "", sc().build()).size());
        assertEquals(0, backend.scanGsiItems("", "", sc().build()).size());
    }

    @Test
    void dropGsiTableRemovesEntriesAndLaterCallsRaiseMissingTable() {
        backend.createGsiTable(ORDERS, BYSTATUS);
        backend.insertGsiItem(ORDERS, BYSTATUS, s("OPEN"), "", s("u1"), s("o1"), "{}");
        backend.dropGsiTable(ORDERS, BYSTATUS);
        assertMissingTable(() -> backend.scanGsiItems(ORDERS, BYSTATUS, sc().build()));
        assertMissingTable(() -> backend.queryGsiItems(ORDERS, BYSTATUS, s("OPEN"), q().build()));
        assertMissingTable(() -> backend.insertGsiItem(ORDERS, BYSTATUS, s("OPEN"), "", s("u1"), s("o1"), "{}"));
        assertMissingTable(() -> backend.insertGsiItems(ORDERS, BYSTATUS,
                List.of(new GsiItemRow(s("OPEN"), "", s("u1"), s("o1"), "{}"))));
        assertMissingTable(() -> backend.deleteGsiItem(ORDERS, BYSTATUS, s("u1"), s("o1")));
        backend.dropGsiTable(ORDERS, BYSTATUS); // absent: no-op
        backend.dropGsiTable("never", "never");
        backend.createGsiTable(ORDERS, BYSTATUS);
        assertEquals(List.of(), backend.scanGsiItems(ORDERS, BYSTATUS, sc().build()), "re-created index is empty");
    }

    @Test
    void createLsiTableNeedsNeitherDataTableNorCatalogAndTwiceRaisesOther() {
        backend.createLsiTable(ORDERS, BYDATE);
        assertEquals(List.of(), backend.scanLsiItems(ORDERS, BYDATE, sc().build()));
        assertEquals(0, backend.getLsiPartitionSize(ORDERS, BYDATE, s("u1")));
        assertMissingTable(() -> backend.createLsiTable(ORDERS, BYDATE));
        assertEquals(List.of(), backend.listTableNames());
    }

    @Test
    void dropLsiTableRemovesEntriesAndLaterCallsRaiseMissingTable() {
        backend.createLsiTable(ORDERS, BYDATE);
        backend.insertLsiItem(ORDERS, BYDATE, s("u1"), s("2024"), s("u1"), s("o1"), "{}");
        backend.dropLsiTable(ORDERS, BYDATE);
        assertMissingTable(() -> backend.scanLsiItems(ORDERS, BYDATE, sc().build()));
        assertMissingTable(() -> backend.queryLsiItems(ORDERS, BYDATE, s("u1"), q().build()));
        assertMissingTable(() -> backend.insertLsiItem(ORDERS, BYDATE, s("u1"), s("x"), s("u1"), s("o1"), "{}"));
        assertMissingTable(() -> backend.deleteLsiItem(ORDERS, BYDATE, s("u1"), s("o1")));
        assertMissingTable(() -> backend.getLsiPartitionSize(ORDERS, BYDATE, s("u1")));
        backend.dropLsiTable(ORDERS, BYDATE);
        backend.dropLsiTable("never", "never");
        backend.createLsiTable(ORDERS, BYDATE);
        assertEquals(List.of(), backend.scanLsiItems(ORDERS, BYDATE, sc().build()));
    }

    @Test
    void indexTablesAreIndependentOfTheDataTable() {
        backend.createDataTable(ORDERS);
        backend.createGsiTable(ORDERS, BYSTATUS);
        backend.insertGsiItem(ORDERS, BYSTATUS, s("OPEN"), "", s("u1"), s("o1"), "{}");
        backend.dropDataTable(ORDERS);
        backend.createDataTable(ORDERS);
        assertEquals(1, backend.scanGsiItems(ORDERS, BYSTATUS, sc().build()).size());
        backend.dropGsiTable(ORDERS, BYSTATUS);
        assertEquals(0, backend.countItems(ORDERS));
    }

    @Test
    void tableAndIndexNamesWithEmbeddedNulAndSeparatorCharactersNeverCollide() {
        backend.createGsiTable("a\u0000b", "c");
        backend.createGsiTable("a", "b\u0000c");
        backend.createGsiTable("a/b", "c");
        backend.createGsiTable("a", "b/c");
        backend.createGsiTable("a#b", "c");
        backend.createGsiTable("a", "b#c");
        backend.insertGsiItem("a\u0000b", "c", s("G"), "", s("p"), "", "{\"which\":1}");
        assertEquals(1, backend.scanGsiItems("a\u0000b", "c", sc().build()).size());
        assertEquals(0, backend.scanGsiItems("a", "b\u0000c", sc().build()).size());
        assertEquals(0, backend.scanGsiItems("a/b", "c", sc().build()).size());
        assertEquals(0, backend.scanGsiItems("a", "b/c", sc().build()).size());
        assertEquals(0, backend.scanGsiItems("a#b", "c", sc().build()).size());
        assertEquals(0, backend.scanGsiItems("a", "b#c", sc().build()).size());
        backend.createDataTable("t\u0000");
        backend.createDataTable("t");
        backend.putItem("t", s("k"), "", "{}", 1);
        assertEquals(0, backend.countItems("t\u0000"));
        backend.insertTableMetadata(meta("n\u0000"));
        backend.insertTableMetadata(meta("n"));
        assertEquals(List.of("n", "n\u0000"), backend.listTableNames());
        backend.dropDataTable("t\u0000");
        assertEquals(1, backend.countItems("t"));
    }
}
