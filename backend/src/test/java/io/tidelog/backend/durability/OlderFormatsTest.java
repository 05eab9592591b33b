package io.tidelog.backend.durability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tidelog.backend.StorageBackend;
import io.tidelog.backend.Tidelog;
import io.tidelog.backend.internal.Progress;
import io.tidelog.backend.internal.StoreLayout;
import io.tidelog.backend.internal.Verify;
import io.tidelog.log.VersionOneSegments;
import io.tidelog.projections.Views;
import io.tidelog.schemas.DataTableCreated;
import io.tidelog.schemas.ItemPut;
import io.tidelog.schemas.LogEntry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What older versions and interrupted commands left in a store directory. */
class OlderFormatsTest {
    @TempDir
    Path dir;

    private static void deleteTree(Path p) throws Exception {
        if (Files.exists(p)) {
            try (Stream<Path> all = Files.walk(p)) {
                for (Path f : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(f);
                }
            }
        }
    }

    @Test
    void aStoreWhoseLogIsInFormatVersionOneOpensAndGoesOn() throws Exception {
        Tidelog.open(dir).close();
        deleteTree(StoreLayout.log(dir));
        deleteTree(StoreLayout.views(dir));
        List<LogEntry> old = new ArrayList<>();
        old.add(new LogEntry(1L, 1_000_000L, null, null, List.of(new DataTableCreated("T", 1L))));
        for (long s = 2; s <= 6; s++) {
            old.add(new LogEntry(s, 1_000_000L * s, null, "alice",
                    List.of(new ItemPut("T", 1L, "k" + s, "", "{\"v\":" + s + "}", 7, ""))));
        }
        VersionOneSegments.write(StoreLayout.log(dir), 1, old);
        try (StorageBackend store = Tidelog.open(dir)) {
            assertEquals(6, store.lastSequence());
            assertEquals(Optional.of("{\"v\":4}"), store.getItem("T", "k4", ""));
            store.putItem("T", "new", "", "{}", 2);
        }
        try (StorageBackend store = Tidelog.open(dir)) {
            assertEquals(7, store.lastSequence());
            assertEquals(6, store.countItems("T"));
        }
        try (StorageBackend past = Tidelog.openAt(dir, 3)) {
            assertEquals(2, past.countItems("T"));
        }
        assertTrue(Verify.run(dir, 5, Progress.NONE).ok());
    }

    @Test
    void theViewsOfARebuildKilledHalfWayAreRemovedByTheNextOpen() throws Exception {
        try (StorageBackend store = Tidelog.open(dir)) {
            store.createDataTable("T");
            store.putItem("T", "k", "", "{}", 2);
        }
        Path leftover = dir.resolve("views.rebuild.tmp");
        try (Views half = Views.open(leftover)) {
            assertEquals(0, half.appliedSequence());
        }
        assertTrue(Files.isDirectory(leftover));
        try (StorageBackend store = Tidelog.open(dir)) {
            assertFalse(Files.exists(leftover), "the next open removes what the killed rebuild left");
            assertEquals(Optional.of("{}"), store.getItem("T", "k", ""));
        }
    }
}
