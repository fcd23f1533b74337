package org.mailbridge.spi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An event as a parser produces it, before the bridge gives it an id, a full topic and headers.
 *
 * @param topic the topic suffix, such as {@code bugzilla.bug.update} (see {@link Topics}); the bridge prepends
 *     {@code <topic_prefix>.<environment>.}
 * @param schema the {@code fedora_messaging_schema} header: the fedora-messaging message class
 *     whose schema the body satisfies
 * @param severity fedora-messaging severity: 10 debug, 20 info, 30 warning, 40 error
 * @param body the JSON body: maps with string keys, lists, strings, numbers, booleans and nulls;
 *     key order is kept. The bridge checks this when it makes the event: any other value (an
 *     {@code Optional}, a date, NaN) quarantines the mail as {@code parser-error}. List values
 *     the mail does not carry in {@code mailbridge.unknown} with {@link Unknowns}
 * @param usernames the accounts the event concerns ({@code fedora_messaging_user_*} headers)
 * @param packages the packages the event concerns ({@code fedora_messaging_rpm_*} headers)
 */
public record EventDraft(String topic, String schema, int severity, Map<String, Object> body,
                         Set<String> usernames, Set<String> packages) {
    /** fedora-messaging's INFO severity, the usual one. */
    public static final int INFO = 20;

    public EventDraft {
        Objects.requireNonNull(topic, "topic");
        if (!Topics.isTopic(topic)) {
            throw new IllegalArgumentException("topic '" + topic + "' is not " + Topics.SYNTAX);
        }
        Objects.requireNonNull(schema, "schema");
        if (severity != 10 && severity != 20 && severity != 30 && severity != 40) {
            throw new IllegalArgumentException("severity must be 10, 20, 30 or 40");
        }
        body = Collections.unmodifiableMap(new LinkedHashMap<>(body));
        usernames = Collections.unmodifiableSet(new LinkedHashSet<>(usernames));
        packages = Collections.unmodifiableSet(new LinkedHashSet<>(packages));
    }

    /** An INFO event with no users or packages. */
    public static EventDraft of(String topic, String schema, Map<String, Object> body) {
        return new EventDraft(topic, schema, INFO, body, Set.of(), Set.of());
    }

    /** A copy naming these users. */
    public EventDraft withUsernames(Set<String> names) {
        return new EventDraft(topic, schema, severity, body, names, packages);
    }

    /** A copy naming these packages. */
    public EventDraft withPackages(Set<String> names) {
        return new EventDraft(topic, schema, severity, body, usernames, names);
    }
}
