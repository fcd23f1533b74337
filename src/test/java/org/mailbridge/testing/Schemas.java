package org.mailbridge.testing;

import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.mailbridge.event.Event;
import org.mailbridge.schema.BodySchema;
import org.mailbridge.schema.SchemaCatalog;

/**
 * Validates event bodies against {@code src/main/resources/schemas/<topic-suffix>.json}, the
 * schema every topic must have, through the same catalogue the daemon uses. Tests call it on
 * every body they produce.
 */
public final class Schemas {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Schemas() {
    }

    /** Whether a schema exists for the suffix. */
    public static boolean exists(String suffix) {
        return SchemaCatalog.builtIn().topics().contains(suffix);
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
        BodySchema schema = SchemaCatalog.builtIn().forSuffix(suffix)
                .orElseThrow(() -> new AssertionError("no schema for topic suffix " + suffix));
        return schema.violations(MAPPER.valueToTree(e.body()));
    }
}
