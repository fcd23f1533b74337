package org.mailbridge.event;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A finished event, in fedora-messaging's record form: what {@code parse} prints and what is
 * published. Its body is checked and serialised once, here ({@link JsonBody}): an event that
 * exists has a body that is JSON, so publishers send {@link #payload()} as it is and only ever
 * see transport errors. A value class rather than a record because it keeps those bytes beside
 * the body it was made from; equality is that of id, topic, headers and body.
 */
public final class Event {
    private final String id;
    private final String topic;
    private final Map<String, Object> headers;
    private final Map<String, Object> body;
    private final byte[] payload;

    /**
     * @param id a UUID, deterministic for a given mail, parser and position
     * @param topic the full topic, {@code <prefix>.<environment>.<suffix>}
     * @param headers the fedora-messaging headers, in a stable order
     * @param body the JSON body
     * @throws UnserialisableBodyException if the body holds a value that is not JSON
     */
    public Event(String id, String topic, Map<String, Object> headers, Map<String, ?> body) {
        this.id = Objects.requireNonNull(id, "id");
        this.topic = Objects.requireNonNull(topic, "topic");
        this.headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        JsonBody.Checked checked = JsonBody.of(Objects.requireNonNull(body, "body"));
        this.body = checked.tree();
        this.payload = checked.json();
    }

    /** The event id. */
    public String id() {
        return id;
    }

    /** The full topic. */
    public String topic() {
        return topic;
    }

    /** The headers, in a stable order. */
    public Map<String, Object> headers() {
        return headers;
    }

    /** The body: an immutable tree of maps, lists, strings, numbers, booleans and nulls. */
    public Map<String, Object> body() {
        return body;
    }

    /** The body as UTF-8 JSON: the payload of the published message (a copy). */
    public byte[] payload() {
        return payload.clone();
    }

    /** The {@code fedora_messaging_schema} header, or empty string. */
    public String schema() {
        return String.valueOf(headers.getOrDefault(EventHeaders.SCHEMA, ""));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Event e && id.equals(e.id) && topic.equals(e.topic) && headers.equals(e.headers)
                && body.equals(e.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, topic, headers, body);
    }

    @Override
    public String toString() {
        return "Event[id=" + id + ", topic=" + topic + ", headers=" + headers + ", body="
                + new String(payload, StandardCharsets.UTF_8) + "]";
    }
}
