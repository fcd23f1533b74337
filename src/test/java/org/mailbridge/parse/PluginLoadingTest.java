package org.mailbridge.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailbridge.config.Config;
import org.mailbridge.config.ConfigException;
import org.mailbridge.config.ConfigLoader;
import org.mailbridge.pipeline.Interpretation;
import org.mailbridge.pipeline.Interpreter;
import org.mailbridge.pipeline.Interpreters;
import org.mailbridge.spi.MailParser;
import org.mailbridge.spool.QuarantineReason;
import org.mailbridge.testing.FixedClock;
import org.mailbridge.testing.PluginJars;

/** Plugin jars, built for real: isolation, id clashes, broken jars, crashes at parse time. */
class PluginLoadingTest {
    @TempDir
    Path tmp;

    private Path plugins() throws Exception {
        return Files.createDirectories(tmp.resolve("plugins"));
    }

    private Config config() throws Exception {
        Path conf = tmp.resolve("config.toml");
        Files.writeString(conf, "rules_dirs = []\nplugins_dir = \"plugins\"\n");
        return ConfigLoader.parse(Files.readString(conf), conf, Map.of("XDG_DATA_HOME", tmp.toString()));
    }

    private Path jar(String name, String id, String prefix, String parseBody) throws Exception {
        String cls = "Parser" + Math.abs(name.hashCode());
        return PluginJars.build(plugins().resolve(name), Map.of("ex." + cls,
                PluginJars.parser("ex", cls, id, prefix, parseBody)), List.of("ex." + cls));
    }

    private static Interpretation interpret(Interpreter in, String subject) throws Exception {
        String mail = "From: a@example.org\nSubject: " + subject + "\nMessage-ID: <" + subject.hashCode() + "@x>\n\nhi\n";
        return in.interpret(new ByteArrayInputStream(mail.getBytes(StandardCharsets.UTF_8)), l -> { });
    }

    @Test
    void aPluginIsLoadedInItsOwnLoaderThatSeesOnlyTheSpiAndTheJdk() throws Exception {
        jar("good.jar", "good", "GOOD", "");
        List<String> problems = new ArrayList<>();
        ParserSource s = PluginLoader.sources(plugins(), problems).get(0);
        assertThat(problems).isEmpty();
        assertThat(s.loader().loadClass("org.mailbridge.spi.MailParser")).isSameAs(MailParser.class);
        assertThat(s.loader().loadClass("java.util.List")).isSameAs(List.class);
        assertThatThrownBy(() -> s.loader().loadClass("org.mailbridge.rules.RuleParser"))
                .isInstanceOf(ClassNotFoundException.class);
        assertThatThrownBy(() -> s.loader().loadClass("com.fasterxml.jackson.databind.ObjectMapper"))
                .isInstanceOf(ClassNotFoundException.class);
        // The plugin's ServiceLoader finds its own parser, not the application's again.
        assertThat(ServiceLoader.load(MailParser.class, s.loader()).stream().map(p -> p.type().getName()))
                .containsExactly("ex.Parser" + Math.abs("good.jar".hashCode()));
        ((java.io.Closeable) s.loader()).close();
    }

    @Test
    void pluginsJoinTheRegistryAndTheirCrashesQuarantineOnlyTheirMail() throws Exception {
        jar("a-good.jar", "good", "GOOD", "");
        jar("b-crashy.jar", "crashy", "CRASH", "if (mail.subject().contains(\"boom\")) throw new IllegalStateException(\"boom\");");
        try (ParserRegistry registry = ParserLoader.of(config()).load(FixedClock.CLOCK)) {
            assertThat(registry.parsers()).filteredOn(lp -> lp.kind() == ParserRegistry.Kind.PLUGIN)
                    .extracting(lp -> lp.parser().id() + " " + Path.of(lp.source()).getFileName())
                    .containsExactly("crashy b-crashy.jar", "good a-good.jar");
        }
        Interpreter in = Interpreters.create(config(), FixedClock.CLOCK);
        Interpretation crash = interpret(in, "CRASH boom");
        assertThat(crash).isInstanceOf(Interpretation.Unpublishable.class);
        assertThat(((Interpretation.Unpublishable) crash).note().reason()).isEqualTo(QuarantineReason.PARSER_ERROR);
        assertThat(((Interpretation.Unpublishable) crash).note().parser()).isEqualTo("crashy");
        assertThat(interpret(in, "CRASH calm")).isInstanceOf(Interpretation.Publishable.class);
        Interpretation good = interpret(in, "GOOD news");
        assertThat(((Interpretation.Publishable) good).events().get(0).topic()).isEqualTo("org.fedoraproject.prod.good.event");
        in.registry().close();
    }

    @Test
    void anIdClashNamesBothJars() throws Exception {
        jar("one.jar", "same", "A", "");
        jar("two.jar", "same", "B", "");
        assertThatThrownBy(() -> ParserLoader.of(config()).load(FixedClock.CLOCK)).isInstanceOf(ConfigException.class)
                .hasMessage("parser id 'same' is defined twice: by " + plugins().resolve("one.jar") + " (plugin) and by "
                        + plugins().resolve("two.jar") + " (plugin)");
    }

    @Test
    void aPluginMayNotTakeTheIdOfARuleFile() throws Exception {
        jar("koji.jar", "koji", "A", "");
        assertThatThrownBy(() -> ParserLoader.of(config()).load(FixedClock.CLOCK)).isInstanceOf(ConfigException.class)
                .hasMessage("parser id 'koji' is defined twice: by bundled:parsers/koji.toml (rule) and by "
                        + plugins().resolve("koji.jar") + " (plugin)");
    }

    @Test
    void brokenPluginsAreReportedWithTheirJarAndLeftOut() throws Exception {
        jar("good.jar", "good", "GOOD", "");
        PluginJars.build(plugins().resolve("missing-class.jar"), Map.of(), List.of("ex.DoesNotExist"));
        PluginJars.build(plugins().resolve("bad-init.jar"), Map.of("ex.BadInit", """
                package ex;
                import org.mailbridge.spi.*;
                public final class BadInit implements MailParser {
                    public String id() { return "bad-init"; }
                    public void init(ParserContext c) { throw new IllegalStateException("no database"); }
                    public ParseOutcome parse(Mail m) { return ParseOutcome.notMine(); }
                }
                """), List.of("ex.BadInit"));
        PluginJars.build(plugins().resolve("bad-id.jar"), Map.of("ex.BadId", """
                package ex;
                import org.mailbridge.spi.*;
                public final class BadId implements MailParser {
                    public String id() { return "Bad Id"; }
                    public ParseOutcome parse(Mail m) { return ParseOutcome.notMine(); }
                }
                """), List.of("ex.BadId"));
        try (ParserRegistry registry = ParserLoader.of(config()).load(FixedClock.CLOCK)) {
            assertThat(registry.parsers()).extracting(lp -> lp.parser().id()).contains("good")
                    .doesNotContain("bad-init", "Bad Id");
            assertThat(registry.broken()).hasSize(3)
                    .anySatisfy(b -> assertThat(b).startsWith(plugins().resolve("missing-class.jar") + ": ")
                            .contains("ex.DoesNotExist"))
                    .anySatisfy(b -> assertThat(b).isEqualTo(plugins().resolve("bad-init.jar")
                            + ": parser 'bad-init' failed to start: java.lang.IllegalStateException: no database"))
                    .anySatisfy(b -> assertThat(b).isEqualTo(plugins().resolve("bad-id.jar")
                            + ": parser ex.BadId has an invalid or reserved id 'Bad Id'"));
        }
    }
}
