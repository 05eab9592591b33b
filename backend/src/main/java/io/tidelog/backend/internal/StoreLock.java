package io.tidelog.backend.internal;

import io.tidelog.backend.BackendException;
import io.tidelog.backend.BackendException.Kind;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** The writer's exclusive OS lock on a store directory, held from open to close. */
final class StoreLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private StoreLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static StoreLock acquire(Path dir) {
        Path file = StoreLayout.lockFile(dir);
        FileChannel ch = null;
        try {
            ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock l = ch.tryLock();
            if (l == null) {
                ch.close();
                throw locked(dir);
            }
            return new StoreLock(ch, l);
        } catch (OverlappingFileLockException e) {
            closeQuietly(ch);
            throw locked(dir);
        } catch (IOException e) {
            closeQuietly(ch);
            throw new BackendException(Kind.IO, "cannot lock " + file + ": " + e.getMessage(), e);
        }
    }

    private static BackendException locked(Path dir) {
        return new BackendException(Kind.LOCKED, "store " + dir + " is open by another writer");
    }

    private static void closeQuietly(FileChannel ch) {
        try {
            if (ch != null) {
                ch.close();
            }
        } catch (IOException ignored) {
            // the lock was not taken; nothing to release
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new BackendException(Kind.IO, "cannot release the store lock: " + e.getMessage(), e);
        }
    }
}
