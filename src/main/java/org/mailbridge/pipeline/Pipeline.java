package org.mailbridge.pipeline;

import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.mailbridge.event.EventHeaders;
import org.mailbridge.log.LogFmt;
import org.mailbridge.publish.Dispatcher;
import org.mailbridge.publish.NoRouteException;
import org.mailbridge.publish.PublishException;
import org.mailbridge.spool.EnvelopeFile;
import org.mailbridge.spool.Quarantine;
import org.mailbridge.spool.QuarantineNote;
import org.mailbridge.spool.QuarantineReason;
import org.mailbridge.spool.Spool;
import org.mailbridge.spool.SpoolEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One claimed message, start to finish: read → parse → trust check → route → publish → settle.
 * Every path ends with the message deleted (or archived) after confirmation, back in
 * {@code new/} for a retry, or in quarantine with a reason; and with one logfmt line.
 */
public final class Pipeline {
    private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);
    private static final Consumer<String> QUIET = s -> { };

    private final Spool spool;
    private final Quarantine quarantine;
    private final EnvelopeFile envelopes;
    private final Interpreter interpreter;
    private final Dispatcher dispatcher;
    private final boolean archive;
    private final int maxRefusals;
    private final Clock clock;
    private final Map<String, Integer> refusals = new ConcurrentHashMap<>();

    /**
     * @param maxRefusals how many times the broker may refuse one message (with the connection
     *     healthy) before it is quarantined as {@code publish-rejected}
     */
    public Pipeline(Spool spool, Interpreter interpreter, Dispatcher dispatcher, boolean archive, int maxRefusals,
                    Clock clock) {
        this.spool = spool;
        this.quarantine = new Quarantine(spool);
        this.envelopes = new EnvelopeFile(spool);
        this.interpreter = interpreter;
        this.dispatcher = dispatcher;
        this.archive = archive;
        this.maxRefusals = maxRefusals;
        this.clock = clock;
    }

    /** Processes a message claimed into {@code cur/} and settles it. */
    public Outcome process(SpoolEntry claimed) throws IOException {
        long start = System.nanoTime();
        Interpretation in;
        try {
            in = interpreter.interpret(claimed.path(), envelopes.read(claimed.name()), QUIET);
        } catch (java.nio.file.AccessDeniedException e) {
            // Retrying cannot help (a writer's permissions); keep it, with the reason, for an operator.
            return quarantine(claimed, note(QuarantineReason.UNREADABLE, "", "cannot read the spool file: " + e), "");
        }
        if (in instanceof Interpretation.Unpublishable u) {
            return quarantine(claimed, u.note(), "");
        }
        Interpretation.Publishable p = (Interpretation.Publishable) in;
        String mid = p.events().get(0).headers().getOrDefault(EventHeaders.SOURCE_MESSAGE_ID, "").toString();
        if (!p.trust().trusted()) {
            return quarantine(claimed, note(QuarantineReason.UNTRUSTED, p.parserId(), p.trust().why()), mid);
        }
        try {
            dispatcher.publish(p.parserId(), p.events());
        } catch (NoRouteException e) {
            return quarantine(claimed, note(QuarantineReason.NO_ROUTE, p.parserId(), e.getMessage()), mid);
        } catch (PublishException e) {
            return retry(claimed, p, mid, e);
        }
        refusals.remove(claimed.name());
        spool.complete(claimed, archive);
        LOG.info("{}", LogFmt.msg("published").kv("name", claimed.name()).kv("mid", mid).kv("parser", p.parserId())
                .kv("topic", p.events().get(0).topic()).kv("events", p.events().size())
                .kv("ms", (System.nanoTime() - start) / 1_000_000));
        return new Outcome.Published(p.parserId(), p.events());
    }

    private Outcome retry(SpoolEntry claimed, Interpretation.Publishable p, String mid, PublishException e)
            throws IOException {
        if (e.scope() == PublishException.Scope.MESSAGE) {
            int n = refusals.merge(claimed.name(), 1, Integer::sum);
            if (n >= maxRefusals) {
                refusals.remove(claimed.name());
                return quarantine(claimed, note(QuarantineReason.PUBLISH_REJECTED, p.parserId(),
                        "domain " + e.domain() + " refused it " + n + " times: " + e.getMessage()), mid);
            }
        }
        spool.release(claimed);
        LOG.warn("{}", LogFmt.msg("retry").kv("name", claimed.name()).kv("mid", mid).kv("parser", p.parserId())
                .kv("domain", e.domain()).kv("scope", e.scope().name().toLowerCase(java.util.Locale.ROOT))
                .kv("err", e.getMessage()));
        return new Outcome.Retry(e);
    }

    private Outcome quarantine(SpoolEntry claimed, QuarantineNote note, String mid) throws IOException {
        quarantine.put(claimed, note);
        LOG.warn("{}", LogFmt.msg("quarantined").kv("name", claimed.name()).kv("mid", mid.isEmpty() ? null : mid)
                .kv("reason", note.reason().code()).kv("parser", note.parser().isEmpty() ? null : note.parser())
                .kv("detail", note.detail()));
        return new Outcome.Quarantined(note);
    }

    private QuarantineNote note(QuarantineReason reason, String parser, String detail) {
        return new QuarantineNote(reason, parser, detail, clock.instant());
    }
}
