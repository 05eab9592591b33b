package io.tidelog.log;

import java.nio.file.Path;

/**
 * What opening a log found at its end (see {@link FileLog#recovery()}).
 *
 * @param file            the last segment, which recovery checked frame by frame; null when
 *                        the directory held no segment
 * @param validBytes      bytes of {@code file} up to the end of its last good frame
 * @param truncatedBytes  bytes after that, which the writer cut off. Zero after a clean
 *                        shutdown; after a crash, entries that were never forced, and so
 *                        never acknowledged in SYNC mode
 * @param discardedFrames complete, checksummed frames among the truncated bytes: writes that a
 *                        power loss kept while losing earlier ones, none of them written after
 *                        the damaged entry had been forced. Zero for a plain torn tail
 * @param lastSequence    the newest entry in the log after recovery, 0 when empty
 * @param indexesRebuilt  whether any segment index was missing or wrong and was rebuilt
 */
public record RecoveryReport(Path file, long validBytes, long truncatedBytes, int discardedFrames,
        long lastSequence, boolean indexesRebuilt) {

    /** Whether recovery cut anything off. */
    public boolean truncated() {
        return truncatedBytes > 0;
    }
}
