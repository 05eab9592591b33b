package io.tidelog.dynamodb.operation.table;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tidelog.dynamodb.table.CatalogFormat;
import io.tidelog.dynamodb.table.ProvisionedThroughput;
import java.util.List;

/** The catalog documents ({@link CatalogFormat}) of a validated table definition. */
final class DefinitionDocuments {
    private DefinitionDocuments() {}

    static ArrayNode keySchema(List<KeyElement> keys) {
        ArrayNode a = CatalogFormat.array();
        for (KeyElement k : keys) {
            a.addObject().put("AttributeName", k.attributeName()).put("KeyType", k.keyType());
        }
        return a;
    }

    static ArrayNode attributeDefinitions(List<AttributeDefinition> definitions) {
        ArrayNode a = CatalogFormat.array();
        for (AttributeDefinition d : definitions) {
            a.addObject().put("AttributeName", d.name()).put("AttributeType", d.type());
        }
        return a;
    }

    /** An index definition; a GSI of a provisioned table carries its throughput. */
    static ObjectNode index(IndexDefinition i, boolean withThroughput) {
        ObjectNode o = CatalogFormat.object();
        o.put("IndexName", i.name());
        o.set("KeySchema", keySchema(i.keySchema()));
        ObjectNode p = o.putObject("Projection");
        p.put("ProjectionType", i.projectionType());
        if (i.nonKeyAttributes() != null) {
            ArrayNode names = p.putArray("NonKeyAttributes");
            i.nonKeyAttributes().forEach(names::add);
        }
        if (withThroughput && i.capacity() != null) {
            o.set("ProvisionedThroughput", ProvisionedThroughput.of(i.capacity().read(), i.capacity().write()).toJson());
        }
        if (i.onDemand() != null) {
            o.set("OnDemandThroughput", i.onDemand().toJson());
        }
        return o;
    }

    static ArrayNode indexes(List<IndexDefinition> indexes, boolean withThroughput) {
        ArrayNode a = CatalogFormat.array();
        for (IndexDefinition i : indexes) {
            a.add(index(i, withThroughput));
        }
        return a;
    }
}
