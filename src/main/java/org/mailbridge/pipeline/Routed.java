package org.mailbridge.pipeline;

import java.util.List;
import java.util.Map;

import org.mailbridge.event.Event;
import org.mailbridge.spool.SpoolEntry;

/**
 * A claimed mail that was read, parsed, found trusted and routed: all that is left is to send
 * its events and settle it.
 *
 * @param claimed the message in {@code cur/}
 * @param parserId the parser that made the events
 * @param events every event, in the parser's order
 * @param shares the events of each domain
 * @param mid the source Message-ID, for the log
 * @param startNanos when its processing began, for the log
 */
public record Routed(SpoolEntry claimed, String parserId, List<Event> events, Map<String, List<Event>> shares,
                     String mid, long startNanos) implements Prepared {
    public Routed {
        events = List.copyOf(events);
        shares = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(shares));
    }
}
