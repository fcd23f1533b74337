package org.mailbridge.parse;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.mailbridge.config.Config;
import org.mailbridge.config.ConfigException;
import org.mailbridge.parse.ParserRegistry.Kind;
import org.mailbridge.parse.ParserRegistry.LoadedParser;
import org.mailbridge.rules.RuleLoader;
import org.mailbridge.rules.RuleParser;

/**
 * Finds, checks and starts the parsers a configuration describes, from three sources, and
 * hands them to a {@link ParserRegistry} that runs them:
 * <ol>
 *   <li>the built-in Java parsers, found with {@link java.util.ServiceLoader} in the
 *       application's class loader;</li>
 *   <li>rule files ({@link RuleLoader}): the bundled ones, then each of {@code rules_dirs};</li>
 *   <li>plugin jars in {@code plugins_dir} ({@link PluginLoader}), each in its own class loader.</li>
 * </ol>
 * One id may exist once across all three: a clash stops the start with both sources named. A
 * broken rule file stops the start too; a plugin that cannot be loaded or started is reported
 * with its jar and left out. Ids are checked, settings handed over and {@code init} called by
 * {@link ParserStartup}.
 *
 * <p>Production and tests use this same loader; a test replaces a source ({@link #withJava},
 * {@link #withBundledRules}, {@link #withPlugins}) and keeps the rest.
 */
public final class ParserLoader {
    private final Config config;
    private final ParserSource java;
    private final Optional<Map<String, String>> bundledRules;
    private final Optional<List<ParserSource>> plugins;

    private ParserLoader(Config config, ParserSource java, Optional<Map<String, String>> bundledRules,
                         Optional<List<ParserSource>> plugins) {
        this.config = config;
        this.java = java;
        this.bundledRules = bundledRules;
        this.plugins = plugins;
    }

    /** The loader for {@code config}: the application's parsers, rule files and plugin jars. */
    public static ParserLoader of(Config config) {
        return new ParserLoader(config, new ParserSource("built-in", ParserLoader.class.getClassLoader()),
                Optional.empty(), Optional.empty());
    }

    /** The same loader with another source of built-in Java parsers. */
    public ParserLoader withJava(ParserSource source) {
        return new ParserLoader(config, source, bundledRules, plugins);
    }

    /** The same loader with these bundled rule texts (file name to text) instead of the shipped ones. */
    public ParserLoader withBundledRules(Map<String, String> texts) {
        return new ParserLoader(config, java, Optional.of(Map.copyOf(texts)), plugins);
    }

    /** The same loader with these plugin sources instead of the jars of {@code plugins_dir}. */
    public ParserLoader withPlugins(List<ParserSource> sources) {
        return new ParserLoader(config, java, bundledRules, Optional.of(List.copyOf(sources)));
    }

    /** Loads and starts every parser. */
    public ParserRegistry load(Clock clock) throws ConfigException {
        List<LoadedParser> found = new ArrayList<>();
        List<String> broken = new ArrayList<>();
        ParserStartup.discover(java, broken).forEach(p -> found.add(new LoadedParser(p, java.label(), Kind.JAVA)));
        List<RuleParser> rules = bundledRules.isPresent() ? RuleLoader.load(bundledRules.get(), config.rulesDirs())
                : RuleLoader.load(config.rulesDirs());
        for (RuleParser r : rules) {
            found.add(new LoadedParser(r, r.source(), Kind.RULE));
        }
        List<ParserSource> jars = plugins.isPresent() ? plugins.get()
                : PluginLoader.sources(config.pluginsDir(), broken);
        for (ParserSource s : jars) {
            ParserStartup.discover(s, broken).forEach(p -> found.add(new LoadedParser(p, s.label(), Kind.PLUGIN)));
        }
        try {
            List<LoadedParser> ready = ParserStartup.start(config, clock, found, broken);
            return new ParserRegistry(ready, broken, jars, config.limits().pluginTimeout());
        } catch (ConfigException e) {
            ParserRegistry.closeLoaders(jars);
            throw e;
        }
    }
}
