package org.mailbridge.parse;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import org.mailbridge.config.Config;
import org.mailbridge.config.ConfigException;
import org.mailbridge.rules.RuleLoader;
import org.mailbridge.rules.RuleParser;
import org.mailbridge.spi.ExplainingParser;
import org.mailbridge.spi.Mail;
import org.mailbridge.spi.MailParser;
import org.mailbridge.spi.ParseOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The loaded parsers, in the order they are asked. Ids are checked ({@code [a-z][a-z0-9_.-]*},
 * unique, {@code mail} reserved), order is by {@link MailParser#order()} then id, and a parser
 * that throws is contained: its mail is quarantined, other mail and parsers go on.
 *
 * <p>Parsers come from three places: the built-in Java parsers (found with
 * {@link ServiceLoader}), rule files ({@link RuleLoader}: bundled, then {@code rules_dirs}), and
 * plugin jars in {@code plugins_dir} ({@link PluginLoader}), each jar in its own class loader.
 * One id may exist once across all three: a clash stops the start with both sources named. A
 * broken rule file stops the start too; a plugin that cannot be loaded or started is reported
 * with its jar and left out.
 */
public final class ParserRegistry implements AutoCloseable {
    /** The id reserved for the generic {@code mail.received} parser. */
    public static final String GENERIC_ID = GenericMailParser.ID;
    private static final Logger LOG = LoggerFactory.getLogger(ParserRegistry.class);

    private final List<LoadedParser> parsers;
    private final List<String> broken;
    private final List<ParserSource> sources;
    private final TimedCalls timed;

    private ParserRegistry(List<LoadedParser> parsers, List<String> broken, List<ParserSource> sources,
                           Duration pluginTimeout) {
        this.timed = new TimedCalls(pluginTimeout);
        this.parsers = List.copyOf(parsers);
        this.broken = List.copyOf(broken);
        this.sources = List.copyOf(sources);
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
     */
    public record LoadedParser(MailParser parser, String source, Kind kind) {
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

    /** Loads the built-in parsers, the rule files and the plugins the configuration names, and initialises them. */
    public static ParserRegistry load(Config config, Clock clock) throws ConfigException {
        List<LoadedParser> found = new ArrayList<>();
        List<String> broken = new ArrayList<>();
        ParserSource builtIn = new ParserSource("built-in", ParserRegistry.class.getClassLoader());
        discover(builtIn, broken).forEach(p -> found.add(new LoadedParser(p, builtIn.label(), Kind.JAVA)));
        for (RuleParser r : RuleLoader.load(config.rulesDirs())) {
            found.add(new LoadedParser(r, r.source(), Kind.RULE));
        }
        List<ParserSource> plugins = PluginLoader.sources(config.pluginsDir(), broken);
        for (ParserSource s : plugins) {
            discover(s, broken).forEach(p -> found.add(new LoadedParser(p, s.label(), Kind.PLUGIN)));
        }
        return assemble(config, clock, found, broken, plugins);
    }

    /** Loads parsers from each source in turn (the first is built-in, the others plugins), checks ids, initialises them. */
    public static ParserRegistry load(Config config, Clock clock, List<ParserSource> sources) throws ConfigException {
        List<LoadedParser> found = new ArrayList<>();
        List<String> broken = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            ParserSource s = sources.get(i);
            Kind kind = i == 0 ? Kind.JAVA : Kind.PLUGIN;
            discover(s, broken).forEach(p -> found.add(new LoadedParser(p, s.label(), kind)));
        }
        return assemble(config, clock, found, broken, sources.subList(Math.min(1, sources.size()), sources.size()));
    }

    private static ParserRegistry assemble(Config config, Clock clock, List<LoadedParser> found, List<String> broken,
                                           List<ParserSource> plugins) throws ConfigException {
        try {
            List<LoadedParser> ready = ParserStartup.start(config, clock, found, broken);
            broken.forEach(b -> LOG.error("msg=\"parser not loaded\" detail=\"{}\"", b.replace("\"", "'")));
            return new ParserRegistry(ready, broken, plugins, config.limits().pluginTimeout());
        } catch (ConfigException e) {
            closeLoaders(plugins);
            throw e;
        }
    }

    private static List<MailParser> discover(ParserSource source, List<String> broken) {
        return ParserStartup.discover(source, broken);
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
     * @param explain receives one line per parser asked, for {@code parse --explain}
     */
    public Result parse(Mail mail, Consumer<String> explain) {
        for (LoadedParser lp : parsers) {
            String id = lp.parser().id();
            Consumer<String> tagged = line -> explain.accept(id + " (" + lp.source() + "): " + line);
            ParseOutcome o;
            try {
                o = lp.kind() == Kind.PLUGIN ? timed.parse(lp.parser(), mail, tagged)
                        : lp.parser() instanceof ExplainingParser ep ? ep.parse(mail, tagged) : lp.parser().parse(mail);
            } catch (TimeoutException e) {
                tagged.accept("no answer within " + timed.limit().toMillis() + " ms");
                return new Result.TimedOut(id, timed.limit());
            } catch (ExecutionException e) {
                tagged.accept("threw " + e.getCause());
                return new Result.Crashed(id, e.getCause());
            } catch (RuntimeException | StackOverflowError | LinkageError e) {
                tagged.accept("threw " + e);
                return new Result.Crashed(id, e);
            }
            if (o == null) {
                explain.accept(id + " (" + lp.source() + "): returned null");
                return new Result.Crashed(id, new NullPointerException("parse returned null"));
            }
            explain.accept(id + " (" + lp.source() + "): " + describe(o));
            if (!(o instanceof ParseOutcome.NotMine)) {
                return new Result.Claimed(id, o);
            }
        }
        return new Result.Unclaimed();
    }

    private static String describe(ParseOutcome o) {
        if (o instanceof ParseOutcome.Events e) {
            return "claimed: " + e.events().size() + " event(s), " + e.trust().header();
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

    private static void closeLoaders(List<ParserSource> plugins) {
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
