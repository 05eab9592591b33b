package io.tidelog.tool;

import io.tidelog.backend.internal.Progress;
import java.io.PrintStream;

/**
 * A one-line progress bar with rate and ETA on stderr when attached to a terminal; silent
 * otherwise ({@link #forConsole()} returns {@link Progress#NONE}).
 */
final class TerminalProgress implements Progress {
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintStream out;
    private String task;
    private long total;
    private long started;
    private long lastDraw;
    private long done;

    TerminalProgress(PrintStream out) {
        this.out = out;
    }

    static Progress forConsole() {
        return System.console() != null ? new TerminalProgress(System.err) : Progress.NONE;
    }

    @Override
    public void start(String task, long total) {
        this.task = task;
        this.total = total;
        this.done = 0;
        this.started = System.nanoTime();
        this.lastDraw = 0;
        draw(true);
    }

    @Override
    public void advance(long done) {
        this.done = done;
        draw(false);
    }

    @Override
    public void finish() {
        draw(true);
        out.print("\n");
        out.flush();
    }

    private void draw(boolean force) {
        long now = System.nanoTime();
        if (!force && now - lastDraw < REDRAW_NANOS) {
            return;
        }
        lastDraw = now;
        double secs = Math.max(1e-9, (now - started) / 1e9);
        double rate = done / secs;
        StringBuilder sb = new StringBuilder("\r").append(task).append(' ');
        if (total > 0) {
            int width = 30;
            int filled = (int) Math.min(width, width * done / total);
            sb.append('[').append("#".repeat(filled)).append(" ".repeat(width - filled)).append("] ");
            sb.append(String.format("%3d%% %d/%d", Math.min(100, 100 * done / total), done, total));
            sb.append(String.format(" %.0f/s", rate));
            if (rate > 0 && done < total) {
                long eta = (long) ((total - done) / rate);
                sb.append(String.format(" ETA %d:%02d", eta / 60, eta % 60));
            }
        } else {
            sb.append(done).append(String.format(" %.0f/s", rate));
        }
        sb.append("   ");
        out.print(sb);
        out.flush();
    }
}
