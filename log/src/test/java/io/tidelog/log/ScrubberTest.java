package io.tidelog.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The background scrub reads sealed segments whole and finds what opening does not read. */
class ScrubberTest {
    @TempDir
    Path dir;

    @Test
    void aFlipInTheMiddleOfASealedSegmentIsFoundAndNothingElse() throws Exception {
        List<StoredEntry> stored;
        LogOptions options = LogOptions.defaults().withSegmentBytes(16 << 10).withIndexIntervalBytes(2048);
        try (FileLog log = FileLog.open(dir, options)) {
            for (int i = 0; i < 300; i++) {
                log.append(List.of(EventSamples.counted("p", i, "s".repeat(100))), null, null, null);
            }
            log.append(List.of(EventSamples.counted("p", 300, "")), null, null, null).join();
            stored = TestLogs.readAll(log);
        }
        try (Scrubber clean = Scrubber.start(dir, 1L << 30)) {
            assertTrue(clean.await(30_000));
            assertEquals(List.of(), clean.findings());
        }
        StoredEntry victim = stored.stream().filter(e -> e.position().segment() > 1).skip(5).findFirst().orElseThrow();
        Path segment = dir.resolve(LogDirectory.baseName(victim.position().segment()) + LogDirectory.SEGMENT_SUFFIX);
        RecoveryTest.flip(segment, victim.position().offset() + 30);
        FileLog.open(dir, options).close(); // opening does not read the middle of a sealed segment
        try (Scrubber scrub = Scrubber.start(dir, 1L << 30)) {
            assertTrue(scrub.await(30_000));
            assertEquals(1, scrub.findings().size(), scrub.findings().toString());
            LogCorruptException found = scrub.findings().get(0);
            assertEquals(segment, found.file());
            assertEquals(victim.position().offset(), found.offset());
        }
    }
}
