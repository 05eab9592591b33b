package io.tidelog.log;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * A file open for writing on a {@link Disk}. Positional only: it has no file pointer, so the
 * journaler's writes and the forcer's forces never share state.
 *
 * <p>After {@link #close()}, every call fails with {@code ClosedChannelException}.
 */
public interface DiskFile extends Closeable {

    Path path();

    /** Writes all of {@code source}'s remaining bytes starting at {@code position}. */
    void write(ByteBuffer source, long position) throws IOException;

    /**
     * Makes everything written so far, and the file's size, durable. With {@code metadata}
     * the other metadata too (times), as {@code FileChannel.force(true)}; without, as
     * {@code fdatasync}.
     */
    void force(boolean metadata) throws IOException;

    long size() throws IOException;

    /** Cuts the file to {@code size} bytes; a larger size changes nothing. */
    void truncate(long size) throws IOException;
}
