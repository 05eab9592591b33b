package io.tidelog.tool;

import io.tidelog.backend.Audit;
import io.tidelog.backend.CreateTableMetadata;
import io.tidelog.backend.ItemRow;
import io.tidelog.backend.Keys;
import io.tidelog.backend.StorageBackend;
import io.tidelog.backend.Tidelog;
import io.tidelog.backend.audit.AuditHistory;
import io.tidelog.backend.audit.AuditQuery;
import io.tidelog.backend.audit.ChangeRecord;
import io.tidelog.backend.audit.ChangeStream;
import io.tidelog.backend.internal.Progress;
import io.tidelog.backend.internal.Restore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "demo", description = {
        "Create a store in a fresh --data directory (refused if it holds anything), write a small",
        "order-processing workload, then restore to before a bad update, show one item's audit",
        "history and the table's change stream."})
final class DemoCommand implements Callable<Integer> {
    static final String TABLE = "Orders";
    static final String SHARD = "shardId-00000001";
    private static final String TTL_IDENTITY = "{\"type\":\"Service\",\"principalId\":\"dynamodb.amazonaws.com\"}";

    @Mixin
    CommonOptions common;

    @Spec
    CommandSpec spec;

    private PrintWriter out;

    @Override
    public Integer call() throws Exception {
        out = spec.commandLine().getOut();
        Path dir = common.data.toAbsolutePath().normalize();
        if (Files.exists(dir) && !isEmptyDir(dir)) {
            // The demo never touches existing data: a second run gets a directory of its own.
            Path fresh = sibling(dir, "demo");
            say("(%s is not empty and is left as it is; this run uses %s)", dir, fresh);
            dir = fresh;
        }
        Progress progress = TerminalProgress.forConsole();
        long beforeOops;
        Instant oopsTime;
        say("== 1. A store at %s with table %s (GSI byStatus, stream NEW_AND_OLD_IMAGES, TTL on expiresAt)", dir, TABLE);
        try (StorageBackend db = Tidelog.open(dir)) {
            createTable(db);
            say("== 2. A small workload");
            Audit.as("alice", () -> {
                put(db, "alice", "o-1", "PLACED", "42.50", null);
                put(db, "carol", "cart-7", "ABANDONED", "9.99", "1000");
            });
            say("   alice placed order alice/o-1 (42.50) and recorded carol's abandoned cart (expires 1970)");
            Audit.as("bob", () -> {
                put(db, "bob", "o-2", "PLACED", "18.00", null);
                db.beginTransaction();
                try {
                    put(db, "bob", "o-2", "SHIPPED", "18.00", null);
                    put(db, "bob", "o-3", "PLACED", "7.25", null);
                    db.commit();
                } catch (RuntimeException e) {
                    db.rollback();
                    throw e;
                }
            });
            say("   bob placed bob/o-2, then in one transaction shipped it and placed bob/o-3");
            for (ItemRow expired : db.expiredItems(TABLE, Instant.now().getEpochSecond(), 100)) {
                Audit.as("ttl-sweeper", () -> delete(db, expired.pk(), expired.sk(), TTL_IDENTITY));
                say("   the TTL sweeper removed %s", expired.pk() + "/" + expired.sk());
            }
            beforeOops = db.lastSequence();
            Thread.sleep(5);
            Audit.as("mallory", () -> put(db, "alice", "o-1", "CANCELLED", "0", null));
            oopsTime = Instant.now();
            say("   mallory 'fixed' alice/o-1: status CANCELLED, total 0   <- the update someone wants to undo");
            say("   log: %d entries; the bad update is sequence %d", db.lastSequence(), beforeOops + 1);
        }

        Path restored = sibling(dir, "restored");
        say("%n== 3. Restore to the moment before the bad update");
        say("   $ tidelog restore --data %s --seq %d --to %s", dir, beforeOops, restored);
        Restore.Result r = Restore.restore(dir, beforeOops, restored, progress);
        say("   restored sequence %d (committed %s) into %s", r.sequence(), r.commitTime(), restored);
        try (StorageBackend live = Tidelog.openAt(dir, oopsTime); StorageBackend old = Tidelog.open(restored)) {
            say("   live     alice/o-1: %s", live.getItem(TABLE, Keys.stringKey("alice"), Keys.stringKey("o-1")).orElse("(none)"));
            say("   restored alice/o-1: %s", old.getItem(TABLE, Keys.stringKey("alice"), Keys.stringKey("o-1")).orElse("(none)"));
            say("   the restored store is a normal store: it takes writes (last sequence %d)", old.lastSequence());
        }

        say("%n== 4. Audit history of alice/o-1");
        say("   $ tidelog history --data %s --table %s --key alice,o-1", dir, TABLE);
        try (AuditHistory h = AuditHistory.open(dir)) {
            h.forEach(AuditQuery.all().table(TABLE).key(Keys.stringKey("alice"), Keys.stringKey("o-1")),
                    rec -> say("   %s", HistoryCommand.text(rec).replace("\n", "\n   ")));
        }

        say("%n== 5. Change data capture of %s", TABLE);
        say("   $ tidelog tail --data %s --table %s --from trim-horizon", dir, TABLE);
        try (ChangeStream cs = ChangeStream.open(dir, TABLE, ChangeStream.Start.trimHorizon())) {
            Optional<ChangeRecord> rec;
            while ((rec = cs.poll(Duration.ofMillis(50))).isPresent()) {
                say("   %s", rec.get().toJson());
            }
        }
        say("%nDone. Try: tidelog info --data %s", dir);
        out.flush();
        return 0;
    }

    private void say(String fmt, Object... args) {
        out.println(String.format(fmt, args));
        out.flush();
    }

    static void createTable(StorageBackend db) {
        db.insertTableMetadata(new CreateTableMetadata(TABLE,
                "[{\"AttributeName\":\"customer\",\"KeyType\":\"HASH\"},{\"AttributeName\":\"orderId\",\"KeyType\":\"RANGE\"}]",
                "[{\"AttributeName\":\"customer\",\"AttributeType\":\"S\"},{\"AttributeName\":\"orderId\",\"AttributeType\":\"S\"},"
                        + "{\"AttributeName\":\"status\",\"AttributeType\":\"S\"}]",
                "[{\"IndexName\":\"byStatus\",\"KeySchema\":[{\"AttributeName\":\"status\",\"KeyType\":\"HASH\"}],"
                        + "\"Projection\":{\"ProjectionType\":\"ALL\"}}]",
                null, null, Instant.now().getEpochSecond(), null, "STANDARD", false, "PAY_PER_REQUEST", null));
        db.createDataTable(TABLE);
        db.createGsiTable(TABLE, "byStatus");
        db.enableStream(TABLE, "NEW_AND_OLD_IMAGES", Instant.now().toString());
        db.updateTtlConfig(TABLE, "expiresAt", true);
    }

    static String item(String customer, String orderId, String status, String total, String expiresAt) {
        return "{\"customer\":{\"S\":\"" + customer + "\"},\"orderId\":{\"S\":\"" + orderId + "\"},\"status\":{\"S\":\""
                + status + "\"},\"total\":{\"N\":\"" + total + "\"}"
                + (expiresAt == null ? "" : ",\"expiresAt\":{\"N\":\"" + expiresAt + "\"}") + "}";
    }

    /** A put as the emulator layer does it: base item, GSI entry, stream record. */
    static void put(StorageBackend db, String customer, String orderId, String status, String total, String expiresAt) {
        String pk = Keys.stringKey(customer);
        String sk = Keys.stringKey(orderId);
        String json = item(customer, orderId, status, total, expiresAt);
        Optional<String> old = db.putItemWithHash(TABLE, pk, sk, json, json.length(), Keys.hashPrefixOfString(customer));
        db.deleteGsiItem(TABLE, "byStatus", pk, sk);
        db.insertGsiItem(TABLE, "byStatus", Keys.stringKey(status), "", pk, sk, json);
        db.insertStreamRecordWithIdentity(TABLE, old.isPresent() ? "MODIFY" : "INSERT", keys(customer, orderId), json,
                old.orElse(null), Long.toString(db.nextStreamSequenceNumber(TABLE)), SHARD,
                Instant.now().getEpochSecond(), null);
    }

    static void delete(StorageBackend db, String pk, String sk, String identity) {
        Optional<String> old = db.deleteItem(TABLE, pk, sk);
        db.deleteGsiItem(TABLE, "byStatus", pk, sk);
        db.insertStreamRecordWithIdentity(TABLE, "REMOVE", keys(pk.substring(2), sk.substring(2)), null,
                old.orElse(null), Long.toString(db.nextStreamSequenceNumber(TABLE)), SHARD,
                Instant.now().getEpochSecond(), identity);
    }

    static String keys(String customer, String orderId) {
        return "{\"customer\":{\"S\":\"" + customer + "\"},\"orderId\":{\"S\":\"" + orderId + "\"}}";
    }

    private static boolean isEmptyDir(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        }
    }

    private static Path sibling(Path dir, String suffix) throws IOException {
        Path p = dir.resolveSibling(dir.getFileName() + "-" + suffix);
        for (int i = 2; Files.exists(p) && !isEmptyDir(p); i++) {
            p = dir.resolveSibling(dir.getFileName() + "-" + suffix + "-" + i);
        }
        return p;
    }

}
