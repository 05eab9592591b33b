package io.tidelog.log;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * Child process for crash tests: appends in SYNC mode from several threads until killed, and
 * prints {@code ack <sequence> <producer> <counter>} for every append once its future has
 * completed, that is once the entry is durable.
 *
 * <p>Arguments: log directory, number of threads.
 */
public final class CrashWriterMain {
    private CrashWriterMain() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int threads = Integer.parseInt(args[1]);
        FileLog log = FileLog.open(dir, LogOptions.defaults().withSyncMode(SyncMode.SYNC).withSegmentBytes(16 << 10));
        PrintStream out = System.out;
        for (int t = 0; t < threads; t++) {
            String producer = "crash-" + ProcessHandle.current().pid() + "-" + t;
            Thread thread = new Thread(() -> {
                for (int i = 0; ; i++) {
                    List<Object> events = List.of(EventSamples.counted(producer, i, "payload-" + i));
                    long seq = log.append(events, null, producer, null).join();
                    // one write per line, so a kill never leaves half a line behind
                    synchronized (out) {
                        out.print("ack " + seq + " " + producer + " " + i + "\n");
                        out.flush();
                    }
                }
            });
            thread.start();
        }
        Thread.sleep(Long.MAX_VALUE);
    }
}
