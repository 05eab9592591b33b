package io.tidelog.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tidelog.backend.Durability;
import io.tidelog.backend.StorageBackend;
import io.tidelog.backend.Tidelog;
import io.tidelog.backend.TidelogOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Usage errors, I/O errors in words, and commands run beside a live writer. */
class CliErrorsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;
    Path store;

    @BeforeEach
    void setUp() {
        store = tmp.resolve("store");
        Fixtures.workload(store, 10);
    }

    private static void assertUsageError(Fixtures.Run r, String fragment) {
        assertEquals(2, r.code(), r.out() + r.err());
        assertEquals("", r.out());
        assertTrue(r.err().contains(fragment), r.err());
        assertTrue(r.err().contains("Usage: tidelog"), "usage on stderr: " + r.err());
    }

    @Test
    void noSubcommandIsAUsageError() {
        assertUsageError(Fixtures.run(), "Missing required subcommand");
    }

    @Test
    void aNegativeLimitIsAUsageError() {
        assertUsageError(Fixtures.run("tail", "--data", store.toString(), "--table", "Orders", "--limit", "-1"),
                "--limit must not be negative");
    }

    @Test
    void aCheckpointInAMissingDirectoryIsASentence() {
        Path missing = tmp.resolve("no-such-dir").resolve("ck");
        Fixtures.Run r = Fixtures.run("tail", "--data", store.toString(), "--table", "Orders", "--checkpoint",
                missing.toString());
        CliTest.assertOneLineError(r, "the directory " + missing.getParent() + " of ck does not exist");
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void ioErrorsAreSentences() {
        assertEquals("/x/y: no such file or directory",
                TidelogCli.message(new java.nio.file.NoSuchFileException("/x/y")));
        assertEquals("/x: permission denied", TidelogCli.message(new java.nio.file.AccessDeniedException("/x")));
        assertEquals("/x: Read-only file system",
                TidelogCli.message(new java.nio.file.FileSystemException("/x", null, "Read-only file system")));
        assertEquals("/x/y: no such file or directory",
                TidelogCli.message(new java.io.UncheckedIOException(new java.nio.file.NoSuchFileException("/x/y"))));
    }

    /** The log sequences of the records a tail printed, in order. */
    private static List<Long> sequences(Fixtures.Run r) throws Exception {
        List<Long> out = new java.util.ArrayList<>();
        for (String line : r.out().lines().toList()) {
            String id = JSON.readTree(line).get("eventID").asText();
            out.add(Long.parseLong(id.substring(0, id.indexOf(':'))));
        }
        return out;
    }

    @Test
    void tailWithoutFollowStopsAtTheEndTheLogHadWhenItStartedWhileAWriterGoesOn() throws Exception {
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger written = new AtomicInteger();
        Fixtures.Run live;
        try (StorageBackend db = Tidelog.open(store, TidelogOptions.builder().durability(Durability.ASYNC).build())) {
            // a writer that goes on while the tail reads: without the bound, the tail reads on
            // into what it writes for as long as it finds more
            Thread writer = new Thread(() -> {
                for (int i = 0; writing.get(); i++) {
                    db.insertStreamRecord("Orders", "INSERT", "{\"n\":" + i + "}", "{\"n\":" + i + "}", null,
                            Long.toString(1_000_000 + i), "shard-live", 1_700_000_000L);
                    written.incrementAndGet();
                }
            });
            writer.start();
            try {
                while (written.get() < 3000) { // a backlog the tail takes a while to read
                    Thread.sleep(5);
                }
                live = assertTimeoutPreemptively(Duration.ofSeconds(60),
                        () -> Fixtures.run("tail", "--data", store.toString(), "--table", "Orders", "--verbose"));
                assertTrue(written.get() > 3000, "the writer went on meanwhile");
            } finally {
                writing.set(false);
                writer.join();
            }
        }
        assertEquals(0, live.code(), live.err());
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("reading up to entry (\\d+)").matcher(live.err());
        assertTrue(m.find(), live.err());
        long end = Long.parseLong(m.group(1));
        List<Long> printed = sequences(live);
        List<Long> all = sequences(Fixtures.run("tail", "--data", store.toString(), "--table", "Orders"));
        List<Long> beyond = printed.stream().filter(s -> s > end).toList();
        assertTrue(beyond.isEmpty(), beyond.size() + " records of entries after the end " + end
                + " the log had when the tail started, the first of entry " + (beyond.isEmpty() ? 0 : beyond.get(0)));
        assertEquals(all.stream().filter(s -> s <= end).toList(), printed, "every record up to that end, in order");
    }

    @Test
    void verifyChecksALiveStore() throws Exception {
        try (StorageBackend db = Tidelog.open(store, Fixtures.options())) {
            Fixtures.write(db, 100, 120);
            Fixtures.Run r = Fixtures.run("verify", "--data", store.toString());
            assertEquals(0, r.code(), r.out() + r.err());
            assertTrue(r.out().contains("the store is open by a writer"), r.out());
            assertTrue(r.out().contains("verify: OK"), r.out());
            Fixtures.write(db, 120, 125);
        }
        assertTrue(Files.isDirectory(store.resolve("views")));
    }
}
