package org.mailbridge.schema;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A body of maps, lists and scalars as the {@link JsonNode} tree the validator reads: the tree
 * {@code ObjectMapper.valueToTree} makes (JsonTreesTest compares them node for node), built
 * directly instead of by writing the body to a token buffer and reading it back. Maps with
 * string keys, lists, strings, ints, longs, doubles, booleans and nulls (what parsers make) are
 * converted here; a body with anything else goes to {@code valueToTree} whole, so that its tree,
 * or the error about it, is exactly that method's.
 */
final class JsonTrees {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonNodeFactory NODES = MAPPER.getNodeFactory();

    private JsonTrees() {
    }

    /** The tree of {@code body}. */
    static JsonNode of(Object body) {
        if (body == null) {
            return null; // as valueToTree answers
        }
        JsonNode direct = convert(body);
        return direct != null ? direct : MAPPER.valueToTree(body);
    }

    /** The tree, or null when the body holds something else. */
    private static JsonNode convert(Object v) {
        if (v instanceof String s) {
            return NODES.textNode(s);
        }
        if (v instanceof Map<?, ?> m) {
            ObjectNode o = NODES.objectNode();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                JsonNode value = e.getKey() instanceof String ? convert(e.getValue()) : null;
                if (value == null) {
                    return null;
                }
                o.set((String) e.getKey(), value);
            }
            return o;
        }
        if (v instanceof List<?> l) {
            ArrayNode a = NODES.arrayNode(l.size());
            for (Object item : l) {
                JsonNode value = convert(item);
                if (value == null) {
                    return null;
                }
                a.add(value);
            }
            return a;
        }
        if (v == null) {
            return NODES.nullNode();
        }
        if (v instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        if (v instanceof Integer i) {
            return NODES.numberNode(i.intValue());
        }
        if (v instanceof Long n) {
            return NODES.numberNode(n.longValue());
        }
        if (v instanceof Double d) {
            return NODES.numberNode(d.doubleValue());
        }
        return null;
    }
}
