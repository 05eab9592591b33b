package io.tidelog.backend.durability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.tidelog.backend.BackendException;
import io.tidelog.backend.ItemRow;
import io.tidelog.backend.ScanParams;
import io.tidelog.backend.StorageBackend;
import io.tidelog.backend.internal.StoreLayout;
import io.tidelog.log.FileLog;
import io.tidelog.log.LogReader;
import io.tidelog.log.ReadableLog;
import io.tidelog.schemas.DataTableCreated;
import io.tidelog.schemas.ItemPut;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A sequential workload whose every mutation leaves a mark no other one leaves (its number, in
 * the item JSON it writes or the name of the table it creates), and the oracle that checks a
 * store after faults: the log must hold the mutations in the order they were made, every
 * acknowledged one (or every forced one, after a power loss) among them, and the views must be
 * exactly what those mutations, applied in order to a small model, give.
 *
 * <p>Mutations: create a data table; put an item; a transaction deleting an item and putting a
 * marker item; a transaction of three puts. Each is one log entry.
 */
final class TracedWorkload {
    private static final Pattern OP = Pattern.compile("\"op\":(\\d+)");

    /** What became of a mutation the workload made. */
    enum Outcome { ACKNOWLEDGED, FAILED }

    /** One mutation: what it does to the store and to the model. */
    sealed interface Op {
        int id();

        void apply(StorageBackend b);

        void applyTo(Map<String, TreeMap<String, String>> model);
    }

    record CreateTable(int id) implements Op {
        String table() {
            return "t" + id;
        }

        @Override
        public void apply(StorageBackend b) {
            b.createDataTable(table());
        }

        @Override
        public void applyTo(Map<String, TreeMap<String, String>> model) {
            model.put(table(), new TreeMap<>());
        }
    }

    record Put(int id, String table, String pk, String json) implements Op {
        @Override
        public void apply(StorageBackend b) {
            b.putItem(table, pk, "", json, json.length());
        }

        @Override
        public void applyTo(Map<String, TreeMap<String, String>> model) {
            model.get(table).put(pk, json);
        }
    }

    record DeleteWithMarker(int id, String table, String pk) implements Op {
        String marker() {
            return "{\"op\":" + id + "}";
        }

        @Override
        public void apply(StorageBackend b) {
            b.beginTransaction();
            try {
                b.deleteItem(table, pk, "");
                b.putItem(table, "marker", "", marker(), 10);
                b.commit();
            } catch (RuntimeException e) {
                rollbackQuietly(b);
                throw e;
            }
        }

        @Override
        public void applyTo(Map<String, TreeMap<String, String>> model) {
            model.get(table).remove(pk);
            model.get(table).put("marker", marker());
        }
    }

    record ThreePuts(int id, String table, String pk) implements Op {
        String json(int i) {
            return "{\"op\":" + id + ",\"i\":" + i + "}";
        }

        @Override
        public void apply(StorageBackend b) {
            b.beginTransaction();
            try {
                for (int i = 0; i < 3; i++) {
                    b.putItem(table, pk + "-" + i, "", json(i), 20);
                }
                b.commit();
            } catch (RuntimeException e) {
                rollbackQuietly(b);
                throw e;
            }
        }

        @Override
        public void applyTo(Map<String, TreeMap<String, String>> model) {
            for (int i = 0; i < 3; i++) {
                model.get(table).put(pk + "-" + i, json(i));
            }
        }
    }

    private static void rollbackQuietly(StorageBackend b) {
        try {
            b.rollback();
        } catch (BackendException noTransactionLeft) {
            // the commit ended it, or the backend closed
        }
    }

    /** A mutation made and what became of it. */
    record Attempt(Op op, Outcome outcome) {}

    private final Random random;
    private final int bigOneIn;
    /** Every table a mutation tried to create, and those whose creation was acknowledged. */
    private final List<String> tables = new ArrayList<>();
    private final List<String> usable = new ArrayList<>();
    private final List<Attempt> attempts = new ArrayList<>();
    private int nextId;

    TracedWorkload(Random random, int firstId) {
        this(random, firstId, 10);
    }

    /** @param bigOneIn one put in this many writes an item of 3 to 12 KB, which spans sectors and segments */
    TracedWorkload(Random random, int firstId, int bigOneIn) {
        this.random = random;
        this.nextId = firstId;
        this.bigOneIn = bigOneIn;
    }

    List<Attempt> attempts() {
        return attempts;
    }

    /** The next mutation, on a table whose creation was acknowledged; the first one creates a table. */
    Op next() {
        int id = nextId++;
        int pick = usable.isEmpty() ? 0 : random.nextInt(20);
        if (pick < 2) {
            CreateTable c = new CreateTable(id);
            tables.add(c.table());
            return c;
        }
        String table = usable.get(random.nextInt(usable.size()));
        String pk = "k" + random.nextInt(12);
        if (pick < 13) {
            int size = random.nextInt(bigOneIn) == 0 ? 3000 + random.nextInt(9000) : random.nextInt(300);
            return new Put(id, table, pk, "{\"op\":" + id + ",\"v\":\"" + "x".repeat(size) + "\"}");
        }
        if (pick < 17) {
            return new DeleteWithMarker(id, table, pk);
        }
        return new ThreePuts(id, table, pk);
    }

    /** Makes the next mutation on {@code b}; returns the failure, or null when it was acknowledged. */
    BackendException step(StorageBackend b) {
        Op op = next();
        try {
            op.apply(b);
            attempts.add(new Attempt(op, Outcome.ACKNOWLEDGED));
            if (op instanceof CreateTable c) {
                usable.add(c.table());
            }
            return null;
        } catch (BackendException e) {
            attempts.add(new Attempt(op, Outcome.FAILED));
            return e;
        }
    }

    /** The number of the mutation an entry of the log holds. */
    static int idOf(io.tidelog.schemas.LogEntry entry) {
        for (Object event : entry.getEvents()) {
            if (event instanceof DataTableCreated c) {
                return Integer.parseInt(c.getTableName().substring(1));
            }
            if (event instanceof ItemPut p) {
                Matcher m = OP.matcher(p.getItemJson());
                if (m.find()) {
                    return Integer.parseInt(m.group(1));
                }
            }
        }
        throw new AssertionError("entry " + entry.getSequence() + " holds no mutation of the workload: " + entry);
    }

    /** The numbers of the mutations the store's log holds, in log order. */
    static List<Integer> loggedIds(Path store) {
        List<Integer> ids = new ArrayList<>();
        try (ReadableLog log = FileLog.openReadOnly(StoreLayout.log(store)); LogReader r = log.read(1)) {
            while (r.hasNext()) {
                ids.add(idOf(r.next().entry()));
            }
        }
        return ids;
    }

    /**
     * Checks the store at {@code store}, open as {@code b}: its log holds a subsequence of the
     * mutations made, in order, with every one {@code mustHold} accepts; and its data equals the
     * model of those mutations.
     *
     * @return how many mutations the log holds
     */
    int check(Path store, StorageBackend b, java.util.function.Predicate<Attempt> mustHold, String context) {
        List<Integer> logged = loggedIds(store);
        Map<String, TreeMap<String, String>> model = new LinkedHashMap<>();
        int at = 0;
        for (Attempt a : attempts) {
            boolean inLog = at < logged.size() && logged.get(at) == a.op().id();
            if (inLog) {
                a.op().applyTo(model);
                at++;
            } else if (mustHold.test(a)) {
                fail(context + ": mutation " + a.op().id() + " (" + a.outcome() + ") is not in the log, which holds "
                        + logged);
            }
        }
        if (at != logged.size()) {
            fail(context + ": the log holds " + logged.subList(at, logged.size())
                    + " after every mutation made, or out of order; made: " + attempts.stream()
                            .map(a -> a.op().id() + ":" + a.outcome()).toList());
        }
        assertEquals(logged.size(), b.lastSequence(), context + ": the views have applied the whole log");
        for (String table : tables) {
            TreeMap<String, String> expected = model.get(table);
            Map<String, String> actual = new TreeMap<>();
            try {
                for (ItemRow row : b.scanItems(table, ScanParams.builder().build())) {
                    actual.put(row.pk(), row.itemJson());
                }
            } catch (BackendException e) {
                if (expected != null || e.kind() != BackendException.Kind.OTHER) {
                    throw new AssertionError(context + ": table " + table + " cannot be read", e);
                }
                continue;
            }
            if (expected == null) {
                fail(context + ": table " + table + " exists, but its creation is not in the log");
            }
            assertEquals(expected, actual, context + ": the items of " + table);
        }
        return logged.size();
    }
}
