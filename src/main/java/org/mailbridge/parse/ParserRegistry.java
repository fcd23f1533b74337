package org.mailbridge.parse;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

import org.mailbridge.spi.ExplainingParser;
import org.mailbridge.spi.Mail;
import org.mailbridge.spi.MailParser;
import org.mailbridge.spi.ParseOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The parser chain: the started parsers in the order they are asked (by {@link MailParser#order()}
 * then id), as {@link ParserLoader} found them. The first that does not answer "not mine" owns a
 * mail. A parser that throws is contained: its mail is quarantined, other mail and parsers go on;
 * plugin parsers also run within {@code limits.plugin_timeout} ({@link TimedCalls}).
 *
 * <p>Thread-safe: {@link #parse} may be called from many threads at once. A parser that does not
 * declare {@link MailParser#threadSafe()} is asked by one of them at a time (a fair lock per
 * parser, its turn); the others are asked concurrently.
 */
public final class ParserRegistry implements AutoCloseable {
    /**
     * The explanation nobody reads: given it, {@link #parse} asks each parser without one
     * ({@link MailParser#parse(Mail)}), so no line of it is ever built. The daemon passes it.
     */
    public static final Consumer<String> QUIET = line -> { };

    private static final Logger LOG = LoggerFactory.getLogger(ParserRegistry.class);

    private final List<LoadedParser> parsers;
    private final List<Asked> asked;
    private final List<String> broken;
    private final List<ParserSource> sources;
    private final TimedCalls timed;

    ParserRegistry(List<LoadedParser> parsers, List<String> broken, List<ParserSource> sources,
                   Duration pluginTimeout) {
        this.timed = new TimedCalls(pluginTimeout);
        this.parsers = List.copyOf(parsers);
        this.asked = this.parsers.stream().map(lp -> new Asked(lp, lp.threadSafe() ? null : new ReentrantLock(true)))
                .toList();
        this.broken = List.copyOf(broken);
        this.sources = List.copyOf(sources);
        broken.forEach(b -> LOG.error("msg=\"parser not loaded\" detail=\"{}\"", b.replace("\"", "'")));
        this.parsers.stream().filter(lp -> !lp.threadSafe()).forEach(lp -> LOG.info(
                "msg=\"parser does not declare threadSafe(); it is asked about one mail at a time\" parser={} source=\"{}\"",
                lp.parser().id(), lp.source().replace("\"", "'")));
    }

    /** A parser, and its turn when it is asked by one thread at a time (else null). */
    private record Asked(LoadedParser loaded, ReentrantLock turn) {
    }

    /** What kind of parser it is, for {@code mailbridge parsers}. */
    public enum Kind {
        /** A Java parser built into the application. */
        JAVA,
        /** A rule file. */
        RULE,
        /** A Java parser from a plugin jar. */
        PLUGIN;

        /** The lower-case name. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * A parser together with where it came from.
     *
     * @param parser the parser, initialised
     * @param source {@code built-in}, a rule file or a plugin jar
     * @param kind java, rule or plugin
     * @param threadSafe what its {@link MailParser#threadSafe()} said at start; false until asked
     */
    public record LoadedParser(MailParser parser, String source, Kind kind, boolean threadSafe) {
        /** A parser just found, not yet asked about threads. */
        public LoadedParser(MailParser parser, String source, Kind kind) {
            this(parser, source, kind, false);
        }

        /** The same with the parser's answer about threads. */
        LoadedParser withThreadSafe(boolean safe) {
            return new LoadedParser(parser, source, kind, safe);
        }
    }

    /**
     * What the registry made of a mail.
     */
    public sealed interface Result {
        /** No parser claimed the mail. */
        record Unclaimed() implements Result {
        }

        /**
         * A parser claimed the mail.
         *
         * @param parserId the parser
         * @param outcome what it made of it (never {@link ParseOutcome.NotMine})
         */
        record Claimed(String parserId, ParseOutcome outcome) implements Result {
        }

        /**
         * A parser threw.
         *
         * @param parserId the parser
         * @param error what it threw
         */
        record Crashed(String parserId, Throwable error) implements Result {
        }

        /**
         * A plugin parser did not answer in time.
         *
         * @param parserId the parser
         * @param limit the bound it passed
         */
        record TimedOut(String parserId, Duration limit) implements Result {
        }
    }

    /** The parsers in asking order. */
    public List<LoadedParser> parsers() {
        return parsers;
    }

    /** The class loaders of the loaded plugin jars, where their {@code schemas/<topic>.json} are. */
    public List<ClassLoader> pluginLoaders() {
        return sources.stream().map(ParserSource::loader).toList();
    }

    /** Descriptions of parsers that could not be loaded. */
    public List<String> broken() {
        return broken;
    }

    /**
     * Asks each parser in turn; the first that does not answer "not mine" owns the mail.
     *
     * @param explain receives one line per parser asked, for {@code parse --explain}; {@link #QUIET}
     *     for none
     */
    public Result parse(Mail mail, Consumer<String> explain) {
        boolean quiet = explain == QUIET;
        for (Asked a : asked) {
            LoadedParser lp = a.loaded();
            String id = lp.parser().id();
            // Null when quiet: the parser is then asked without an explanation.
            Consumer<String> tagged = quiet ? null : line -> explain.accept(id + " (" + lp.source() + "): " + line);
            ParseOutcome o;
            try {
                o = lp.kind() == Kind.PLUGIN ? timed.parse(lp.parser(), a.turn(), mail, tagged) : inTurn(a, mail, tagged);
            } catch (TimeoutException e) {
                say(tagged, "no answer within " + timed.limit().toMillis() + " ms");
                return new Result.TimedOut(id, timed.limit());
            } catch (ExecutionException e) {
                say(tagged, "threw " + e.getCause());
                return new Result.Crashed(id, e.getCause());
            } catch (RuntimeException | StackOverflowError | LinkageError e) {
                say(tagged, "threw " + e);
                return new Result.Crashed(id, e);
            }
            if (o == null) {
                say(tagged, "returned null");
                return new Result.Crashed(id, new NullPointerException("parse returned null"));
            }
            if (!quiet) {
                tagged.accept(describe(o));
            }
            if (!(o instanceof ParseOutcome.NotMine)) {
                return new Result.Claimed(id, o);
            }
        }
        return new Result.Unclaimed();
    }

    /** A built-in parser or rule file, on the caller's thread; its reading is bounded by construction. */
    private static ParseOutcome inTurn(Asked a, Mail mail, Consumer<String> explain) {
        if (a.turn() == null) {
            return ask(a.loaded().parser(), mail, explain);
        }
        a.turn().lock();
        try {
            return ask(a.loaded().parser(), mail, explain);
        } finally {
            a.turn().unlock();
        }
    }

    /** One call of the parser: with the explanation when it gives one and one is wanted (not null). */
    static ParseOutcome ask(MailParser p, Mail mail, Consumer<String> explain) {
        return explain != null && p instanceof ExplainingParser ep ? ep.parse(mail, explain) : p.parse(mail);
    }

    private static void say(Consumer<String> explain, String line) {
        if (explain != null) {
            explain.accept(line);
        }
    }

    private static String describe(ParseOutcome o) {
        if (o instanceof ParseOutcome.Events e) {
            return "claimed: " + e.events().size() + " event(s), " + e.trust().header();
        }
        if (o instanceof ParseOutcome.Withheld w) {
            return "claimed, withheld (" + w.reason() + "): " + w.detail();
        }
        if (o instanceof ParseOutcome.Ignored i) {
            return "claimed, no event: " + i.reason();
        }
        if (o instanceof ParseOutcome.Malformed m) {
            return "claimed, unreadable: " + m.reason();
        }
        return "not mine";
    }

    @Override
    public void close() {
        timed.close();
        for (LoadedParser lp : parsers) {
            try {
                lp.parser().close();
            } catch (RuntimeException | LinkageError e) {
                LOG.warn("msg=\"parser close failed\" parser={} err=\"{}\"", lp.parser().id(), e.toString());
            }
        }
        closeLoaders(sources);
    }

    static void closeLoaders(List<ParserSource> plugins) {
        for (ParserSource s : plugins) {
            if (s.loader() instanceof java.io.Closeable c) {
                try {
                    c.close();
                } catch (java.io.IOException e) {
                    LOG.warn("msg=\"plugin close failed\" source={} err=\"{}\"", s.label(), e.toString());
                }
            }
        }
    }
}
