package io.tidelog.log;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A disk that loses power. It remembers, per file, every write since the file's last force and,
 * per directory, every name created, renamed or deleted since the directory's last force. Writes
 * also go to the real files at once, so readers see them as they would see the page cache.
 *
 * <p>{@link #powerLoss()} (or the operation armed with {@link #powerLossAt}) cuts the power:
 * that operation and every later one fails, and the state the disk would come back with is
 * decided then. For each file: its forced content, plus a random subset of the writes since,
 * applied in random order, each of them possibly torn at {@value #SECTOR}-byte sector
 * boundaries (a random subset of its sectors lands), the rest dropped; sometimes the file's
 * size survives without the data, leaving zeros. Truncations survive as a prefix, in order.
 * For names: those their directory's force made durable, plus a random prefix of the later
 * changes (a journaling file system commits them in order). Forced data and forced names always
 * survive. Once the caller has stopped using the files, {@link #restart()} rewrites them to that
 * state.
 *
 * <p>Only files this disk wrote, renamed or deleted are simulated; others (locks, the views) are
 * left as they are. A file it meets for the first time counts as forced as it stands.
 *
 * <p>Thread-safe.
 */
public final class SimulatedDisk implements Disk {
    public static final int SECTOR = 512;

    /** One file's content model: its bytes as last forced, and what happened since. */
    private static final class Node {
        byte[] durable;
        final List<Change> pending = new ArrayList<>();

        Node(byte[] durable) {
            this.durable = durable;
        }
    }

    /** A write or a truncation since the last force of a file. */
    private sealed interface Change permits Write, Truncation {}

    private record Write(long position, byte[] bytes) implements Change {}

    private record Truncation(long size) implements Change {}

    /** A change of names since a directory's last force. */
    private record NameChange(Path from, Path to, Node node) {
        static NameChange created(Path path, Node node) {
            return new NameChange(null, path, node);
        }

        static NameChange deleted(Path path, Node node) {
            return new NameChange(path, null, node);
        }

        boolean touches(Path dir) {
            return (from != null && dir.equals(from.getParent())) || (to != null && dir.equals(to.getParent()));
        }
    }

    /** How many unforced writes the last power loss found, kept whole, kept torn and dropped. */
    public record LossReport(int unforcedWrites, int keptWhole, int keptTorn, int dropped, int nameChanges,
            int nameChangesKept) {}

    private final Object lock = new Object();
    private final Random random;
    /** Names as of the last restart (or first sight), and the changes since, in order. */
    private final Map<Path, Node> base = new HashMap<>();
    private final Map<Path, Node> live = new HashMap<>();
    private final List<NameChange> changes = new ArrayList<>();
    private final Set<NameChange> durableChanges = new HashSet<>();
    private long operations;
    private long lossAt = -1;
    private int generation;
    private boolean dead;
    private Map<Path, byte[]> survivors;
    private LossReport lastLoss;

    public SimulatedDisk(Random random) {
        this.random = random;
    }

    /** Operations so far: opens, writes, forces, truncations, renames, deletions, directory forces. */
    public long operations() {
        synchronized (lock) {
            return operations;
        }
    }

    /** Cuts the power when operation {@code n} (counted from 1, see {@link #operations}) starts. */
    public void powerLossAt(long n) {
        synchronized (lock) {
            lossAt = n;
        }
    }

    /** Cuts the power now, if it is not off already. */
    public void powerLoss() {
        synchronized (lock) {
            if (!dead) {
                die();
            }
        }
    }

    public boolean powerIsOff() {
        synchronized (lock) {
            return dead;
        }
    }

    /** What the last power loss kept and dropped. */
    public LossReport lastLoss() {
        synchronized (lock) {
            return lastLoss;
        }
    }

    /**
     * Brings the files back as the power loss left them and turns the power on. Call it once
     * nothing writes through the disk any more (the process "died"); files opened before stay
     * dead.
     */
    public void restart() throws IOException {
        synchronized (lock) {
            if (!dead) {
                throw new IllegalStateException("the power is on");
            }
            Set<Path> paths = new HashSet<>(live.keySet());
            paths.addAll(base.keySet());
            paths.addAll(survivors.keySet());
            for (Path p : paths) {
                byte[] content = survivors.get(p);
                Node node = live.get(p);
                if (content == null) {
                    Files.deleteIfExists(p);
                } else if (node == null || !node.pending.isEmpty() || node.durable != content) {
                    Files.write(p, content);
                }
                // else: the file holds exactly its forced bytes already
            }
            base.clear();
            live.clear();
            changes.clear();
            durableChanges.clear();
            survivors.forEach((p, content) -> {
                Node n = new Node(content);
                base.put(p, n);
                live.put(p, n);
            });
            survivors = null;
            dead = false;
            lossAt = -1;
            generation++;
        }
    }

    @Override
    public DiskFile open(Path path, Mode mode) throws IOException {
        Path p = path.toAbsolutePath().normalize();
        synchronized (lock) {
            operation();
            Node node = known(p);
            FileChannel channel = switch (mode) {
                case CREATE_EMPTY -> FileChannel.open(p, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING);
                case EXISTING -> FileChannel.open(p, StandardOpenOption.WRITE);
            };
            if (node == null) {
                node = new Node(new byte[0]);
                live.put(p, node);
                changes.add(NameChange.created(p, node));
            } else if (mode == Mode.CREATE_EMPTY) {
                node.pending.add(new Truncation(0));
            }
            return new File(p, node, channel, generation);
        }
    }

    @Override
    public void move(Path source, Path target) throws IOException {
        Path from = source.toAbsolutePath().normalize();
        Path to = target.toAbsolutePath().normalize();
        synchronized (lock) {
            operation();
            Node node = known(from);
            known(to);
            Disk.system().move(from, to);
            if (node == null) {
                throw new NoSuchFileException(from.toString());
            }
            live.remove(from);
            live.put(to, node);
            changes.add(new NameChange(from, to, node));
        }
    }

    @Override
    public boolean deleteIfExists(Path path) throws IOException {
        Path p = path.toAbsolutePath().normalize();
        synchronized (lock) {
            operation();
            Node node = known(p);
            boolean deleted = Files.deleteIfExists(p);
            if (node != null) {
                live.remove(p);
                changes.add(NameChange.deleted(p, node));
            }
            return deleted;
        }
    }

    @Override
    public void forceDirectory(Path dir) throws IOException {
        Path d = dir.toAbsolutePath().normalize();
        synchronized (lock) {
            operation();
            if (!Files.isDirectory(d)) {
                throw new NoSuchFileException(d.toString());
            }
            for (NameChange c : changes) {
                if (c.touches(d)) {
                    durableChanges.add(c);
                }
            }
        }
    }

    /** The node at {@code p}, adopting a file met for the first time as forced; null if none. */
    private Node known(Path p) throws IOException {
        Node node = live.get(p);
        if (node == null && Files.isRegularFile(p) && !base.containsKey(p) && !wasEverNamed(p)) {
            node = new Node(Files.readAllBytes(p));
            base.put(p, node);
            live.put(p, node);
        }
        return node;
    }

    private boolean wasEverNamed(Path p) {
        for (NameChange c : changes) {
            if (p.equals(c.from) || p.equals(c.to)) {
                return true;
            }
        }
        return false;
    }

    private void operation() throws IOException {
        if (dead) {
            throw new IOException("simulated power loss: the disk is off");
        }
        operations++;
        if (operations == lossAt) {
            die();
            throw new IOException("simulated power loss at operation " + operations);
        }
    }

    /** Decides what survives; from now on every operation fails. */
    private void die() {
        dead = true;
        int[] counts = new int[4];
        Map<Node, byte[]> contents = new HashMap<>();
        Map<Path, Node> names = new HashMap<>(base);
        int cut = random.nextInt(changes.size() + 1);
        int kept = 0;
        for (int i = 0; i < changes.size(); i++) {
            NameChange c = changes.get(i);
            if (i >= cut && !durableChanges.contains(c)) {
                continue;
            }
            kept++;
            if (c.from != null) {
                if (names.get(c.from) != c.node) {
                    continue; // its creation did not survive
                }
                names.remove(c.from);
            }
            if (c.to != null) {
                names.put(c.to, c.node);
            }
        }
        survivors = new HashMap<>();
        for (Map.Entry<Path, Node> e : names.entrySet()) {
            byte[] content = contents.computeIfAbsent(e.getValue(), n -> survivingContent(n, counts));
            survivors.put(e.getKey(), content);
        }
        lastLoss = new LossReport(counts[0], counts[1], counts[2], counts[3], changes.size(), kept);
    }

    /**
     * The forced content, then the truncations a random prefix of them, and between them a
     * random subset of the writes in random order, some torn at sector boundaries. Bytes past
     * the length are always zero, so a write beyond the end leaves zeros before it.
     */
    private byte[] survivingContent(Node node, int[] counts) {
        if (node.pending.isEmpty()) {
            return node.durable; // nothing unforced: restart() sees it is the same array
        }
        byte[] content = node.durable.clone();
        int[] length = {content.length};
        List<Change> pending = node.pending;
        int truncations = (int) pending.stream().filter(c -> c instanceof Truncation).count();
        int keptTruncations = random.nextInt(truncations + 1);
        List<Write> epoch = new ArrayList<>();
        int seenTruncations = 0;
        long liveSize = length[0];
        for (Change c : pending) {
            if (c instanceof Write w) {
                epoch.add(w);
                liveSize = Math.max(liveSize, w.position + w.bytes.length);
            } else if (c instanceof Truncation t) {
                liveSize = Math.min(liveSize, t.size);
                // a truncation that did not survive leaves the writes before it eligible with the next ones
                if (seenTruncations++ < keptTruncations) {
                    content = applyRandomly(epoch, content, length, counts);
                    length[0] = (int) Math.min(length[0], t.size);
                    Arrays.fill(content, length[0], content.length, (byte) 0);
                    epoch.clear();
                }
            }
        }
        content = applyRandomly(epoch, content, length, counts);
        if (liveSize > length[0] && random.nextInt(4) == 0) {
            // the size reached the disk, the data did not: zeros
            content = ensure(content, (int) liveSize);
            length[0] = (int) liveSize;
        }
        return Arrays.copyOf(content, length[0]);
    }

    private byte[] applyRandomly(List<Write> writes, byte[] content, int[] length, int[] counts) {
        List<Write> order = new ArrayList<>(writes);
        Collections.shuffle(order, random);
        for (Write w : order) {
            counts[0]++;
            int choice = random.nextInt(10);
            if (choice < 4) {
                counts[3]++;
                continue;
            }
            boolean torn = choice < 7 && w.bytes.length > 0;
            if (torn) {
                counts[2]++;
            } else {
                counts[1]++;
            }
            long start = w.position;
            long end = w.position + w.bytes.length;
            for (long piece = start; piece < end; ) {
                long pieceEnd = Math.min(end, (piece / SECTOR + 1) * SECTOR);
                if (!torn || random.nextBoolean()) {
                    content = ensure(content, (int) pieceEnd);
                    System.arraycopy(w.bytes, (int) (piece - start), content, (int) piece, (int) (pieceEnd - piece));
                    length[0] = (int) Math.max(length[0], pieceEnd);
                }
                piece = pieceEnd;
            }
        }
        return content;
    }

    private static byte[] ensure(byte[] content, int size) {
        return content.length >= size ? content : Arrays.copyOf(content, Math.max(size, content.length * 2));
    }

    /** A file open for writing on this disk. */
    private final class File implements DiskFile {
        private final Path path;
        private final Node node;
        private final FileChannel channel;
        private final int openedIn;

        File(Path path, Node node, FileChannel channel, int openedIn) {
            this.path = path;
            this.node = node;
            this.channel = channel;
            this.openedIn = openedIn;
        }

        @Override
        public Path path() {
            return path;
        }

        private void check() throws IOException {
            if (!channel.isOpen()) {
                throw new ClosedChannelException();
            }
            if (openedIn != generation) {
                throw new IOException("simulated power loss: " + path + " was open when the power went off");
            }
            operation();
        }

        @Override
        public void write(ByteBuffer source, long position) throws IOException {
            synchronized (lock) {
                check();
                byte[] bytes = new byte[source.remaining()];
                source.duplicate().get(bytes);
                ByteBuffer b = ByteBuffer.wrap(bytes);
                long at = position;
                while (b.hasRemaining()) {
                    at += channel.write(b, at);
                }
                source.position(source.limit());
                node.pending.add(new Write(position, bytes));
            }
        }

        @Override
        public void force(boolean metadata) throws IOException {
            synchronized (lock) {
                check();
                byte[] content = node.durable;
                int length = content.length;
                for (Change c : node.pending) {
                    if (c instanceof Write w) {
                        content = ensure(content, (int) (w.position + w.bytes.length));
                        System.arraycopy(w.bytes, 0, content, (int) w.position, w.bytes.length);
                        length = (int) Math.max(length, w.position + w.bytes.length);
                    } else if (c instanceof Truncation t) {
                        length = (int) Math.min(length, t.size);
                        Arrays.fill(content, length, content.length, (byte) 0);
                    }
                }
                node.durable = Arrays.copyOf(content, length);
                node.pending.clear();
            }
        }

        @Override
        public long size() throws IOException {
            synchronized (lock) {
                check();
                return channel.size();
            }
        }

        @Override
        public void truncate(long size) throws IOException {
            synchronized (lock) {
                check();
                if (size < channel.size()) {
                    channel.truncate(size);
                    node.pending.add(new Truncation(size));
                }
            }
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}
