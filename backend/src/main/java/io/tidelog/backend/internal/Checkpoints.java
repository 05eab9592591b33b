package io.tidelog.backend.internal;

import io.tidelog.backend.BackendException;
import io.tidelog.backend.BackendException.Kind;
import io.tidelog.projections.Views;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Periodic copies of the views, named by the log sequence they hold
 * ({@code checkpoints/<20-digit sequence>/}), so a point-in-time open replays only the log
 * suffix after the nearest one. They are derived data: deleting them loses nothing.
 */
public final class Checkpoints {
    /** Where a checkpoint is built before it gets its name. */
    private static final String IN_PROGRESS = "in-progress.tmp";

    private Checkpoints() {}

    /** Sequences of the complete checkpoints of a store, ascending. */
    public static List<Long> list(Path root) {
        Path dir = StoreLayout.checkpoints(root);
        List<Long> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            entries.map(p -> p.getFileName().toString())
                    .filter(n -> n.matches("\\d{20}"))
                    .forEach(n -> out.add(Long.parseLong(n)));
        } catch (IOException e) {
            throw new BackendException(Kind.IO, "cannot list checkpoints: " + e.getMessage(), e);
        }
        out.sort(null);
        return out;
    }

    /** Index of the checkpoint (not the newest) whose removal leaves the smallest gap. */
    static int thinnest(List<Long> sequences) {
        int best = 0;
        long bestGap = Long.MAX_VALUE;
        for (int i = 0; i < sequences.size() - 1; i++) {
            long gap = sequences.get(i + 1) - (i == 0 ? 0 : sequences.get(i - 1));
            if (gap < bestGap) {
                bestGap = gap;
                best = i;
            }
        }
        return best;
    }

    static String name(long sequence) {
        return String.format("%020d", sequence);
    }

    /**
     * Takes a checkpoint of {@code views}, named by the sequence it holds, and keeps
     * {@code retain} of them spread over the whole log: over the bound, the one whose removal
     * leaves the smallest gap goes (never the newest). A point-in-time open anywhere in the
     * history therefore replays at most about {@code length / retain} entries, not the whole
     * prefix once its checkpoints have aged out.
     *
     * <p>The views may be written meanwhile: atomic flush makes the copy one consistent state
     * (every family at the same batch), and the sequence it holds is read from the copy itself.
     * Written under a temporary name and renamed, so a crash never leaves a half checkpoint
     * under a real name. One at a time per store: the caller's {@code lock} also guards
     * retention's removal of checkpoints before the horizon.
     */
    static void take(Path root, Views views, int retain, Object lock) {
        synchronized (lock) {
            takeLocked(root, views, retain);
        }
    }

    private static void takeLocked(Path root, Views views, int retain) {
        Path dir = StoreLayout.checkpoints(root);
        Path tmp = dir.resolve(IN_PROGRESS);
        long sequence;
        try {
            Files.createDirectories(dir);
            StoreLayout.deleteRecursively(tmp);
            views.checkpoint(tmp);
            try (Views copy = Views.openReadOnly(tmp)) {
                sequence = copy.appliedSequence();
            }
            Path target = dir.resolve(name(sequence));
            if (Files.exists(target)) {
                StoreLayout.deleteRecursively(tmp); // nothing was applied since that one
            } else {
                Files.move(tmp, target);
            }
        } catch (IOException e) {
            throw new BackendException(Kind.IO, "cannot take a checkpoint: " + e.getMessage(), e);
        }
        List<Long> all = list(root);
        while (all.size() > retain) {
            long victim = all.remove(thinnest(all));
            StoreLayout.deleteRecursively(dir.resolve(name(victim)));
        }
    }

    /**
     * Deletes the checkpoints of sequences after {@code lastSequence}. After a power loss in
     * ASYNC or NONE the log can end before a checkpoint taken from it; the sequences after its
     * end will be given to new entries, which that checkpoint does not hold.
     */
    static void discardAfter(Path root, long lastSequence) {
        Path dir = StoreLayout.checkpoints(root);
        for (long s : list(root)) {
            if (s > lastSequence) {
                StoreLayout.deleteRecursively(dir.resolve(name(s)));
            }
        }
    }

    /**
     * Deletes the checkpoints of sequences before {@code horizon}: retention dropped the log
     * entries after them that a point-in-time open would replay, so they can start nothing.
     */
    static void discardBefore(Path root, long horizon) {
        Path dir = StoreLayout.checkpoints(root);
        for (long s : list(root)) {
            if (s < horizon) {
                StoreLayout.deleteRecursively(dir.resolve(name(s)));
            }
        }
    }

    /**
     * Copies checkpoint {@code sequence} of {@code root} to {@code target}. Returns false,
     * leaving no {@code target}, when retention removed the checkpoint meanwhile: they are only
     * an optimisation.
     */
    static boolean copy(Path root, long sequence, Path target) {
        return copyViews(StoreLayout.checkpoints(root).resolve(name(sequence)), target);
    }

    /**
     * Copies a copy of the views (a checkpoint, a base) from {@code source} to {@code target};
     * table files are hard-linked where the file system allows (RocksDB never changes one in
     * place). Returns false, leaving no {@code target}, when {@code source} cannot be read whole,
     * for example because it was deleted meanwhile.
     */
    static boolean copyViews(Path source, Path target) {
        try {
            Files.createDirectories(target);
            try (Stream<Path> files = Files.list(source)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    Path to = target.resolve(f.getFileName());
                    if (!f.getFileName().toString().endsWith(".sst") || !tryLink(to, f)) {
                        Files.copy(f, to);
                    }
                }
            }
            return true;
        } catch (IOException e) {
            StoreLayout.deleteRecursively(target);
            return false;
        }
    }

    /** A hard link, or false when the file system refuses one (another device, for one). */
    private static boolean tryLink(Path link, Path existing) {
        try {
            Files.createLink(link, existing);
            return true;
        } catch (IOException refused) {
            return false;
        }
    }
}
