package io.tidelog.log;

import java.util.NoSuchElementException;

/** {@link LogReader} over the entries from a sequence up to the end the log had when it was created. */
final class SegmentReader implements LogReader {
    private final SegmentCursor cursor;
    private final long until;

    SegmentReader(SegmentCatalog catalog, long from, long until) {
        this.cursor = new SegmentCursor(catalog, from);
        this.until = until;
    }

    @Override
    public boolean hasNext() {
        return cursor.nextSequence() <= until;
    }

    @Override
    public StoredEntry next() {
        if (!hasNext()) {
            throw new NoSuchElementException("the reader ends at entry " + until);
        }
        return cursor.read();
    }

    @Override
    public void close() {
        cursor.close();
    }
}
