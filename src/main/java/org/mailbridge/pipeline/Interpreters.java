package org.mailbridge.pipeline;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import org.mailbridge.config.Config;
import org.mailbridge.config.ConfigException;
import org.mailbridge.config.Unclaimed;
import org.mailbridge.event.EventFactory;
import org.mailbridge.mail.MailReader;
import org.mailbridge.parse.GenericMailParser;
import org.mailbridge.parse.ParserLoader;
import org.mailbridge.parse.ParserRegistry;
import org.mailbridge.parse.SimpleParserContext;
import org.mailbridge.schema.BodyValidator;
import org.mailbridge.schema.SchemaCatalog;
import org.mailbridge.spi.ParserConfigException;
import org.mailbridge.spi.ParserSettings;

/** Builds the {@link Interpreter} a configuration describes; {@code parse} and the daemon share it. */
public final class Interpreters {
    private Interpreters() {
    }

    /** The interpreter, with every parser loaded and initialised. */
    public static Interpreter create(Config config, Clock clock) throws ConfigException {
        ParserRegistry registry = ParserLoader.of(config).load(clock);
        Optional<GenericMailParser> generic = Optional.empty();
        if (config.unclaimed() == Unclaimed.PUBLISH) {
            GenericMailParser g = new GenericMailParser();
            ParserSettings s = new ParserSettings(GenericMailParser.ID, config.parserSettings(GenericMailParser.ID));
            try {
                g.init(new SimpleParserContext(GenericMailParser.ID, s, clock));
            } catch (ParserConfigException e) {
                throw new ConfigException(e.getMessage(), e);
            }
            generic = Optional.of(g);
        } else if (!config.parserSettings(GenericMailParser.ID).equals(Map.of())) {
            throw new ConfigException("[parsers.mail] is set but unclaimed is not \"publish\"");
        }
        return new Interpreter(new MailReader(config.limits()), registry, generic,
                new EventFactory(config.topicPrefix(), config.environment(), clock),
                new BodyValidator(SchemaCatalog.builtIn().withPlugins(registry.pluginLoaders())
                        .withDirectories(config.rulesDirs())), clock,
                config.trust().authservId().map(AuthenticationResults::new));
    }
}
