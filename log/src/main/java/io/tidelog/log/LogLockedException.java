package io.tidelog.log;

import java.nio.file.Path;

/** Another writer, in this process or another, holds the log directory. */
public class LogLockedException extends LogException {
    public LogLockedException(Path lockFile) {
        super("log directory is locked by another writer: " + lockFile);
    }
}
