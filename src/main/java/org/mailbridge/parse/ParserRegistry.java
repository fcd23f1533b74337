package org.mailbridge.parse;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.mailbridge.config.Config;
import org.mailbridge.config.ConfigException;
import org.mailbridge.spi.Mail;
import org.mailbridge.spi.MailParser;
import org.mailbridge.spi.ParseOutcome;
import org.mailbridge.spi.ParserConfigException;
import org.mailbridge.spi.ParserSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The loaded parsers, in the order they are asked. Ids are checked ({@code [a-z][a-z0-9_.-]*},
 * unique, {@code mail} reserved), order is by {@link MailParser#order()} then id, and a parser
 * that throws is contained: its mail is quarantined, other mail and parsers go on.
 */
public final class ParserRegistry implements AutoCloseable {
    /** The id reserved for the generic {@code mail.received} parser. */
    public static final String GENERIC_ID = GenericMailParser.ID;
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_.-]*");
    private static final Logger LOG = LoggerFactory.getLogger(ParserRegistry.class);

    private final List<LoadedParser> parsers;
    private final List<String> broken;

    private ParserRegistry(List<LoadedParser> parsers, List<String> broken) {
        this.parsers = List.copyOf(parsers);
        this.broken = List.copyOf(broken);
    }

    /**
     * A parser together with where it came from.
     *
     * @param parser the parser, initialised
     * @param source {@code built-in}, a rule file or a plugin jar
     */
    public record LoadedParser(MailParser parser, String source) {
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
    }

    /** Loads the built-in parsers (found with {@link ServiceLoader}) and initialises them. */
    public static ParserRegistry load(Config config, Clock clock) throws ConfigException {
        return load(config, clock, List.of(new ParserSource("built-in", ParserRegistry.class.getClassLoader())));
    }

    /** Loads parsers from each source in turn, checks ids, initialises them. */
    public static ParserRegistry load(Config config, Clock clock, List<ParserSource> sources) throws ConfigException {
        Map<String, LoadedParser> byId = new LinkedHashMap<>();
        List<String> broken = new ArrayList<>();
        for (ParserSource source : sources) {
            for (MailParser p : discover(source, broken)) {
                String id = p.id();
                if (id == null || !ID.matcher(id).matches() || id.equals(GENERIC_ID)) {
                    broken.add(source.label() + ": parser " + p.getClass().getName() + " has an invalid or reserved id '"
                            + id + "'");
                    continue;
                }
                LoadedParser earlier = byId.get(id);
                if (earlier != null) {
                    throw new ConfigException("parser id '" + id + "' is defined twice: by " + earlier.source()
                            + " and by " + source.label());
                }
                byId.put(id, new LoadedParser(p, source.label()));
            }
        }
        for (String id : config.parsers().keySet()) {
            if (!byId.containsKey(id) && !id.equals(GENERIC_ID)) {
                throw new ConfigException("[parsers." + id + "]: no parser has the id '" + id + "' (loaded: "
                        + String.join(", ", byId.keySet()) + ")");
            }
        }
        List<LoadedParser> ready = new ArrayList<>();
        for (LoadedParser lp : byId.values()) {
            ParserSettings settings = new ParserSettings(lp.parser().id(), config.parserSettings(lp.parser().id()));
            try {
                if (!settings.enabled()) {
                    continue;
                }
                lp.parser().init(new SimpleParserContext(lp.parser().id(), settings, clock));
                ready.add(lp);
            } catch (ParserConfigException e) {
                throw new ConfigException(e.getMessage(), e);
            } catch (RuntimeException | LinkageError e) {
                broken.add(lp.source() + ": parser '" + lp.parser().id() + "' failed to start: " + e);
            }
        }
        ready.sort(Comparator.comparingInt((LoadedParser lp) -> lp.parser().order())
                .thenComparing(lp -> lp.parser().id()));
        broken.forEach(b -> LOG.error("msg=\"parser not loaded\" detail=\"{}\"", b.replace("\"", "'")));
        return new ParserRegistry(ready, broken);
    }

    private static List<MailParser> discover(ParserSource source, List<String> broken) {
        List<MailParser> out = new ArrayList<>();
        var it = ServiceLoader.load(MailParser.class, source.loader()).iterator();
        while (true) {
            try {
                if (!it.hasNext()) {
                    break;
                }
                out.add(it.next());
            } catch (ServiceConfigurationError | LinkageError e) {
                broken.add(source.label() + ": " + e.getMessage());
            }
        }
        return out;
    }

    /** The parsers in asking order. */
    public List<LoadedParser> parsers() {
        return parsers;
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
            ParseOutcome o;
            try {
                o = lp.parser().parse(mail);
            } catch (RuntimeException | StackOverflowError e) {
                explain.accept(id + " (" + lp.source() + "): threw " + e);
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
        for (LoadedParser lp : parsers) {
            try {
                lp.parser().close();
            } catch (RuntimeException e) {
                LOG.warn("msg=\"parser close failed\" parser={} err=\"{}\"", lp.parser().id(), e.toString());
            }
        }
    }
}
