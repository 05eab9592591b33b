package io.tidelog.dynamodb.operation.item;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * How DynamoDB echoes a table's write requests in the message refusing their number: each
 * request in its service's own structure notation, {@code {PutRequest: {Item: {pk: {S: a}}}}},
 * comma separated.
 */
final class WriteRequestEcho {
    private WriteRequestEcho() {}

    static String of(List<JsonNode> requests) {
        if (requests == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (JsonNode r : requests) {
            if (out.length() > 0) {
                out.append(", ");
            }
            render(r, out);
        }
        return out.toString();
    }

    private static void render(JsonNode node, StringBuilder out) {
        if (node.isObject()) {
            out.append('{');
            boolean first = true;
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!first) {
                    out.append(", ");
                }
                first = false;
                out.append(e.getKey()).append(": ");
                render(e.getValue(), out);
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                if (i > 0) {
                    out.append(", ");
                }
                render(node.get(i), out);
            }
            out.append(']');
        } else if (node.isTextual()) {
            out.append(node.textValue());
        } else {
            out.append(node.toString());
        }
    }
}
