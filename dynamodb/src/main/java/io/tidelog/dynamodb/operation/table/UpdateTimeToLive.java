package io.tidelog.dynamodb.operation.table;

import io.tidelog.backend.TableMetadata;
import io.tidelog.dynamodb.error.ConstraintViolations;
import io.tidelog.dynamodb.error.Errors;
import io.tidelog.dynamodb.json.Request;
import io.tidelog.dynamodb.json.Response;
import io.tidelog.dynamodb.operation.Context;
import io.tidelog.dynamodb.operation.Operation;
import io.tidelog.dynamodb.table.TableCatalog;
import io.tidelog.dynamodb.table.TableNames;
import java.io.IOException;

/**
 * UpdateTimeToLive: turns expiry on an attribute on or off. Like DynamoDB it is not idempotent:
 * enabling an enabled TTL, disabling a disabled one, or naming another attribute than the active
 * one is refused. The change takes effect at once (DynamoDB's ENABLING and DISABLING states last
 * no time here), and the reply echoes the specification.
 */
public final class UpdateTimeToLive implements Operation {
    static final int MAX_ATTRIBUTE_NAME = 255;

    @Override
    public boolean writes() {
        return true;
    }

    @Override
    public void execute(Request r, Response out, Context c) throws IOException {
        String name = r.string("TableName");
        if (name == null) {
            throw Errors.tableNameRequired();
        }
        if (name.length() < TableNames.MIN_LENGTH || name.length() > TableNames.MAX_LENGTH) {
            throw Errors.tableNameLength();
        }
        ConstraintViolations v = new ConstraintViolations();
        if (!TableNames.matchesPattern(name)) {
            v.pattern("tableName", name, ConstraintViolations.NAME_PATTERN);
        }
        Request spec = r.structure("TimeToLiveSpecification");
        Boolean enabled = null;
        String attribute = null;
        if (spec == null) {
            v.notNull("timeToLiveSpecification");
        } else {
            enabled = spec.bool("Enabled");
            attribute = spec.string("AttributeName");
            if (enabled == null) {
                v.notNull("timeToLiveSpecification.enabled");
            }
            if (attribute == null) {
                v.notNull("timeToLiveSpecification.attributeName");
            } else if (attribute.isEmpty()) {
                v.minLength("timeToLiveSpecification.attributeName", attribute, 1);
            } else if (attribute.length() > MAX_ATTRIBUTE_NAME) {
                v.maxLength("timeToLiveSpecification.attributeName", attribute, MAX_ATTRIBUTE_NAME);
            }
        }
        v.throwIfAny();

        try (TableCatalog.Held held = c.tables().write(name)) {
            TableMetadata table = c.backend().getTableMetadata(name).orElseThrow(() -> Errors.tableNotFound(name));
            boolean active = table.ttlEnabled();
            if (active && !attribute.equals(table.ttlAttribute())) {
                throw Errors.timeToLiveOnOtherAttribute(table.ttlAttribute());
            }
            if (active && enabled) {
                throw Errors.timeToLiveAlreadyEnabled();
            }
            if (!active && !enabled) {
                throw Errors.timeToLiveAlreadyDisabled();
            }
            c.backend().updateTtlConfig(name, enabled ? attribute : null, enabled);
            c.wrote(c.backend().lastSequence());
        }
        out.json().writeObjectFieldStart("TimeToLiveSpecification");
        out.json().writeStringField("AttributeName", attribute);
        out.json().writeBooleanField("Enabled", enabled);
        out.json().writeEndObject();
    }
}
