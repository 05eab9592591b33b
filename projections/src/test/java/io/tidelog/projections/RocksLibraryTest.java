package io.tidelog.projections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RocksDB's native library is loaded from one place per user and version: processes killed
 * while a store is open leave no copy of it behind, later ones reuse the one copy, and a damaged
 * copy is replaced before it is loaded.
 */
class RocksLibraryTest {
    @TempDir
    Path tmp;

    /** Opens views in a child JVM whose temporary directory is {@code tmpdir}, then kills it with SIGKILL. */
    private void openAndKill(Path tmpdir, Path views) throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + tmpdir, "-cp", System.getProperty("java.class.path"),
                HoldViews.class.getName(), views.toString())
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.equals("open")) {
                // skip library chatter
            }
            assertEquals("open", line, "the child opened its views");
            p.destroyForcibly();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        }
    }

    private static List<Path> extractedCopies(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith("librocksdbjni")).toList();
        }
    }

    private static Path shared(Path tmpdir) throws IOException {
        try (Stream<Path> files = Files.walk(tmpdir)) {
            List<Path> found = files.filter(f -> f.getFileName().toString().startsWith("librocksdbjni")
                    && !f.getParent().equals(tmpdir)).toList();
            assertEquals(1, found.size(), "one shared copy: " + found);
            return found.get(0);
        }
    }

    @Test
    void killedProcessesLeaveNoCopyAndShareOne() throws Exception {
        Path tmpdir = Files.createDirectories(tmp.resolve("tmpdir"));
        openAndKill(tmpdir, tmp.resolve("a"));
        assertEquals(List.of(), extractedCopies(tmpdir), "no per-process copy in the temporary directory");
        Path library = shared(tmpdir);
        assertTrue(library.getParent().getFileName().toString().startsWith("rocksdbjni-"), library.toString());
        assertTrue(library.getParent().getParent().getFileName().toString().startsWith("tidelog-"));
        long size = Files.size(library);
        FileTime written = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(library, written);

        openAndKill(tmpdir, tmp.resolve("b"));
        assertEquals(List.of(), extractedCopies(tmpdir));
        assertEquals(library, shared(tmpdir));
        assertEquals(written, Files.getLastModifiedTime(library), "the copy was reused, not written again");

        try (FileChannel ch = FileChannel.open(library, StandardOpenOption.WRITE)) {
            ch.truncate(size / 2);
        }
        openAndKill(tmpdir, tmp.resolve("c"));
        assertEquals(size, Files.size(shared(tmpdir)), "a damaged copy is replaced");
    }

    @Test
    void thisProcessLoadedTheSharedCopy() {
        try (Views views = Views.open(tmp.resolve("views"))) {
            assertEquals(0, views.appliedSequence());
        }
        Path library = RocksLibrary.location().orElseThrow();
        assertTrue(library.startsWith(Path.of(System.getProperty("java.io.tmpdir"))), library.toString());
        assertTrue(Files.isRegularFile(library));
    }

    /** Child process: opens views and holds them until killed. */
    public static final class HoldViews {
        public static void main(String[] args) throws Exception {
            try (Views views = Views.open(Path.of(args[0]))) {
                System.out.println("open");
                System.out.flush();
                Thread.sleep(TimeUnit.MINUTES.toMillis(5));
            }
        }
    }
}
