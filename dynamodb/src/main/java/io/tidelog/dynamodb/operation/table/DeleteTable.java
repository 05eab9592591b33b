package io.tidelog.dynamodb.operation.table;

import io.tidelog.backend.StorageBackend;
import io.tidelog.backend.TableMetadata;
import io.tidelog.dynamodb.error.Errors;
import io.tidelog.dynamodb.json.Request;
import io.tidelog.dynamodb.json.Response;
import io.tidelog.dynamodb.operation.Context;
import io.tidelog.dynamodb.operation.Operation;
import io.tidelog.dynamodb.table.Arns;
import io.tidelog.dynamodb.table.SecondaryIndex;
import io.tidelog.dynamodb.table.TableCatalog;
import io.tidelog.dynamodb.table.TableNames;
import io.tidelog.dynamodb.table.TableSchema;
import java.io.IOException;

/**
 * DeleteTable: removes the catalog row (with its tags, stream and TTL settings), the data table
 * and every index table in one backend transaction. The stream records stay: DynamoDB keeps a
 * deleted table's stream readable for 24 hours. The reply describes the table as it was just
 * before, counts included, with DynamoDB's {@code DELETING} status.
 */
public final class DeleteTable implements Operation {

    @Override
    public boolean writes() {
        return true;
    }

    @Override
    public void execute(Request r, Response out, Context c) throws IOException {
        String name = TableNames.requireForDefinition(r.string("TableName"));
        StorageBackend backend = c.backend();
        TableMetadata table;
        TableCounts counts;
        try (TableCatalog.Held held = c.tables().write(name)) {
            table = backend.getTableMetadata(name).orElseThrow(() -> Errors.tableNotFound(name));
            if (table.deletionProtectionEnabled()) {
                throw Errors.deletionProtected();
            }
            TableSchema schema = TableSchema.of(table);
            counts = TableCounts.live(backend, schema);
            backend.beginTransaction();
            boolean committed = false;
            try {
                for (SecondaryIndex i : schema.globalIndexes()) {
                    backend.dropGsiTable(name, i.name());
                }
                for (SecondaryIndex i : schema.localIndexes()) {
                    backend.dropLsiTable(name, i.name());
                }
                backend.dropDataTable(name);
                backend.deleteTableMetadata(name);
                backend.commit();
                committed = true;
            } finally {
                if (!committed) {
                    backend.rollback();
                }
            }
            c.wrote(backend.lastSequence());
        }
        new TableDescription(table, Arns.of(c.options()), c.clock().instant()).status("DELETING").counts(counts)
                .write(out.json(), "TableDescription");
    }
}
