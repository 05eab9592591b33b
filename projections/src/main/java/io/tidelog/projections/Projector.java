package io.tidelog.projections;

import io.tidelog.log.LogPosition;
import io.tidelog.schemas.BaseItem;
import io.tidelog.schemas.BaseItemsPut;
import io.tidelog.schemas.BillingModeUpdated;
import io.tidelog.schemas.CachedAtTouched;
import io.tidelog.schemas.DataTableCreated;
import io.tidelog.schemas.DataTableDropped;
import io.tidelog.schemas.DeletionProtectionUpdated;
import io.tidelog.schemas.GsiItemDeleted;
import io.tidelog.schemas.GsiItemInserted;
import io.tidelog.schemas.GsiTableCreated;
import io.tidelog.schemas.GsiTableDropped;
import io.tidelog.schemas.ItemDeleted;
import io.tidelog.schemas.ItemPut;
import io.tidelog.schemas.LogEntry;
import io.tidelog.schemas.LsiItemDeleted;
import io.tidelog.schemas.LsiItemInserted;
import io.tidelog.schemas.LsiTableCreated;
import io.tidelog.schemas.LsiTableDropped;
import io.tidelog.schemas.OnDemandThroughputUpdated;
import io.tidelog.schemas.ProvisionedThroughputUpdated;
import io.tidelog.schemas.StreamDisabled;
import io.tidelog.schemas.StreamEnabled;
import io.tidelog.schemas.StreamRecordInserted;
import io.tidelog.schemas.TableClassUpdated;
import io.tidelog.schemas.TableMetadataDeleted;
import io.tidelog.schemas.TableMetadataInserted;
import io.tidelog.schemas.TableMetadataUpdated;
import io.tidelog.schemas.TagEntry;
import io.tidelog.schemas.TagsRemoved;
import io.tidelog.schemas.TagsSet;
import io.tidelog.schemas.TtlConfigUpdated;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Folds log events into the views. Deterministic: the same events on the same views always give
 * the same result, which is what lets the views be deleted and rebuilt from the log, and what
 * lets a transaction compute its results in its own batch and the live projector compute the
 * same results again at commit.
 *
 * <p>Events are applied as decided: the writer checked every precondition (tables exist, tag
 * limit) before the event entered the log, so nothing here raises for a missing table; a missing
 * catalog row makes a catalog update a no-op.
 *
 * <p>Not thread-safe: one projector per thread of application (the live projector thread, or a
 * transaction's owner).
 */
public final class Projector {
    /** Active TTL attribute per table name, as of this projector's batch (absent: not cached). */
    private final Map<String, Optional<String>> ttlAttributes = new HashMap<>();
    /**
     * Row count and size changes per store id not yet written to {@link Family#COUNTERS}:
     * those of the entry being applied, and those of the entries applied since {@link #finish}.
     * Keeping them here saves a read and a write of the counters per row.
     */
    private final Map<Long, long[]> entryTotals = new HashMap<>();
    private final Map<Long, long[]> batchTotals = new HashMap<>();
    /** Counters as this projector last wrote them, per store id. */
    private final Map<Long, long[]> knownTotals = new HashMap<>();

    /**
     * Applies every event of {@code entry} to {@code batch}; the results are per event. The
     * entry's effects are complete in the batch only after {@link #finish}; when this throws,
     * roll the batch back to before the entry and call {@link #abandonEntry}.
     */
    public List<String> apply(ViewBatch batch, LogEntry entry, LogPosition position) {
        List<Object> events = entry.getEvents();
        List<String> results = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            results.add(apply(batch, events.get(i), entry.getSequence(), i, position));
        }
        endEntry();
        return results;
    }

    /** Marks the events applied since the last call as one complete entry. */
    public void endEntry() {
        entryTotals.forEach((id, d) -> {
            long[] t = batchTotals.computeIfAbsent(id, k -> new long[2]);
            t[0] += d[0];
            t[1] += d[1];
        });
        entryTotals.clear();
    }

    /** Forgets the pending effects of an entry whose application failed. */
    public void abandonEntry() {
        entryTotals.clear();
    }

    /**
     * Writes the pending counters of every completed entry into {@code b}. The totals this
     * projector wrote are remembered, so each table's counters are read from the views only once:
     * a projector is the only writer of the views it applies to (or of its transaction's batch).
     */
    public void finish(ViewBatch b) {
        Map<Long, long[]> updated = new HashMap<>();
        batchTotals.forEach((id, d) -> {
            if (d[0] != 0 || d[1] != 0) {
                long[] known = knownTotals.get(id);
                if (known == null) {
                    Counters.TableTotals t = Counters.totals(b, id);
                    known = new long[] {t.count(), t.sizeBytes()};
                }
                long[] now = {known[0] + d[0], known[1] + d[1]};
                Counters.put(b, id, now[0], now[1]);
                updated.put(id, now);
            }
        });
        knownTotals.putAll(updated);
        batchTotals.clear();
    }

    /**
     * Applies one event. Returns the previous itemJson for {@link ItemPut} and
     * {@link ItemDeleted} (null when there was no row), null for every other event.
     *
     * @param position where the event's entry is in the log; null while it is not (a pending
     *                 transaction), in which case stream records are held inline
     */
    public String apply(ViewBatch b, Object event, long logSequence, int eventIndex,
            LogPosition position) {
        if (event instanceof ItemPut e) {
            BaseRow old = BaseView.get(b, e.getStoreId(), e.getPk(), e.getSk());
            BaseRow row = new BaseRow(e.getPk(), e.getSk(), e.getItemJson(), e.getItemSize(),
                    old == null ? null : old.cachedAt(), e.getHashPrefix());
            replaceRow(b, e.getTableName(), e.getStoreId(), old, row);
            return old == null ? null : old.itemJson();
        } else if (event instanceof BaseItemsPut e) {
            for (BaseItem r : e.getRows()) {
                BaseRow old = BaseView.get(b, e.getStoreId(), r.getPk(), r.getSk());
                replaceRow(b, e.getTableName(), e.getStoreId(), old, new BaseRow(r.getPk(), r.getSk(),
                        r.getItemJson(), r.getItemSize(), r.getCachedAt(), r.getHashPrefix()));
            }
        } else if (event instanceof ItemDeleted e) {
            BaseRow old = BaseView.get(b, e.getStoreId(), e.getPk(), e.getSk());
            replaceRow(b, e.getTableName(), e.getStoreId(), old, null);
            return old == null ? null : old.itemJson();
        } else if (event instanceof CachedAtTouched e) {
            BaseRow old = BaseView.get(b, e.getStoreId(), e.getPk(), e.getSk());
            if (old != null) {
                replaceRow(b, e.getTableName(), e.getStoreId(), old, new BaseRow(old.pk(), old.sk(),
                        old.itemJson(), old.itemSize(), e.getTimestamp(), old.hashPrefix()));
            }
        } else if (event instanceof GsiItemInserted e) {
            IndexView.GSI.put(b, e.getStoreId(), new IndexEntry(e.getGsiPk(), e.getGsiSk(),
                    e.getTablePk(), e.getTableSk(), e.getItemJson()));
        } else if (event instanceof GsiItemDeleted e) {
            IndexView.GSI.deleteByBase(b, e.getStoreId(), e.getTablePk(), e.getTableSk());
        } else if (event instanceof LsiItemInserted e) {
            IndexView.LSI.put(b, e.getStoreId(), new IndexEntry(e.getPk(), e.getSk(),
                    e.getBasePk(), e.getBaseSk(), e.getItemJson()));
        } else if (event instanceof LsiItemDeleted e) {
            IndexView.LSI.deleteByBase(b, e.getStoreId(), e.getBasePk(), e.getBaseSk());
        } else if (event instanceof StreamRecordInserted e) {
            StreamView.put(b, e, logSequence, eventIndex, position);
        } else {
            applyDefinition(b, event);
        }
        return null;
    }

    /** Catalog, tag, stream-setting, TTL-setting and table create/drop events. */
    private void applyDefinition(ViewBatch b, Object event) {
        if (event instanceof TableMetadataInserted e) {
            CatalogView.put(b, new CatalogRow(e.getTableName(), e.getKeySchema(),
                    e.getAttributeDefinitions(), e.getGsiDefinitions(), e.getLsiDefinitions(),
                    false, null, null, null, false, e.getCreatedAt(), "ACTIVE", e.getBillingMode(),
                    e.getProvisionedThroughput(), e.getSseSpecification(), e.getTableClass(),
                    e.getDeletionProtectionEnabled(), e.getOnDemandThroughput(), e.getTableId(),
                    List.of()));
            ttlAttributes.put(e.getTableName(), Optional.empty());
        } else if (event instanceof TableMetadataDeleted e) {
            CatalogRow row = CatalogView.get(b, e.getTableName());
            if (row != null) {
                CatalogView.delete(b, e.getTableName());
                reindexTtl(b, e.getTableName(), row.activeTtlAttribute(), null);
            }
        } else if (event instanceof TtlConfigUpdated e) {
            CatalogRow row = CatalogView.get(b, e.getTableName());
            if (row != null) {
                CatalogRow updated = row.withTtl(e.getAttributeName(), e.getEnabled());
                CatalogView.put(b, updated);
                reindexTtl(b, e.getTableName(), row.activeTtlAttribute(), updated.activeTtlAttribute());
            }
        } else if (event instanceof TableMetadataUpdated e) {
            updateCatalog(b, e.getTableName(),
                    r -> r.withTableMetadata(e.getAttributeDefinitions(), e.getGsiDefinitions()));
        } else if (event instanceof ProvisionedThroughputUpdated e) {
            updateCatalog(b, e.getTableName(), r -> r.withProvisionedThroughput(e.getProvisionedThroughput()));
        } else if (event instanceof BillingModeUpdated e) {
            updateCatalog(b, e.getTableName(), r -> r.withBillingMode(e.getBillingMode()));
        } else if (event instanceof TableClassUpdated e) {
            updateCatalog(b, e.getTableName(), r -> r.withTableClass(e.getTableClass()));
        } else if (event instanceof OnDemandThroughputUpdated e) {
            updateCatalog(b, e.getTableName(), r -> r.withOnDemandThroughput(e.getOnDemandThroughput()));
        } else if (event instanceof DeletionProtectionUpdated e) {
            updateCatalog(b, e.getTableName(), r -> r.withDeletionProtection(e.getEnabled()));
        } else if (event instanceof TagsSet e) {
            List<CatalogRow.TagPair> tags = new ArrayList<>();
            for (TagEntry t : e.getTags()) {
                tags.add(new CatalogRow.TagPair(t.getKey(), t.getValue()));
            }
            updateCatalog(b, e.getTableName(), r -> r.withTagsSet(tags));
        } else if (event instanceof TagsRemoved e) {
            updateCatalog(b, e.getTableName(), r -> r.withTagsRemoved(e.getKeys()));
        } else if (event instanceof StreamEnabled e) {
            updateCatalog(b, e.getTableName(), r -> r.withStream(true, e.getViewType(), e.getLabel()));
        } else if (event instanceof StreamDisabled e) {
            updateCatalog(b, e.getTableName(),
                    r -> r.withStream(false, r.streamViewType(), r.streamLabel()));
        } else if (event instanceof DataTableCreated e) {
            TableRegistry.put(b, TableKind.DATA, e.getTableName(), "", e.getStoreId());
        } else if (event instanceof DataTableDropped e) {
            byte[] prefix = KeyCodec.builder().id(e.getStoreId()).build();
            for (Family f : new Family[] {Family.BASE, Family.BASE_BY_HASH, Family.LRU, Family.TTL}) {
                Views.deletePrefix(b, f, prefix);
            }
            Counters.deleteTotals(b, e.getStoreId());
            entryTotals.remove(e.getStoreId());
            batchTotals.remove(e.getStoreId());
            knownTotals.remove(e.getStoreId());
            TableRegistry.delete(b, TableKind.DATA, e.getTableName(), "");
        } else if (event instanceof GsiTableCreated e) {
            TableRegistry.put(b, TableKind.GSI, e.getTableName(), e.getIndexName(), e.getStoreId());
        } else if (event instanceof GsiTableDropped e) {
            IndexView.GSI.deleteAll(b, e.getStoreId());
            TableRegistry.delete(b, TableKind.GSI, e.getTableName(), e.getIndexName());
        } else if (event instanceof LsiTableCreated e) {
            TableRegistry.put(b, TableKind.LSI, e.getTableName(), e.getIndexName(), e.getStoreId());
        } else if (event instanceof LsiTableDropped e) {
            IndexView.LSI.deleteAll(b, e.getStoreId());
            TableRegistry.delete(b, TableKind.LSI, e.getTableName(), e.getIndexName());
        } else {
            throw new ViewException("unknown log event type " + event.getClass().getName());
        }
    }

    private static void updateCatalog(ViewBatch b, String table, UnaryOperator<CatalogRow> change) {
        CatalogRow row = CatalogView.get(b, table);
        if (row != null) {
            CatalogView.put(b, change.apply(row));
        }
    }

    /** Replaces {@code old} (may be null) by {@code row} (null deletes) in every view of rows. */
    private void replaceRow(ViewBatch b, String table, long storeId, BaseRow old, BaseRow row) {
        String ttl = ttlAttribute(b, table);
        if (old != null) {
            BaseView.delete(b, storeId, old);
            LruView.delete(b, storeId, old);
            if (ttl != null) {
                TtlView.delete(b, storeId, old, ttl);
            }
        }
        if (row != null) {
            BaseView.put(b, storeId, row);
            LruView.put(b, storeId, row);
            if (ttl != null) {
                TtlView.put(b, storeId, row, ttl);
            }
        }
        long countDelta = (row == null ? 0 : 1) - (old == null ? 0 : 1);
        long sizeDelta = (row == null ? 0 : row.itemSize()) - (old == null ? 0 : old.itemSize());
        if (countDelta != 0 || sizeDelta != 0) {
            long[] t = entryTotals.computeIfAbsent(storeId, k -> new long[2]);
            t[0] += countDelta;
            t[1] += sizeDelta;
        }
    }

    private String ttlAttribute(ViewBatch b, String table) {
        return ttlAttributes.computeIfAbsent(table, t -> {
            CatalogRow row = CatalogView.get(b, t);
            return Optional.ofNullable(row == null ? null : row.activeTtlAttribute());
        }).orElse(null);
    }

    /** Rebuilds the TTL entries of {@code table}'s data table after its TTL setting changed. */
    private void reindexTtl(ViewBatch b, String table, String oldAttribute, String newAttribute) {
        ttlAttributes.put(table, Optional.ofNullable(newAttribute));
        if (java.util.Objects.equals(oldAttribute, newAttribute)) {
            return;
        }
        long storeId = TableRegistry.storeId(b, TableKind.DATA, table, "");
        if (storeId < 0) {
            return;
        }
        if (oldAttribute != null) {
            Views.deletePrefix(b, Family.TTL, KeyCodec.builder().id(storeId).build());
        }
        if (newAttribute != null) {
            List<BaseRow> rows = new ArrayList<>();
            BaseView.forEach(b, storeId, rows::add);
            for (BaseRow row : rows) {
                TtlView.put(b, storeId, row, newAttribute);
            }
        }
    }
}
