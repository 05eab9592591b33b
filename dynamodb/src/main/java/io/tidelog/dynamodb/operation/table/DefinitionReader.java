package io.tidelog.dynamodb.operation.table;

import io.tidelog.dynamodb.error.ConstraintViolations;
import io.tidelog.dynamodb.json.Request;
import io.tidelog.dynamodb.table.OnDemandThroughput;
import io.tidelog.dynamodb.table.TableNames;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the parts of a table definition from a CreateTable or UpdateTable request (key schemas,
 * attribute definitions, indexes, throughput) and records the members that break DynamoDB's
 * shape constraints, at the paths DynamoDB's messages name and in the order it checks them.
 */
final class DefinitionReader {
    static final List<String> KEY_TYPES = List.of(KeyElement.HASH, KeyElement.RANGE);
    static final List<String> ATTRIBUTE_TYPES = List.of("B", "N", "S");
    static final List<String> PROJECTION_TYPES = List.of("ALL", "INCLUDE", "KEYS_ONLY");
    static final List<String> BILLING_MODES = List.of("PROVISIONED", "PAY_PER_REQUEST");
    static final List<String> TABLE_CLASSES = List.of("STANDARD", "STANDARD_INFREQUENT_ACCESS");
    static final List<String> STREAM_VIEW_TYPES = List.of("NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES", "KEYS_ONLY");
    /** DynamoDB checks the members of at most this many list elements. */
    private static final int ELEMENTS_CHECKED = 10;

    private DefinitionReader() {}

    /** A key schema list, or null when absent; {@code required} records a missing one. */
    static List<KeyElement> keySchema(Request r, String member, String path, boolean required,
            ConstraintViolations v) {
        List<Request> elements = r.structures(member);
        if (elements == null) {
            if (required) {
                v.notNull(path);
            }
            return null;
        }
        List<KeyElement> out = new ArrayList<>(elements.size());
        for (Request e : elements) {
            out.add(new KeyElement(e.string("AttributeName"), e.string("KeyType")));
        }
        if (out.isEmpty()) {
            v.minLength(path, "[]", 1);
        } else if (out.size() > 2) {
            v.maxLength(path, render(out), 2);
        }
        for (int i = 0; i < Math.min(out.size(), ELEMENTS_CHECKED); i++) {
            KeyElement k = out.get(i);
            String at = path + "." + (i + 1) + ".member.";
            if (k.attributeName() == null) {
                v.notNull(at + "attributeName");
            }
            if (k.keyType() == null) {
                v.notNull(at + "keyType");
            } else if (!KEY_TYPES.contains(k.keyType())) {
                v.oneOf(at + "keyType", k.keyType(), KEY_TYPES);
            }
        }
        return out;
    }

    /** A key schema as DynamoDB renders the list in a message. */
    private static String render(List<KeyElement> keys) {
        List<String> parts = new ArrayList<>(keys.size());
        for (KeyElement k : keys) {
            parts.add("KeySchemaElement(attributeName=" + (k.attributeName() == null ? "" : k.attributeName())
                    + ", keyType=" + (k.keyType() == null ? "" : k.keyType()) + ")");
        }
        return "[" + String.join(", ", parts) + "]";
    }

    /** The attribute definitions, or null when absent; {@code required} records a missing list. */
    static List<AttributeDefinition> attributeDefinitions(Request r, boolean required, ConstraintViolations v) {
        List<Request> elements = r.structures("AttributeDefinitions");
        if (elements == null) {
            if (required) {
                v.notNull("attributeDefinitions");
            }
            return null;
        }
        List<AttributeDefinition> out = new ArrayList<>(elements.size());
        for (int i = 0; i < elements.size(); i++) {
            Request e = elements.get(i);
            AttributeDefinition d = new AttributeDefinition(e.string("AttributeName"), e.string("AttributeType"));
            out.add(d);
            String at = "attributeDefinitions." + (i + 1) + ".member.";
            if (d.name() == null) {
                v.notNull(at + "attributeName");
            }
            if (d.type() == null) {
                v.notNull(at + "attributeType");
            } else if (!ATTRIBUTE_TYPES.contains(d.type())) {
                v.oneOf(at + "attributeType", d.type(), ATTRIBUTE_TYPES);
            }
        }
        return out;
    }

    /** A {@code ProvisionedThroughput} member, or null when absent. */
    static Capacity capacity(Request r, String member, String path, ConstraintViolations v) {
        Request pt = r.structure(member);
        if (pt == null) {
            return null;
        }
        Capacity c = new Capacity(pt.longValue("ReadCapacityUnits"), pt.longValue("WriteCapacityUnits"));
        units(c.write(), path + ".writeCapacityUnits", v);
        units(c.read(), path + ".readCapacityUnits", v);
        return c;
    }

    private static void units(Long value, String path, ConstraintViolations v) {
        if (value == null) {
            v.notNull(path);
        } else if (value < 1) {
            v.minValue(path, Long.toString(value), 1);
        }
    }

    /** An {@code OnDemandThroughput} member, or null when absent or empty. */
    static OnDemandThroughput onDemand(Request r, String member) {
        Request odt = r.structure(member);
        if (odt == null) {
            return null;
        }
        OnDemandThroughput t = new OnDemandThroughput(odt.longValue("MaxReadRequestUnits"),
                odt.longValue("MaxWriteRequestUnits"));
        return t.isEmpty() ? null : t;
    }

    /** CreateTable's {@code LocalSecondaryIndexes}, or null when absent. */
    static List<IndexDefinition> localIndexes(Request r, ConstraintViolations v) {
        List<Request> elements = r.structures("LocalSecondaryIndexes");
        if (elements == null) {
            return null;
        }
        List<IndexDefinition> out = new ArrayList<>(elements.size());
        for (int i = 0; i < elements.size(); i++) {
            String path = "localSecondaryIndexes." + (i + 1) + ".member";
            ConstraintViolations checked = i < ELEMENTS_CHECKED ? v : new ConstraintViolations();
            Request e = elements.get(i);
            String name = indexName(e, path, checked);
            List<KeyElement> keys = indexKeySchema(e, path, checked);
            Projected p = projection(e, path, checked);
            out.add(new IndexDefinition(name, keys, p.present(), p.type(), p.nonKeyAttributes(), null, null));
        }
        return out;
    }

    /** CreateTable's {@code GlobalSecondaryIndexes}, or null when absent. */
    static List<IndexDefinition> globalIndexes(Request r, ConstraintViolations v) {
        List<Request> elements = r.structures("GlobalSecondaryIndexes");
        if (elements == null) {
            return null;
        }
        List<IndexDefinition> out = new ArrayList<>(elements.size());
        for (int i = 0; i < elements.size(); i++) {
            out.add(globalIndex(elements.get(i), "globalSecondaryIndexes." + (i + 1) + ".member",
                    i < ELEMENTS_CHECKED ? v : new ConstraintViolations()));
        }
        return out;
    }

    /** One GSI definition (a CreateTable element or an UpdateTable {@code Create} action). */
    static IndexDefinition globalIndex(Request e, String path, ConstraintViolations v) {
        List<KeyElement> keys = indexKeySchema(e, path, v);
        Projected p = projection(e, path, v);
        String name = indexName(e, path, v);
        Capacity capacity = capacity(e, "ProvisionedThroughput", path + ".provisionedThroughput", v);
        return new IndexDefinition(name, keys, p.present(), p.type(), p.nonKeyAttributes(), capacity,
                onDemand(e, "OnDemandThroughput"));
    }

    /** An index's {@code IndexName}, checked at {@code path}. */
    static String indexName(Request e, String path, ConstraintViolations v) {
        String name = e.string("IndexName");
        if (name == null) {
            v.notNull(path + ".indexName");
        } else {
            TableNames.checkName(name, path + ".indexName", v);
        }
        return name;
    }

    private static List<KeyElement> indexKeySchema(Request e, String path, ConstraintViolations v) {
        List<KeyElement> keys = keySchema(e, "KeySchema", path + ".keySchema", true, v);
        return keys == null ? List.of() : keys;
    }

    /** A {@code Projection} member as requested. */
    private record Projected(boolean present, String type, List<String> nonKeyAttributes) {}

    private static Projected projection(Request e, String path, ConstraintViolations v) {
        Request p = e.structure("Projection");
        if (p == null) {
            v.notNull(path + ".projection");
            return new Projected(false, null, null);
        }
        String type = p.string("ProjectionType");
        List<String> nonKey = p.strings("NonKeyAttributes");
        if (type != null && !PROJECTION_TYPES.contains(type)) {
            v.oneOf(path + ".projection.projectionType", type, PROJECTION_TYPES);
        }
        if (nonKey != null && nonKey.isEmpty()) {
            v.minLength(path + ".projection.nonKeyAttributes", "[]", 1);
        }
        return new Projected(true, type, nonKey);
    }

    /** A member holding a JSON string, as written in a message when it is not one of {@code values}. */
    static String oneOf(Request r, String member, String path, List<String> values, ConstraintViolations v) {
        String s = r.string(member);
        if (s != null && !values.contains(s)) {
            v.oneOf(path, s, values);
        }
        return s;
    }
}
