package io.tidelog.backend.internal;

import io.tidelog.backend.BackendException;
import io.tidelog.backend.ItemRow;
import io.tidelog.backend.Keys;
import io.tidelog.backend.QueryParams;
import io.tidelog.backend.ScanParams;
import io.tidelog.backend.SortKeyCondition;
import io.tidelog.projections.BaseRow;
import io.tidelog.projections.BaseView;
import io.tidelog.projections.Family;
import io.tidelog.projections.IndexEntry;
import io.tidelog.projections.IndexView;
import io.tidelog.projections.KeyCodec;
import io.tidelog.projections.ViewReader;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.rocksdb.RocksIterator;

/**
 * Query and scan semantics of §6 over the views. Every query and scan is one iterator walk over a
 * key range: the sort-key condition and the cursor only narrow the range, because the key layout
 * (store id, partition, sort, base keys) is already the order the spec requires.
 */
final class Queries {
    private Queries() {}

    /** §6.2 for base rows: position (sk); base-key cursor parts are ignored. */
    static List<ItemRow> queryBase(ViewReader r, long storeId, String pk, QueryParams p) {
        int limit = Args.limit(p.limit());
        Supplier<KeyCodec.Builder> partition = () -> BaseView.partitionPrefix(storeId, pk);
        KeyRange range = conditionRange(partition, p.skCondition());
        if (p.exclusiveStartSk() != null) {
            narrowToCursor(range, partition.get().string(p.exclusiveStartSk()), p.forward());
        }
        List<ItemRow> out = new ArrayList<>();
        if (limit == 0) {
            return out;
        }
        try (RocksIterator it = r.iterator(Family.BASE)) {
            range.walk(it, p.forward(), (k, v) -> {
                BaseRow row = BaseView.decode(k, v);
                out.add(new ItemRow(row.pk(), row.sk(), row.itemJson()));
                return out.size() < limit;
            });
        }
        return out;
    }

    /** §6.2 for GSI and LSI entries: position (index sk, base pk, base sk). */
    static List<ItemRow> queryIndex(ViewReader r, IndexView view, long storeId, String pk,
            QueryParams p) {
        int limit = Args.limit(p.limit());
        Supplier<KeyCodec.Builder> partition = () -> KeyCodec.builder().id(storeId).string(pk);
        KeyRange range = conditionRange(partition, p.skCondition());
        String c = p.exclusiveStartSk();
        if (c != null) {
            KeyCodec.Builder cursor = partition.get().string(c);
            if (p.exclusiveStartBasePk() != null && p.exclusiveStartBaseSk() != null) {
                cursor.string(p.exclusiveStartBasePk()).string(p.exclusiveStartBaseSk());
            }
            narrowToCursor(range, cursor, p.forward());
        }
        List<ItemRow> out = new ArrayList<>();
        if (limit == 0) {
            return out;
        }
        try (RocksIterator it = r.iterator(view.family())) {
            range.walk(it, p.forward(), (k, v) -> {
                IndexEntry e = IndexView.decode(k, v);
                out.add(new ItemRow(e.indexPk(), e.indexSk(), e.itemJson()));
                return out.size() < limit;
            });
        }
        return out;
    }

    /** Keeps positions after the cursor (forward) or before it (backward). */
    private static void narrowToCursor(KeyRange range, KeyCodec.Builder cursor, boolean forward) {
        if (forward) {
            range.atLeast(cursor.afterComponent().build());
        } else {
            range.below(cursor.build());
        }
    }

    /** The key range of the candidates in one partition that match {@code cond} on their sort value. */
    private static KeyRange conditionRange(Supplier<KeyCodec.Builder> partition, SortKeyCondition cond) {
        byte[] start = partition.get().build();
        byte[] end = KeyCodec.prefixEnd(start);
        KeyRange range = new KeyRange(start, end);
        if (cond == null) {
            return range;
        }
        if (cond instanceof SortKeyCondition.Eq eq) {
            String x = Args.str("skCondition.value", eq.value());
            range.atLeast(partition.get().string(x).build()).below(partition.get().string(x).afterComponent().build());
        } else if (cond instanceof SortKeyCondition.Lt lt) {
            range.below(partition.get().string(Args.str("skCondition.value", lt.value())).build());
        } else if (cond instanceof SortKeyCondition.Le le) {
            range.below(partition.get().string(Args.str("skCondition.value", le.value())).afterComponent().build());
        } else if (cond instanceof SortKeyCondition.Gt gt) {
            range.atLeast(partition.get().string(Args.str("skCondition.value", gt.value())).afterComponent().build());
        } else if (cond instanceof SortKeyCondition.Ge ge) {
            range.atLeast(partition.get().string(Args.str("skCondition.value", ge.value())).build());
        } else if (cond instanceof SortKeyCondition.Between bw) {
            range.atLeast(partition.get().string(Args.str("skCondition.low", bw.low())).build())
                    .below(partition.get().string(Args.str("skCondition.high", bw.high())).afterComponent().build());
        } else if (cond instanceof SortKeyCondition.BeginsWith bw) {
            byte[] prefix = partition.get().stringPrefix(Args.str("skCondition.prefix", bw.prefix())).build();
            range.atLeast(prefix).below(KeyCodec.prefixEnd(prefix));
        }
        return range;
    }

    /** §6.3: a base-table scan, in (pk, sk) order or, when parallel, (hashPrefix, pk, sk) order. */
    static List<ItemRow> scanBase(ViewReader r, long storeId, ScanParams p) {
        int limit = Args.limit(p.limit());
        List<ItemRow> out = new ArrayList<>();
        boolean parallel = p.segment() != null;
        String cp = p.exclusiveStartPk();
        String cs = p.exclusiveStartSk();
        if (limit == 0) {
            return out;
        }
        byte[] tableStart = BaseView.tablePrefix(storeId).build();
        KeyRange range = new KeyRange(tableStart, KeyCodec.prefixEnd(tableStart));
        if (!parallel) {
            if (cp != null && cs != null) {
                range.atLeast(BaseView.partitionPrefix(storeId, cp).string(cs).afterComponent().build());
            }
            try (RocksIterator it = r.iterator(Family.BASE)) {
                range.walk(it, true, (k, v) -> {
                    BaseRow row = BaseView.decode(k, v);
                    out.add(new ItemRow(row.pk(), row.sk(), row.itemJson()));
                    return out.size() < limit;
                });
            }
            return out;
        }
        int segment = p.segment();
        int total = p.totalSegments();
        int lo = Keys.segmentLowBucket(segment, total);
        int hi = Keys.segmentHighBucket(segment, total);
        if (lo > hi) {
            return out;
        }
        String hiHex = Keys.bucketHex(hi);
        range.atLeast(BaseView.tablePrefix(storeId).stringPrefix(Keys.bucketHex(lo)).build());
        if (cp != null && cs != null) {
            BaseRow cursorRow = BaseView.get(r, storeId, cp, cs);
            String hc;
            if (cursorRow != null) {
                hc = cursorRow.hashPrefix();
            } else {
                try {
                    hc = Keys.hashPrefixOfKeyString(cp);
                } catch (IllegalArgumentException e) {
                    return out;
                }
            }
            range.atLeast(BaseView.hashKey(storeId, hc, cp, cs).afterComponent().build());
        }
        try (RocksIterator it = r.iterator(Family.BASE_BY_HASH)) {
            range.walk(it, true, (k, v) -> {
                String[] hashPkSk = BaseView.decodeHashKey(k);
                if (Keys.KEY_ORDER.compare(firstCodePoints(hashPkSk[0], 3), hiHex) > 0) {
                    return false;
                }
                BaseRow row = BaseView.get(r, storeId, hashPkSk[1], hashPkSk[2]);
                if (row == null) {
                    throw new BackendException(BackendException.Kind.IO,
                            "view inconsistency: hash index entry without base row");
                }
                out.add(new ItemRow(row.pk(), row.sk(), row.itemJson()));
                return out.size() < limit;
            });
        }
        return out;
    }

    /** §6.4: an index scan in position order, segments by FNV-1a of the base partition key. */
    static List<ItemRow> scanIndex(ViewReader r, IndexView view, long storeId, ScanParams p) {
        int limit = Args.limit(p.limit());
        List<ItemRow> out = new ArrayList<>();
        if (limit == 0) {
            return out;
        }
        byte[] start = KeyCodec.builder().id(storeId).build();
        KeyRange range = new KeyRange(start, KeyCodec.prefixEnd(start));
        String cp = p.exclusiveStartPk();
        String cs = p.exclusiveStartSk();
        if (cp != null && cs != null) {
            KeyCodec.Builder cursor = KeyCodec.builder().id(storeId).string(cp).string(cs);
            if (p.exclusiveStartBasePk() != null && p.exclusiveStartBaseSk() != null) {
                cursor.string(p.exclusiveStartBasePk()).string(p.exclusiveStartBaseSk());
            }
            range.atLeast(cursor.afterComponent().build());
        }
        boolean parallel = p.segment() != null;
        long segment = parallel ? p.segment() : 0;
        long total = parallel ? p.totalSegments() : 1;
        try (RocksIterator it = r.iterator(view.family())) {
            range.walk(it, true, (k, v) -> {
                IndexEntry e = IndexView.decode(k, v);
                if (!parallel || Keys.fnv1a32(e.basePk()) % total == segment) {
                    out.add(new ItemRow(e.indexPk(), e.indexSk(), e.itemJson()));
                }
                return out.size() < limit;
            });
        }
        return out;
    }

    /** Checks §2.5's rule for segment and totalSegments and every string of the params. */
    static void validate(ScanParams p) {
        Args.notNull("params", p);
        Args.limit(p.limit());
        Args.nullable("exclusiveStartPk", p.exclusiveStartPk());
        Args.nullable("exclusiveStartSk", p.exclusiveStartSk());
        Args.nullable("exclusiveStartBasePk", p.exclusiveStartBasePk());
        Args.nullable("exclusiveStartBaseSk", p.exclusiveStartBaseSk());
        Integer s = p.segment();
        Integer t = p.totalSegments();
        if ((s == null) != (t == null)) {
            throw Args.invalid("segment and totalSegments must both be set or both be null (segment="
                    + s + ", totalSegments=" + t + ")");
        }
        if (s != null && !(t >= 1 && s >= 0 && s < t)) {
            throw Args.invalid("invalid parallel scan segment " + s + " of " + t
                    + ": need totalSegments >= 1 and 0 <= segment < totalSegments");
        }
    }

    static void validate(QueryParams p) {
        Args.notNull("params", p);
        Args.limit(p.limit());
        Args.nullable("exclusiveStartSk", p.exclusiveStartSk());
        Args.nullable("exclusiveStartBasePk", p.exclusiveStartBasePk());
        Args.nullable("exclusiveStartBaseSk", p.exclusiveStartBaseSk());
        SortKeyCondition c = p.skCondition();
        if (c instanceof SortKeyCondition.Eq x) {
            Args.str("skCondition.value", x.value());
        } else if (c instanceof SortKeyCondition.Lt x) {
            Args.str("skCondition.value", x.value());
        } else if (c instanceof SortKeyCondition.Le x) {
            Args.str("skCondition.value", x.value());
        } else if (c instanceof SortKeyCondition.Gt x) {
            Args.str("skCondition.value", x.value());
        } else if (c instanceof SortKeyCondition.Ge x) {
            Args.str("skCondition.value", x.value());
        } else if (c instanceof SortKeyCondition.Between x) {
            Args.str("skCondition.low", x.low());
            Args.str("skCondition.high", x.high());
        } else if (c instanceof SortKeyCondition.BeginsWith x) {
            Args.str("skCondition.prefix", x.prefix());
        }
    }

    private static String firstCodePoints(String s, int n) {
        int count = s.codePointCount(0, s.length());
        return count <= n ? s : s.substring(0, s.offsetByCodePoints(0, n));
    }
}
