package org.mailbridge.pipeline;

import java.util.List;
import java.util.Objects;

import org.mailbridge.event.Event;
import org.mailbridge.spi.TrustVerdict;
import org.mailbridge.spool.QuarantineNote;

/**
 * What one mail becomes before anything is published: events, a policy that withholds it, or a
 * reason to quarantine it.
 */
public sealed interface Interpretation
        permits Interpretation.Publishable, Interpretation.Withheld, Interpretation.Unpublishable {

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
     * The privacy policy withholds the whole mail: the daemon settles it (removes it from the
     * spool) and counts it; it is not an error, so it is not quarantined.
     *
     * @param parserId the parser that claimed it
     * @param policy the policy word ({@code product}, {@code private}, …)
     * @param detail one line for the log, never the private text
     */
    record Withheld(String parserId, String policy, String detail) implements Interpretation {
        public Withheld {
            Objects.requireNonNull(parserId, "parserId");
            Objects.requireNonNull(policy, "policy");
            Objects.requireNonNull(detail, "detail");
        }

        /** The logged reason: {@code policy: <policy>}. */
        public String reason() {
            return "policy: " + policy;
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
