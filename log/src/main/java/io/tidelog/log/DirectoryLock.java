package io.tidelog.log;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The one-writer guarantee of a log directory: an exclusive OS lock on {@code LOCK}, held from
 * open to close. The OS drops it when the process dies, so a crashed writer never leaves the
 * directory locked. The JVM refuses a second lock on the same file from the same process
 * ({@link OverlappingFileLockException}), which covers two writers in one process.
 *
 * <p>Layout of {@code LOCK}: the decimal process id of the current writer and a newline, for
 * people looking at a locked directory. The file is never deleted, since deleting a lock file
 * lets two processes lock two different files.
 */
final class DirectoryLock implements AutoCloseable {
    static final String FILE_NAME = "LOCK";

    private final FileChannel channel;
    private final FileLock lock;

    private DirectoryLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static DirectoryLock acquire(Path dir) throws IOException {
        Path file = dir.resolve(FILE_NAME);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            channel.close();
            throw new LogLockedException(file);
        }
        try {
            byte[] pid = (ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII);
            ByteBuffer b = ByteBuffer.wrap(pid);
            while (b.hasRemaining()) {
                channel.write(b, b.position());
            }
            channel.truncate(pid.length);
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        return new DirectoryLock(channel, lock);
    }

    @Override
    public void close() throws IOException {
        try {
            if (lock.isValid()) {
                lock.release();
            }
        } finally {
            channel.close();
        }
    }
}
