package org.mailbridge.spi;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a parser made of one mail. The set is closed: the bridge handles each case.
 */
public sealed interface ParseOutcome
        permits ParseOutcome.NotMine, ParseOutcome.Events, ParseOutcome.Withheld, ParseOutcome.Ignored,
        ParseOutcome.Malformed {

    /** The mail is not for this parser; the next parser is asked. */
    record NotMine() implements ParseOutcome {
    }

    /**
     * The parser claims the mail and made events from it.
     *
     * @param events at least one event, in publishing order
     * @param trust whether the sender is trusted
     * @param withheld the non-public texts the mail carries (a private comment, a private
     *     attachment's description and file name) that the parser left out of its events. The
     *     bridge checks every finished event (body, headers, topic) for them before anything is
     *     published, and quarantines the mail as {@code privacy-guard} if one slipped through.
     */
    record Events(List<EventDraft> events, TrustVerdict trust, Set<String> withheld) implements ParseOutcome {
        public Events {
            events = List.copyOf(events);
            if (events.isEmpty()) {
                throw new IllegalArgumentException("Events needs at least one event; use Ignored for none");
            }
            Objects.requireNonNull(trust, "trust");
            withheld = Set.copyOf(withheld);
        }

        /** Events of a mail that carries nothing non-public. */
        public Events(List<EventDraft> events, TrustVerdict trust) {
            this(events, trust, Set.of());
        }
    }

    /**
     * The parser claims the mail and the privacy policy forbids publishing any of it: a product
     * the instance does not publish, or a mail whose only news is private. The mail is settled
     * (removed from the spool, not quarantined: it is not an error), logged with the reason
     * {@code policy: <policy>} and counted by {@code mailbridge status}. Its private text never
     * goes into the log.
     *
     * @param policy the rule that withholds it, a short lower-case word: {@code product},
     *     {@code private}, or a rule file's own
     * @param detail one line for the operator (a product name, a comment number; never the
     *     private text itself)
     */
    record Withheld(String policy, String detail) implements ParseOutcome {
        private static final Pattern WORD = Pattern.compile("[a-z][a-z0-9-]{0,31}");

        /** The policy for products an instance does not publish. */
        public static final String PRODUCT = "product";
        /** The policy for news that is all non-public. */
        public static final String PRIVATE = "private";

        public Withheld {
            Objects.requireNonNull(policy, "policy");
            if (!WORD.matcher(policy).matches()) {
                throw new IllegalArgumentException("policy '" + policy + "' is not a short lower-case word");
            }
            Objects.requireNonNull(detail, "detail");
        }

        /** The logged reason: {@code policy: <policy>}. */
        public String reason() {
            return "policy: " + policy;
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
