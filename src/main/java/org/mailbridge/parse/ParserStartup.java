package org.mailbridge.parse;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

import org.mailbridge.accounts.AccountResolver;
import org.mailbridge.config.Config;
import org.mailbridge.config.ConfigException;
import org.mailbridge.parse.ParserRegistry.LoadedParser;
import org.mailbridge.spi.Accounts;
import org.mailbridge.spi.MailParser;
import org.mailbridge.spi.ParserConfigException;
import org.mailbridge.spi.ParserIds;
import org.mailbridge.spi.ParserSettings;

/**
 * The start-up checks of {@link ParserRegistry}: ids valid and unique across built-in parsers,
 * rule files and plugins; {@code [parsers.<id>]} tables naming loaded parsers; {@code init}
 * run; {@link MailParser#threadSafe()} asked once; the result sorted by order, then id.
 * Problems that only concern one plugin are added to {@code broken} (it is left out); problems
 * of the configuration throw.
 */
final class ParserStartup {

    private ParserStartup() {
    }

    /** The parsers {@link java.util.ServiceLoader} finds in one source; unloadable ones go to {@code broken}. */
    static List<MailParser> discover(ParserSource source, List<String> broken) {
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

    /** Checks and starts the parsers found; returns those ready, in asking order. */
    static List<LoadedParser> start(Config config, Clock clock, List<LoadedParser> found, List<String> broken)
            throws ConfigException {
        Map<String, LoadedParser> byId = new LinkedHashMap<>();
        for (LoadedParser lp : found) {
            String id;
            try {
                id = lp.parser().id();
            } catch (RuntimeException | LinkageError e) {
                broken.add(lp.source() + ": parser " + lp.parser().getClass().getName() + " failed to give its id: " + e);
                continue;
            }
            if (!ParserIds.isUsable(id)) {
                broken.add(lp.source() + ": parser " + lp.parser().getClass().getName() + " has an invalid or reserved id '"
                        + id + "'");
                continue;
            }
            LoadedParser earlier = byId.get(id);
            if (earlier != null) {
                throw new ConfigException("parser id '" + id + "' is defined twice: by " + earlier.source()
                        + " (" + earlier.kind().label() + ") and by " + lp.source() + " (" + lp.kind().label() + ")");
            }
            byId.put(id, lp);
        }
        for (String id : config.parsers().keySet()) {
            if (!byId.containsKey(id) && !id.equals(ParserIds.GENERIC)) {
                throw new ConfigException("[parsers." + id + "]: no parser has the id '" + id + "' (loaded: "
                        + String.join(", ", byId.keySet()) + ")");
            }
        }
        // One resolver for every parser, so that a person has one name in every event.
        Accounts accounts = AccountResolver.create(config.accounts());
        List<LoadedParser> ready = new ArrayList<>();
        for (LoadedParser lp : byId.values()) {
            ParserSettings settings = new ParserSettings(lp.parser().id(), config.parserSettings(lp.parser().id()));
            try {
                if (!settings.enabled()) {
                    continue;
                }
                lp.parser().init(new SimpleParserContext(lp.parser().id(), settings, clock, accounts));
                ready.add(lp);
            } catch (ParserConfigException e) {
                throw new ConfigException(e.getMessage(), e);
            } catch (RuntimeException | LinkageError e) {
                broken.add(lp.source() + ": parser '" + lp.parser().id() + "' failed to start: " + e);
            }
        }
        List<LoadedParser> sorted = new ArrayList<>();
        for (LoadedParser lp : ready) {
            try {
                lp.parser().order();
            } catch (RuntimeException | LinkageError e) {
                broken.add(lp.source() + ": parser '" + lp.parser().id() + "' failed to give its order: " + e);
                continue;
            }
            try {
                sorted.add(lp.withThreadSafe(lp.parser().threadSafe()));
            } catch (RuntimeException | LinkageError e) {
                broken.add(lp.source() + ": parser '" + lp.parser().id() + "' failed to say whether it is thread-safe: " + e);
            }
        }
        sorted.sort(Comparator.comparingInt((LoadedParser lp) -> lp.parser().order())
                .thenComparing(lp -> lp.parser().id()));
        return sorted;
    }
}
