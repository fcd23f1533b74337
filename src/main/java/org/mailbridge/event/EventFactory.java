package org.mailbridge.event;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.mailbridge.spi.AccountNames;
import org.mailbridge.spi.EventDraft;
import org.mailbridge.spi.Mail;
import org.mailbridge.spi.TrustVerdict;

/**
 * Finishes parser drafts into {@link Event}s: ids, full topics and fedora-messaging headers. This
 * is the SPI boundary: whatever a parser handed over is checked here (names that cannot be header
 * names are dropped, a body that is not JSON is refused), so nothing past it trusts a parser.
 */
public final class EventFactory {
    private static final DateTimeFormatter SENT_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");

    private final String topicPrefix;
    private final String environment;
    private final Clock clock;
    private volatile SentAt lastSentAt;

    public EventFactory(String topicPrefix, String environment, Clock clock) {
        this.topicPrefix = topicPrefix;
        this.environment = environment;
        this.clock = clock;
    }

    /** The full topic for a suffix. */
    public String topic(String suffix) {
        return topicPrefix + "." + environment + "." + suffix;
    }

    /**
     * The events of one parsed mail.
     *
     * @throws UnserialisableBodyException if a draft's body is not JSON; the message names the
     *     event and the path of the bad value
     */
    public List<Event> build(Mail mail, String parserId, List<EventDraft> drafts, TrustVerdict trust) {
        String sentAt = sentAt();
        List<Event> out = new ArrayList<>(drafts.size());
        for (int i = 0; i < drafts.size(); i++) {
            Map<String, Object> own = new LinkedHashMap<>();
            own.put(EventHeaders.SOURCE_MESSAGE_ID, mail.messageId().orElse(""));
            own.put(EventHeaders.PARSER, parserId);
            own.put(EventHeaders.TRUST, trust.header());
            try {
                out.add(envelope(EventIds.of(mail.contentKey(), parserId, i), drafts.get(i), sentAt, own));
            } catch (UnserialisableBodyException e) {
                throw e.in("event " + (i + 1) + " of " + drafts.size() + " (" + drafts.get(i).topic() + ")");
            }
        }
        return out;
    }

    /**
     * One event in the envelope every published event has: the fedora-messaging headers (schema,
     * severity, sent-at, priority, one header per user and package), then {@code extra}. The API
     * ({@code org.mailbridge.api.Bus}) and the daemon both make their events here.
     */
    public Event envelope(String id, EventDraft d, String sentAt, Map<String, Object> extra) {
        Map<String, Object> h = new LinkedHashMap<>();
        h.put(EventHeaders.SCHEMA, d.schema());
        h.put(EventHeaders.SEVERITY, d.severity());
        h.put(EventHeaders.SENT_AT, sentAt);
        h.put(EventHeaders.PRIORITY, 0);
        // Names become header names: whatever a parser or plugin hands over, only clean ones pass.
        d.usernames().stream().filter(AccountNames::isAccountName)
                .forEach(u -> h.put(EventHeaders.USER_PREFIX + u, true));
        d.packages().stream().filter(AccountNames::isPackageName)
                .forEach(p -> h.put(EventHeaders.RPM_PREFIX + p, true));
        h.putAll(extra);
        return new Event(id, topic(d.topic()), h, d.body());
    }

    /** Now, as the {@code sent-at} header writes it. */
    public String sentAt() {
        // The text changes once a second; every mail of that second reuses it.
        long second = clock.instant().getEpochSecond();
        SentAt last = lastSentAt;
        if (last == null || last.second() != second) {
            last = new SentAt(second, OffsetDateTime.ofInstant(Instant.ofEpochSecond(second), ZoneOffset.UTC)
                    .format(SENT_AT));
            lastSentAt = last;
        }
        return last.text();
    }

    /** One second's {@code sent-at} text; replaced whole, so threads see a matching pair. */
    private record SentAt(long second, String text) {
    }
}
