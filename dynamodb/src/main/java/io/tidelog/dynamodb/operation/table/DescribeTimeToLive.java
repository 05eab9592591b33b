package io.tidelog.dynamodb.operation.table;

import com.fasterxml.jackson.core.JsonGenerator;
import io.tidelog.backend.TableMetadata;
import io.tidelog.dynamodb.error.Errors;
import io.tidelog.dynamodb.json.Request;
import io.tidelog.dynamodb.json.Response;
import io.tidelog.dynamodb.operation.Context;
import io.tidelog.dynamodb.operation.Operation;
import io.tidelog.dynamodb.table.TableNames;
import java.io.IOException;

/**
 * DescribeTimeToLive: {@code ENABLED} with the attribute, or {@code DISABLED} without one (a
 * table whose TTL was never set reads the same as one whose TTL was turned off).
 */
public final class DescribeTimeToLive implements Operation {

    @Override
    public boolean writes() {
        return false;
    }

    @Override
    public void execute(Request r, Response out, Context c) throws IOException {
        String name = TableNames.requireForDefinition(r.string("TableName"));
        TableMetadata table = c.backend().getTableMetadata(name).orElseThrow(() -> Errors.tableNotFound(name));
        JsonGenerator g = out.json();
        g.writeObjectFieldStart("TimeToLiveDescription");
        if (table.ttlEnabled()) {
            g.writeStringField("TimeToLiveStatus", "ENABLED");
            g.writeStringField("AttributeName", table.ttlAttribute());
        } else {
            g.writeStringField("TimeToLiveStatus", "DISABLED");
        }
        g.writeEndObject();
    }
}
