package io.tidelog.dynamodb.operation.table;

import io.tidelog.dynamodb.error.ConstraintViolations;
import io.tidelog.dynamodb.error.Errors;
import io.tidelog.dynamodb.json.Request;
import io.tidelog.dynamodb.table.OnDemandThroughput;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One element of UpdateTable's {@code GlobalSecondaryIndexUpdates}: exactly one of an
 * {@code Update} (throughput of an existing GSI), a {@code Create} or a {@code Delete} once
 * checked.
 */
record IndexUpdate(Change update, IndexDefinition create, String delete) {
    /** DynamoDB's bound on the updates of one call. */
    static final int MAX_UPDATES = 5;

    /** An {@code Update} action: new throughput of an existing GSI. */
    record Change(String indexName, Capacity capacity, OnDemandThroughput onDemand) {}

    String indexName() {
        return update != null ? update.indexName() : create != null ? create.name() : delete;
    }

    boolean changesIndexes() {
        return create != null || delete != null;
    }

    static List<IndexUpdate> read(Request r, ConstraintViolations v) {
        List<Request> elements = r.structures("GlobalSecondaryIndexUpdates");
        if (elements == null) {
            return null;
        }
        List<IndexUpdate> out = new ArrayList<>(elements.size());
        for (int i = 0; i < elements.size(); i++) {
            Request e = elements.get(i);
            String path = "globalSecondaryIndexUpdates." + (i + 1) + ".member";
            Change update = null;
            Request u = e.structure("Update");
            if (u != null) {
                String name = DefinitionReader.indexName(u, path + ".update", v);
                Capacity capacity = DefinitionReader.capacity(u, "ProvisionedThroughput",
                        path + ".update.provisionedThroughput", v);
                OnDemandThroughput onDemand = DefinitionReader.onDemand(u, "OnDemandThroughput");
                if (capacity == null && onDemand == null) {
                    v.notNull(path + ".update.provisionedThroughput");
                }
                update = new Change(name, capacity, onDemand);
            }
            Request c = e.structure("Create");
            IndexDefinition create = c == null ? null : DefinitionReader.globalIndex(c, path + ".create", v);
            Request d = e.structure("Delete");
            String delete = d == null ? null : DefinitionReader.indexName(d, path + ".delete", v);
            out.add(new IndexUpdate(update, create, delete));
        }
        return out;
    }

    /** The rules on the list itself: one action per element, one update per index, a few indexes per call. */
    static void checkList(List<IndexUpdate> updates) {
        Set<String> names = new HashSet<>();
        int changes = 0;
        for (IndexUpdate u : updates) {
            int actions = (u.update != null ? 1 : 0) + (u.create != null ? 1 : 0) + (u.delete != null ? 1 : 0);
            if (actions == 0) {
                throw Errors.emptyIndexUpdate();
            }
            if (actions > 1) {
                throw Errors.severalIndexActions();
            }
            if (!names.add(u.indexName())) {
                throw Errors.repeatedIndexUpdate(u.indexName());
            }
            if (u.changesIndexes()) {
                changes++;
            }
        }
        if (changes > 1 || updates.size() > MAX_UPDATES) {
            throw Errors.onlyOneIndexChange();
        }
    }
}
