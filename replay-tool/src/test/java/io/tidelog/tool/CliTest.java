package io.tidelog.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tidelog.backend.StorageBackend;
import io.tidelog.backend.Tidelog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every subcommand through picocli with captured output, and their error paths. */
class CliTest {
    @TempDir
    Path tmp;
    Path store;

    @BeforeEach
    void setUp() {
        store = tmp.resolve("store");
        Fixtures.workload(store, 10);
    }

    static void assertOneLineError(Fixtures.Run r, String fragment) {
        assertEquals(TidelogCli.FAILED, r.code(), r.out() + r.err());
        assertTrue(r.err().contains(fragment), r.err());
        assertEquals(1, r.err().lines().count(), "one line, no stack trace: " + r.err());
    }

    @Test
    void help() {
        Fixtures.Run r = Fixtures.run("--help");
        assertEquals(0, r.code());
        for (String c : new String[] {"restore", "history", "tail", "verify", "rebuild", "compact", "info", "demo"}) {
            assertTrue(r.out().contains(c), r.out());
        }
    }

    @Test
    void info() {
        Fixtures.Run r = Fixtures.run("info", "--data", store.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("log:         sequences 1.."), r.out());
        assertTrue(r.out().contains("00000000000000000001.log"), r.out());
        assertTrue(r.out().contains("checkpoints: ["), r.out());
        assertTrue(r.out().contains("table Orders:"), r.out());
        assertOneLineError(Fixtures.run("info", "--data", tmp.resolve("missing").toString()), "does not exist");
    }

    @Test
    void foreignDirectory() throws Exception {
        Path foreign = Files.createDirectories(tmp.resolve("foreign"));
        Files.writeString(foreign.resolve("hello.txt"), "hi");
        for (String cmd : new String[] {"info", "history", "verify", "rebuild"}) {
            assertOneLineError(Fixtures.run(cmd, "--data", foreign.toString()), "is not a Tidelog store");
        }
        assertOneLineError(Fixtures.run("tail", "--data", foreign.toString(), "--table", "T"), "is not a Tidelog store");
    }

    @Test
    void verboseShowsTheStackTrace() {
        Fixtures.Run r = Fixtures.run("info", "--verbose", "--data", tmp.resolve("missing").toString());
        assertEquals(TidelogCli.FAILED, r.code());
        assertTrue(r.err().contains("\tat "), r.err());
    }

    @Test
    void history() {
        Fixtures.Run r = Fixtures.run("history", "--data", store.toString(), "--table", "Orders", "--key", "c0,o-0");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("by alice"), r.out());
        assertTrue(r.out().contains("ItemPut INSERT"), r.out());
        assertTrue(r.out().contains("ItemPut MODIFY"), r.out());
        assertTrue(r.out().contains("ItemDeleted REMOVE"), r.out());
        assertTrue(r.out().contains("\"status\":{\"S\":\"SHIPPED\"}"), r.out());

        Fixtures.Run j = Fixtures.run("history", "--data", store.toString(), "--format", "jsonl", "--from", "1", "--to", "3");
        assertEquals(0, j.code(), j.err());
        assertTrue(j.out().lines().allMatch(l -> l.startsWith("{\"sequence\":")), j.out());
        assertTrue(j.out().contains("TableMetadataInserted"), j.out());

        Fixtures.Run t = Fixtures.run("history", "--data", store.toString(), "--from", Instant.EPOCH.toString(),
                "--to", Instant.now().plusSeconds(5).toString(), "--table", "Nope");
        assertEquals(0, t.code());
        assertTrue(t.out().contains("(no mutations match)"));

        assertOneLineError(Fixtures.run("history", "--data", store.toString(), "--from", "yesterday"), "not an ISO-8601");
        assertOneLineError(Fixtures.run("history", "--data", store.toString(), "--from", "99999"), "past the end");
        Fixtures.Run usage = Fixtures.run("history", "--data", store.toString(), "--format", "xml");
        assertEquals(2, usage.code());
    }

    @Test
    void tail() throws Exception {
        Fixtures.Run r = Fixtures.run("tail", "--data", store.toString(), "--table", "Orders");
        assertEquals(0, r.code(), r.err());
        long n = r.out().lines().count();
        assertTrue(n > 10, r.out());
        assertTrue(r.out().lines().allMatch(l -> l.contains("\"StreamViewType\":\"NEW_AND_OLD_IMAGES\"")));

        Path ck = tmp.resolve("ck");
        Fixtures.Run a = Fixtures.run("tail", "--data", store.toString(), "--table", "Orders", "--checkpoint",
                ck.toString(), "--limit", "4");
        assertEquals(4, a.out().lines().count());
        Fixtures.Run b = Fixtures.run("tail", "--data", store.toString(), "--table", "Orders", "--checkpoint",
                ck.toString());
        assertEquals(r.out(), a.out() + b.out(), "resumed exactly after the checkpoint");
        assertEquals("", Fixtures.run("tail", "--data", store.toString(), "--table", "Orders", "--checkpoint",
                ck.toString()).out());

        assertEquals("", Fixtures.run("tail", "--data", store.toString(), "--table", "Orders", "--from", "latest").out());
        Fixtures.Run fromSeq = Fixtures.run("tail", "--data", store.toString(), "--table", "Orders", "--from", "20");
        assertTrue(fromSeq.out().lines().count() < n);

        // KEYS_ONLY view type hides images from then on
        try (StorageBackend db = Tidelog.open(store)) {
            db.enableStream("Orders", "KEYS_ONLY", "x");
            DemoCommand.put(db, "z", "o-z", "PLACED", "1", null);
        }
        Fixtures.Run k = Fixtures.run("tail", "--data", store.toString(), "--table", "Orders", "--checkpoint", ck.toString());
        assertEquals(1, k.out().lines().count(), k.out());
        assertTrue(k.out().contains("\"StreamViewType\":\"KEYS_ONLY\""));
        assertFalse(k.out().contains("NewImage"));

        assertOneLineError(Fixtures.run("tail", "--data", store.toString(), "--table", "Orders", "--from", "soon"),
                "expected trim-horizon, latest or a sequence number");
        assertOneLineError(Fixtures.run("tail", "--data", store.toString(), "--table", "Orders", "--from", "100000"),
                "past the end");
        Files.writeString(ck, "garbage");
        assertOneLineError(Fixtures.run("tail", "--data", store.toString(), "--table", "Orders", "--checkpoint",
                ck.toString()), "damaged");
        assertEquals(2, Fixtures.run("tail", "--data", store.toString()).code(), "--table is required");
    }

    @Test
    void restoreErrors() throws Exception {
        Path target = Files.createDirectories(tmp.resolve("busy"));
        Files.writeString(target.resolve("x"), "x");
        assertOneLineError(Fixtures.run("restore", "--data", store.toString(), "--seq", "3", "--to", target.toString()),
                "not empty");
        assertOneLineError(Fixtures.run("restore", "--data", store.toString(), "--seq", "100000", "--to",
                tmp.resolve("n1").toString()), "past the end");
        assertOneLineError(Fixtures.run("restore", "--data", store.toString(), "--seq", "0", "--to",
                tmp.resolve("n1").toString()), "before the first entry");
        assertOneLineError(Fixtures.run("restore", "--data", store.toString(), "--at", "1999-01-01T00:00:00Z", "--to",
                tmp.resolve("n1").toString()), "before the first entry");
        assertOneLineError(Fixtures.run("restore", "--data", store.toString(), "--at", "noon", "--to",
                tmp.resolve("n1").toString()), "not an ISO-8601 instant");
        assertFalse(Files.exists(tmp.resolve("n1")));
        assertEquals(2, Fixtures.run("restore", "--data", store.toString(), "--seq", "1", "--at", "x", "--to", "y").code());
        // a restore works while a writer has the store open
        try (StorageBackend db = Tidelog.open(store)) {
            Fixtures.Run ok = Fixtures.run("restore", "--data", store.toString(), "--seq", "4", "--to",
                    tmp.resolve("n2").toString());
            assertEquals(0, ok.code(), ok.err());
        }
    }

    @Test
    void rebuild() {
        Fixtures.Run r = Fixtures.run("rebuild", "--data", store.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("rebuilt the views"), r.out());
        try (StorageBackend db = Tidelog.open(store)) {
            assertTrue(db.countItems("Orders") > 0);
            Fixtures.Run locked = Fixtures.run("rebuild", "--data", store.toString());
            assertOneLineError(locked, "open by another writer (process " + ProcessHandle.current().pid() + ")");
            assertTrue(locked.err().contains("stop it first"), locked.err());
        }
    }

    @Test
    void demo() throws Exception {
        Path d = tmp.resolve("demo-data");
        Fixtures.Run r = Fixtures.run("demo", "--data", d.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("restored alice/o-1: {\"customer\":{\"S\":\"alice\"},\"orderId\":{\"S\":\"o-1\"},\"status\":{\"S\":\"PLACED\"}"), r.out());
        assertTrue(r.out().contains("by mallory  ItemPut MODIFY"), r.out());
        assertTrue(r.out().contains("\"eventName\":\"REMOVE\""), r.out());
        assertTrue(Files.isDirectory(tmp.resolve("demo-data-restored")));
        String before = Files.readString(d.resolve("log").resolve("00000000000000000001.log"), java.nio.charset.StandardCharsets.ISO_8859_1);
        Fixtures.Run again = Fixtures.run("demo", "--data", d.toString());
        assertEquals(0, again.code(), again.err());
        assertTrue(again.out().contains("is not empty and is left as it is"), again.out());
        assertTrue(Files.isDirectory(tmp.resolve("demo-data-demo")), "second run in its own directory");
        assertEquals(before, Files.readString(d.resolve("log").resolve("00000000000000000001.log"),
                java.nio.charset.StandardCharsets.ISO_8859_1), "the first store is untouched");
    }
}
