package io.tidelog.backend.retention;

import io.tidelog.backend.Audit;
import io.tidelog.backend.CreateTableMetadata;
import io.tidelog.backend.StorageBackend;
import io.tidelog.backend.Tag;
import java.util.List;
import java.util.Random;

/**
 * A deterministic mix of every kind of mutation over two tables with a GSI, stream records
 * (one table's catalog row has a stream view type that filters images), TTL, cache touches,
 * tags, transactions and a table dropped and created again, so that the state at any point
 * depends on history long before it.
 */
final class RetentionWorkload {
    static final List<String> TABLES = List.of("a", "b");
    static final List<String> SHARDS = List.of("s0", "s1");

    private final Random random;
    private int step;

    RetentionWorkload(long seed) {
        this.random = new Random(seed);
    }

    /** The catalog rows, tables and index the mutations use. */
    static void setUp(StorageBackend b) {
        for (String t : TABLES) {
            b.insertTableMetadata(new CreateTableMetadata(t, "[]", "[]", null, null, null, 1, null, null, false,
                    null, null));
            b.createDataTable(t);
            b.createGsiTable(t, "g");
        }
        b.enableStream("a", "NEW_IMAGE", "label-a");
        b.updateTtlConfig("b", "exp", true);
    }

    /** Makes {@code n} more mutating calls (a transaction counts once). */
    void run(StorageBackend b, int n) {
        for (int i = 0; i < n; i++) {
            one(b);
        }
    }

    private void one(StorageBackend b) {
        int i = step++;
        String t = TABLES.get(random.nextInt(TABLES.size()));
        String pk = "S:k" + random.nextInt(25);
        String item = "{\"pk\":{\"S\":\"" + pk + "\"},\"v\":{\"N\":\"" + i + "\"},\"exp\":{\"N\":\""
                + random.nextInt(2000) + "\"}}";
        switch (random.nextInt(12)) {
            case 0, 1, 2, 3 -> b.putItem(t, pk, "", item, item.length());
            case 4 -> b.deleteItem(t, pk, "");
            case 5 -> {
                b.beginTransaction();
                b.putItem(t, pk, "", item, item.length());
                b.insertGsiItem(t, "g", "S:g" + random.nextInt(4), pk, pk, "", item);
                b.insertStreamRecord(t, "MODIFY", "{\"pk\":\"" + pk + "\"}", item, "{\"old\":" + i + "}",
                        Long.toString(b.nextStreamSequenceNumber(t)), SHARDS.get(random.nextInt(2)), 1_000 + i);
                b.commit();
            }
            case 6 -> Audit.as("auditor-" + random.nextInt(3), () -> b.insertStreamRecordWithIdentity(t, "INSERT",
                    "{\"pk\":\"" + pk + "\"}", item, null, Long.toString(b.nextStreamSequenceNumber(t)),
                    SHARDS.get(random.nextInt(2)), 2_000 + i, "{\"type\":\"Service\"}"));
            case 7 -> b.touchCachedAt(t, pk, "", 5_000 + i);
            case 8 -> b.deleteGsiItem(t, "g", pk, "");
            case 9 -> b.setTags(t, List.of(new Tag("step", Integer.toString(i))));
            case 10 -> {
                if (random.nextInt(8) == 0) {
                    b.dropDataTable("b");
                    b.createDataTable("b");
                } else {
                    b.putItem(t, pk, "", item, item.length());
                }
            }
            default -> b.insertGsiItem(t, "g", "S:g" + random.nextInt(4), pk, pk, "", item);
        }
    }
}
