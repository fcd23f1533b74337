package org.mailbridge.daemon;

import org.mailbridge.metrics.BridgeMetrics;
import org.mailbridge.pipeline.Outcome;

/** How an outcome shows in {@code mailbridge_mails_total}; retries are counted per domain instead. */
final class OutcomeLabels {
    private OutcomeLabels() {
    }

    static void count(BridgeMetrics metrics, Outcome o) {
        if (o instanceof Outcome.Published p) {
            metrics.mail(p.parserId(), "published");
        } else if (o instanceof Outcome.Withheld w) {
            metrics.mail(w.parserId(), "withheld");
        } else if (o instanceof Outcome.Quarantined q) {
            metrics.mail(q.note().parser(), q.note().reason().isFault() ? "quarantined" : "ignored");
        }
    }
}
