package io.tidelog.projections;

import java.util.ArrayList;
import java.util.List;
import org.rocksdb.RocksIterator;

/**
 * GSI and LSI entries, one instance per kind. The forward family's key is (store id, index pk,
 * index sk, base pk, base sk) with the item as value, giving query and scan order directly; the
 * by-base family's key is (store id, base pk, base sk, index pk, index sk), so deleting every
 * entry of one base item is a prefix scan.
 */
public final class IndexView {
    public static final IndexView GSI = new IndexView(Family.GSI, Family.GSI_BY_BASE);
    public static final IndexView LSI = new IndexView(Family.LSI, Family.LSI_BY_BASE);

    private final Family entries;
    private final Family byBase;

    private IndexView(Family entries, Family byBase) {
        this.entries = entries;
        this.byBase = byBase;
    }

    public Family family() {
        return entries;
    }

    public static byte[] key(long storeId, String indexPk, String indexSk, String basePk,
            String baseSk) {
        return KeyCodec.builder().id(storeId).string(indexPk).string(indexSk).string(basePk)
                .string(baseSk).build();
    }

    public static IndexEntry decode(byte[] key, byte[] value) {
        KeyCodec.Reader kr = KeyCodec.reader(key, 8);
        return new IndexEntry(kr.string(), kr.string(), kr.string(), kr.string(),
                ValueCodec.in(value).str());
    }

    private static byte[] byBaseKey(long storeId, String basePk, String baseSk, String indexPk,
            String indexSk) {
        return KeyCodec.builder().id(storeId).string(basePk).string(baseSk).string(indexPk)
                .string(indexSk).build();
    }

    void put(ViewBatch b, long storeId, IndexEntry e) {
        b.put(entries, key(storeId, e.indexPk(), e.indexSk(), e.basePk(), e.baseSk()),
                ValueCodec.out().str(e.itemJson()).bytes());
        b.put(byBase, byBaseKey(storeId, e.basePk(), e.baseSk(), e.indexPk(), e.indexSk()), new byte[0]);
    }

    /** Removes every entry projected from base item (basePk, baseSk). */
    void deleteByBase(ViewBatch b, long storeId, String basePk, String baseSk) {
        byte[] prefix = KeyCodec.builder().id(storeId).string(basePk).string(baseSk).build();
        List<byte[]> found = new ArrayList<>();
        try (RocksIterator it = b.iterator(byBase)) {
            for (it.seek(prefix); it.isValid() && KeyCodec.startsWith(it.key(), prefix); it.next()) {
                found.add(it.key());
            }
        }
        for (byte[] k : found) {
            KeyCodec.Reader kr = KeyCodec.reader(k, prefix.length);
            String indexPk = kr.string();
            String indexSk = kr.string();
            b.delete(byBase, k);
            b.delete(entries, key(storeId, indexPk, indexSk, basePk, baseSk));
        }
    }

    /** Removes every entry of the index (it is being dropped). */
    void deleteAll(ViewBatch b, long storeId) {
        Views.deletePrefix(b, entries, KeyCodec.builder().id(storeId).build());
        Views.deletePrefix(b, byBase, KeyCodec.builder().id(storeId).build());
    }
}
