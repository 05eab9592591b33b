package io.tidelog.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tidelog.backend.StorageBackend;
import io.tidelog.backend.Tidelog;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A CDC consumer with a checkpoint in a child JVM, killed with SIGKILL and restarted several
 * times while this process writes: every stream record comes out exactly once, in order.
 */
class TailKillTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    /**
     * A child JVM running {@code tidelog tail}, its stdout going to a file. (Reading a killed
     * process's stdout through a pipe can lose the last lines: the JDK drains the pipe into a
     * buffer when the process exits, racing the reader. A file keeps every byte written.)
     */
    static final class Child {
        final Process process;
        final Path out;
        final List<String> sink;

        Child(Process p, Path out, List<String> sink) {
            this.process = p;
            this.out = out;
            this.sink = sink;
        }

        /** Lines written so far (the last one may be incomplete while the child runs). */
        int lineCount() throws java.io.IOException {
            return (int) Files.readString(out, StandardCharsets.UTF_8).chars().filter(c -> c == '\n').count();
        }

        /** Kills the child and hands every complete line it wrote to the sink. */
        void kill() throws Exception {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
            String text = Files.readString(out, StandardCharsets.UTF_8);
            int end = text.lastIndexOf('\n');
            if (end >= 0) {
                for (String line : text.substring(0, end).split("\n", -1)) {
                    sink.add(line);
                }
            }
        }
    }

    static Child start(Path dir, Path checkpoint, List<String> sink) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                TidelogCli.class.getName(), "tail", "--data", dir.toString(), "--table", DemoCommand.TABLE,
                "--follow", "--checkpoint", checkpoint.toString(), "--verbose");
        pb.redirectError(ProcessBuilder.Redirect.appendTo(checkpoint.resolveSibling("consumer.err").toFile()));
        Path out = Files.createTempFile(checkpoint.getParent(), "consumer", ".out");
        pb.redirectOutput(out.toFile());
        return new Child(pb.start(), out, sink);
    }

    @Test
    void killedAndRestartedConsumerYieldsEveryRecordOnceInOrder() throws Exception {
        System.out.println("run at " + java.time.Instant.now());
        Path dir = tmp.resolve("store");
        Path ckpt = tmp.resolve("consumer.ckpt");
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        int total = 240;
        Random random = new Random(42);
        try (StorageBackend db = Tidelog.open(dir)) {
            DemoCommand.createTable(db);
            Thread writer = new Thread(() -> {
                for (int i = 0; i < total; i++) {
                    DemoCommand.put(db, "c" + (i % 4), "o-" + i, "PLACED", Integer.toString(i), null);
                    if (i % 2 == 0) { // spread the writes over the consumers' lives
                        try {
                            Thread.sleep(30);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                }
            });
            Child early = Boolean.getBoolean("tidelog.early") ? start(dir, ckpt, lines) : null;
            writer.start();
            int kills = 0;
            int productiveKills = 0;
            while (kills < Integer.getInteger("tidelog.kills", 5)) {
                int before = lines.size();
                Child c = start(dir, ckpt, lines);
                long dl = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                while (c.lineCount() == 0 && System.nanoTime() < dl) { // started and emitting
                    Thread.sleep(5);
                }
                Thread.sleep(50 + random.nextInt(400));
                c.kill();
                kills++;
                if (lines.size() > before) {
                    productiveKills++;
                }
            }
            assertTrue(kills == 0 || productiveKills >= 2, "consumers were killed while emitting: " + productiveKills);
            writer.join();
            if (early != null) {
                long dl = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (lines.size() + early.lineCount() < total && System.nanoTime() < dl) {
                    Thread.sleep(50);
                }
                early.kill();
            }
            Child last = start(dir, ckpt, lines);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (lines.size() + last.lineCount() < total && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            Thread.sleep(300); // anything extra would show up now
            last.kill();
            for (String l : Files.readAllLines(ckpt.resolveSibling("consumer.err"))) {
                System.out.println("consumer stderr: " + l);
            }
        }
        List<Long> seqs = new ArrayList<>();
        for (String l : lines) {
            JsonNode n = JSON.readTree(l);
            seqs.add(Long.parseLong(n.get("dynamodb").get("SequenceNumber").asText()));
            assertEquals("INSERT", n.get("eventName").asText());
        }
        List<Long> expected = new ArrayList<>();
        for (long s = 1; s <= total; s++) {
            expected.add(s);
        }
        assertEquals(expected, seqs, "every record exactly once, in order");
        assertTrue(lines.size() == total);
    }
}
