package io.tidelog.log;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A main class run in a child JVM with this JVM's class path, for tests that need a second
 * process: one that is killed mid-write, or one that reads while this one writes.
 *
 * <p>The child's standard output is read line by line on a background thread; its standard
 * error is kept (the last 64 KiB) for failure messages. {@link #kill()} sends SIGKILL on
 * Unix-like systems, so the child gets no chance to clean up: exactly a crash.
 *
 * <pre>{@code
 * try (ChildJvm child = ChildJvm.start(MyMain.class, dir.toString())) {
 *     String line = child.readLine(Duration.ofSeconds(10));
 *     child.kill();
 *     List<String> rest = child.remainingLines();
 * }
 * }</pre>
 */
public final class ChildJvm implements AutoCloseable {
    private static final String END = new String("end of stream");

    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final StringBuilder stderr = new StringBuilder();
    private final Thread outReader;
    private final Thread errReader;
    private boolean ended;

    private ChildJvm(Process process) {
        this.process = process;
        this.outReader = new Thread(this::readOut, "child-jvm-stdout-" + process.pid());
        this.errReader = new Thread(this::readErr, "child-jvm-stderr-" + process.pid());
        outReader.setDaemon(true);
        errReader.setDaemon(true);
        outReader.start();
        errReader.start();
    }

    /** Starts {@code mainClass} with {@code args} and this JVM's class path. */
    public static ChildJvm start(Class<?> mainClass, String... args) throws IOException {
        return start(List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"), mainClass, args);
    }

    /** As {@link #start(Class, String...)}, with these JVM options instead of the defaults. */
    public static ChildJvm start(List<String> jvmOptions, Class<?> mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass.getName());
        command.addAll(List.of(args));
        return new ChildJvm(new ProcessBuilder(command).start());
    }

    private void readOut() {
        InputStreamReader out = new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8);
        try (BufferedReader r = new BufferedReader(out)) {
            String line;
            while ((line = r.readLine()) != null) {
                lines.add(line);
            }
        } catch (IOException ignored) {
            // the stream closes when the child dies; what was read is kept
        } finally {
            lines.add(END);
        }
    }

    private void readErr() {
        byte[] buf = new byte[4096];
        try (InputStream in = process.getErrorStream()) {
            int n;
            while ((n = in.read(buf)) > 0) {
                synchronized (stderr) {
                    stderr.append(new String(buf, 0, n, StandardCharsets.UTF_8));
                    if (stderr.length() > 65536) {
                        stderr.delete(0, stderr.length() - 65536);
                    }
                }
            }
        } catch (IOException ignored) {
            // as for stdout
        }
    }

    /** The next line the child printed, or null when none came within {@code timeout} or it ended. */
    public String readLine(Duration timeout) throws InterruptedException {
        if (ended) {
            return null;
        }
        String line = lines.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
        if (line == END) {
            ended = true;
            return null;
        }
        return line;
    }

    /** Waits for the child's output to end (it exited or was killed) and returns the lines not read yet. */
    public List<String> remainingLines() throws InterruptedException {
        List<String> rest = new ArrayList<>();
        while (!ended) {
            String line = lines.take();
            if (line == END) {
                ended = true;
            } else {
                rest.add(line);
            }
        }
        return rest;
    }

    /** Kills the child at once (SIGKILL on Unix-like systems) and waits for it to be gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** Waits for the child to exit by itself; returns its exit code, or -1 on timeout. */
    public int waitFor(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS) ? process.exitValue() : -1;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    /** What the child wrote to standard error so far (its tail), for failure messages. */
    public String stderr() throws InterruptedException {
        if (!process.isAlive()) {
            errReader.join(1000);
        }
        synchronized (stderr) {
            return stderr.toString();
        }
    }

    /** Kills the child if it still runs. */
    @Override
    public void close() {
        process.destroyForcibly();
        try {
            process.waitFor();
            outReader.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
