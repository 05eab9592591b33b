package io.tidelog.log;

import java.nio.file.Path;

/** A damaged frame with valid frames after it, or a file that is not a Tidelog segment. */
public class LogCorruptException extends LogException {
    private final Path file;
    private final long offset;

    public LogCorruptException(Path file, long offset, String what) {
        super(file + " at byte " + offset + ": " + what);
        this.file = file;
        this.offset = offset;
    }

    public Path file() {
        return file;
    }

    public long offset() {
        return offset;
    }
}
