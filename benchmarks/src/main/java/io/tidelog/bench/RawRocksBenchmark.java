package io.tidelog.bench;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.infra.Blackhole;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.DBOptions;
import org.rocksdb.FlushOptions;
import org.rocksdb.Options;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * The raw RocksDB limits for {@link BackendBenchmark}, with the same options the views use
 * (64 MiB block cache, Bloom filter, 16 MiB write buffer, two background jobs) and the same key
 * and value sizes: {@code get} of a random key among {@value BackendBenchmark#ROWS}, an iterator
 * reading the 100 first keys of a partition prefix, and a one-put {@link WriteBatch} with the
 * WAL on, {@code sync=false} (ASYNC comparison) and {@code sync=true} (SYNC comparison, 1 and 16
 * threads). {@code getThenPutAsync1} adds the read of the value being replaced that
 * {@code putItem} must do to return it. {@code viewsPutAsync1} does all of the key-value work a
 * {@code putItem} does to the views ({@link ViewsDb}), with RocksDB's unforced WAL standing for
 * the log write of ASYNC durability: the raw equivalent of {@code putItemAsync1}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RawRocksBenchmark {

    static {
        RocksDB.loadLibrary();
    }

    public abstract static class Db {
        Path dir;
        RocksDB db;
        RawViewsOptions settings;
        Options options;

        void open() throws RocksDBException {
            dir = BenchSupport.tempDir("tidelog-rawrocks-");
            settings = new RawViewsOptions();
            options = settings.single();
            db = RocksDB.open(options, dir.toString());
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            db.close();
            options.close();
            settings.close();
            BenchSupport.deleteRecursively(dir);
        }
    }

    static byte[] key(long i, int rowsPerPartition) {
        return (BenchSupport.pk(i, rowsPerPartition) + "\u0000" + BenchSupport.sk(i, rowsPerPartition))
                .getBytes(StandardCharsets.UTF_8);
    }

    @State(Scope.Benchmark)
    public static class WriteDb extends Db {
        final AtomicLong next = new AtomicLong();
        byte[] value;
        WriteOptions async;
        WriteOptions sync;

        @Setup(Level.Trial)
        public void setup() throws RocksDBException {
            open();
            value = BenchSupport.itemJson("pk-00000000", "sk-00000000", BackendBenchmark.ITEM_CHARS)
                    .getBytes(StandardCharsets.UTF_8);
            async = new WriteOptions().setSync(false);
            sync = new WriteOptions().setSync(true);
        }

        void put(WriteOptions wo) throws RocksDBException {
            long i = next.getAndIncrement();
            try (WriteBatch b = new WriteBatch()) {
                b.put(key(i, 1000), value);
                db.write(wo, b);
            }
        }

        byte[] getThenPut(WriteOptions wo) throws RocksDBException {
            byte[] key = key(next.getAndIncrement(), 1000);
            byte[] previous = db.get(key);
            try (WriteBatch b = new WriteBatch()) {
                b.put(key, value);
                db.write(wo, b);
            }
            return previous;
        }
    }

    /**
     * The column families a {@code putItem} writes, with the views' options: rows, rows in
     * hash-prefix order, table counters, and the applied sequence.
     */
    @State(Scope.Benchmark)
    public static class ViewsDb {
        static final byte[] STORE_ID = {0, 0, 0, 0, 0, 0, 0, 1};
        static final byte[] APPLIED = {'a'};
        static final byte[] COUNTERS = {'S', 0, 0, 0, 0, 0, 0, 0, 1};
        static final byte[] EMPTY = {};

        Path dir;
        RocksDB db;
        RawViewsOptions settings;
        DBOptions dbOptions;
        ColumnFamilyOptions cfOptions;
        final List<ColumnFamilyHandle> handles = new ArrayList<>();
        ColumnFamilyHandle base;
        ColumnFamilyHandle byHash;
        ColumnFamilyHandle counters;
        ColumnFamilyHandle meta;
        WriteOptions async;
        WriteBatch batch;
        final AtomicLong next = new AtomicLong();
        byte[] value;

        @Setup(Level.Trial)
        public void setup() throws RocksDBException {
            dir = BenchSupport.tempDir("tidelog-rawviews-");
            settings = new RawViewsOptions();
            cfOptions = settings.family();
            dbOptions = settings.database();
            List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
            for (String name : new String[] {"default", "base", "base_by_hash", "counters", "meta"}) {
                descriptors.add(new ColumnFamilyDescriptor(name.getBytes(StandardCharsets.UTF_8), cfOptions));
            }
            db = RocksDB.open(dbOptions, dir.toString(), descriptors, handles);
            base = handles.get(1);
            byHash = handles.get(2);
            counters = handles.get(3);
            meta = handles.get(4);
            async = new WriteOptions().setSync(false);
            batch = new WriteBatch();
            // the stored row: the item, its size, and a few bytes of row header
            value = (BenchSupport.itemJson("pk-00000000", "sk-00000000", BackendBenchmark.ITEM_CHARS) + "0123456789ab")
                    .getBytes(StandardCharsets.UTF_8);
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            for (ColumnFamilyHandle h : handles) {
                h.close();
            }
            db.close();
            batch.close();
            async.close();
            dbOptions.close();
            cfOptions.close();
            settings.close();
            BenchSupport.deleteRecursively(dir);
        }

        /**
         * Reads the row being replaced, then writes the row and what depends on it in one batch
         * (reused, as the views reuse theirs; one thread only).
         */
        byte[] put() throws RocksDBException {
            long i = next.getAndIncrement();
            byte[] rowKey = concat(STORE_ID, key(i, 1000));
            byte[] previous = db.get(base, rowKey);
            String hashPrefix = Long.toHexString((i * 0x9E3779B97F4A7C15L) >>> 40);
            batch.clear();
            batch.put(base, rowKey, value);
            batch.put(byHash, concat(STORE_ID, (hashPrefix + "\u0000").getBytes(StandardCharsets.UTF_8),
                    key(i, 1000)), EMPTY);
            batch.put(counters, COUNTERS, longs(i + 1, (i + 1) * value.length));
            batch.put(meta, APPLIED, longs(i + 2));
            db.write(async, batch);
            return previous;
        }

        private static byte[] concat(byte[]... parts) {
            int n = 0;
            for (byte[] p : parts) {
                n += p.length;
            }
            byte[] out = new byte[n];
            int at = 0;
            for (byte[] p : parts) {
                System.arraycopy(p, 0, out, at, p.length);
                at += p.length;
            }
            return out;
        }

        private static byte[] longs(long... values) {
            ByteBuffer b = ByteBuffer.allocate(8 * values.length);
            for (long v : values) {
                b.putLong(v);
            }
            return b.array();
        }
    }

    @State(Scope.Benchmark)
    public static class ReadDb extends Db {
        static final int ROWS = BackendBenchmark.ROWS;
        static final int PER = BackendBenchmark.ROWS_PER_PARTITION;

        @Setup(Level.Trial)
        public void setup() throws RocksDBException {
            open();
            try (WriteOptions wo = new WriteOptions().setDisableWAL(true)) {
                for (int start = 0; start < ROWS; start += 1000) {
                    try (WriteBatch b = new WriteBatch()) {
                        for (int i = start; i < Math.min(ROWS, start + 1000); i++) {
                            String pk = BenchSupport.pk(i, PER);
                            String sk = BenchSupport.sk(i, PER);
                            b.put(key(i, PER), BenchSupport.itemJson(pk, sk, BackendBenchmark.ITEM_CHARS)
                                    .getBytes(StandardCharsets.UTF_8));
                        }
                        db.write(wo, b);
                    }
                }
            }
            try (FlushOptions fo = new FlushOptions().setWaitForFlush(true)) {
                db.flush(fo);
            }
        }
    }

    @Benchmark
    @Threads(1)
    public byte[] get(ReadDb s) throws RocksDBException {
        int i = ThreadLocalRandom.current().nextInt(ReadDb.ROWS);
        return s.db.get(key(i, ReadDb.PER));
    }

    @Benchmark
    @Threads(1)
    public int iteratePrefix100(ReadDb s, Blackhole bh) {
        int p = ThreadLocalRandom.current().nextInt(ReadDb.ROWS / ReadDb.PER);
        byte[] prefix = (BenchSupport.pk((long) p * ReadDb.PER, ReadDb.PER) + "\u0000")
                .getBytes(StandardCharsets.UTF_8);
        int n = 0;
        try (ReadOptions ro = new ReadOptions(); RocksIterator it = s.db.newIterator(ro)) {
            for (it.seek(prefix); it.isValid() && n < 100; it.next()) {
                byte[] k = it.key();
                if (!startsWith(k, prefix)) {
                    break;
                }
                bh.consume(k);
                bh.consume(it.value());
                n++;
            }
        }
        return n;
    }

    private static boolean startsWith(byte[] a, byte[] prefix) {
        if (a.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (a[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    @Benchmark
    @Threads(1)
    public void writeBatchPutAsync1(WriteDb s) throws RocksDBException {
        s.put(s.async);
    }

    @Benchmark
    @Threads(1)
    public byte[] getThenPutAsync1(WriteDb s) throws RocksDBException {
        return s.getThenPut(s.async);
    }

    /**
     * The whole key-value work of a {@code putItem} on the views, done directly: the read of the
     * replaced row, then one batch writing the row, its hash-order key, the table's counters and
     * the applied sequence to four column families. The WAL, on and unforced, stands for the
     * log write of ASYNC durability, with the same promise.
     */
    @Benchmark
    @Threads(1)
    public byte[] viewsPutAsync1(ViewsDb s) throws RocksDBException {
        return s.put();
    }

    @Benchmark
    @Threads(1)
    public void writeBatchPutSync1(WriteDb s) throws RocksDBException {
        s.put(s.sync);
    }

    @Benchmark
    @Threads(16)
    public void writeBatchPutSync16(WriteDb s) throws RocksDBException {
        s.put(s.sync);
    }
}
