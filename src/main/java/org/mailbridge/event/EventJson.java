package org.mailbridge.event;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The one-line JSON record of an event that {@code parse} prints and reads back. The bare body
 * sent on the wire is {@link Event#payload()}, written once when the event is made.
 */
public final class EventJson {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };

    private EventJson() {
    }

    /** {@code {"id":…,"topic":…,"headers":{…},"body":{…}}} on one line. */
    public static String line(Event e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.id());
        m.put("topic", e.topic());
        m.put("headers", e.headers());
        m.put("body", e.body());
        return write(m);
    }

    /** Reads a {@link #line} back. */
    public static Event parseLine(String json) throws IOException {
        Map<String, Object> m = MAPPER.readValue(json, MAP);
        return new Event(String.valueOf(m.get("id")), String.valueOf(m.get("topic")), asMap(m.get("headers")),
                asMap(m.get("body")));
    }

    /** Reads a message payload as a JSON object. */
    public static Map<String, Object> parseBody(byte[] json) throws IOException {
        return MAPPER.readValue(json, MAP);
    }

    /** Any JSON-compatible value as one line of JSON. */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException ex) {
            throw new IllegalArgumentException("not JSON-serialisable: " + ex.getOriginalMessage(), ex);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }
}
