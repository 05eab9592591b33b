package io.tidelog.log;

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
import java.util.List;

/** One instance of every event record of the envelope, with values that differ per field and per seed. */
final class EventSamples {
    static final int EVENT_TYPES = 28;

    private EventSamples() {}

    static List<Object> all(int seed) {
        String t = "table-" + seed;
        long id = 1000L + seed;
        return List.of(
                new TableMetadataInserted(t, "{\"pk\":\"HASH\"}", "[{\"a\":\"S\"}]", "gsi-" + seed, null,
                        "{\"rcu\":5}", 1_700_000_000_000L + seed, "sse", "STANDARD", seed % 2 == 0, "PAY_PER_REQUEST",
                        null, "tid-" + seed),
                new TableMetadataDeleted(t + "-gone"),
                new TableMetadataUpdated(t, "[{\"b\":\"N\"}]", null),
                new ProvisionedThroughputUpdated(t, "{\"wcu\":" + seed + "}"),
                new BillingModeUpdated(t, "PROVISIONED"),
                new TableClassUpdated(t, "STANDARD_INFREQUENT_ACCESS"),
                new OnDemandThroughputUpdated(t, null),
                new DeletionProtectionUpdated(t, seed % 2 == 1),
                new TagsSet(t, List.of(new TagEntry("k1", "v" + seed), new TagEntry("k2", "ünïcødé ✓"))),
                new TagsRemoved(t, List.of("k3", "k4-" + seed)),
                new DataTableCreated(t, id),
                new DataTableDropped(t, id + 1),
                new GsiTableCreated(t, "gsi-a", id + 2),
                new GsiTableDropped(t, "gsi-b", id + 3),
                new LsiTableCreated(t, "lsi-a", id + 4),
                new LsiTableDropped(t, "lsi-b", id + 5),
                new GsiItemInserted(t, "gsi-a", id + 2, "gpk" + seed, "gsk", "tpk", "tsk", "{\"x\":1}"),
                new GsiItemDeleted(t, "gsi-a", id + 2, "tpk" + seed, "tsk"),
                new LsiItemInserted(t, "lsi-a", id + 4, "lpk", "lsk" + seed, "bpk", "bsk", "{\"y\":2}"),
                new LsiItemDeleted(t, "lsi-a", id + 4, "bpk", "bsk" + seed),
                new ItemPut(t, id, "pk-" + seed, "sk-" + seed, "{\"v\":" + seed + "}", 17 + seed, "ab"),
                new BaseItemsPut(t, id, List.of(new BaseItem("p1", "s1", "{}", 2, 1.5 + seed, ""),
                        new BaseItem("p2", "s2", "{\"z\":true}", 11, null, "cd"))),
                new ItemDeleted(t, id, "pk-del-" + seed, ""),
                new StreamEnabled(t, "NEW_AND_OLD_IMAGES", "label-" + seed),
                new StreamDisabled(t),
                new StreamRecordInserted(t, "shard-" + seed, "MODIFY", "{\"pk\":1}", "{\"new\":1}", null,
                        "000" + seed, 1_700_000_000_123L, "dynamodb.amazonaws.com"),
                new TtlConfigUpdated(t, "expiresAt", true),
                new CachedAtTouched(t, id, "pk", "sk", 1234.5 + seed));
    }

    /** A small event carrying a producer id and a per-producer counter. */
    static ItemPut counted(String producer, int counter, String payload) {
        return new ItemPut("t", 1L, producer, Integer.toString(counter), payload, counter, "");
    }
}
