package org.mailbridge.schema;

import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.OutputFormat;
import com.networknt.schema.ValidationMessage;

/**
 * The JSON Schema of one topic's body, as shipped in the jar under {@code schemas/<topic>.json}.
 *
 * @param topic the topic suffix, such as {@code git.ref.update}
 * @param id the schema's {@code $id} (draft-04: {@code id}); it names the version
 * @param version the major version, taken from the {@code /v<N>/} part of the id
 * @param header the {@code fedora_messaging_schema} header that bodies of this schema carry
 *     (the schema's {@code x-fedora-messaging-schema} keyword)
 * @param title the schema's one-line title
 * @param source the schema document as written, keywords of our own included
 * @param compiled the validator
 */
public record BodySchema(String topic, String id, int version, String header, String title, JsonNode source,
                         JsonSchema compiled) {
    /** The keyword that names the fedora-messaging message class of a schema. */
    public static final String HEADER_KEYWORD = "x-fedora-messaging-schema";

    public BodySchema {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(compiled, "compiled");
    }

    /** The violations of a body, sorted, empty when it is valid. */
    public Set<String> violations(JsonNode body) {
        // Nearly every body is valid: ask yes or no first (fail-fast, no messages built), and
        // walk the body again for the messages only when the answer is no.
        if (compiled.validate(body, OutputFormat.BOOLEAN)) {
            return Set.of();
        }
        return compiled.validate(body).stream().map(ValidationMessage::getMessage)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The schema document, pretty-printed, as {@code mailbridge schemas TOPIC} shows it. */
    public String text() {
        return source.toPrettyString();
    }
}
