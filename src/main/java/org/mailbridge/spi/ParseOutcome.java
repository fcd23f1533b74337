package org.mailbridge.spi;

import java.util.List;
import java.util.Objects;

/**
 * What a parser made of one mail. The set is closed: the bridge handles each case.
 */
public sealed interface ParseOutcome
        permits ParseOutcome.NotMine, ParseOutcome.Events, ParseOutcome.Ignored, ParseOutcome.Malformed {

    /** The mail is not for this parser; the next parser is asked. */
    record NotMine() implements ParseOutcome {
    }

    /**
     * The parser claims the mail and made events from it.
     *
     * @param events at least one event, in publishing order
     * @param trust whether the sender is trusted
     */
    record Events(List<EventDraft> events, TrustVerdict trust) implements ParseOutcome {
        public Events {
            events = List.copyOf(events);
            if (events.isEmpty()) {
                throw new IllegalArgumentException("Events needs at least one event; use Ignored for none");
            }
            Objects.requireNonNull(trust, "trust");
        }
    }

    /**
     * The parser claims the mail, which by design carries no event (a Bugzilla admin notice, a
     * whine report). The message is quarantined as {@code ignored}, never silently dropped.
     *
     * @param reason why it carries no event
     */
    record Ignored(String reason) implements ParseOutcome {
        public Ignored {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * The parser claims the mail but cannot read it (a truncated table, a missing field). The
     * message is quarantined as {@code parse-error} with this reason.
     *
     * @param reason what is wrong, in one line
     */
    record Malformed(String reason) implements ParseOutcome {
        public Malformed {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** The shared "not mine" answer. */
    static ParseOutcome notMine() {
        return new NotMine();
    }
}
