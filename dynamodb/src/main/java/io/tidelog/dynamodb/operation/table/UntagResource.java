package io.tidelog.dynamodb.operation.table;

import io.tidelog.dynamodb.error.ConstraintViolations;
import io.tidelog.dynamodb.error.Errors;
import io.tidelog.dynamodb.json.Request;
import io.tidelog.dynamodb.json.Response;
import io.tidelog.dynamodb.operation.Context;
import io.tidelog.dynamodb.operation.Operation;
import io.tidelog.dynamodb.table.Arns;
import io.tidelog.dynamodb.table.TableCatalog;
import java.io.IOException;
import java.util.List;

/** UntagResource: removes tags from a table by key; keys it does not have are ignored. */
public final class UntagResource implements Operation {

    @Override
    public boolean writes() {
        return true;
    }

    @Override
    public void execute(Request r, Response out, Context c) throws IOException {
        String arn = r.string("ResourceArn");
        if (arn == null) {
            throw Errors.tableArnMissing();
        }
        ConstraintViolations v = new ConstraintViolations();
        List<String> keys = TagRules.readKeys(r, v);
        if (keys == null) {
            v.notNull("tagKeys");
        }
        v.throwIfAny();
        String name = Arns.tableOf(arn);
        if (keys.isEmpty()) {
            throw Errors.noTagKeys();
        }
        try (TableCatalog.Held held = c.tables().write(name)) {
            if (!c.backend().tableExists(name)) {
                throw Errors.tableNotFound();
            }
            c.backend().removeTags(name, keys);
            c.wrote(c.backend().lastSequence());
        }
    }
}
