package org.mailbridge.pipeline;

import java.util.List;
import java.util.Objects;

import org.mailbridge.event.Event;
import org.mailbridge.spi.TrustVerdict;
import org.mailbridge.spool.QuarantineNote;

/** What one mail becomes before anything is published: events, or a reason to quarantine it. */
public sealed interface Interpretation permits Interpretation.Publishable, Interpretation.Unpublishable {

    /**
     * The mail yields events.
     *
     * @param parserId the parser that made them
     * @param events the finished events, at least one
     * @param trust the parser's trust verdict; the daemon publishes only trusted mail
     */
    record Publishable(String parserId, List<Event> events, TrustVerdict trust) implements Interpretation {
        public Publishable {
            Objects.requireNonNull(parserId, "parserId");
            events = List.copyOf(events);
            Objects.requireNonNull(trust, "trust");
        }
    }

    /**
     * The mail cannot be published.
     *
     * @param note why; the daemon quarantines it with this note
     */
    record Unpublishable(QuarantineNote note) implements Interpretation {
        public Unpublishable {
            Objects.requireNonNull(note, "note");
        }
    }
}
