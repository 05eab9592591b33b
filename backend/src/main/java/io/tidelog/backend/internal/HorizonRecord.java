package io.tidelog.backend.internal;

import io.tidelog.backend.BackendException;
import io.tidelog.backend.BackendException.Kind;
import io.tidelog.backend.Horizon;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Function;
import java.util.zip.CRC32C;

/**
 * The store's record of its horizon, {@code base/HORIZON}: the state right after mutation
 * {@code sequence} is kept in {@code base/<sequence>/} and the log holds every mutation after it.
 * No file means the history was never trimmed (sequence 0). It is written once the base it names
 * is complete and forced, and before any segment is dropped, so it is the point at which a
 * compaction takes effect.
 *
 * <p>Layout (32 bytes, big-endian):
 *
 * <pre>
 *   0   u32  magic 0x54484F52 ("THOR")
 *   4   u16  format version (1)
 *   6   u16  length (32)
 *   8   u64  sequence: the mutation the base state ends with
 *   16  u64  its commit time, microseconds since the epoch
 *   24  u32  CRC32C of bytes 0..23
 *   28  u32  reserved (0)
 * </pre>
 *
 * Written under a temporary name, forced and renamed, then the directory is forced.
 */
public record HorizonRecord(long sequence, long timeMicros) {
    static final String FILE = "HORIZON";
    static final HorizonRecord NONE = new HorizonRecord(0, 0);
    private static final int MAGIC = 0x54484F52;
    private static final short VERSION = 1;
    private static final int LENGTH = 32;
    private static final int ATTEMPTS = 5;

    public Horizon toHorizon() {
        return sequence == 0 ? Horizon.NONE : new Horizon(sequence, time(timeMicros));
    }

    /**
     * The error for asking for {@code what} (a sequence, an instant, a position) before this
     * horizon: {@code VALIDATION}, naming the earliest moment still available. The one wording
     * every reader uses.
     */
    public BackendException unavailable(Path root, String what) {
        return new BackendException(Kind.VALIDATION, what + " is before the horizon of " + root
                + ": retention dropped the history before it; the earliest state still available is "
                + toHorizon());
    }

    /** {@code time} in whole microseconds since the epoch, rounded down, saturating at the long range. */
    public static long floorMicros(Instant time) {
        try {
            return Math.addExact(Math.multiplyExact(time.getEpochSecond(), 1_000_000L), time.getNano() / 1_000);
        } catch (ArithmeticException e) {
            return time.getEpochSecond() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    static Instant time(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L);
    }

    /** The store's record; {@link #NONE} when it has none. {@code NOT_A_DATABASE} when it is damaged. */
    public static HorizonRecord read(Path root) {
        Path file = BaseDirectory.dir(root).resolve(FILE);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return NONE;
        } catch (IOException e) {
            throw new BackendException(Kind.IO, "cannot read " + file + ": " + e.getMessage(), e);
        }
        ByteBuffer b = ByteBuffer.wrap(bytes);
        if (bytes.length != LENGTH || b.getInt(0) != MAGIC || b.getShort(4) != VERSION || b.getShort(6) != LENGTH
                || b.getInt(24) != crc(bytes)) {
            throw new BackendException(Kind.NOT_A_DATABASE, "the horizon record " + file
                    + " is damaged: the store cannot tell where its log starts");
        }
        return new HorizonRecord(b.getLong(8), b.getLong(16));
    }

    /** Makes this the store's record, durably. */
    void write(Path root) {
        ByteBuffer b = ByteBuffer.allocate(LENGTH);
        b.putInt(MAGIC).putShort(VERSION).putShort((short) LENGTH).putLong(sequence).putLong(timeMicros);
        b.putInt(24, crc(b.array()));
        Path dir = BaseDirectory.dir(root);
        Path target = dir.resolve(FILE);
        Path tmp = dir.resolve(FILE + ".tmp");
        try {
            Files.createDirectories(dir);
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer out = ByteBuffer.wrap(b.array());
                while (out.hasRemaining()) {
                    ch.write(out);
                }
                ch.force(true);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            BaseDirectory.force(dir);
        } catch (IOException e) {
            throw new BackendException(Kind.IO, "cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    private static int crc(byte[] bytes) {
        CRC32C c = new CRC32C();
        c.update(bytes, 0, 24);
        return (int) c.getValue();
    }

    /**
     * Runs {@code work} against the store's current record, again when it fails because a
     * compaction in another thread or process moved the horizon meanwhile (the files it was
     * reading were replaced or deleted). Readers that take no lock go through this.
     */
    public static <T> T withStable(Path root, Function<HorizonRecord, T> work) {
        for (int attempt = 1; ; attempt++) {
            HorizonRecord before = read(root);
            try {
                return work.apply(before);
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS || !(vanished(e) || !Objects.equals(before, read(root)))) {
                    throw e;
                }
            }
        }
    }

    /** Whether a file disappeared under {@code e}: a sign of a concurrent compaction. */
    private static boolean vanished(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof NoSuchFileException) {
                return true;
            }
        }
        return false;
    }
}
