package org.mailbridge.schema;

import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Checks an event body against its topic's schema before it leaves (or after it arrives): the
 * topic must have a schema, the {@code fedora_messaging_schema} header must be the one the
 * schema declares, and the body must satisfy it. Thread-safe.
 */
public final class BodyValidator {
    private final SchemaCatalog catalog;

    public BodyValidator(SchemaCatalog catalog) {
        this.catalog = catalog;
    }

    /** A validator over the shipped schemas. */
    public static BodyValidator builtIn() {
        return new BodyValidator(SchemaCatalog.builtIn());
    }

    /** The catalogue it validates against. */
    public SchemaCatalog catalog() {
        return catalog;
    }

    /**
     * Why the body may not be published under this topic and header; empty when it may.
     *
     * @param topic the full topic or its suffix
     * @param header the {@code fedora_messaging_schema} header, or null to skip that check
     * @param body the body as maps, lists and scalars, or as a {@link JsonNode}
     */
    public Optional<String> problem(String topic, String header, Object body) {
        Optional<BodySchema> schema = catalog.forTopic(topic);
        if (schema.isEmpty()) {
            return Optional.of("topic " + topic + " has no schema");
        }
        BodySchema s = schema.get();
        if (header != null && !header.equals(s.header())) {
            return Optional.of("header fedora_messaging_schema is '" + header + "' but the schema " + s.id()
                    + " of " + s.topic() + " is '" + s.header() + "'");
        }
        JsonNode node;
        try {
            node = body instanceof JsonNode n ? n : JsonTrees.of(body);
        } catch (IllegalArgumentException e) {
            return Optional.of("the body is not JSON: " + e.getMessage());
        }
        var v = s.violations(node);
        return v.isEmpty() ? Optional.empty()
                : Optional.of("the body of " + s.topic() + " fails " + s.id() + ": " + String.join("; ", v));
    }
}
