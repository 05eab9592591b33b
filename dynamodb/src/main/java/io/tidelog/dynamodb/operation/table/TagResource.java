package io.tidelog.dynamodb.operation.table;

import io.tidelog.backend.Tag;
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

/** TagResource: sets tags on a table, keeping the others; a table holds at most 50. */
public final class TagResource implements Operation {

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
        List<Tag> tags = TagRules.read(r, "Tags", "tags", v);
        if (tags == null) {
            v.notNull("tags");
        }
        v.throwIfAny();
        String name = Arns.tableOf(arn);
        if (tags.isEmpty()) {
            throw Errors.noTags();
        }
        TagRules.check(tags);
        try (TableCatalog.Held held = c.tables().write(name)) {
            if (!c.backend().tableExists(name)) {
                throw Errors.resourceArnNotFound(arn);
            }
            TagRules.checkLimit(c.backend().getTags(name), tags);
            c.backend().setTags(name, tags);
            c.wrote(c.backend().lastSequence());
        }
    }
}
