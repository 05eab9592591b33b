package io.tidelog.backend.internal;

import io.tidelog.backend.BackendException;
import io.tidelog.backend.BackendException.Kind;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The writer's exclusive OS lock on a store directory, held from open to close. The file
 * ({@code tidelog.lock}) holds the decimal process id of the writer holding it, for messages
 * and for people looking at a locked store; the OS drops the lock when that process dies.
 */
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
            byte[] pid = (ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII);
            ch.truncate(0);
            ch.write(ByteBuffer.wrap(pid), 0);
            return new StoreLock(ch, l);
        } catch (OverlappingFileLockException e) {
            closeQuietly(ch);
            throw locked(dir);
        } catch (IOException e) {
            closeQuietly(ch);
            throw new BackendException(Kind.IO, "cannot lock " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Whether a writer holds the store now, in this process or another. Looks with a shared
     * lock, which an exclusive one refuses, and creates nothing.
     */
    static boolean isHeld(Path dir) {
        try (FileChannel ch = FileChannel.open(StoreLayout.lockFile(dir), StandardOpenOption.READ)) {
            FileLock shared = ch.tryLock(0, Long.MAX_VALUE, true);
            if (shared == null) {
                return true;
            }
            shared.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    private static BackendException locked(Path dir) {
        return new BackendException(Kind.LOCKED, "store " + dir + " is open by another writer" + holder(dir));
    }

    /** " (process N)" naming the writer holding the store, or "" when the file does not say. */
    static String holder(Path dir) {
        try {
            String pid = Files.readString(StoreLayout.lockFile(dir), StandardCharsets.US_ASCII).strip();
            return pid.matches("\\d+") ? " (process " + pid + ")" : "";
        } catch (IOException e) {
            return "";
        }
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
            try {
                lock.release();
            } finally {
                channel.close();
            }
        } catch (IOException e) {
            throw new BackendException(Kind.IO, "cannot release the store lock: " + e.getMessage(), e);
        }
    }
}
