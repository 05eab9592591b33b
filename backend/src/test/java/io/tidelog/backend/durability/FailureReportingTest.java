package io.tidelog.backend.durability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tidelog.backend.BackendException;
import io.tidelog.backend.BackendException.Kind;
import io.tidelog.backend.StorageBackend;
import io.tidelog.backend.Tidelog;
import io.tidelog.backend.internal.StoreLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a store says when its views cannot be written at close, and when an item is too large to log. */
class FailureReportingTest {
    @TempDir
    Path dir;

    @Test
    void closeAfterTheViewsCannotFlushRaisesIoAndReleasesTheStore() throws Exception {
        StorageBackend store = Tidelog.open(dir);
        store.createDataTable("T");
        for (int i = 0; i < 50; i++) {
            store.putItem("T", "k" + i, "", "{\"i\":" + i + "}", 8);
        }
        // the views' files go away under RocksDB: its flush on close cannot write a table file
        try (Stream<Path> files = Files.walk(StoreLayout.views(dir))) {
            for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
        BackendException e = assertThrows(BackendException.class, store::close);
        assertEquals(Kind.IO, e.kind(), e.toString());
        store.close(); // a second close is quiet
        assertThrows(BackendException.class, () -> store.getItem("T", "k1", ""), "closed is closed");
        try (StorageBackend again = Tidelog.open(dir)) {
            assertEquals(50, again.countItems("T"), "the views are rebuilt from the log");
            assertEquals(Optional.of("{\"i\":7}"), again.getItem("T", "k7", ""));
        }
    }

    @Test
    void anItemOverTheLogsFrameLimitIsAValidationErrorWithNoEffect() {
        try (StorageBackend store = Tidelog.open(dir)) {
            store.createDataTable("T");
            store.putItem("T", "small", "", "{}", 2);
            long before = store.lastSequence();
            String huge = "x".repeat(257 << 20);
            BackendException e = assertThrows(BackendException.class,
                    () -> store.putItem("T", "huge", "", huge, huge.length()));
            assertEquals(Kind.VALIDATION, e.kind(), e.toString());
            assertTrue(e.getMessage().contains("too large"), e.getMessage());
            assertEquals(before, store.lastSequence());
            assertEquals(Optional.empty(), store.getItem("T", "huge", ""));
            BackendException tableTooLarge = assertThrows(BackendException.class,
                    () -> store.createDataTable(huge));
            assertEquals(Kind.VALIDATION, tableTooLarge.kind());
            assertEquals(Kind.OTHER, assertThrows(BackendException.class,
                    () -> store.putItem(huge, "k", "", "{}", 2)).kind(), "the refused table was never created");
            store.createDataTable("U");
            store.putItem("U", "after", "", "{}", 2);
            assertEquals(before + 2, store.lastSequence());
        }
    }
}
