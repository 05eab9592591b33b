package io.tidelog.log;

import java.nio.file.Path;

/**
 * What opening a log found at its end (see {@link FileLog#recovery()}).
 *
 * @param file           the last segment, which recovery checked frame by frame; null when
 *                       the directory held no segment
 * @param validBytes     bytes of {@code file} up to the end of its last good frame
 * @param truncatedBytes bytes after that: a torn tail the writer cut off. Zero after a clean
 *                       shutdown; after a crash, entries that were never acknowledged in SYNC
 *                       mode (or, in ASYNC and NONE, not yet forced)
 * @param lastSequence   the newest entry in the log after recovery, 0 when empty
 * @param indexesRebuilt whether any segment index was missing or wrong and was rebuilt
 */
public record RecoveryReport(Path file, long validBytes, long truncatedBytes, long lastSequence,
        boolean indexesRebuilt) {

    /** Whether recovery cut anything off. */
    public boolean truncated() {
        return truncatedBytes > 0;
    }
}
