package io.tidelog.log;

import io.tidelog.schemas.ItemPut;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Child process for tailing tests: follows the log in {@code args[0]} from its first entry,
 * printing {@code seq <sequence> <producer> <counter>} per entry, until it has seen
 * {@code args[1]} entries. Prints "ready" once it is following, and exits with 2 when nothing
 * new arrives for 30 seconds.
 */
public final class TailReaderMain {
    private TailReaderMain() {}

    public static void main(String[] args) throws Exception {
        int count = Integer.parseInt(args[1]);
        try (ReadableLog log = FileLog.openReadOnly(Path.of(args[0])); LogTailer tailer = log.tail(1)) {
            System.out.println("ready");
            for (int seen = 0; seen < count; seen++) {
                Optional<StoredEntry> next = tailer.next(Duration.ofSeconds(30));
                if (next.isEmpty()) {
                    System.exit(2);
                }
                ItemPut put = (ItemPut) next.get().entry().getEvents().get(0);
                System.out.println("seq " + next.get().sequence() + " " + put.getPk() + " " + put.getItemSize());
            }
        }
    }
}
