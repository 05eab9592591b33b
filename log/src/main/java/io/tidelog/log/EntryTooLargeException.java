package io.tidelog.log;

/** An entry that cannot be framed: its payload would exceed the frame limit of 256 MiB. */
public class EntryTooLargeException extends IllegalArgumentException {
    private final long bytes;
    private final long limit;

    public EntryTooLargeException(long bytes, long limit) {
        super("an entry of up to " + bytes + " bytes exceeds the log's frame limit of " + limit + " bytes");
        this.bytes = bytes;
        this.limit = limit;
    }

    /** An upper bound of the entry's encoded size. */
    public long bytes() {
        return bytes;
    }

    public long limit() {
        return limit;
    }
}
