package io.tidelog.backend.internal;

import io.tidelog.backend.BackendException;
import io.tidelog.backend.BackendException.Kind;
import io.tidelog.backend.CreateTableMetadata;
import io.tidelog.backend.IndexWriteOp;
import io.tidelog.backend.Tag;
import io.tidelog.projections.TableKind;
import io.tidelog.schemas.BillingModeUpdated;
import io.tidelog.schemas.DataTableCreated;
import io.tidelog.schemas.DataTableDropped;
import io.tidelog.schemas.DeletionProtectionUpdated;
import io.tidelog.schemas.GsiItemDeleted;
import io.tidelog.schemas.GsiItemInserted;
import io.tidelog.schemas.GsiTableCreated;
import io.tidelog.schemas.GsiTableDropped;
import io.tidelog.schemas.LsiItemDeleted;
import io.tidelog.schemas.LsiItemInserted;
import io.tidelog.schemas.LsiTableCreated;
import io.tidelog.schemas.LsiTableDropped;
import io.tidelog.schemas.OnDemandThroughputUpdated;
import io.tidelog.schemas.ProvisionedThroughputUpdated;
import io.tidelog.schemas.StreamDisabled;
import io.tidelog.schemas.StreamEnabled;
import io.tidelog.schemas.TableClassUpdated;
import io.tidelog.schemas.TableMetadataDeleted;
import io.tidelog.schemas.TableMetadataInserted;
import io.tidelog.schemas.TableMetadataUpdated;
import io.tidelog.schemas.TagEntry;
import io.tidelog.schemas.TagsRemoved;
import io.tidelog.schemas.TagsSet;
import io.tidelog.schemas.TtlConfigUpdated;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The decision of each mutating method (§7): its preconditions against the {@link Schema}, its
 * effect on the schema, and the events it logs. Every method raises before it changes the
 * schema, so a failed call has no effect.
 */
final class Decisions {
    private Decisions() {}

    static final int TAG_LIMIT = 50;
    static final String TOO_MANY_TAGS =
            "One or more parameter values were invalid: Too many tags: tag limit is 50";

    // catalog

    static void validate(CreateTableMetadata m) {
        Args.notNull("metadata", m);
        Args.str("tableName", m.tableName());
        Args.str("keySchema", m.keySchema());
        Args.str("attributeDefinitions", m.attributeDefinitions());
        Args.nullable("gsiDefinitions", m.gsiDefinitions());
        Args.nullable("lsiDefinitions", m.lsiDefinitions());
        Args.nullable("provisionedThroughput", m.provisionedThroughput());
        Args.nullable("sseSpecification", m.sseSpecification());
        Args.nullable("tableClass", m.tableClass());
        Args.nullable("billingMode", m.billingMode());
        Args.nullable("onDemandThroughput", m.onDemandThroughput());
    }

    static Decided insertTableMetadata(Schema s, CreateTableMetadata m) {
        if (s.hasCatalogRow(m.tableName())) {
            throw new BackendException(Kind.CONSTRAINT,
                    "table '" + m.tableName() + "' already has a catalog row");
        }
        s.addCatalogRow(m.tableName());
        return Decided.of(new TableMetadataInserted(m.tableName(), m.keySchema(),
                m.attributeDefinitions(), m.gsiDefinitions(), m.lsiDefinitions(),
                m.provisionedThroughput(), m.createdAt(), m.sseSpecification(), m.tableClass(),
                m.deletionProtectionEnabled(), m.billingMode(), m.onDemandThroughput(),
                UUID.randomUUID().toString()));
    }

    static Decided deleteTableMetadata(Schema s, String table) {
        if (!s.hasCatalogRow(table)) {
            return Decided.nothing(false);
        }
        s.removeCatalogRow(table);
        return new Decided(List.of(new TableMetadataDeleted(table)), true);
    }

    /** Updates of an absent catalog row are no-ops (§7.2) and log nothing. */
    static Decided ifCatalogRow(Schema s, String table, Supplier<Object> event) {
        return s.hasCatalogRow(table) ? Decided.of(event.get()) : Decided.nothing();
    }

    static Object tableMetadataUpdated(String table, String attrs, String gsis) {
        return new TableMetadataUpdated(table, attrs, gsis);
    }

    static Decided provisionedThroughput(Schema s, String table, String value) {
        return ifCatalogRow(s, table, () -> new ProvisionedThroughputUpdated(table, value));
    }

    static Decided billingMode(Schema s, String table, String value) {
        return ifCatalogRow(s, table, () -> new BillingModeUpdated(table, value));
    }

    static Decided tableClass(Schema s, String table, String value) {
        return ifCatalogRow(s, table, () -> new TableClassUpdated(table, value));
    }

    static Decided onDemandThroughput(Schema s, String table, String value) {
        return ifCatalogRow(s, table, () -> new OnDemandThroughputUpdated(table, value));
    }

    static Decided deletionProtection(Schema s, String table, boolean enabled) {
        return ifCatalogRow(s, table, () -> new DeletionProtectionUpdated(table, enabled));
    }

    static Decided enableStream(Schema s, String table, String viewType, String label) {
        return ifCatalogRow(s, table, () -> new StreamEnabled(table, viewType, label));
    }

    static Decided disableStream(Schema s, String table) {
        return ifCatalogRow(s, table, () -> new StreamDisabled(table));
    }

    static Decided ttlConfig(Schema s, String table, String attribute, boolean enabled) {
        return ifCatalogRow(s, table, () -> new TtlConfigUpdated(table, attribute, enabled));
    }

    // tags

    static void validateTags(List<Tag> tags) {
        Args.list("newTags", tags);
        for (Tag t : tags) {
            Args.str("tag.key", t.key());
            Args.str("tag.value", t.value());
        }
    }

    static Decided setTags(Schema s, String table, List<Tag> tags) {
        Set<String> keys = requireCatalogRow(s, table);
        if (tags.isEmpty()) {
            return Decided.nothing();
        }
        Set<String> after = new HashSet<>(keys);
        tags.forEach(t -> after.add(t.key()));
        if (after.size() > TAG_LIMIT) {
            throw new BackendException(Kind.VALIDATION, TOO_MANY_TAGS);
        }
        keys.addAll(after);
        List<TagEntry> entries = new ArrayList<>(tags.size());
        tags.forEach(t -> entries.add(new TagEntry(t.key(), t.value())));
        return Decided.of(new TagsSet(table, entries));
    }

    static Decided removeTags(Schema s, String table, List<String> keys) {
        Set<String> current = requireCatalogRow(s, table);
        if (keys.isEmpty()) {
            return Decided.nothing();
        }
        keys.forEach(current::remove);
        return Decided.of(new TagsRemoved(table, List.copyOf(keys)));
    }

    private static Set<String> requireCatalogRow(Schema s, String table) {
        Set<String> keys = s.tagKeys(table);
        if (keys == null) {
            throw Errors.noCatalogRow(table);
        }
        return keys;
    }

    // data and index tables

    static long requireData(Schema s, String table) {
        return require(s, TableKind.DATA, table, "");
    }

    /** The store id of an existing table, else the missing-table error. */
    static long require(Schema s, TableKind kind, String table, String index) {
        long id = s.storeId(kind, table, index);
        if (id < 0) {
            throw Errors.noTable(kind, table, index);
        }
        return id;
    }

    /** createDataTable, createGsiTable, createLsiTable ({@code index} is "" for a data table). */
    static Decided createTable(Schema s, TableKind kind, String table, String index) {
        if (s.storeId(kind, table, index) >= 0) {
            throw new BackendException(Kind.OTHER, Errors.describe(kind, table, index) + " already exists");
        }
        long id = s.createTable(kind, table, index);
        return Decided.of(switch (kind) {
            case DATA -> new DataTableCreated(table, id);
            case GSI -> new GsiTableCreated(table, index, id);
            case LSI -> new LsiTableCreated(table, index, id);
        });
    }

    /** dropDataTable, dropGsiTable, dropLsiTable: an absent table is a no-op. */
    static Decided dropTable(Schema s, TableKind kind, String table, String index) {
        long id = s.storeId(kind, table, index);
        if (id < 0) {
            return Decided.nothing();
        }
        s.dropTable(kind, table, index);
        return Decided.of(switch (kind) {
            case DATA -> new DataTableDropped(table, id);
            case GSI -> new GsiTableDropped(table, index, id);
            case LSI -> new LsiTableDropped(table, index, id);
        });
    }

    // index entries

    static void validateIndexWrites(List<IndexWriteOp> ops) {
        for (IndexWriteOp op : ops) {
            if (op instanceof IndexWriteOp.DeleteGsi d) {
                strings(d.tableName(), d.indexName(), d.tablePk(), d.tableSk());
            } else if (op instanceof IndexWriteOp.InsertGsi g) {
                strings(g.tableName(), g.indexName(), g.gsiPk(), g.gsiSk(), g.tablePk(), g.tableSk(), g.itemJson());
            } else if (op instanceof IndexWriteOp.DeleteLsi d) {
                strings(d.tableName(), d.indexName(), d.basePk(), d.baseSk());
            } else if (op instanceof IndexWriteOp.InsertLsi l) {
                strings(l.tableName(), l.indexName(), l.pk(), l.sk(), l.basePk(), l.baseSk(), l.itemJson());
            }
        }
    }

    private static void strings(String... values) {
        for (String v : values) {
            Args.str("index write component", v);
        }
    }

    /** All of {@code ops} or none: every table is checked before anything is logged. */
    static Decided indexWrites(Schema s, List<IndexWriteOp> ops) {
        List<Object> events = new ArrayList<>(ops.size());
        for (IndexWriteOp op : ops) {
            if (op instanceof IndexWriteOp.DeleteGsi d) {
                events.add(new GsiItemDeleted(d.tableName(), d.indexName(),
                        require(s, TableKind.GSI, d.tableName(), d.indexName()), d.tablePk(), d.tableSk()));
            } else if (op instanceof IndexWriteOp.InsertGsi g) {
                events.add(new GsiItemInserted(g.tableName(), g.indexName(),
                        require(s, TableKind.GSI, g.tableName(), g.indexName()), g.gsiPk(), g.gsiSk(),
                        g.tablePk(), g.tableSk(), g.itemJson()));
            } else if (op instanceof IndexWriteOp.DeleteLsi d) {
                events.add(new LsiItemDeleted(d.tableName(), d.indexName(),
                        require(s, TableKind.LSI, d.tableName(), d.indexName()), d.basePk(), d.baseSk()));
            } else if (op instanceof IndexWriteOp.InsertLsi l) {
                events.add(new LsiItemInserted(l.tableName(), l.indexName(),
                        require(s, TableKind.LSI, l.tableName(), l.indexName()), l.pk(), l.sk(), l.basePk(),
                        l.baseSk(), l.itemJson()));
            }
        }
        return events.isEmpty() ? Decided.nothing() : Decided.of(events);
    }
}
