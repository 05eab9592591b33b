package io.tidelog.projections;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.zip.CRC32;
import org.rocksdb.RocksDB;
import org.rocksdb.util.Environment;

/**
 * Loads RocksDB's native library (about 15 MB) from one place per user and library version.
 * RocksDB's own loader extracts a copy per process into the temporary directory and deletes it
 * only when the JVM exits normally, so every killed process leaves a copy behind.
 *
 * <p>Layout: {@code <java.io.tmpdir>/tidelog-<user>/rocksdbjni-<crc>/<file>}, where
 * {@code <crc>} is the CRC-32 of the library in the rocksdbjni jar (so each version has its own
 * directory) and {@code <file>} the name {@link RocksDB#loadLibrary(List)} looks for. The
 * {@code tidelog-<user>} directory is the user's alone (mode 0700 where the file system has
 * POSIX permissions); it is not used unless it is a real directory owned by the user and
 * writable by nobody else, since any library found there is loaded into the process.
 *
 * <p>The first process extracts the library to a name of its own in that directory, checks its
 * size and CRC-32 against the jar's entry and renames it into place, so no process ever loads a
 * partial copy; later ones check the size and CRC-32 of the file there and load it. When any of
 * this is not possible, RocksDB's own loader is used.
 */
final class RocksLibrary {
    private static final System.Logger LOG = System.getLogger(RocksLibrary.class.getName());
    private static Path location;
    private static boolean loaded;

    private RocksLibrary() {}

    /** Loads the library, once per process. */
    static synchronized void load() {
        if (loaded) {
            return;
        }
        try {
            Path dir = Path.of(System.getProperty("java.io.tmpdir"));
            Optional<Path> file = prepare(dir);
            if (file.isPresent()) {
                RocksDB.loadLibrary(List.of(file.get().getParent().toString()));
                location = file.get();
                loaded = true;
                return;
            }
        } catch (IOException | RuntimeException | UnsatisfiedLinkError e) {
            LOG.log(System.Logger.Level.DEBUG, "loading RocksDB's library from a shared place failed; "
                    + "RocksDB extracts its own copy", e);
        }
        RocksDB.loadLibrary();
        loaded = true;
    }

    /** Where the library was loaded from, or empty when RocksDB's own loader was used. */
    static synchronized Optional<Path> location() {
        return Optional.ofNullable(location);
    }

    /**
     * Makes the library present and intact under {@code tmpdir}; empty when the jar has no
     * library for this platform or the place cannot be trusted.
     */
    static Optional<Path> prepare(Path tmpdir) throws IOException {
        String resource = Environment.getJniLibraryFileName("rocksdb");
        URL url = RocksDB.class.getClassLoader().getResource(resource);
        if (url == null) {
            return Optional.empty();
        }
        Fingerprint expected = fingerprint(url);
        Path home = tmpdir.resolve("tidelog-" + System.getProperty("user.name").replaceAll("[^A-Za-z0-9._-]", "_"));
        if (!ownDirectory(home)) {
            return Optional.empty();
        }
        Path versionDir = home.resolve("rocksdbjni-" + String.format("%08x", expected.crc()));
        Files.createDirectories(versionDir);
        Path file = versionDir.resolve(Environment.getJniLibraryFileName("rocksdbjni"));
        if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) && expected.equals(fingerprint(file))) {
            return Optional.of(file);
        }
        Path partial = versionDir.resolve(file.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        try (InputStream in = url.openStream()) {
            Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
        }
        try {
            if (!expected.equals(fingerprint(partial))) {
                throw new IOException("the library extracted to " + partial + " does not match the jar's");
            }
            try {
                Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(partial);
        }
        return Optional.of(file);
    }

    /** Creates {@code home} for this user alone, or checks that an existing one is. */
    private static boolean ownDirectory(Path home) throws IOException {
        boolean posix = Files.getFileStore(home.getParent()).supportsFileAttributeView(PosixFileAttributeView.class);
        if (!Files.exists(home, LinkOption.NOFOLLOW_LINKS)) {
            try {
                if (posix) {
                    Files.createDirectory(home, PosixFilePermissions.asFileAttribute(
                            PosixFilePermissions.fromString("rwx------")));
                } else {
                    Files.createDirectory(home);
                }
            } catch (FileAlreadyExistsException raced) {
                // another process made it meanwhile: checked below like any existing one
            }
        }
        if (!Files.isDirectory(home, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        if (!posix) {
            return true;
        }
        String owner = Files.getOwner(home, LinkOption.NOFOLLOW_LINKS).getName();
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(home, LinkOption.NOFOLLOW_LINKS);
        return owner.equals(System.getProperty("user.name"))
                && !permissions.contains(PosixFilePermission.GROUP_WRITE)
                && !permissions.contains(PosixFilePermission.OTHERS_WRITE);
    }

    /** Size and CRC-32 of a library. */
    private record Fingerprint(long size, long crc) {}

    /** The jar entry's recorded size and CRC-32 (no need to inflate it), or the content's. */
    private static Fingerprint fingerprint(URL url) throws IOException {
        URLConnection connection = url.openConnection();
        if (connection instanceof JarURLConnection jar) {
            JarEntry entry = jar.getJarEntry();
            if (entry.getSize() >= 0 && entry.getCrc() >= 0) {
                return new Fingerprint(entry.getSize(), entry.getCrc());
            }
        }
        try (InputStream in = url.openStream()) {
            return fingerprint(in);
        }
    }

    private static Fingerprint fingerprint(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            return fingerprint(in);
        }
    }

    private static Fingerprint fingerprint(InputStream in) throws IOException {
        CRC32 crc = new CRC32();
        byte[] buf = new byte[1 << 16];
        long size = 0;
        for (int n; (n = in.read(buf)) > 0; ) {
            crc.update(buf, 0, n);
            size += n;
        }
        return new Fingerprint(size, crc.getValue());
    }
}
