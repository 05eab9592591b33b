package io.tidelog.dynamodb.operation.table;

import io.tidelog.backend.TableMetadata;
import io.tidelog.dynamodb.error.Errors;
import io.tidelog.dynamodb.json.Request;
import io.tidelog.dynamodb.json.Response;
import io.tidelog.dynamodb.operation.Context;
import io.tidelog.dynamodb.operation.Operation;
import io.tidelog.dynamodb.table.Arns;
import io.tidelog.dynamodb.table.TableCatalog;
import io.tidelog.dynamodb.table.TableNames;
import io.tidelog.dynamodb.table.TableSchema;
import java.io.IOException;

/** DescribeTable: the table's description with live item counts and sizes. */
public final class DescribeTable implements Operation {

    @Override
    public boolean writes() {
        return false;
    }

    @Override
    public void execute(Request r, Response out, Context c) throws IOException {
        String name = TableNames.requireForDefinition(r.string("TableName"));
        TableMetadata table;
        TableCounts counts;
        // The read lock keeps the definition and the index tables the counts read in step.
        try (TableCatalog.Held held = c.tables().read(name)) {
            table = c.backend().getTableMetadata(name).orElseThrow(() -> Errors.tableNotFound(name));
            counts = TableCounts.live(c.backend(), TableSchema.of(table));
        }
        new TableDescription(table, Arns.of(c.options()), c.clock().instant()).counts(counts)
                .write(out.json(), "Table");
    }
}
