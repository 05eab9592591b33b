package io.tidelog.dynamodb.operation.item;

import static io.tidelog.dynamodb.testing.TestClient.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.tidelog.backend.ItemRow;
import io.tidelog.backend.Keys;
import io.tidelog.backend.QueryParams;
import io.tidelog.backend.StreamRecord;
import io.tidelog.dynamodb.table.Projection;
import io.tidelog.dynamodb.testing.TestClient;
import io.tidelog.dynamodb.testing.TestTable;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index entries and stream records item writes leave in the store. */
class IndexAndStreamTest {
    @TempDir
    Path dir;
    TestClient db;

    @BeforeEach
    void open() {
        db = TestClient.open(dir);
    }

    @AfterEach
    void close() {
        db.close();
    }

    private List<ItemRow> gsi(String table, String index, String value) {
        return db.backend().queryGsiItems(table, index, Keys.stringKey(value), QueryParams.builder().build());
    }

    private List<ItemRow> lsi(String table, String index, String pk) {
        return db.backend().queryLsiItems(table, index, Keys.stringKey(pk), QueryParams.builder().build());
    }

    private List<StreamRecord> stream(String table) {
        return db.backend().getStreamRecords(table, TestTable.streamShard(db.backend(), table), 0, 100);
    }

    @Test
    void putsAndDeletesKeepGsiAndLsiEntriesWithTheirProjections() {
        TestTable.named("Orders").hash("pk", "S").range("sk", "N")
                .gsi("byStatus", "status", "S", null, null, Projection.INCLUDE, "total")
                .lsi("byAt", "at", "S", Projection.KEYS_ONLY).create(db);
        db.ok("PutItem", "{'TableName':'Orders','Item':{'pk':{'S':'a'},'sk':{'N':'1'},'status':{'S':'OPEN'},"
                + "'total':{'N':'5'},'note':{'S':'x'},'at':{'S':'t1'}}}");
        List<ItemRow> open = gsi("Orders", "byStatus", "OPEN");
        assertEquals(1, open.size());
        assertEquals(parse("{\"pk\":{\"S\":\"a\"},\"sk\":{\"N\":\"1\"},\"status\":{\"S\":\"OPEN\"},"
                + "\"total\":{\"N\":\"5\"}}"), parse(open.get(0).itemJson()));
        List<ItemRow> byAt = lsi("Orders", "byAt", "a");
        assertEquals(1, byAt.size());
        assertEquals(Keys.stringKey("t1"), byAt.get(0).sk());
        assertEquals(parse("{\"pk\":{\"S\":\"a\"},\"sk\":{\"N\":\"1\"},\"at\":{\"S\":\"t1\"}}"),
                parse(byAt.get(0).itemJson()));

        // Moving the GSI key moves the entry; dropping the LSI key leaves the index (sparse).
        db.ok("PutItem", "{'TableName':'Orders','Item':{'pk':{'S':'a'},'sk':{'N':'1'},'status':{'S':'CLOSED'},"
                + "'total':{'N':'6'}}}");
        assertEquals(0, gsi("Orders", "byStatus", "OPEN").size());
        assertEquals(1, gsi("Orders", "byStatus", "CLOSED").size());
        assertEquals("6", parse(gsi("Orders", "byStatus", "CLOSED").get(0).itemJson()).at("/total/N").asText());
        assertEquals(0, lsi("Orders", "byAt", "a").size());

        // A value of another type than the index declares is refused, so a put never lands an
        // entry the index cannot hold; an absent key just keeps the item out.
        db.ok("PutItem", "{'TableName':'Orders','Item':{'pk':{'S':'b'},'sk':{'N':'1'},'total':{'N':'1'}}}");
        assertEquals(1, db.backend().scanGsiItems("Orders", "byStatus", io.tidelog.backend.ScanParams.builder().build())
                .size());

        db.ok("DeleteItem", "{'TableName':'Orders','Key':{'pk':{'S':'a'},'sk':{'N':'1'}}}");
        assertEquals(0, gsi("Orders", "byStatus", "CLOSED").size());
    }

    @Test
    void batchWritesMaintainIndexesLikeSingleWrites() {
        TestTable.named("Bbb").hash("pk", "S").gsi("byG", "g", "S", null, null, Projection.ALL).create(db);
        db.ok("PutItem", "{'TableName':'Bbb','Item':{'pk':{'S':'old'},'g':{'S':'x'}}}");
        db.ok("BatchWriteItem", "{'RequestItems':{'Bbb':[{'PutRequest':{'Item':{'pk':{'S':'n1'},'g':{'S':'x'}}}},"
                + "{'PutRequest':{'Item':{'pk':{'S':'n2'},'g':{'S':'y'}}}},"
                + "{'DeleteRequest':{'Key':{'pk':{'S':'old'}}}}]}}");
        List<ItemRow> x = gsi("Bbb", "byG", "x");
        assertEquals(List.of("n1"), x.stream().map(r -> parse(r.itemJson()).at("/pk/S").asText()).toList(),
                "old left the index, n1 entered it");
        assertEquals(1, gsi("Bbb", "byG", "y").size());
    }

    @Test
    void everyChangeWritesAStreamRecordWithTheImagesItsViewTypeAsksFor() {
        for (String view : new String[] {"KEYS_ONLY", "NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES"}) {
            String t = "S_" + view;
            TestTable.named(t).hash("pk", "S").stream(view).create(db);
            db.ok("PutItem", "{'TableName':'" + t + "','Item':{'pk':{'S':'a'},'v':{'N':'1'}}}");
            db.ok("PutItem", "{'TableName':'" + t + "','Item':{'pk':{'S':'a'},'v':{'N':'1'}}}");
            db.ok("PutItem", "{'TableName':'" + t + "','Item':{'pk':{'S':'a'},'v':{'N':'2'}}}");
            db.ok("DeleteItem", "{'TableName':'" + t + "','Key':{'pk':{'S':'a'}}}");
            db.ok("DeleteItem", "{'TableName':'" + t + "','Key':{'pk':{'S':'a'}}}");
            List<StreamRecord> records = stream(t);
            assertEquals(List.of("INSERT", "MODIFY", "REMOVE"), records.stream().map(StreamRecord::eventName).toList(),
                    view + ": an unchanged put and a delete of nothing write no record");
            boolean newImages = view.equals("NEW_IMAGE") || view.equals("NEW_AND_OLD_IMAGES");
            boolean oldImages = view.equals("OLD_IMAGE") || view.equals("NEW_AND_OLD_IMAGES");
            String v1 = "{\"pk\":{\"S\":\"a\"},\"v\":{\"N\":\"1\"}}";
            String v2 = "{\"pk\":{\"S\":\"a\"},\"v\":{\"N\":\"2\"}}";
            for (StreamRecord r : records) {
                assertEquals(parse("{\"pk\":{\"S\":\"a\"}}"), parse(r.keysJson()));
            }
            check(newImages ? v1 : null, records.get(0).newImage());
            check(null, records.get(0).oldImage());
            check(newImages ? v2 : null, records.get(1).newImage());
            check(oldImages ? v1 : null, records.get(1).oldImage());
            check(null, records.get(2).newImage());
            check(oldImages ? v2 : null, records.get(2).oldImage());
        }
    }

    private static void check(String expected, String actual) {
        if (expected == null) {
            assertNull(actual);
        } else {
            assertEquals(parse(expected), parse(actual));
        }
    }

    @Test
    void aBatchWritesItsStreamRecordsInOneLogEntry() {
        TestTable.named("StreamBatch").hash("pk", "S").stream("NEW_AND_OLD_IMAGES").create(db);
        long before = db.backend().lastSequence();
        db.ok("BatchWriteItem", "{'RequestItems':{'StreamBatch':[{'PutRequest':{'Item':{'pk':{'S':'a'}}}},"
                + "{'PutRequest':{'Item':{'pk':{'S':'b'}}}},{'PutRequest':{'Item':{'pk':{'S':'c'}}}}]}}");
        assertEquals(before + 1, db.backend().lastSequence(), "one log entry for the whole batch");
        List<StreamRecord> records = stream("StreamBatch");
        assertEquals(List.of("INSERT", "INSERT", "INSERT"), records.stream().map(StreamRecord::eventName).toList());
        long entry = Long.parseLong(records.get(0).sequenceNumber()) / 1_000_000;
        for (StreamRecord r : records) {
            assertEquals(21, r.sequenceNumber().length());
            assertEquals(entry, Long.parseLong(r.sequenceNumber()) / 1_000_000, "the same log entry");
        }
    }
}
