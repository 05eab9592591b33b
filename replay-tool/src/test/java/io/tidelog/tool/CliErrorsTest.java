package io.tidelog.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tidelog.backend.StorageBackend;
import io.tidelog.backend.Tidelog;
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

    @Test
    void tailWithoutFollowStopsAtTheEndTheLogHadWhenItStartedWhileAWriterGoesOn() throws Exception {
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger batches = new AtomicInteger();
        try (StorageBackend db = Tidelog.open(store, Fixtures.options())) {
            Thread writer = new Thread(() -> {
                for (int i = 100; writing.get(); i += 5) {
                    Fixtures.write(db, i, i + 5);
                    batches.incrementAndGet();
                }
            });
            writer.start();
            try {
                while (batches.get() < 3) {
                    Thread.sleep(5);
                }
                long before = db.lastSequence();
                Fixtures.Run r = assertTimeoutPreemptively(Duration.ofSeconds(60),
                        () -> Fixtures.run("tail", "--data", store.toString(), "--table", "Orders"));
                long after = db.lastSequence();
                assertEquals(0, r.code(), r.err());
                List<String> lines = r.out().lines().toList();
                long lastPrinted = 0;
                for (String line : lines) {
                    String id = JSON.readTree(line).get("eventID").asText();
                    lastPrinted = Long.parseLong(id.substring(0, id.indexOf(':')));
                }
                assertTrue(lastPrinted >= before - 3, "records up to the end at the start: " + lastPrinted);
                assertTrue(lastPrinted <= after, "nothing after the end at the start: " + lastPrinted);
                assertTrue(batches.get() > 3, "the writer went on meanwhile");
            } finally {
                writing.set(false);
                writer.join();
            }
        }
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
