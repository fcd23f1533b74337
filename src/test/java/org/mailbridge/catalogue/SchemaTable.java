package org.mailbridge.catalogue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/** A body schema as rows a person can read: dotted path, type, required, description. */
final class SchemaTable {
    private static final int MAX_DEPTH = 6;

    /**
     * One field.
     *
     * @param path {@code commit.stats.total.lines}; {@code []} marks the items of an array
     * @param type the JSON types, with {@code null} when allowed, or the enumerated values
     * @param required whether the enclosing object requires it
     * @param description the schema's description, or empty
     */
    record Row(String path, String type, boolean required, String description) {
    }

    private final JsonNode root;
    private final List<Row> rows = new ArrayList<>();

    private SchemaTable(JsonNode root) {
        this.root = root;
    }

    static List<Row> of(JsonNode schema) {
        SchemaTable t = new SchemaTable(schema);
        t.object("", t.resolve(schema), 0);
        return t.rows;
    }

    private void object(String prefix, JsonNode schema, int depth) {
        if (depth > MAX_DEPTH) {
            return;
        }
        Set<String> required = new LinkedHashSet<>();
        schema.path("required").forEach(r -> required.add(r.asText()));
        schema.path("properties").fields().forEachRemaining(f -> {
            JsonNode p = resolve(f.getValue());
            String path = prefix + f.getKey();
            rows.add(new Row(path, type(p), required.contains(f.getKey()), describe(f.getValue(), p)));
            children(path, p, depth + 1);
        });
    }

    private void children(String path, JsonNode p, int depth) {
        if (p.has("properties")) {
            object(path + ".", p, depth);
        }
        JsonNode items = resolve(p.path("items"));
        if (items.has("properties")) {
            object(path + "[].", items, depth);
        }
        for (String alt : List.of("anyOf", "oneOf")) {
            for (JsonNode a : p.path(alt)) {
                JsonNode r = resolve(a);
                if (r.has("properties")) {
                    object(path + ".", r, depth);
                }
            }
        }
    }

    private String type(JsonNode p) {
        if (p.has("enum")) {
            List<String> v = new ArrayList<>();
            p.get("enum").forEach(e -> v.add(e.isTextual() ? "\"" + e.asText() + "\"" : e.toString()));
            return "one of " + String.join(", ", v);
        }
        if (p.has("const")) {
            return "always " + p.get("const");
        }
        Set<String> types = new LinkedHashSet<>();
        JsonNode t = p.path("type");
        if (t.isArray()) {
            t.forEach(x -> types.add(x.asText()));
        } else if (t.isTextual()) {
            types.add(t.asText());
        }
        for (String alt : List.of("anyOf", "oneOf")) {
            for (JsonNode a : p.path(alt)) {
                types.add(type(resolve(a)));
            }
        }
        if (types.contains("array")) {
            JsonNode items = resolve(p.path("items"));
            String it = items.isMissingNode() ? "" : type(items);
            if (!it.isEmpty()) {
                types.remove("array");
                types.add("array of " + it);
            }
        }
        return types.isEmpty() ? "any" : String.join(" or ", types);
    }

    private static String describe(JsonNode declared, JsonNode resolved) {
        String d = declared.path("description").asText(resolved.path("description").asText(""));
        return d.replace("|", "\\|").replace('\n', ' ');
    }

    /** Follows a local {@code #/definitions/…} reference. */
    private JsonNode resolve(JsonNode n) {
        String ref = n.path("$ref").asText("");
        return ref.startsWith("#/") ? root.at(ref.substring(1)) : n;
    }
}
