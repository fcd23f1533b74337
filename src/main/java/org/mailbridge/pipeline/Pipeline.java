package org.mailbridge.pipeline;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.mailbridge.event.EventHeaders;
import org.mailbridge.log.LogFmt;
import org.mailbridge.publish.Dispatcher;
import org.mailbridge.publish.NoRouteException;
import org.mailbridge.publish.PublishException;
import org.mailbridge.spool.CrashLedger;
import org.mailbridge.spool.EnvelopeFile;
import org.mailbridge.spool.Quarantine;
import org.mailbridge.spool.QuarantineNote;
import org.mailbridge.spool.QuarantineReason;
import org.mailbridge.spool.Spool;
import org.mailbridge.spool.SpoolEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One claimed message, start to finish: read → parse → trust check → route ({@link #prepare}),
 * publish, settle ({@link #confirmed}, {@link #failed}); the daemon's window runs the steps on
 * different threads, {@link #process} runs them in one.
 * Every path ends with the message deleted (or archived) after confirmation, deleted because the
 * privacy policy withholds it, back in {@code new/} for a retry, or in quarantine with a reason;
 * and with one logfmt line.
 */
public final class Pipeline {
    private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);

    private final Spool spool;
    private final Quarantine quarantine;
    private final EnvelopeFile envelopes;
    private final Interpreter interpreter;
    private final Dispatcher dispatcher;
    private final boolean archive;
    private final int maxRefusals;
    private final Clock clock;
    private final Map<String, Integer> refusals = new ConcurrentHashMap<>();
    private final CrashLedger crashes;

    /**
     * @param maxRefusals how many times the broker may refuse one message (with the connection
     *     healthy) before it is quarantined as {@code publish-rejected}
     */
    public Pipeline(Spool spool, Interpreter interpreter, Dispatcher dispatcher, boolean archive, int maxRefusals,
                    Clock clock) {
        this(spool, new CrashLedger(spool), interpreter, dispatcher, archive, maxRefusals, clock);
    }

    /** As above, forgetting the crash counts of the messages it settles. */
    public Pipeline(Spool spool, CrashLedger crashes, Interpreter interpreter, Dispatcher dispatcher, boolean archive,
                    int maxRefusals, Clock clock) {
        this.spool = spool;
        this.crashes = crashes;
        this.quarantine = new Quarantine(spool);
        this.envelopes = new EnvelopeFile(spool);
        this.interpreter = interpreter;
        this.dispatcher = dispatcher;
        this.archive = archive;
        this.maxRefusals = maxRefusals;
        this.clock = clock;
    }

    /**
     * Processes a message claimed into {@code cur/} and settles it, waiting for the broker: the
     * one-mail-at-a-time path ({@link #prepare}, publish, then {@link #confirmed} or
     * {@link #failed}). Nothing one mail does can escape as an exception.
     */
    public Outcome process(SpoolEntry claimed) {
        Prepared p = prepare(claimed);
        if (p instanceof Prepared.Done d) {
            return d.outcome();
        }
        Routed r = (Routed) p;
        try {
            dispatcher.publish(r.shares());
        } catch (PublishException e) {
            return failed(r, e);
        }
        return confirmed(r);
    }

    /**
     * As {@link #process}, for a crash suspect worked on with nothing else in flight: the crash
     * ledger marks it as the mail worked on alone until it is settled or back in {@code new/}, so
     * that a death meanwhile is blamed on it and on no other mail. A mark that cannot be written
     * holds the mail (back in {@code new/}, tried again later) rather than work on it unmarked,
     * where it could kill daemon after daemon without ever being blamed.
     */
    public Outcome processAlone(SpoolEntry claimed) {
        try {
            crashes.markAlone(claimed.name());
        } catch (IOException e) {
            clearAloneMark(claimed);
            return hold(claimed, note(QuarantineReason.CRASHED, "", "cannot mark it as worked on alone: " + e), e);
        }
        try {
            return process(claimed);
        } finally {
            clearAloneMark(claimed);
        }
    }

    private void clearAloneMark(SpoolEntry claimed) {
        try {
            crashes.clearAlone();
        } catch (IOException e) {
            // Harmless unless the daemon dies while this very mail is in cur/ again, waiting its turn alone.
            LOG.error("{}", LogFmt.msg("crash mark not removed").kv("name", claimed.name()).kv("err", e.toString()));
        }
    }

    /**
     * Reads, parses, checks and routes a claimed message; finishes it at once when there is
     * nothing to send. Safe to call from several threads at a time, for different messages. Any
     * {@code Throwable} from reading or parsing it (a stack overflow in the MIME library, an
     * exhausted heap) quarantines that mail; an I/O error on the spool itself leaves it in the
     * spool ({@link Outcome.Held}).
     */
    public Prepared prepare(SpoolEntry claimed) {
        long start = System.nanoTime();
        Interpretation in;
        try {
            in = interpreter.interpret(claimed.path(), envelopes.read(claimed.name()), Interpreter.QUIET);
        } catch (java.nio.file.AccessDeniedException e) {
            // Retrying cannot help (a writer's permissions); keep it, with the reason, for an operator.
            return done(quarantine(claimed, note(QuarantineReason.UNREADABLE, "", "cannot read the spool file: " + e), ""));
        } catch (IOException e) {
            return done(hold(claimed, note(QuarantineReason.UNREADABLE, "", "cannot read the spool file: " + e), e));
        } catch (Throwable t) { // NOPMD: one mail must never take the daemon down, whatever it throws
            return done(quarantine(claimed, note(QuarantineReason.CRASHED, "", "reading it failed: " + t), ""));
        }
        if (in instanceof Interpretation.Unpublishable u) {
            return done(quarantine(claimed, u.note(), ""));
        }
        if (in instanceof Interpretation.Withheld w) {
            return done(withheld(claimed, w, start));
        }
        Interpretation.Publishable p = (Interpretation.Publishable) in;
        String mid = p.events().get(0).headers().getOrDefault(EventHeaders.SOURCE_MESSAGE_ID, "").toString();
        if (!p.trust().trusted()) {
            return done(quarantine(claimed, note(QuarantineReason.UNTRUSTED, p.parserId(), p.trust().why()), mid));
        }
        try {
            return new Routed(claimed, p.parserId(), p.events(), dispatcher.route(p.parserId(), p.events()), mid, start);
        } catch (NoRouteException e) {
            return done(quarantine(claimed, note(QuarantineReason.NO_ROUTE, p.parserId(), e.getMessage()), mid));
        }
    }

    private static Prepared done(Outcome o) {
        return new Prepared.Done(o);
    }

    private Outcome withheld(SpoolEntry claimed, Interpretation.Withheld w, long start) {
        // Not archived either: a copy of a private mail is kept nowhere by the bridge.
        try {
            spool.complete(claimed, false);
            crashes.settled(claimed.name());
        } catch (IOException e) {
            // It stays in cur/ and is withheld again at the next start: nothing is published.
            LOG.error("{}", LogFmt.msg("withheld but not removed").kv("name", claimed.name()).kv("err", e.toString()));
        }
        LOG.info("{}", LogFmt.msg("withheld").kv("name", claimed.name()).kv("reason", w.reason())
                .kv("parser", w.parserId()).kv("detail", w.detail())
                .kv("ms", (System.nanoTime() - start) / 1_000_000));
        return new Outcome.Withheld(w.parserId(), w.reason());
    }

    /** Settles a mail whose every event the brokers confirmed. */
    public Outcome confirmed(Routed r) {
        return confirmedAll(List.of(r)).get(0);
    }

    /**
     * Settles mails whose every event the brokers confirmed, all at once: with an archive, its
     * directory is synced once for the lot. Only ever called after the confirmations.
     *
     * @return their outcomes, in the same order
     */
    public List<Outcome> confirmedAll(List<Routed> confirmed) {
        List<SpoolEntry> entries = new ArrayList<>(confirmed.size());
        for (Routed r : confirmed) {
            entries.add(r.claimed());
        }
        Map<String, IOException> failures = spool.completeAll(entries, archive);
        List<Outcome> out = new ArrayList<>(confirmed.size());
        for (Routed r : confirmed) {
            String name = r.claimed().name();
            refusals.remove(name);
            IOException e = failures.get(name);
            if (e == null) {
                crashes.settled(name);
            } else {
                // It stays in cur/, or is in an archive whose sync failed and may be back in cur/
                // after a power cut; whatever is in cur/ at the next start is published again
                // (same ids). Never lost either way.
                LOG.error("{}", LogFmt.msg("published but not settled").kv("name", name).kv("err", e.toString()));
            }
            LOG.info("{}", LogFmt.msg("published").kv("name", name).kv("mid", r.mid()).kv("parser", r.parserId())
                    .kv("topic", r.events().get(0).topic()).kv("events", r.events().size())
                    .kv("ms", (System.nanoTime() - r.startNanos()) / 1_000_000));
            out.add(new Outcome.Published(r.parserId(), r.events()));
        }
        return out;
    }

    /**
     * A mail whose events were not all confirmed: back to {@code new/} for a retry, or, once a
     * broker has refused it often enough with the connection healthy, to quarantine.
     */
    public Outcome failed(Routed r, PublishException e) {
        return retry(r.claimed(), r.parserId(), r.mid(), e);
    }

    private Outcome retry(SpoolEntry claimed, String parserId, String mid, PublishException e) {
        if (e.scope() == PublishException.Scope.MESSAGE) {
            int n = refusals.merge(claimed.name(), 1, Integer::sum);
            if (n >= maxRefusals) {
                refusals.remove(claimed.name());
                return quarantine(claimed, note(QuarantineReason.PUBLISH_REJECTED, parserId,
                        "domain " + e.domain() + " refused it " + n + " times: " + e.getMessage()), mid);
            }
        }
        try {
            spool.release(claimed);
        } catch (IOException io) {
            return hold(claimed, note(QuarantineReason.PUBLISH_REJECTED, parserId, "retry after: " + e.getMessage()), io);
        }
        LOG.warn("{}", LogFmt.msg("retry").kv("name", claimed.name()).kv("mid", mid).kv("parser", parserId)
                .kv("domain", e.domain()).kv("scope", e.scope().name().toLowerCase(java.util.Locale.ROOT))
                .kv("err", e.getMessage()));
        return new Outcome.Retry(e);
    }

    private Outcome quarantine(SpoolEntry claimed, QuarantineNote note, String mid) {
        try {
            quarantine.put(claimed, note);
        } catch (IOException e) {
            return hold(claimed, note, e);
        }
        crashes.settled(claimed.name());
        // Mail rightly without events (ignored) is routine, not a warning an operator must act on.
        boolean fault = note.reason().isFault();
        LogFmt line = LogFmt.msg(fault ? "quarantined" : "settled without events").kv("name", claimed.name())
                .kv("mid", mid.isEmpty() ? null : mid).kv("reason", note.reason().code())
                .kv("parser", note.parser().isEmpty() ? null : note.parser()).kv("detail", note.detail());
        if (fault) {
            LOG.warn("{}", line);
        } else {
            LOG.info("{}", line);
        }
        return new Outcome.Quarantined(note);
    }

    /**
     * A local failure (a full disk): the message goes back to {@code new/} if it can, else it
     * stays in {@code cur/} until the next start; either way it is not lost, and the daemon
     * sets it aside and goes on.
     */
    private Outcome hold(SpoolEntry claimed, QuarantineNote note, IOException error) {
        String where = "new";
        try {
            spool.release(claimed);
        } catch (IOException e) {
            where = "cur";
            error.addSuppressed(e);
        }
        LOG.error("{}", LogFmt.msg("held").kv("name", claimed.name()).kv("in", where).kv("reason", note.reason().code())
                .kv("err", error.toString()));
        return new Outcome.Held(note, error);
    }

    private QuarantineNote note(QuarantineReason reason, String parser, String detail) {
        return new QuarantineNote(reason, parser, detail, clock.instant());
    }
}
