package io.tidelog.dynamodb.operation.table;

import com.fasterxml.jackson.core.JsonGenerator;
import io.tidelog.backend.Tag;
import io.tidelog.dynamodb.error.Errors;
import io.tidelog.dynamodb.json.Request;
import io.tidelog.dynamodb.json.Response;
import io.tidelog.dynamodb.operation.Context;
import io.tidelog.dynamodb.operation.Operation;
import io.tidelog.dynamodb.table.Arns;
import java.io.IOException;

/**
 * ListTagsOfResource: a table's tags in key order, in one page (a table holds at most 50). As in
 * DynamoDB, asking for a table that does not exist is an access denial, not a missing resource.
 */
public final class ListTagsOfResource implements Operation {

    @Override
    public boolean writes() {
        return false;
    }

    @Override
    public void execute(Request r, Response out, Context c) throws IOException {
        String arn = r.string("ResourceArn");
        if (arn == null) {
            throw Errors.tableArnMissing();
        }
        String name = Arns.tableOf(arn);
        if (!c.backend().tableExists(name)) {
            throw Errors.notAuthorized(c.options().accountId(), "ListTagsOfResource", arn);
        }
        JsonGenerator g = out.json();
        g.writeArrayFieldStart("Tags");
        for (Tag t : c.backend().getTags(name)) {
            g.writeStartObject();
            g.writeStringField("Key", t.key());
            g.writeStringField("Value", t.value());
            g.writeEndObject();
        }
        g.writeEndArray();
    }
}
