package io.tidelog.backend.internal;

import io.tidelog.backend.Durability;
import io.tidelog.backend.StorageBackend;
import io.tidelog.backend.Tidelog;
import io.tidelog.backend.TidelogOptions;
import java.nio.file.Path;

/**
 * Child process of the compaction crash tests (not a test class): opens a store, compacts it to
 * a sequence and stops the process dead right after the named step, as a crash there would,
 * with no close and no shutdown hooks.
 */
public final class CompactionCrashChild {
    private CompactionCrashChild() {}

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        long sequence = Long.parseLong(args[1]);
        Compaction.Step haltAfter = Compaction.Step.valueOf(args[2]);
        StorageBackend b = Tidelog.open(dir, TidelogOptions.builder().durability(Durability.NONE)
                .logSegmentBytes(Long.parseLong(args[3])).build());
        ((LiveBackend) b).retention().compactTo(sequence, step -> {
            if (step == haltAfter) {
                System.out.println("HALT " + step);
                System.out.flush();
                Runtime.getRuntime().halt(137);
            }
        });
        System.out.println("NOT HALTED");
        System.exit(1);
    }
}
