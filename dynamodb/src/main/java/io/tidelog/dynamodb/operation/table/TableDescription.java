package io.tidelog.dynamodb.operation.table;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.tidelog.backend.TableMetadata;
import io.tidelog.dynamodb.table.Arns;
import io.tidelog.dynamodb.table.CatalogFormat;
import io.tidelog.dynamodb.table.OnDemandThroughput;
import io.tidelog.dynamodb.table.ProvisionedThroughput;
import io.tidelog.dynamodb.table.ServerSideEncryption;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Writes a {@code TableDescription} structure, as CreateTable, DeleteTable, DescribeTable and
 * UpdateTable return it, from a table's catalog row: the members real DynamoDB returns, in its
 * order, with its defaults.
 *
 * <ul>
 *   <li>{@code ProvisionedThroughput} always for a table with a billing mode (zeros on demand),
 *       with the times of the last increase and decrease and the decreases of the current UTC
 *       day; likewise on every GSI.</li>
 *   <li>{@code BillingModeSummary} once the table is on demand or has been, with the time of the
 *       last switch to on demand (the creation time for a table created on demand).</li>
 *   <li>{@code WarmThroughput} of an on-demand table and its GSIs: DynamoDB's documented initial
 *       12,000 reads and 4,000 writes per second.</li>
 *   <li>Attribute definitions and an index's {@code NonKeyAttributes} sorted by name, as DynamoDB
 *       returns them; indexes in the order they were created.</li>
 * </ul>
 *
 * Tables are usable at once, so their status and their indexes' is {@code ACTIVE}, except where a
 * response shows DynamoDB's transitional status (CreateTable's {@code CREATING}, ...). Set such
 * variations before {@link #write}.
 *
 * <p>Not thread-safe: one per response.
 */
public final class TableDescription {
    static final String ACTIVE = "ACTIVE";
    private static final long WARM_READS = 12_000;
    private static final long WARM_WRITES = 4_000;

    private final TableMetadata table;
    private final Arns arns;
    private final Instant now;
    private String status = ACTIVE;
    private String indexStatus = ACTIVE;
    private TableCounts counts = TableCounts.NONE;
    private boolean deletionProtectionShown = true;
    private ProvisionedThroughput throughputShown;
    private OnDemandThroughput onDemandShown;

    public TableDescription(TableMetadata table, Arns arns, Instant now) {
        this.table = table;
        this.arns = arns;
        this.now = now;
    }

    /** The table's status in this response ({@code ACTIVE} by default). */
    public TableDescription status(String tableStatus) {
        this.status = tableStatus;
        return this;
    }

    /** The status of every GSI in this response ({@code ACTIVE} by default). */
    public TableDescription indexStatus(String globalIndexStatus) {
        this.indexStatus = globalIndexStatus;
        return this;
    }

    /** Item counts and sizes (zeros by default). */
    public TableDescription counts(TableCounts tableCounts) {
        this.counts = tableCounts;
        return this;
    }

    /** Leaves out {@code DeletionProtectionEnabled}, as CreateTable does when the request did. */
    public TableDescription withoutDeletionProtection() {
        this.deletionProtectionShown = false;
        return this;
    }

    /** Shows these capacity units instead of the stored ones (an update in progress shows the old ones). */
    public TableDescription throughputShown(ProvisionedThroughput shown) {
        this.throughputShown = shown;
        return this;
    }

    /** Shows these on-demand ceilings instead of the stored ones (UpdateTable echoes its request). */
    public TableDescription onDemandShown(OnDemandThroughput shown) {
        this.onDemandShown = shown;
        return this;
    }

    public void write(JsonGenerator g, String member) throws IOException {
        g.writeFieldName(member);
        write(g);
    }

    public void write(JsonGenerator g) throws IOException {
        String name = table.tableName();
        boolean onDemand = "PAY_PER_REQUEST".equals(table.billingMode());
        ProvisionedThroughput stored = ProvisionedThroughput.parse(table.provisionedThroughput());
        g.writeStartObject();
        g.writeFieldName("AttributeDefinitions");
        writeSorted(g, CatalogFormat.parse(table.attributeDefinitions()), "AttributeName");
        g.writeStringField("TableName", name);
        g.writeFieldName("KeySchema");
        tree(g, CatalogFormat.parse(table.keySchema()));
        g.writeStringField("TableStatus", status);
        g.writeNumberField("CreationDateTime", (double) table.createdAt());
        ProvisionedThroughput shown = throughputShown != null ? throughputShown : stored;
        if (onDemand) {
            writeThroughput(g, new ProvisionedThroughput(0, 0, shown == null ? null : shown.lastIncrease(),
                    shown == null ? null : shown.lastDecrease(), shown == null ? 0 : shown.decreases(), null));
        } else if (shown != null) {
            writeThroughput(g, shown);
        }
        g.writeNumberField("TableSizeBytes", counts.sizeBytes());
        g.writeNumberField("ItemCount", counts.itemCount());
        g.writeStringField("TableArn", arns.table(name));
        if (table.tableId() != null) {
            g.writeStringField("TableId", table.tableId());
        }
        Double lastSwitch = stored == null ? null : stored.lastUpdateToPayPerRequest();
        if (onDemand && lastSwitch == null) {
            lastSwitch = (double) table.createdAt();
        }
        if (onDemand || lastSwitch != null) {
            g.writeObjectFieldStart("BillingModeSummary");
            g.writeStringField("BillingMode", onDemand ? "PAY_PER_REQUEST" : "PROVISIONED");
            if (!status.equals("CREATING")) {
                g.writeNumberField("LastUpdateToPayPerRequestDateTime", lastSwitch);
            }
            g.writeEndObject();
        }
        writeLocalIndexes(g);
        writeGlobalIndexes(g, onDemand);
        if (table.streamEnabled()) {
            g.writeObjectFieldStart("StreamSpecification");
            g.writeBooleanField("StreamEnabled", true);
            g.writeStringField("StreamViewType", table.streamViewType());
            g.writeEndObject();
            g.writeStringField("LatestStreamLabel", table.streamLabel());
            g.writeStringField("LatestStreamArn", arns.stream(name, table.streamLabel()));
        }
        ServerSideEncryption sse = ServerSideEncryption.parse(table.sseSpecification());
        if (sse != null) {
            g.writeObjectFieldStart("SSEDescription");
            g.writeStringField("Status", "ENABLED");
            g.writeStringField("SSEType", sse.sseType());
            g.writeStringField("KMSMasterKeyArn", sse.kmsMasterKeyArn());
            g.writeEndObject();
        }
        if (table.tableClass() != null) {
            g.writeObjectFieldStart("TableClassSummary");
            g.writeStringField("TableClass", table.tableClass());
            g.writeEndObject();
        }
        if (deletionProtectionShown) {
            g.writeBooleanField("DeletionProtectionEnabled", table.deletionProtectionEnabled());
        }
        OnDemandThroughput ceilings = onDemandShown != null ? onDemandShown
                : OnDemandThroughput.parse(table.onDemandThroughput());
        if (ceilings != null) {
            g.writeFieldName("OnDemandThroughput");
            tree(g, ceilings.toJson());
        }
        if (onDemand) {
            writeWarmThroughput(g);
        }
        g.writeEndObject();
    }

    private void writeThroughput(JsonGenerator g, ProvisionedThroughput t) throws IOException {
        g.writeObjectFieldStart("ProvisionedThroughput");
        if (t.lastIncrease() != null) {
            g.writeNumberField("LastIncreaseDateTime", t.lastIncrease());
        }
        if (t.lastDecrease() != null) {
            g.writeNumberField("LastDecreaseDateTime", t.lastDecrease());
        }
        g.writeNumberField("NumberOfDecreasesToday", t.decreasesOn(now));
        g.writeNumberField("ReadCapacityUnits", t.read());
        g.writeNumberField("WriteCapacityUnits", t.write());
        g.writeEndObject();
    }

    private void writeWarmThroughput(JsonGenerator g) throws IOException {
        g.writeObjectFieldStart("WarmThroughput");
        g.writeNumberField("ReadUnitsPerSecond", WARM_READS);
        g.writeNumberField("WriteUnitsPerSecond", WARM_WRITES);
        g.writeStringField("Status", status.equals("CREATING") ? "CREATING" : ACTIVE);
        g.writeEndObject();
    }

    private void writeLocalIndexes(JsonGenerator g) throws IOException {
        if (table.lsiDefinitions() == null || table.lsiDefinitions().equals("null")) {
            return;
        }
        g.writeArrayFieldStart("LocalSecondaryIndexes");
        for (JsonNode d : CatalogFormat.parse(table.lsiDefinitions())) {
            String index = d.path("IndexName").asText();
            g.writeStartObject();
            writeIndexDefinition(g, d);
            TableCounts.Index c = counts.index(index);
            g.writeNumberField("IndexSizeBytes", c.sizeBytes());
            g.writeNumberField("ItemCount", c.itemCount());
            g.writeStringField("IndexArn", arns.index(table.tableName(), index));
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private void writeGlobalIndexes(JsonGenerator g, boolean onDemand) throws IOException {
        if (table.gsiDefinitions() == null || table.gsiDefinitions().equals("null")) {
            return;
        }
        g.writeArrayFieldStart("GlobalSecondaryIndexes");
        for (JsonNode d : CatalogFormat.parse(table.gsiDefinitions())) {
            String index = d.path("IndexName").asText();
            g.writeStartObject();
            writeIndexDefinition(g, d);
            g.writeStringField("IndexStatus", indexStatus);
            ProvisionedThroughput t = ProvisionedThroughput.read(d.path("ProvisionedThroughput"));
            writeThroughput(g, onDemand || t == null ? ProvisionedThroughput.of(0, 0) : t);
            TableCounts.Index c = counts.index(index);
            g.writeNumberField("IndexSizeBytes", c.sizeBytes());
            g.writeNumberField("ItemCount", c.itemCount());
            g.writeStringField("IndexArn", arns.index(table.tableName(), index));
            OnDemandThroughput ceilings = OnDemandThroughput.read(d.path("OnDemandThroughput"));
            if (ceilings != null) {
                g.writeFieldName("OnDemandThroughput");
                tree(g, ceilings.toJson());
            }
            if (onDemand) {
                writeWarmThroughput(g);
            }
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void writeIndexDefinition(JsonGenerator g, JsonNode d) throws IOException {
        g.writeStringField("IndexName", d.path("IndexName").asText());
        g.writeFieldName("KeySchema");
        tree(g, d.path("KeySchema"));
        JsonNode p = d.path("Projection");
        g.writeObjectFieldStart("Projection");
        g.writeStringField("ProjectionType", p.path("ProjectionType").asText());
        if (p.has("NonKeyAttributes")) {
            List<String> names = new ArrayList<>();
            p.path("NonKeyAttributes").forEach(n -> names.add(n.asText()));
            names.sort(Comparator.naturalOrder());
            g.writeArrayFieldStart("NonKeyAttributes");
            for (String n : names) {
                g.writeString(n);
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    /** A catalog document copied in as it is (the generator has no tree codec). */
    private static void tree(JsonGenerator g, JsonNode node) throws IOException {
        g.writeRawValue(CatalogFormat.write(node));
    }

    private static void writeSorted(JsonGenerator g, JsonNode array, String byMember) throws IOException {
        List<JsonNode> elements = new ArrayList<>();
        array.forEach(elements::add);
        elements.sort(Comparator.comparing(e -> e.path(byMember).asText()));
        g.writeStartArray();
        for (JsonNode e : elements) {
            tree(g, e);
        }
        g.writeEndArray();
    }
}
