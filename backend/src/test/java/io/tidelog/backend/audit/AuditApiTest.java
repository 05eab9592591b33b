package io.tidelog.backend.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tidelog.backend.Audit;
import io.tidelog.backend.BackendException;
import io.tidelog.backend.CreateTableMetadata;
import io.tidelog.backend.Keys;
import io.tidelog.backend.StorageBackend;
import io.tidelog.backend.Tidelog;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditApiTest {
    @TempDir
    Path tmp;

    static void table(StorageBackend db, String t, String viewType) {
        db.insertTableMetadata(new CreateTableMetadata(t, "[]", "[]", null, null, null, 1, null, null, false, null, null));
        db.createDataTable(t);
        db.enableStream(t, viewType, "l");
    }

    static void put(StorageBackend db, String t, String pk, String json) {
        Optional<String> old = db.putItem(t, Keys.stringKey(pk), "", json, json.length());
        db.insertStreamRecord(t, old.isPresent() ? "MODIFY" : "INSERT", "{\"pk\":{\"S\":\"" + pk + "\"}}", json,
                old.orElse(null), Long.toString(db.nextStreamSequenceNumber(t)), "s", 1);
    }

    @Test
    void historyHasIdentitiesTransactionsAndImages() {
        Path dir = tmp.resolve("s");
        try (StorageBackend db = Tidelog.open(dir)) {
            table(db, "T", "NEW_AND_OLD_IMAGES");
            Audit.as("alice", () -> put(db, "T", "a", "{\"v\":1}"));
            Audit.as("bob", () -> {
                db.beginTransaction();
                db.putItem("T", Keys.stringKey("a"), "", "{\"v\":2}", 7);
                db.commit();
            });
            db.deleteItem("T", Keys.stringKey("a"), "");
            db.dropDataTable("T");
            db.createDataTable("T");
            db.putItem("T", Keys.stringKey("a"), "", "{\"v\":3}", 7);
        }
        try (AuditHistory h = AuditHistory.open(dir)) {
            List<AuditRecord> r = h.list(AuditQuery.all().table("T").key(Keys.stringKey("a"), ""));
            assertEquals(4, r.size(), r.toString());
            assertEquals("alice", r.get(0).identity());
            assertEquals("INSERT", r.get(0).change());
            assertNull(r.get(0).before());
            assertEquals("bob", r.get(1).identity());
            assertTrue(r.get(1).transactionId() != null);
            assertEquals("{\"v\":1}", r.get(1).before());
            assertEquals("{\"v\":2}", r.get(1).after());
            assertEquals("REMOVE", r.get(2).change());
            assertEquals("{\"v\":2}", r.get(2).before());
            // a new incarnation of the table: no before image
            assertEquals("INSERT", r.get(3).change());
            assertNull(r.get(3).before());
            // --from skips output but still folds the before image
            List<AuditRecord> late = h.list(AuditQuery.all().table("T").key(Keys.stringKey("a"), "")
                    .from(r.get(1).sequence()).to(r.get(1).sequence()));
            assertEquals(1, late.size());
            assertEquals("{\"v\":1}", late.get(0).before());
            assertTrue(h.list(AuditQuery.all()).stream().anyMatch(x -> x.operation().equals("DataTableDropped")));
        }
        assertThrows(BackendException.class, () -> AuditHistory.open(tmp.resolve("nothing")));
    }

    @Test
    void changeStreamResumesAfterAPositionAndFollows() throws Exception {
        Path dir = tmp.resolve("s");
        try (StorageBackend db = Tidelog.open(dir)) {
            table(db, "T", "NEW_IMAGE");
            table(db, "U", "KEYS_ONLY");
            for (int i = 0; i < 5; i++) {
                put(db, "T", "k" + i, "{\"i\":" + i + "}");
                put(db, "U", "k" + i, "{}");
            }
            List<ChangeRecord> first = new ArrayList<>();
            ChangePosition saved;
            try (ChangeStream cs = ChangeStream.open(dir, "T", ChangeStream.Start.trimHorizon())) {
                for (int i = 0; i < 2; i++) {
                    first.add(cs.poll(Duration.ofSeconds(5)).orElseThrow());
                }
                saved = first.get(1).position();
            }
            assertEquals("NEW_IMAGE", first.get(0).streamViewType());
            assertNull(first.get(0).oldImage());
            try (ChangeStream cs = ChangeStream.open(dir, "T", ChangeStream.Start.after(ChangePosition.parse(saved.toString())))) {
                List<String> seqs = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    seqs.add(cs.poll(Duration.ofSeconds(5)).orElseThrow().sequenceNumber());
                }
                assertEquals(List.of("3", "4", "5"), seqs);
                assertTrue(cs.poll(Duration.ofMillis(50)).isEmpty());
                put(db, "T", "k1", "{\"i\":11}"); // written while following
                ChangeRecord m = cs.poll(Duration.ofSeconds(5)).orElseThrow();
                assertEquals("MODIFY", m.eventName());
                assertEquals("6", m.sequenceNumber());
                assertNull(m.oldImage(), "NEW_IMAGE hides the old image");
                assertTrue(m.toJson().contains("\"NewImage\":{\"i\":11}"), m.toJson());
            }
            try (ChangeStream cs = ChangeStream.open(dir, "U", ChangeStream.Start.latest())) {
                assertTrue(cs.poll(Duration.ofMillis(50)).isEmpty());
                put(db, "U", "z", "{}");
                ChangeRecord u = cs.poll(Duration.ofSeconds(5)).orElseThrow();
                assertNull(u.newImage());
                assertEquals("KEYS_ONLY", u.streamViewType());
            }
        }
    }
}
