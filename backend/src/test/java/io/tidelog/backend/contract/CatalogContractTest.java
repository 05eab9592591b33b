package io.tidelog.backend.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tidelog.backend.BackendException.Kind;
import io.tidelog.backend.CreateTableMetadata;
import io.tidelog.backend.StorageBackend;
import io.tidelog.backend.Tag;
import io.tidelog.backend.TableMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** §7.2 catalog methods (tags are in TagsContractTest). */
class CatalogContractTest extends ContractTestBase {

    private TableMetadata row(String name) {
        return backend.getTableMetadata(name).orElseThrow(() -> new AssertionError("no catalog row " + name));
    }

    private static void assertUuidV4(String id) {
        assertEquals(36, id.length(), id);
        assertEquals(id.toLowerCase(java.util.Locale.ROOT), id, "canonical lowercase");
        UUID u = UUID.fromString(id);
        assertEquals(4, u.version(), "version-4 UUID");
        assertEquals(2, u.variant(), "IETF variant");
        assertEquals(u.toString(), id);
    }

    @Test
    void insertCopiesAllTwelveComponentsAndAppliesDefaults() {
        CreateTableMetadata m = fullMeta(ORDERS);
        backend.insertTableMetadata(m);
        TableMetadata r = row(ORDERS);
        assertEquals(ORDERS, r.tableName());
        assertEquals(KEY_SCHEMA, r.keySchema());
        assertEquals(ATTR_DEFS, r.attributeDefinitions());
        assertEquals(GSI_DEFS, r.gsiDefinitions());
        assertEquals(LSI_DEFS, r.lsiDefinitions());
        assertEquals(PROVISIONED, r.provisionedThroughput());
        assertEquals(CREATED_AT, r.createdAt());
        assertEquals(SSE, r.sseSpecification());
        assertEquals("STANDARD", r.tableClass());
        assertTrue(r.deletionProtectionEnabled());
        assertEquals("PROVISIONED", r.billingMode());
        assertEquals(ON_DEMAND, r.onDemandThroughput());
        assertFalse(r.streamEnabled());
        assertNull(r.streamViewType());
        assertNull(r.streamLabel());
        assertNull(r.ttlAttribute());
        assertFalse(r.ttlEnabled());
        assertEquals("ACTIVE", r.tableStatus());
        assertUuidV4(r.tableId());
        assertEquals(List.of(), backend.getTags(ORDERS), "no tags on a new row");
    }

    @Test
    void insertKeepsNullOptionalComponentsIncludingBillingModeNull() {
        backend.insertTableMetadata(meta(USERS));
        TableMetadata r = row(USERS);
        assertNull(r.gsiDefinitions());
        assertNull(r.lsiDefinitions());
        assertNull(r.provisionedThroughput());
        assertNull(r.sseSpecification());
        assertNull(r.tableClass());
        assertNull(r.billingMode(), "a null billingMode stays null");
        assertNull(r.onDemandThroughput());
        assertFalse(r.deletionProtectionEnabled());
        assertEquals("ACTIVE", r.tableStatus());
    }

    @Test
    void everyInsertGetsAFreshUuidIncludingReinsertAfterDelete() {
        backend.insertTableMetadata(meta("A"));
        backend.insertTableMetadata(meta("B"));
        String a = row("A").tableId();
        String b = row("B").tableId();
        assertUuidV4(a);
        assertUuidV4(b);
        assertNotEquals(a, b);
        assertTrue(backend.deleteTableMetadata("A"));
        backend.insertTableMetadata(meta("A"));
        String a2 = row("A").tableId();
        assertUuidV4(a2);
        assertNotEquals(a, a2, "dropping and re-creating changes tableId");
    }

    @Test
    void duplicateInsertRaisesConstraintAndLeavesRowUnchanged() {
        backend.insertTableMetadata(fullMeta(ORDERS));
        TableMetadata before = row(ORDERS);
        long seq = backend.lastSequence();
        assertKind(Kind.CONSTRAINT, () -> backend.insertTableMetadata(meta(ORDERS)));
        assertEquals(before, row(ORDERS));
        assertEquals(seq, backend.lastSequence());
        assertEquals(List.of(ORDERS), backend.listTableNames());
    }

    @Test
    void insertCreatesNoDataTable() {
        backend.insertTableMetadata(meta(ORDERS));
        assertMissingTable(() -> backend.countItems(ORDERS));
        assertMissingTable(() -> backend.getItem(ORDERS, s("a"), ""));
        backend.createDataTable(ORDERS); // not "exists"
        assertEquals(0, backend.countItems(ORDERS));
    }

    @Test
    void getTableMetadataIsEmptyForAbsentAndCaseSensitiveNames() {
        assertEquals(Optional.empty(), backend.getTableMetadata(ORDERS));
        backend.insertTableMetadata(meta(ORDERS));
        assertTrue(backend.getTableMetadata(ORDERS).isPresent());
        assertEquals(Optional.empty(), backend.getTableMetadata("orders"));
        assertEquals(Optional.empty(), backend.getTableMetadata("ORDERS"));
    }

    @Test
    void emptyAndUnicodeTableNamesAreOrdinaryNames() {
        backend.insertTableMetadata(meta(""));
        backend.insertTableMetadata(meta("Caf\u00e9\uD83D\uDE00"));
        assertEquals("", row("").tableName());
        assertEquals("Caf\u00e9\uD83D\uDE00", row("Caf\u00e9\uD83D\uDE00").tableName());
        assertTrue(backend.tableExists(""));
        assertEquals(List.of("", "Caf\u00e9\uD83D\uDE00"), backend.listTableNames());
    }

    @Test
    void deleteTableMetadataReturnsTrueThenFalse() {
        backend.insertTableMetadata(meta(ORDERS));
        assertTrue(backend.deleteTableMetadata(ORDERS));
        assertEquals(Optional.empty(), backend.getTableMetadata(ORDERS));
        assertFalse(backend.tableExists(ORDERS));
        assertFalse(backend.deleteTableMetadata(ORDERS));
        assertFalse(backend.deleteTableMetadata("never-existed"));
    }

    @Test
    void deleteTableMetadataDropsTagsTtlAndStreamSettingsButKeepsDataIndexesAndStreamRecords() {
        backend.insertTableMetadata(fullMeta(ORDERS));
        backend.createDataTable(ORDERS);
        backend.createGsiTable(ORDERS, BYSTATUS);
        backend.createLsiTable(ORDERS, BYDATE);
        putOrder(backend, ORDERS, "u1", "o1");
        backend.insertGsiItem(ORDERS, BYSTATUS, s("OPEN"), "", s("u1"), s("o1"), "{}");
        backend.insertLsiItem(ORDERS, BYDATE, s("u1"), s("2024"), s("u1"), s("o1"), "{}");
        backend.setTags(ORDERS, List.of(new Tag("env", "prod")));
        backend.enableStream(ORDERS, "NEW_IMAGE", "label-1");
        backend.updateTtlConfig(ORDERS, "expiresAt", true);
        backend.insertStreamRecord(ORDERS, "INSERT", "{}", "{}", null, "7", "shard-0", CREATED_AT);
        String oldId = row(ORDERS).tableId();

        assertTrue(backend.deleteTableMetadata(ORDERS));

        assertKind(Kind.OTHER, () -> backend.getTags(ORDERS));
        assertEquals(List.of(), backend.listStreamEnabledTables());
        assertEquals(List.of(), backend.listTtlEnabledTables());
        assertEquals(1, backend.countItems(ORDERS), "data table kept");
        assertEquals(1, backend.scanGsiItems(ORDERS, BYSTATUS, sc().build()).size(), "GSI kept");
        assertEquals(1, backend.scanLsiItems(ORDERS, BYDATE, sc().build()).size(), "LSI kept");
        assertEquals(1, backend.getStreamRecords(ORDERS, "shard-0", 0, 10).size(), "stream records kept");
        assertEquals(8, backend.nextStreamSequenceNumber(ORDERS));

        backend.insertTableMetadata(meta(ORDERS));
        TableMetadata again = row(ORDERS);
        assertNotEquals(oldId, again.tableId());
        assertEquals(List.of(), backend.getTags(ORDERS), "re-inserted row has no tags");
        assertFalse(again.streamEnabled());
        assertNull(again.streamViewType());
        assertNull(again.streamLabel());
        assertFalse(again.ttlEnabled());
        assertNull(again.ttlAttribute());
        assertEquals(1, backend.getStreamRecords(ORDERS, "shard-0", 0, 10).size(), "old records visible to re-created table");
        assertEquals(8, backend.nextStreamSequenceNumber(ORDERS), "sequence numbers continue");
    }

    @Test
    void updateTableMetadataSetsBothFieldsAndNullGsiDefinitionsClears() {
        backend.insertTableMetadata(fullMeta(ORDERS));
        TableMetadata before = row(ORDERS);
        String newDefs = "[{\"AttributeName\":\"customerId\",\"AttributeType\":\"S\"}]";
        backend.updateTableMetadata(ORDERS, newDefs, "[]");
        TableMetadata r = row(ORDERS);
        assertEquals(newDefs, r.attributeDefinitions());
        assertEquals("[]", r.gsiDefinitions());
        backend.updateTableMetadata(ORDERS, ATTR_DEFS, null);
        r = row(ORDERS);
        assertNull(r.gsiDefinitions(), "null gsiDefinitions clears");
        assertEquals(LSI_DEFS, r.lsiDefinitions(), "lsiDefinitions untouched");
        TableMetadata expected = new TableMetadata(before.tableName(), before.keySchema(), ATTR_DEFS, null,
                before.lsiDefinitions(), before.streamEnabled(), before.streamViewType(), before.streamLabel(),
                before.ttlAttribute(), before.ttlEnabled(), before.createdAt(), before.tableStatus(),
                before.billingMode(), before.provisionedThroughput(), before.sseSpecification(),
                before.tableClass(), before.deletionProtectionEnabled(), before.onDemandThroughput(),
                before.tableId());
        assertEquals(expected, r, "every other field unchanged");
    }

    @Test
    void everyUpdateAndClearMethodIsANoOpWithoutCatalogRow() {
        backend.insertTableMetadata(meta("Other"));
        TableMetadata other = row("Other");
        backend.updateTableMetadata(ORDERS, ATTR_DEFS, GSI_DEFS);
        backend.updateProvisionedThroughput(ORDERS, PROVISIONED);
        backend.clearProvisionedThroughput(ORDERS);
        backend.updateBillingMode(ORDERS, "PROVISIONED");
        backend.updateTableClass(ORDERS, "STANDARD");
        backend.updateOnDemandThroughput(ORDERS, ON_DEMAND);
        backend.clearOnDemandThroughput(ORDERS);
        backend.updateDeletionProtection(ORDERS, true);
        backend.enableStream(ORDERS, "KEYS_ONLY", "l");
        backend.disableStream(ORDERS);
        backend.updateTtlConfig(ORDERS, "ttl", true);
        assertFalse(backend.tableExists(ORDERS));
        assertEquals(List.of("Other"), backend.listTableNames());
        assertEquals(other, row("Other"));
        assertEquals(List.of(), backend.listStreamEnabledTables());
        assertEquals(List.of(), backend.listTtlEnabledTables());
    }

    @Test
    void provisionedThroughputIsSetVerbatimAndClearedToNull() {
        backend.insertTableMetadata(meta(ORDERS));
        String weird = "{ \"ReadCapacityUnits\" : 10 ,\"WriteCapacityUnits\":1 }";
        backend.updateProvisionedThroughput(ORDERS, weird);
        assertEquals(weird, row(ORDERS).provisionedThroughput());
        backend.clearProvisionedThroughput(ORDERS);
        assertNull(row(ORDERS).provisionedThroughput());
    }

    @Test
    void billingModeAndTableClassAreSetVerbatim() {
        backend.insertTableMetadata(meta(ORDERS));
        backend.updateBillingMode(ORDERS, "PAY_PER_REQUEST");
        assertEquals("PAY_PER_REQUEST", row(ORDERS).billingMode());
        backend.updateBillingMode(ORDERS, "");
        assertEquals("", row(ORDERS).billingMode());
        backend.updateTableClass(ORDERS, "STANDARD_INFREQUENT_ACCESS");
        assertEquals("STANDARD_INFREQUENT_ACCESS", row(ORDERS).tableClass());
        backend.updateTableClass(ORDERS, "not a class \uD83D\uDE00");
        assertEquals("not a class \uD83D\uDE00", row(ORDERS).tableClass());
    }

    @Test
    void onDemandThroughputIsStoredVerbatimIncludingTheStringNull() {
        backend.insertTableMetadata(meta(ORDERS));
        backend.updateOnDemandThroughput(ORDERS, ON_DEMAND);
        assertEquals(ON_DEMAND, row(ORDERS).onDemandThroughput());
        backend.updateOnDemandThroughput(ORDERS, "null");
        assertEquals("null", row(ORDERS).onDemandThroughput(), "the four-character string, not null");
        backend.updateOnDemandThroughput(ORDERS, "{not json");
        assertEquals("{not json", row(ORDERS).onDemandThroughput());
    }

    @Test
    void tidelogClearOnDemandThroughputSetsNull() {
        backend.insertTableMetadata(fullMeta(ORDERS));
        backend.clearOnDemandThroughput(ORDERS);
        assertNull(row(ORDERS).onDemandThroughput());
    }

    @Test
    void interfaceDefaultClearOnDemandThroughputStoresTheStringNull() {
        backend.insertTableMetadata(fullMeta(ORDERS));
        StorageBackend viaDefault = withInterfaceDefaults(backend);
        viaDefault.clearOnDemandThroughput(ORDERS);
        assertEquals("null", row(ORDERS).onDemandThroughput());
    }

    @Test
    void deletionProtectionRoundTrips() {
        backend.insertTableMetadata(meta(ORDERS));
        assertFalse(row(ORDERS).deletionProtectionEnabled());
        backend.updateDeletionProtection(ORDERS, true);
        assertTrue(row(ORDERS).deletionProtectionEnabled());
        backend.updateDeletionProtection(ORDERS, false);
        assertFalse(row(ORDERS).deletionProtectionEnabled());
    }

    @Test
    void getTableMetadataReflectsEveryUpdateAndStatusStaysActive() {
        backend.insertTableMetadata(meta(ORDERS));
        backend.updateProvisionedThroughput(ORDERS, PROVISIONED);
        backend.updateBillingMode(ORDERS, "PROVISIONED");
        backend.updateTableClass(ORDERS, "STANDARD");
        backend.updateOnDemandThroughput(ORDERS, ON_DEMAND);
        backend.updateDeletionProtection(ORDERS, true);
        backend.enableStream(ORDERS, "NEW_AND_OLD_IMAGES", "2024-03-01T12:00:00.000");
        backend.updateTtlConfig(ORDERS, "expiresAt", true);
        backend.updateTableMetadata(ORDERS, "[]", GSI_DEFS);
        TableMetadata r = row(ORDERS);
        assertEquals(new TableMetadata(ORDERS, KEY_SCHEMA, "[]", GSI_DEFS, null, true, "NEW_AND_OLD_IMAGES",
                "2024-03-01T12:00:00.000", "expiresAt", true, CREATED_AT, "ACTIVE", "PROVISIONED", PROVISIONED,
                null, "STANDARD", true, ON_DEMAND, r.tableId()), r);
    }

    @Test
    void listTableNamesIsBytewiseOrderedAndCatalogOnly() {
        List<String> names = List.of("orders", "Orders", "\uD83D\uDE00emoji", "\uFFFDreplacement", "a", "ab", "",
                "Z", "\u00e9");
        for (String n : names) {
            backend.insertTableMetadata(meta(n));
        }
        backend.createDataTable("data-only");
        backend.createGsiTable("gsi-only", "i");
        List<String> expected = new ArrayList<>(names);
        expected.sort(io.tidelog.backend.Keys.KEY_ORDER);
        assertEquals(expected, backend.listTableNames());
        assertEquals(List.of("", "Orders", "Z", "a", "ab", "orders", "\u00e9", "\uFFFDreplacement",
                "\uD83D\uDE00emoji"), backend.listTableNames());
    }

    @Test
    void tableExistsConsultsOnlyTheCatalogAndIsCaseSensitive() {
        backend.createDataTable(ORDERS);
        assertFalse(backend.tableExists(ORDERS), "a data table alone does not count");
        backend.insertTableMetadata(meta(ORDERS));
        assertTrue(backend.tableExists(ORDERS));
        assertFalse(backend.tableExists("orders"));
        backend.dropDataTable(ORDERS);
        assertTrue(backend.tableExists(ORDERS), "catalog row independent of data table");
    }

    @Test
    void createdAtExtremesRoundTrip() {
        backend.insertTableMetadata(new CreateTableMetadata("Min", KEY_SCHEMA, ATTR_DEFS, null, null, null,
                Long.MIN_VALUE, null, null, false, null, null));
        backend.insertTableMetadata(new CreateTableMetadata("Max", KEY_SCHEMA, ATTR_DEFS, null, null, null,
                Long.MAX_VALUE, null, null, true, "", ""));
        assertEquals(Long.MIN_VALUE, row("Min").createdAt());
        assertEquals(Long.MAX_VALUE, row("Max").createdAt());
        assertEquals("", row("Max").billingMode());
        assertEquals("", row("Max").onDemandThroughput());
    }
}
