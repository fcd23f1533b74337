package org.mailbridge.event;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A finished event, in fedora-messaging's record form: what {@code parse} prints and what is
 * published.
 *
 * @param id a UUID, deterministic for a given mail, parser and position
 * @param topic the full topic, {@code <prefix>.<environment>.<suffix>}
 * @param headers the fedora-messaging headers, in a stable order
 * @param body the JSON body
 */
public record Event(String id, String topic, Map<String, Object> headers, Map<String, Object> body) {
    public Event {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(topic, "topic");
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        body = Collections.unmodifiableMap(new LinkedHashMap<>(body));
    }

    /** The {@code fedora_messaging_schema} header, or empty string. */
    public String schema() {
        return String.valueOf(headers.getOrDefault(EventHeaders.SCHEMA, ""));
    }
}
