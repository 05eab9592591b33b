package io.tidelog.log;

import java.nio.file.Path;
import java.util.List;

/**
 * Child process for lock tests: opens the log in {@code args[0]}, appends one entry, prints
 * "open", and waits to be killed.
 */
public final class HoldLogMain {
    private HoldLogMain() {}

    public static void main(String[] args) throws Exception {
        FileLog log = FileLog.open(Path.of(args[0]), LogOptions.defaults());
        log.append(List.of(EventSamples.counted("holder", 0, "")), null, null, null).join();
        System.out.println("open");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
