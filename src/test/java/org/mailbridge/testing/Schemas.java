package org.mailbridge.testing;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersionDetector;
import com.networknt.schema.ValidationMessage;

import org.mailbridge.event.Event;

/**
 * Validates event bodies against {@code src/main/resources/schemas/<topic-suffix>.json}, the
 * schema every topic must have. Tests call it on every body they produce.
 */
public final class Schemas {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Map<String, JsonSchema> CACHE = new ConcurrentHashMap<>();

    private Schemas() {
    }

    /**
     * The schema resource path for a topic suffix. A Bugzilla instance other than Fedora's
     * publishes under its own name ({@code bugzilla.<name>.bug.update}), all with one schema.
     */
    public static String resource(String suffix) {
        java.util.regex.Matcher m = INSTANCE_TOPIC.matcher(suffix);
        if (m.matches()) {
            return "/schemas/bugzilla.instance.bug." + m.group(1) + ".json";
        }
        return "/schemas/" + suffix + ".json";
    }

    private static final java.util.regex.Pattern INSTANCE_TOPIC =
            java.util.regex.Pattern.compile("bugzilla\\.[a-z0-9_-]+\\.bug\\.(new|update)");

    /** Whether a schema exists for the suffix. */
    public static boolean exists(String suffix) {
        return Schemas.class.getResource(resource(suffix)) != null;
    }

    /**
     * Validates an event's body against its topic's schema.
     *
     * @param topicHead the {@code prefix.environment.} part to strip from the topic
     * @return the violations, empty when valid
     * @throws AssertionError when the topic has no schema
     */
    public static Set<String> violations(Event e, String topicHead) {
        String suffix = e.topic().startsWith(topicHead) ? e.topic().substring(topicHead.length()) : e.topic();
        JsonSchema schema = CACHE.computeIfAbsent(suffix, Schemas::load);
        JsonNode body = MAPPER.valueToTree(e.body());
        return schema.validate(body).stream().map(ValidationMessage::getMessage).collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    private static JsonSchema load(String suffix) {
        try (InputStream in = Schemas.class.getResourceAsStream(resource(suffix))) {
            if (in == null) {
                throw new AssertionError("no schema " + resource(suffix) + " for topic suffix " + suffix);
            }
            JsonNode node = MAPPER.readTree(in);
            return JsonSchemaFactory.getInstance(SpecVersionDetector.detect(node)).getSchema(node);
        } catch (IOException e) {
            throw new AssertionError("unreadable schema " + resource(suffix), e);
        }
    }
}
