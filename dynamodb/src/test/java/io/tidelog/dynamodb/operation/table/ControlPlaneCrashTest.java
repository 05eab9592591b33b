package io.tidelog.dynamodb.operation.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tidelog.backend.ItemRow;
import io.tidelog.backend.ScanParams;
import io.tidelog.dynamodb.testing.LocalDynamoDb;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A child JVM creates, fills, indexes and deletes tables in ASYNC durability and is killed with
 * SIGKILL at a random moment, twice over the same store. After each kill: every acknowledged
 * creation, index and deletion is there; every table in the catalog is whole (its data table and
 * each index table exist); an index listed in the catalog holds the entry of every item that
 * belongs in it; and creating and indexing tables works again.
 */
class ControlPlaneCrashTest {
    @TempDir
    Path dir;

    @Test
    void aKilledProcessLeavesOnlyWholeTables() throws Exception {
        Random random = new Random();
        Set<String> created = new HashSet<>();
        Set<String> indexed = new HashSet<>();
        Set<String> deleted = new HashSet<>();
        Path store = dir.resolve("store");
        for (int run = 0; run < 2; run++) {
            Path out = dir.resolve("acks-" + run);
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp",
                    System.getProperty("java.class.path"), ControlPlaneWorkload.class.getName(), store.toString(),
                    Integer.toString(run))
                    .redirectError(ProcessBuilder.Redirect.INHERIT).redirectOutput(out.toFile()).start();
            try {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
                while (count(lines(out), "DELETED ") < 1 && System.nanoTime() < deadline && child.isAlive()) {
                    Thread.sleep(10);
                }
                Thread.sleep(random.nextInt(300));
            } finally {
                child.destroyForcibly();
                assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            }
            List<String> acks = lines(out);
            assertTrue(count(acks, "DELETED ") >= 1, "the child made progress: " + acks);
            for (String line : acks) {
                String name = line.substring(line.indexOf(' ') + 1);
                if (line.startsWith("CREATED ")) {
                    created.add(name);
                } else if (line.startsWith("INDEXED ")) {
                    indexed.add(name);
                } else if (line.startsWith("DELETED ")) {
                    deleted.add(name);
                }
            }
            verify(store, created, indexed, deleted, run);
        }
    }

    private static void verify(Path store, Set<String> created, Set<String> indexed, Set<String> deleted, int run) {
        try (LocalDynamoDb db = LocalDynamoDb.open(store)) {
            List<String> tables = new ArrayList<>();
            db.call("ListTables", "{}").get("TableNames").forEach(n -> tables.add(n.asText()));
            for (String name : created) {
                assertEquals(!deleted.contains(name), tables.contains(name), name);
            }
            for (String name : tables) {
                JsonNode t = db.call("DescribeTable", "{\"TableName\":\"" + name + "\"}").get("Table");
                assertEquals(1, t.get("LocalSecondaryIndexes").size(), name);
                assertEquals(1, db.call("ListTagsOfResource", "{\"ResourceArn\":\"" + TableFixtures.ARN_PREFIX + name
                        + "\"}").get("Tags").size(), name);
                boolean hasIndex = t.get("GlobalSecondaryIndexes").size() == 2;
                if (indexed.contains(name)) {
                    assertTrue(hasIndex, name);
                }
                if (hasIndex) {
                    assertEquals(itemsWithH(db, name), db.backend().scanGsiItems(name, "byH",
                            ScanParams.builder().build()).size(), "the listed index is complete: " + name);
                }
            }
            String fresh = "Fresh" + run;
            db.call("CreateTable", ControlPlaneWorkload.createBody(fresh));
            db.store(fresh, "{\"pk\":{\"S\":\"a\"},\"sk\":{\"S\":\"b\"},\"h\":{\"S\":\"c\"}}");
            db.call("UpdateTable", ControlPlaneWorkload.indexBody(fresh));
            assertEquals(1, db.backend().scanGsiItems(fresh, "byH", ScanParams.builder().build()).size());
            for (String name : tables) {
                if (!db.call("DescribeTable", "{\"TableName\":\"" + name + "\"}").get("Table")
                        .get("GlobalSecondaryIndexes").toString().contains("byH")) {
                    db.call("UpdateTable", ControlPlaneWorkload.indexBody(name));
                    assertEquals(itemsWithH(db, name), db.backend().scanGsiItems(name, "byH",
                            ScanParams.builder().build()).size(), "an interrupted index can be created: " + name);
                }
            }
            assertFalse(tables.isEmpty());
        }
    }

    private static long itemsWithH(LocalDynamoDb db, String table) {
        long n = 0;
        for (ItemRow r : db.backend().scanItems(table, ScanParams.builder().build())) {
            if (r.itemJson().contains("\"h\":")) {
                n++;
            }
        }
        return n;
    }

    /** The complete lines of the child's output (a killed child may leave half a line). */
    private static List<String> lines(Path out) throws IOException {
        String text = Files.exists(out) ? Files.readString(out, StandardCharsets.UTF_8) : "";
        int end = text.lastIndexOf('\n');
        return end < 0 ? List.of() : List.of(text.substring(0, end).split("\n"));
    }

    private static long count(List<String> lines, String prefix) {
        return lines.stream().filter(l -> l.startsWith(prefix)).count();
    }
}
