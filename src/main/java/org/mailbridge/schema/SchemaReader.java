package org.mailbridge.schema;

import java.io.IOException;
import java.io.InputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersionDetector;

/** Reads one schema document into a {@link BodySchema}, checking what every schema must declare. */
final class SchemaReader {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern VERSION = Pattern.compile("/v(\\d+)/");

    private SchemaReader() {
    }

    static BodySchema read(String topic, InputStream in, String where) {
        JsonNode node;
        try {
            node = MAPPER.readTree(in);
        } catch (IOException e) {
            throw new SchemaException("unreadable schema " + where + ": " + e.getMessage(), e);
        }
        if (!(node instanceof ObjectNode obj)) {
            throw new SchemaException("schema " + where + " is not a JSON object", null);
        }
        String id = obj.path(obj.has("$id") ? "$id" : "id").asText("");
        Matcher v = VERSION.matcher(id);
        if (!v.find()) {
            throw new SchemaException("schema " + where + " has no versioned $id (…/v<N>/<topic>.json): '" + id + "'",
                    null);
        }
        String header = obj.path(BodySchema.HEADER_KEYWORD).asText("");
        if (header.isEmpty()) {
            throw new SchemaException("schema " + where + " has no " + BodySchema.HEADER_KEYWORD, null);
        }
        // Our own keyword is for people and tools; the validator does not know it and would warn.
        ObjectNode forValidator = obj.deepCopy();
        forValidator.remove(BodySchema.HEADER_KEYWORD);
        try {
            JsonSchema compiled = JsonSchemaFactory.getInstance(SpecVersionDetector.detect(forValidator)).getSchema(forValidator);
            // The validator fills its keyword validators lazily, in plain fields; loaded here, once,
            // they are complete before the catalogue hands the schema to concurrent validations.
            compiled.initializeValidators();
            return new BodySchema(topic, id, Integer.parseInt(v.group(1)), header, obj.path("title").asText(""), obj,
                    compiled);
        } catch (RuntimeException e) {
            throw new SchemaException("invalid schema " + where + ": " + e.getMessage(), e);
        }
    }
}
