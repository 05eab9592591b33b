package io.tidelog.tool;

import static io.tidelog.tool.CliTest.assertOneLineError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tidelog.backend.Horizon;
import io.tidelog.backend.ItemRow;
import io.tidelog.backend.Retention;
import io.tidelog.backend.ScanParams;
import io.tidelog.backend.StorageBackend;
import io.tidelog.backend.Tidelog;
import io.tidelog.backend.TidelogOptions;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tidelog compact} and how the other commands treat a store whose history it trimmed. */
class CompactCommandTest {
    @TempDir
    Path tmp;
    Path store;
    List<ItemRow> at60;

    @BeforeEach
    void setUp() {
        store = tmp.resolve("store");
        // small segments, so that compacting drops some
        try (StorageBackend db = Tidelog.open(store, TidelogOptions.builder().logSegmentBytes(2048)
                .checkpointInterval(25).build())) {
            DemoCommand.createTable(db);
            Fixtures.write(db, 0, 40);
        }
        try (StorageBackend at = Tidelog.openAt(store, 60)) {
            at60 = at.scanItems("Orders", ScanParams.builder().build());
        }
    }

    private Fixtures.Run run(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = args[0];
        all[1] = "--data";
        all[2] = store.toString();
        System.arraycopy(args, 1, all, 3, args.length - 1);
        return Fixtures.run(all);
    }

    @Test
    void compactMovesTheHorizonAndEveryCommandHonoursIt() {
        Fixtures.Run r = run("compact", "--before", "50");
        assertEquals(0, r.code(), r.err());
        Horizon h = Retention.horizon(store);
        assertEquals(50, h.sequence());
        assertTrue(r.out().contains("horizon of " + store + ": sequence 50, committed at " + h.time()), r.out());
        assertTrue(r.out().matches("(?s).*dropped [1-9]\\d* segment\\(s\\), \\d+ bytes of log.*"), r.out());

        Fixtures.Run info = run("info");
        assertEquals(0, info.code(), info.err());
        assertTrue(info.out().contains("horizon:     sequence 50, committed at " + h.time()), info.out());

        Fixtures.Run history = run("history", "--format", "jsonl");
        assertEquals(0, history.code(), history.err());
        assertTrue(history.out().lines().allMatch(l -> Long.parseLong(l.substring(12, l.indexOf(','))) > 50),
                history.out());
        assertOneLineError(run("history", "--from", "10"), "the earliest state still available is sequence 50");
        assertOneLineError(run("history", "--from", "2000-01-01T00:00:00Z"), "before the horizon");

        Fixtures.Run tail = run("tail", "--table", "Orders");
        assertEquals(0, tail.code(), tail.err());
        assertTrue(tail.out().lines().allMatch(l -> Long.parseLong(l.substring(12, l.indexOf(':', 12))) > 50),
                tail.out());
        assertOneLineError(run("tail", "--table", "Orders", "--from", "5"), "sequence 50, committed at");

        assertOneLineError(run("restore", "--seq", "10", "--to", tmp.resolve("r1").toString()), "before the horizon");
        assertOneLineError(run("restore", "--at", "2000-01-01T00:00:00Z", "--to", tmp.resolve("r1").toString()),
                "before the horizon");
        Path restored = tmp.resolve("r2");
        Fixtures.Run restore = run("restore", "--seq", "60", "--to", restored.toString());
        assertEquals(0, restore.code(), restore.err());
        assertEquals(h, Retention.horizon(restored), "the restored store has the same horizon");
        try (StorageBackend b = Tidelog.open(restored)) {
            assertEquals(60, b.lastSequence());
            assertEquals(at60, b.scanItems("Orders", ScanParams.builder().build()));
        }

        Fixtures.Run again = run("compact", "--before", "40");
        assertEquals(0, again.code(), again.err());
        assertTrue(again.out().contains("nothing to drop: the horizon of " + store + " stays at sequence 50"),
                again.out());

        assertEquals(0, run("verify").code());
        assertEquals(0, run("rebuild").code());
        Fixtures.Run verify = run("verify");
        assertEquals(0, verify.code(), verify.out());
    }

    @Test
    void compactErrors() {
        assertOneLineError(run("compact", "--before", "99999"), "past the end of the log");
        assertOneLineError(run("compact", "--before", "noon"), "not an ISO-8601 instant");
        assertEquals(2, run("compact").code(), "--before is required");
        try (StorageBackend db = Tidelog.open(store)) {
            assertOneLineError(run("compact", "--before", "10"), "open by another writer");
        }
        assertEquals(Horizon.NONE, Retention.horizon(store));
    }
}
