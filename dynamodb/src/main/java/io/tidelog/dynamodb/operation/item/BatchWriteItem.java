package io.tidelog.dynamodb.operation.item;

import com.fasterxml.jackson.databind.JsonNode;
import io.tidelog.backend.WriteResult;
import io.tidelog.dynamodb.capacity.CapacityMode;
import io.tidelog.dynamodb.capacity.TableCapacity;
import io.tidelog.dynamodb.error.BatchErrors;
import io.tidelog.dynamodb.error.ConstraintViolations;
import io.tidelog.dynamodb.item.ItemCollectionMetrics;
import io.tidelog.dynamodb.item.ItemCollections;
import io.tidelog.dynamodb.item.ItemKey;
import io.tidelog.dynamodb.item.ItemLocks;
import io.tidelog.dynamodb.item.ItemValidation;
import io.tidelog.dynamodb.item.ItemWrites;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * BatchWriteItem: up to 25 puts and deletes across any number of tables, no two on one item.
 *
 * <p>Validation, in DynamoDB's order: the request's members; a non-empty {@code RequestItems};
 * 1 to 25 requests per table; the table names; 25 in all; each request a put or a delete whose
 * values DynamoDB would store; then the tables, each request's keys against its table's schema,
 * and no item written twice. Every request is validated before anything is written.
 *
 * <p>The writes are then made as one: every item's lock is taken (in stripe order), the items
 * that decide something are read, and all rows, index entries and stream records go to the
 * store as one atomic write, one log entry and one fsync. That is stronger than DynamoDB, which
 * promises each request on its own; {@code UnprocessedItems} is therefore always empty. Which
 * items are read follows PutItem's rule (deletes are always read).
 */
public final class BatchWriteItem implements Operation {
    static final int MAX_REQUESTS = 25;

    @Override
    public boolean writes() {
        return true;
    }

    @Override
    public void execute(Request request, Response response, Context ctx) throws IOException {
        Map<String, JsonNode> requestItems = request.map("RequestItems");
        String capacity = request.string("ReturnConsumedCapacity");
        String metrics = request.string("ReturnItemCollectionMetrics");
        ConstraintViolations violations = new ConstraintViolations();
        if (requestItems == null) {
            violations.notNull("requestItems");
        }
        ReturnOptions.returnConsumedCapacity(capacity, violations);
        ReturnOptions.returnItemCollectionMetrics(metrics, violations);
        violations.throwIfAny();
        if (requestItems.isEmpty()) {
            throw BatchErrors.requestItemsRequired("BatchWriteItem");
        }
        List<WriteRequest> requests = read(requestItems);
        CapacityMode mode = CapacityMode.of(capacity);
        boolean wantMetrics = ReturnOptions.wantsMetrics(metrics);

        try (TableCatalog.Held held = ctx.tables().readAll(requestItems.keySet())) {
            Map<String, TableSchema> schemas = new LinkedHashMap<>();
            Set<List<String>> written = new HashSet<>();
            List<Integer> stripes = new ArrayList<>(requests.size());
            for (WriteRequest r : requests) {
                TableSchema table = schemas.computeIfAbsent(r.table, ctx.tables()::require);
                r.resolve(table);
                if (!written.add(List.of(r.table, r.key.pk(), r.key.sk()))) {
                    throw BatchErrors.duplicateKeys();
                }
                stripes.add(ItemLocks.stripe(r.table, r.key.pk(), r.key.sk()));
            }
            WriteResult result;
            try (ItemLocks.Held locks = ctx.locks().lockAll(stripes)) {
                ItemWrites writes = new ItemWrites(ctx.clock());
                for (WriteRequest r : requests) {
                    r.decide(ctx, writes);
                }
                result = writes.apply(ctx.backend());
                if (result != null) {
                    ctx.wrote(result.sequence());
                }
            }
            reply(response, ctx, requests, schemas, result, mode, wantMetrics);
        }
    }

    /** Parses and validates every request, in DynamoDB's order, before any table is read. */
    private static List<WriteRequest> read(Map<String, JsonNode> requestItems) {
        Map<String, List<JsonNode>> lists = new LinkedHashMap<>();
        ConstraintViolations counts = new ConstraintViolations();
        for (Map.Entry<String, JsonNode> e : requestItems.entrySet()) {
            List<JsonNode> list = Request.elements(e.getValue());
            lists.put(e.getKey(), list);
            // DynamoDB reports the map's values against their constraints once, naming the first.
            if ((list == null || list.isEmpty() || list.size() > MAX_REQUESTS) && counts.isEmpty()) {
                counts.add(BatchErrors.writeRequestCount(e.getKey(), WriteRequestEcho.of(list)));
            }
        }
        counts.throwIfAny();
        for (String table : lists.keySet()) {
            ConstraintViolations name = new ConstraintViolations();
            TableNames.checkForItems(table, "tableName", name);
            name.throwIfAny();
        }
        int total = lists.values().stream().mapToInt(List::size).sum();
        if (total > MAX_REQUESTS) {
            throw BatchErrors.tooManyWriteRequests();
        }
        List<WriteRequest> requests = new ArrayList<>(total);
        for (Map.Entry<String, List<JsonNode>> e : lists.entrySet()) {
            for (JsonNode node : e.getValue()) {
                requests.add(WriteRequest.read(e.getKey(), Request.of(node)));
            }
        }
        return requests;
    }

    private static void reply(Response response, Context ctx, List<WriteRequest> requests,
            Map<String, TableSchema> schemas, WriteResult result, CapacityMode mode, boolean wantMetrics)
            throws IOException {
        response.json().writeObjectFieldStart("UnprocessedItems");
        response.json().writeEndObject();
        if (mode.wanted()) {
            Map<String, TableCapacity> capacities = new LinkedHashMap<>();
            for (String table : schemas.keySet()) {
                capacities.put(table, new TableCapacity(table));
            }
            for (WriteRequest r : requests) {
                r.charge(capacities.get(r.table), result);
            }
            ReplyMembers.capacities(response, mode, capacities.values().stream().map(TableCapacity::result).toList());
        }
        if (wantMetrics) {
            Map<String, List<ItemCollectionMetrics>> byTable = new LinkedHashMap<>();
            Set<List<String>> seen = new HashSet<>();
            for (WriteRequest r : requests) {
                if (ItemCollections.apply(r.schema) && seen.add(List.of(r.table, r.key.pk()))) {
                    byTable.computeIfAbsent(r.table, t -> new ArrayList<>())
                            .add(ItemCollections.metrics(ctx.backend(), r.schema, r.key, r.keySource()));
                }
            }
            ReplyMembers.metricsByTable(response, byTable);
        }
    }

    /** One put or delete of the batch, from validation to its share of the reply. */
    private static final class WriteRequest {
        final String table;
        final Map<String, AttributeValue> item; // a put's item, or null
        final Map<String, AttributeValue> keyMap; // a delete's key, or null
        final int size;
        TableSchema schema;
        ItemKey key;
        Map<String, AttributeValue> before;
        boolean readFirst;
        int position = -1;

        private WriteRequest(String table, Map<String, AttributeValue> item, Map<String, AttributeValue> keyMap,
                int size) {
            this.table = table;
            this.item = item;
            this.keyMap = keyMap;
            this.size = size;
        }

        static WriteRequest read(String table, Request r) {
            Request put = r.structure("PutRequest");
            Request delete = r.structure("DeleteRequest");
            if ((put == null) == (delete == null)) {
                throw BatchErrors.writeRequestNotOneOfPutOrDelete();
            }
            if (put != null) {
                Map<String, AttributeValue> item = put.attributes("Item");
                if (item == null) {
                    new ConstraintViolations().notNull("item").throwIfAny();
                }
                return new WriteRequest(table, item, null, ItemValidation.size(item));
            }
            Map<String, AttributeValue> key = delete.attributes("Key");
            if (key == null) {
                new ConstraintViolations().notNull("key").throwIfAny();
            }
            return new WriteRequest(table, null, key, 0);
        }

        Map<String, AttributeValue> keySource() {
            return item != null ? item : keyMap;
        }

        void resolve(TableSchema table) {
            schema = table;
            if (item != null) {
                KeyValidation.batchItem(table, item);
            } else {
                KeyValidation.key(table, keyMap);
            }
            key = ItemKey.of(table.key(), keySource());
            readFirst = item == null || !ItemWrites.derivesNothing(table);
        }

        /** Reads what the write decides with and adds the write; under the item's lock. */
        void decide(Context ctx, ItemWrites writes) {
            before = readFirst ? StoredItems.get(ctx.backend(), schema, key) : null;
            if (item == null) {
                writes.delete(schema, key, before, null);
            } else if (readFirst) {
                ItemCollections.checkLimit(ctx.backend(), schema, key, before, item,
                        ctx.options().itemCollectionSizeLimit());
                writes.put(schema, key, before, item, size, null);
            } else {
                position = writes.putUnread(schema, key, item, size);
            }
        }

        void charge(TableCapacity capacity, WriteResult result) {
            Map<String, AttributeValue> old = before;
            if (position >= 0 && result != null && result.previousItems().get(position) != null) {
                old = AttributeValueJson.readItem(result.previousItems().get(position));
            }
            capacity.write(schema, key, old, old == null ? null : ItemSize.of(old), item, item == null ? null : size);
        }
    }
}
