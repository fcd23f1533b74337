package org.mailbridge.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.mailbridge.event.Event;
import org.mailbridge.event.EventFactory;
import org.mailbridge.event.UnserialisableBodyException;
import org.mailbridge.mail.MailReader;
import org.mailbridge.mail.MalformedMailException;
import org.mailbridge.parse.GenericMailParser;
import org.mailbridge.parse.ParserRegistry;
import org.mailbridge.privacy.PrivacyGuard;
import org.mailbridge.schema.BodyValidator;
import org.mailbridge.spi.Address;
import org.mailbridge.spi.Mail;
import org.mailbridge.spi.ParseOutcome;
import org.mailbridge.spi.TrustVerdict;
import org.mailbridge.spool.Envelope;
import org.mailbridge.spool.QuarantineNote;
import org.mailbridge.spool.QuarantineReason;

/**
 * Reads a mail and runs the parsers over it: the part of the pipeline that {@code parse} (the dry
 * run) and the daemon share. Nothing here publishes or moves files.
 *
 * <h2>Threading</h2>
 * One interpreter serves every worker thread: {@code interpret} may be called from many threads
 * at once, for different mails. All it holds is fixed when it is made (the reader's limits, the
 * started parsers, the id source, the schemas, which are compiled once and kept in a concurrent
 * map); each call keeps its mail, its Mime4j parser and its partial results to itself. Parsers
 * that do not declare {@link org.mailbridge.spi.MailParser#threadSafe()} (plugins, by default)
 * are asked by one thread at a time ({@link ParserRegistry}). Hand the interpreter to the workers
 * the usual way (an executor, a thread start, a final field) once {@link Interpreters#create}
 * has returned; the {@code explain} consumer of a call is called on that call's thread, or for a
 * plugin on a bridge thread while the call waits for it.
 */
public final class Interpreter {
    /**
     * The explanation nobody reads ({@link ParserRegistry#QUIET}): pass it when not explaining,
     * as the daemon does, and no line of an explanation is built.
     */
    public static final Consumer<String> QUIET = ParserRegistry.QUIET;

    private final MailReader reader;
    private final ParserRegistry registry;
    private final Optional<GenericMailParser> generic;
    private final EventFactory factory;
    private final BodyValidator validator;
    private final Clock clock;
    private final Optional<AuthenticationResults> authentication;

    /**
     * @param generic the fallback for unclaimed mail, or empty to quarantine it as {@code no-parser}
     */
    public Interpreter(MailReader reader, ParserRegistry registry, Optional<GenericMailParser> generic,
                       EventFactory factory, BodyValidator validator, Clock clock) {
        this(reader, registry, generic, factory, validator, clock, Optional.empty());
    }

    /**
     * @param authentication the site-wide {@code Authentication-Results} requirement, which every
     *     parser's verdict must pass as well
     */
    public Interpreter(MailReader reader, ParserRegistry registry, Optional<GenericMailParser> generic,
                       EventFactory factory, BodyValidator validator, Clock clock,
                       Optional<AuthenticationResults> authentication) {
        this.authentication = authentication;
        this.reader = reader;
        this.registry = registry;
        this.generic = generic;
        this.factory = factory;
        this.validator = validator;
        this.clock = clock;
    }

    /** Interprets a spool file. I/O errors reading it propagate: the file stays for a retry. */
    public Interpretation interpret(Path file, Consumer<String> explain) throws IOException {
        try {
            return interpret(reader.read(file), explain);
        } catch (MalformedMailException e) {
            return quarantine(e.reason(), "", e.getMessage());
        }
    }

    /**
     * Interprets a spool file that arrived with an envelope: the envelope's sender (what the MTA
     * said in MAIL FROM) replaces whatever the message's own lines claim, so a trust check sees
     * only what the transport gave. The null sender ({@code <>}) leaves no envelope sender.
     */
    public Interpretation interpret(Path file, Optional<Envelope> envelope, Consumer<String> explain)
            throws IOException {
        if (envelope.isEmpty() || envelope.get().sender() == null) {
            return interpret(file, explain);
        }
        try {
            Mail m = reader.read(file);
            String s = envelope.get().sender();
            Optional<Address> sender = s.isEmpty() ? Optional.empty() : Optional.of(new Address("", s));
            return interpret(new Mail(m.headers(), m.addresses(), m.parts(), sender, m.date(), m.contentKey(),
                    m.size()), explain);
        } catch (MalformedMailException e) {
            return quarantine(e.reason(), "", e.getMessage());
        }
    }

    /** Interprets a message from a stream. */
    public Interpretation interpret(InputStream in, Consumer<String> explain) throws IOException {
        try {
            return interpret(reader.read(in), explain);
        } catch (MalformedMailException e) {
            return quarantine(e.reason(), "", e.getMessage());
        }
    }

    /** Runs the parsers over a mail already read. */
    public Interpretation interpret(Mail mail, Consumer<String> explain) {
        ParserRegistry.Result r = registry.parse(mail, explain);
        if (r instanceof ParserRegistry.Result.Crashed c) {
            return quarantine(QuarantineReason.PARSER_ERROR, c.parserId(), "parser threw " + c.error());
        }
        if (r instanceof ParserRegistry.Result.TimedOut t) {
            return quarantine(QuarantineReason.PARSER_ERROR, t.parserId(), "parser did not answer within "
                    + t.limit().toMillis() + " ms");
        }
        if (r instanceof ParserRegistry.Result.Claimed c) {
            return claimed(mail, c.parserId(), c.outcome());
        }
        if (generic.isPresent()) {
            explain.accept("no parser claims it; unclaimed = \"publish\": generic " + GenericMailParser.TOPIC + " event");
            return claimed(mail, GenericMailParser.ID, generic.get().parse(mail));
        }
        return quarantine(QuarantineReason.NO_PARSER, "", "no parser claims this mail (subject: "
                + abbreviate(mail.subject()) + ")");
    }

    private Interpretation claimed(Mail mail, String parserId, ParseOutcome o) {
        if (o instanceof ParseOutcome.Events ev) {
            TrustVerdict trust = authentication.map(a -> ev.trust().and(a.check(mail))).orElse(ev.trust());
            List<Event> events;
            try {
                events = factory.build(mail, parserId, ev.events(), trust);
            } catch (UnserialisableBodyException e) {
                // Caught here, not by a publisher: a bad body must not pass for a broker outage.
                return quarantine(QuarantineReason.PARSER_ERROR, parserId, "bad event: " + e.getMessage());
            }
            // Checked before anything leaves: a body that fails its schema is a bug, never an event.
            for (Event e : events) {
                Optional<String> problem = validator.problem(e.topic(), e.schema(), e.body());
                if (problem.isPresent()) {
                    return quarantine(QuarantineReason.SCHEMA, parserId, problem.get());
                }
            }
            Optional<String> leak = PrivacyGuard.leak(events, ev.withheld());
            if (leak.isPresent()) {
                // A parser bug, not a policy: keep the mail for an operator, publish nothing.
                return quarantine(QuarantineReason.PRIVACY_GUARD, parserId, "a text the parser declared non-public is in "
                        + leak.get() + "; nothing published");
            }
            return new Interpretation.Publishable(parserId, events, trust);
        }
        if (o instanceof ParseOutcome.Withheld w) {
            return new Interpretation.Withheld(parserId, w.policy(), w.detail());
        }
        if (o instanceof ParseOutcome.Ignored ig) {
            return quarantine(QuarantineReason.IGNORED, parserId, ig.reason());
        }
        if (o instanceof ParseOutcome.Malformed m) {
            return quarantine(QuarantineReason.PARSE_ERROR, parserId, m.reason());
        }
        return quarantine(QuarantineReason.PARSER_ERROR, parserId, "parser answered not-mine after claiming");
    }

    private Interpretation quarantine(QuarantineReason reason, String parser, String detail) {
        return new Interpretation.Unpublishable(new QuarantineNote(reason, parser, detail, clock.instant()));
    }

    private static String abbreviate(String s) {
        return s.length() > 120 ? s.substring(0, 120) + "…" : s;
    }

    /** The parsers, for listing. */
    public List<ParserRegistry.LoadedParser> parsers() {
        return registry.parsers();
    }

    /** The registry, for {@code parse --check}. */
    public ParserRegistry registry() {
        return registry;
    }
}
