package org.mailbridge.pipeline;

import java.util.List;

import org.mailbridge.event.Event;
import org.mailbridge.publish.PublishException;
import org.mailbridge.spool.QuarantineNote;

/** How one message ended: the closed set the daemon acts on. */
public sealed interface Outcome permits Outcome.Published, Outcome.Withheld, Outcome.Retry, Outcome.Quarantined,
        Outcome.Held {

    /**
     * Every event was confirmed by its broker; the message is settled.
     *
     * @param parserId the parser that made the events
     * @param events what was published
     */
    record Published(String parserId, List<Event> events) implements Outcome {
    }

    /**
     * The privacy policy withheld the whole mail: nothing was published and the message is
     * settled (gone from the spool), as it is no error.
     *
     * @param parserId the parser that claimed it
     * @param reason {@code policy: <policy>}
     */
    record Withheld(String parserId, String reason) implements Outcome {
    }

    /**
     * Publishing failed for now; the message is back in {@code new/}.
     *
     * @param error the failure, whose scope tells the daemon whether to back off
     */
    record Retry(PublishException error) implements Outcome {
    }

    /**
     * The message is in {@code quarantine/}.
     *
     * @param note why
     */
    record Quarantined(QuarantineNote note) implements Outcome {
    }

    /**
     * The message could not be settled for a local reason (its quarantine reason could not be
     * written: a full disk) and is back in {@code new/}, or still in {@code cur/}; the daemon sets
     * it aside for a while and goes on with other mail.
     *
     * @param note what it was to become
     * @param error why that failed
     */
    record Held(QuarantineNote note, java.io.IOException error) implements Outcome {
    }
}
