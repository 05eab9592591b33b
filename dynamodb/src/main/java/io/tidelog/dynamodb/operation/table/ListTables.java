package io.tidelog.dynamodb.operation.table;

import com.fasterxml.jackson.core.JsonGenerator;
import io.tidelog.backend.Keys;
import io.tidelog.dynamodb.error.ConstraintViolations;
import io.tidelog.dynamodb.json.Request;
import io.tidelog.dynamodb.json.Response;
import io.tidelog.dynamodb.operation.Context;
import io.tidelog.dynamodb.operation.Operation;
import io.tidelog.dynamodb.table.TableNames;
import java.io.IOException;
import java.util.List;

/**
 * ListTables: table names in ascending order, at most {@code Limit} (1 to 100, default 100) after
 * {@code ExclusiveStartTableName}; {@code LastEvaluatedTableName} when more follow.
 */
public final class ListTables implements Operation {
    static final int MAX_LIMIT = 100;

    @Override
    public boolean writes() {
        return false;
    }

    @Override
    public void execute(Request r, Response out, Context c) throws IOException {
        ConstraintViolations v = new ConstraintViolations();
        String start = r.string("ExclusiveStartTableName");
        if (start != null) {
            TableNames.checkName(start, "exclusiveStartTableName", v);
        }
        Integer limit = r.integer("Limit");
        if (limit != null && limit < 1) {
            v.minValue("limit", Integer.toString(limit), 1);
        }
        if (limit != null && limit > MAX_LIMIT) {
            v.maxValue("limit", Integer.toString(limit), MAX_LIMIT);
        }
        v.throwIfAny();
        int max = limit == null ? MAX_LIMIT : limit;

        List<String> names = c.backend().listTableNames();
        JsonGenerator g = out.json();
        g.writeArrayFieldStart("TableNames");
        int written = 0;
        String last = null;
        boolean more = false;
        for (String name : names) {
            if (start != null && Keys.KEY_ORDER.compare(name, start) <= 0) {
                continue;
            }
            if (written == max) {
                more = true;
                break;
            }
            g.writeString(name);
            last = name;
            written++;
        }
        g.writeEndArray();
        if (more) {
            g.writeStringField("LastEvaluatedTableName", last);
        }
    }
}
