package io.tidelog.dynamodb.operation.item;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.tidelog.dynamodb.capacity.CapacityMode;
import io.tidelog.dynamodb.capacity.CapacityUnits;
import io.tidelog.dynamodb.capacity.ConsumedCapacity;
import io.tidelog.dynamodb.error.BatchErrors;
import io.tidelog.dynamodb.error.ConstraintViolations;
import io.tidelog.dynamodb.error.ExpressionErrors;
import io.tidelog.dynamodb.expression.ExpressionParameters;
import io.tidelog.dynamodb.expression.Projection;
import io.tidelog.dynamodb.expression.ProjectionEvaluator;
import io.tidelog.dynamodb.expression.RequestExpressions;
import io.tidelog.dynamodb.expression.legacy.AttributesToGet;
import io.tidelog.dynamodb.item.ItemKey;
import io.tidelog.dynamodb.item.KeyValidation;
import io.tidelog.dynamodb.item.StoredItems;
import io.tidelog.dynamodb.json.Request;
import io.tidelog.dynamodb.json.Response;
import io.tidelog.dynamodb.operation.Context;
import io.tidelog.dynamodb.operation.Operation;
import io.tidelog.dynamodb.operation.ReplyMembers;
import io.tidelog.dynamodb.operation.ReturnOptions;
import io.tidelog.dynamodb.table.TableCatalog;
import io.tidelog.dynamodb.table.TableNames;
import io.tidelog.dynamodb.table.TableSchema;
import io.tidelog.dynamodb.value.AttributeValue;
import io.tidelog.dynamodb.value.AttributeValueJson;
import io.tidelog.dynamodb.value.ItemSize;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * BatchGetItem: up to 100 items by key, from any number of tables, each table with its own
 * projection and consistency. Takes no item locks.
 *
 * <p>Validation, in DynamoDB's order: the request's members; a non-empty {@code RequestItems};
 * each table given at least one key; the table names; at most 100 keys per table and in all;
 * projections and {@code AttributesToGet} not mixed anywhere in the request; per table its
 * expression parameters, its projection ({@code AttributesToGet} without duplicates, or the
 * expression) and no key twice; then the tables, and each key against its table's schema.
 *
 * <p>A reply holds at most 16 MB of items (sized as DynamoDB sizes them); the keys beyond that
 * are returned in {@code UnprocessedKeys} with their table's settings, for the caller to ask
 * again. Items found are copied into the reply as stored when nothing projects them.
 */
public final class BatchGetItem implements Operation {
    static final int MAX_KEYS = 100;
    static final long MAX_REPLY_BYTES = 16L * 1024 * 1024;

    @Override
    public boolean writes() {
        return false;
    }

    @Override
    public void execute(Request request, Response response, Context ctx) throws IOException {
        Map<String, JsonNode> requestItems = request.map("RequestItems");
        String capacity = request.string("ReturnConsumedCapacity");
        ConstraintViolations violations = new ConstraintViolations();
        if (requestItems == null) {
            violations.notNull("requestItems");
        }
        ReturnOptions.returnConsumedCapacity(capacity, violations);
        violations.throwIfAny();
        if (requestItems.isEmpty()) {
            throw BatchErrors.requestItemsRequired("BatchGetItem");
        }
        List<TableKeys> tables = new ArrayList<>(requestItems.size());
        for (Map.Entry<String, JsonNode> e : requestItems.entrySet()) {
            tables.add(TableKeys.read(e.getKey(), Request.of(e.getValue())));
        }
        validate(tables);
        CapacityMode mode = CapacityMode.of(capacity);

        try (TableCatalog.Held held = ctx.tables().readAll(requestItems.keySet())) {
            List<TableSchema> schemas = new ArrayList<>(tables.size());
            for (TableKeys t : tables) {
                TableSchema schema = ctx.tables().require(t.table);
                for (Map<String, AttributeValue> key : t.keys) {
                    KeyValidation.key(schema, key);
                }
                schemas.add(schema);
            }
            read(tables, schemas, response, ctx, mode);
        }
    }

    private static void validate(List<TableKeys> tables) {
        ConstraintViolations counts = new ConstraintViolations();
        for (TableKeys t : tables) {
            if (t.keys == null || t.keys.isEmpty()) {
                counts.add(BatchErrors.noKeys(t.table));
            }
        }
        counts.throwIfAny();
        for (TableKeys t : tables) {
            ConstraintViolations name = new ConstraintViolations();
            TableNames.checkForItems(t.table, "tableName", name);
            name.throwIfAny();
        }
        int total = 0;
        for (TableKeys t : tables) {
            if (t.keys.size() > MAX_KEYS) {
                new ConstraintViolations().add(BatchErrors.keyCount(t.table)).throwIfAny();
            }
            total += t.keys.size();
        }
        if (total > MAX_KEYS) {
            throw BatchErrors.tooManyKeys();
        }
        boolean anyProjection = tables.stream().anyMatch(t -> t.request.has("ProjectionExpression"));
        boolean anyAttributesToGet = tables.stream().anyMatch(t -> t.attributesToGet != null);
        if (anyProjection && anyAttributesToGet) {
            // Refused across tables too, though each table's entry may be consistent on its own.
            throw ExpressionErrors.mixedParameters(List.of("AttributesToGet"), List.of("ProjectionExpression"));
        }
        for (TableKeys t : tables) {
            ExpressionParameters.BATCH_GET_TABLE.check(t.request);
            t.projection = t.attributesToGet != null ? AttributesToGet.projection(t.attributesToGet)
                    : RequestExpressions.from(t.request, ExpressionParameters.BATCH_GET_TABLE).projection();
            Set<Map<String, AttributeValue>> distinct = new HashSet<>(t.keys.size() * 2);
            for (Map<String, AttributeValue> key : t.keys) {
                if (!distinct.add(key)) {
                    throw BatchErrors.duplicateKeys();
                }
            }
        }
    }

    private static void read(List<TableKeys> tables, List<TableSchema> schemas, Response response, Context ctx,
            CapacityMode mode) throws IOException {
        JsonGenerator g = response.json();
        List<ConsumedCapacity> capacities = new ArrayList<>(tables.size());
        List<Integer> unprocessedFrom = new ArrayList<>(tables.size());
        long replyBytes = 0;
        boolean full = false;
        g.writeObjectFieldStart("Responses");
        for (int i = 0; i < tables.size(); i++) {
            TableKeys t = tables.get(i);
            TableSchema schema = schemas.get(i);
            double units = 0;
            int next = 0;
            g.writeArrayFieldStart(t.table);
            for (; next < t.keys.size() && !full; next++) {
                String json = StoredItems.json(ctx.backend(), schema, ItemKey.of(schema.key(), t.keys.get(next)));
                Map<String, AttributeValue> item = json == null ? null : AttributeValueJson.readItem(json);
                int size = item == null ? 0 : ItemSize.of(item);
                if (replyBytes + size > MAX_REPLY_BYTES) {
                    full = true;
                    break;
                }
                replyBytes += size;
                units += CapacityUnits.read(size, t.consistent);
                if (json != null && t.projection == null) {
                    g.writeRawValue(json);
                } else if (json != null) {
                    AttributeValueJson.writeMap(g, ProjectionEvaluator.apply(t.projection, item));
                }
            }
            g.writeEndArray();
            unprocessedFrom.add(next);
            capacities.add(ConsumedCapacity.of(t.table, units));
        }
        g.writeEndObject();
        g.writeObjectFieldStart("UnprocessedKeys");
        for (int i = 0; i < tables.size(); i++) {
            tables.get(i).writeUnprocessed(g, unprocessedFrom.get(i));
        }
        g.writeEndObject();
        ReplyMembers.capacities(response, mode, capacities);
    }

    /** One table's part of the request. */
    private static final class TableKeys {
        final String table;
        final Request request;
        final List<JsonNode> rawKeys;
        final List<Map<String, AttributeValue>> keys;
        final List<String> attributesToGet;
        final boolean consistent;
        Projection projection;

        private TableKeys(String table, Request request, List<JsonNode> rawKeys, List<Map<String, AttributeValue>> keys,
                List<String> attributesToGet, boolean consistent) {
            this.table = table;
            this.request = request;
            this.rawKeys = rawKeys;
            this.keys = keys;
            this.attributesToGet = attributesToGet;
            this.consistent = consistent;
        }

        static TableKeys read(String table, Request r) {
            List<JsonNode> raw = r.list("Keys");
            List<Map<String, AttributeValue>> keys = null;
            if (raw != null) {
                keys = new ArrayList<>(raw.size());
                for (JsonNode k : raw) {
                    keys.add(AttributeValueJson.readMap(k));
                }
            }
            return new TableKeys(table, r, raw, keys, r.strings("AttributesToGet"),
                    Boolean.TRUE.equals(r.bool("ConsistentRead")));
        }

        /** The keys from {@code from} on, with the settings to ask for them again; nothing if none. */
        void writeUnprocessed(JsonGenerator g, int from) throws IOException {
            if (from >= rawKeys.size()) {
                return;
            }
            g.writeObjectFieldStart(table);
            g.writeArrayFieldStart("Keys");
            for (JsonNode k : rawKeys.subList(from, rawKeys.size())) {
                g.writeRawValue(k.toString());
            }
            g.writeEndArray();
            for (String member : List.of("ProjectionExpression", "ExpressionAttributeNames", "AttributesToGet",
                    "ConsistentRead")) {
                JsonNode v = request.get(member);
                if (v != null) {
                    g.writeFieldName(member);
                    g.writeRawValue(v.toString());
                }
            }
            g.writeEndObject();
        }
    }
}
