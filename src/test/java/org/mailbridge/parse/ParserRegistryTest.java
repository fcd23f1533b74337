package org.mailbridge.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailbridge.config.Config;
import org.mailbridge.config.ConfigException;
import org.mailbridge.config.ConfigLoader;
import org.mailbridge.event.EventFactory;
import org.mailbridge.mail.MailReader;
import org.mailbridge.pipeline.Interpretation;
import org.mailbridge.pipeline.Interpreter;
import org.mailbridge.spi.EventDraft;
import org.mailbridge.spi.Mail;
import org.mailbridge.spi.MailParser;
import org.mailbridge.spi.ParseOutcome;
import org.mailbridge.spi.ParserConfigException;
import org.mailbridge.spi.ParserContext;
import org.mailbridge.spi.TrustVerdict;
import org.mailbridge.testing.FixedClock;
import org.mailbridge.testing.TestMail;

/** Loading, ordering and containment of parsers, with parsers found through ServiceLoader as in production. */
class ParserRegistryTest {
    @TempDir
    Path dir;

    /** Claims mail whose subject starts with its id. */
    public static class Prefix implements MailParser {
        private final String id;
        private final int order;

        Prefix(String id, int order) {
            this.id = id;
            this.order = order;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public int order() {
            return order;
        }

        @Override
        public ParseOutcome parse(Mail mail) {
            if (!mail.subject().startsWith("test " + id.charAt(0))) {
                return new ParseOutcome.NotMine();
            }
            return new ParseOutcome.Events(List.of(EventDraft.of("t." + id, "base.message", Map.of("by", id))),
                    TrustVerdict.TRUSTED);
        }
    }

    public static class Zed extends Prefix {
        public Zed() {
            super("zed", 100);
        }
    }

    public static class Alpha extends Prefix {
        public Alpha() {
            super("alpha", 100);
        }
    }

    public static class Early extends Prefix {
        public Early() {
            super("early", 10);
        }
    }

    /** Claims everything, after the others, and throws on "boom". */
    public static class Thrower implements MailParser {
        @Override
        public String id() {
            return "thrower";
        }

        @Override
        public int order() {
            return 5;
        }

        @Override
        public ParseOutcome parse(Mail mail) {
            if (mail.subject().contains("boom")) {
                throw new IllegalStateException("kaboom");
            }
            return new ParseOutcome.NotMine();
        }
    }

    /** Claims "badbody" mail with a git.ref.update event whose body lacks nearly everything. */
    public static class BadBody implements MailParser {
        @Override
        public String id() {
            return "badbody";
        }

        @Override
        public int order() {
            return 4;
        }

        @Override
        public ParseOutcome parse(Mail mail) {
            if (!mail.subject().contains("badbody")) {
                return new ParseOutcome.NotMine();
            }
            return new ParseOutcome.Events(List.of(EventDraft.of("git.ref.update", "mailbridge.git.ref.update.v1",
                    Map.of("repo", "widget"))), TrustVerdict.TRUSTED);
        }
    }

    public static class Reserved extends Prefix {
        public Reserved() {
            super("mail", 1);
        }
    }

    public static class BadConfig implements MailParser {
        @Override
        public String id() {
            return "strict";
        }

        @Override
        public void init(ParserContext c) throws ParserConfigException {
            c.settings().allowOnly(Set.of("instances"));
        }

        @Override
        public ParseOutcome parse(Mail mail) {
            return new ParseOutcome.NotMine();
        }
    }

    public static class BrokenInit implements MailParser {
        @Override
        public String id() {
            return "brokeninit";
        }

        @Override
        public void init(ParserContext c) {
            throw new IllegalStateException("cannot start");
        }

        @Override
        public ParseOutcome parse(Mail mail) {
            return new ParseOutcome.NotMine();
        }
    }

    /** A class loader whose ServiceLoader sees exactly the given parser classes. */
    private ParserSource source(String label, Class<?>... parsers) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (Class<?> c : parsers) {
            sb.append(c.getName()).append('\n');
        }
        Path services = Files.writeString(dir.resolve(label + ".services"), sb.toString(), StandardCharsets.UTF_8);
        ClassLoader parent = getClass().getClassLoader();
        ClassLoader loader = new ClassLoader(parent) {
            @Override
            public Enumeration<URL> getResources(String name) throws IOException {
                if (name.equals("META-INF/services/" + MailParser.class.getName())) {
                    return Collections.enumeration(List.of(services.toUri().toURL()));
                }
                return super.getResources(name);
            }
        };
        return new ParserSource(label, loader);
    }

    /**
     * The production loader with the first source as its built-in parsers, the others as plugin
     * jars, and no rule files (bundled texts replaced by none, and {@code rules_dirs = []}), so
     * that each test sees exactly its own parsers.
     */
    private static ParserRegistry load(Config config, List<ParserSource> sources) throws Exception {
        return ParserLoader.of(config).withJava(sources.get(0)).withBundledRules(Map.of())
                .withPlugins(sources.subList(1, sources.size())).load(FixedClock.CLOCK);
    }

    private Config config(String toml) throws Exception {
        return ConfigLoader.parse("rules_dirs = []\nplugins_dir = \"" + dir.resolve("no-plugins") + "\"\n" + toml,
                dir.resolve("c.toml"), Map.of());
    }

    @Test
    void oneLoaderTakesJavaParsersRuleFilesAndPluginsAndProductionSourcesAreTheDefault() throws Exception {
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Files.writeString(rules.resolve("site.toml"), """
                id = "site"
                senders = ["robot@example.org"]
                [[rule]]
                name = "r"
                match.all = [{ in = "subject", regex = '^site ' }]
                topic = "site.event"
                schema = "s"
                body = { ok = true }
                """);
        Config c = ConfigLoader.parse("rules_dirs = [\"" + rules + "\"]\n", dir.resolve("c.toml"), Map.of());
        try (ParserRegistry r = ParserLoader.of(c).withJava(source("j", Alpha.class)).withBundledRules(Map.of())
                .withPlugins(List.of(source("p.jar", Zed.class))).load(FixedClock.CLOCK)) {
            assertThat(r.parsers()).extracting(lp -> lp.parser().id() + " " + lp.kind().label() + " " + lp.source())
                    .containsExactlyInAnyOrder("alpha java j", "site rule " + rules.resolve("site.toml"), "zed plugin p.jar");
        }
        try (ParserRegistry r = ParserLoader.of(c).load(FixedClock.CLOCK)) {
            assertThat(r.parsers()).extracting(lp -> lp.parser().id())
                    .contains("bugzilla", "koji", "site").doesNotContain("alpha", "zed");
        }
    }

    @Test
    void orderIsByOrderThenIdWhateverTheDiscoveryOrder() throws Exception {
        ParserRegistry r = load(config(""),
                List.of(source("one", Zed.class, Alpha.class), source("two", Early.class)));
        assertThat(r.parsers()).extracting(lp -> lp.parser().id()).containsExactly("early", "alpha", "zed");
        assertThat(r.parsers()).extracting(ParserRegistry.LoadedParser::source).containsExactly("two", "one", "one");
    }

    @Test
    void aDuplicateIdIsRefusedNamingBothSources() throws Exception {
        List<ParserSource> sources = List.of(source("built-in", Alpha.class), source("plugin-x.jar", Alpha.class));
        assertThatThrownBy(() -> load(config(""), sources))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'alpha'").hasMessageContaining("built-in").hasMessageContaining("plugin-x.jar");
    }

    @Test
    void reservedIdsAndBrokenParsersAreReportedAndLeftOut() throws Exception {
        ParserRegistry r = load(config(""),
                List.of(source("p.jar", Reserved.class, BrokenInit.class, Alpha.class)));
        assertThat(r.parsers()).extracting(lp -> lp.parser().id()).containsExactly("alpha");
        assertThat(r.broken()).hasSize(2);
        assertThat(String.join("\n", r.broken())).contains("p.jar").contains("'mail'").contains("cannot start");
    }

    @Test
    void parserSettingsAreCheckedAndUnknownParserTablesRefused() throws Exception {
        assertThatThrownBy(() -> load(config("[parsers.strict]\ninstance = 1\n"),
                List.of(source("b", BadConfig.class)))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("parsers.strict.instance");
        assertThatThrownBy(() -> load(config("[parsers.nosuch]\nenabled = true\n"),
                List.of(source("b", BadConfig.class)))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("nosuch");
        ParserRegistry r = load(config("[parsers.alpha]\nenabled = false\n"),
                List.of(source("b", Alpha.class, Zed.class)));
        assertThat(r.parsers()).extracting(lp -> lp.parser().id()).containsExactly("zed");
    }

    @Test
    void aParserThatThrowsQuarantinesOnlyThatMail() throws Exception {
        Config c = config("");
        ParserRegistry r = load(c, List.of(source("s", Thrower.class, Alpha.class)));
        Interpreter in = new Interpreter(new MailReader(c.limits()), r, java.util.Optional.empty(),
                new EventFactory("org.fedoraproject", "prod", FixedClock.CLOCK),
                new org.mailbridge.schema.BodyValidator(org.mailbridge.schema.SchemaCatalog.builtIn().with("t.alpha",
                        org.mailbridge.testing.PluginJars.permissiveSchema("t.alpha", "base.message")
                                .getBytes(java.nio.charset.StandardCharsets.UTF_8))), FixedClock.CLOCK);
        Interpretation boom = in.interpret(new java.io.ByteArrayInputStream(TestMail.plain("a boom").bytes()), s -> { });
        assertThat(boom).isInstanceOfSatisfying(Interpretation.Unpublishable.class, u -> {
            assertThat(u.note().reason().code()).isEqualTo("parser-error");
            assertThat(u.note().parser()).isEqualTo("thrower");
            assertThat(u.note().detail()).contains("kaboom");
        });
        Interpretation fine = in.interpret(new java.io.ByteArrayInputStream(TestMail.plain("a fine").bytes()), s -> { });
        assertThat(fine).isInstanceOfSatisfying(Interpretation.Publishable.class,
                p -> assertThat(p.parserId()).isEqualTo("alpha"));
    }

    /** A body that fails its schema is quarantined as "schema" before anything could publish it. */
    @Test
    void anEventThatFailsItsSchemaQuarantinesTheMailAsSchema() throws Exception {
        Config c = config("");
        ParserRegistry r = load(c, List.of(source("s", BadBody.class)));
        Interpreter in = new Interpreter(new MailReader(c.limits()), r, java.util.Optional.empty(),
                new EventFactory("org.fedoraproject", "prod", FixedClock.CLOCK),
                org.mailbridge.schema.BodyValidator.builtIn(), FixedClock.CLOCK);
        Interpretation bad = in.interpret(new java.io.ByteArrayInputStream(TestMail.plain("a badbody").bytes()), s -> { });
        assertThat(bad).isInstanceOfSatisfying(Interpretation.Unpublishable.class, u -> {
            assertThat(u.note().reason().code()).isEqualTo("schema");
            assertThat(u.note().parser()).isEqualTo("badbody");
            assertThat(u.note().detail()).contains("git.ref.update.json").contains("new_rev");
        });
    }
}
