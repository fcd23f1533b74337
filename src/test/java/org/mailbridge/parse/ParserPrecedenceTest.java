package org.mailbridge.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailbridge.config.Config;
import org.mailbridge.config.ConfigLoader;
import org.mailbridge.pipeline.Interpretation;
import org.mailbridge.pipeline.Interpreter;
import org.mailbridge.pipeline.Interpreters;
import org.mailbridge.testing.FixedClock;
import org.mailbridge.testing.PluginJars;

/**
 * Java parsers and rule files are asked in one order: ascending {@code order}, then id. Rule
 * files default to 500, Java parsers (and plugins) choose theirs; a site rule can go first by
 * setting a lower order.
 */
class ParserPrecedenceTest {
    @TempDir
    Path tmp;

    private Interpreter interpreter(int ruleOrder) throws Exception {
        Path plugins = Files.createDirectories(tmp.resolve("plugins"));
        if (!Files.exists(plugins.resolve("java.jar"))) {
            String src = PluginJars.parser("ex", "Java", "javaparser", "Widget", "").replace(
                    "public String id()", "public int order() { return 100; }\n    public String id()");
            PluginJars.build(plugins.resolve("java.jar"), Map.of("ex.Java", src), List.of("ex.Java"));
        }
        Path rules = Files.createDirectories(tmp.resolve("rules"));
        Files.writeString(rules.resolve("site.toml"), """
                id = "siterule"
                order = %d
                senders = ["*"]
                [[rule]]
                name = "widget"
                match.all = [{ in = "subject", regex = '^Widget' }]
                topic = "site.widget"
                schema = "site.widget.v1"
                body = {}
                """.formatted(ruleOrder));
        Files.createDirectories(rules.resolve("schemas"));
        Files.writeString(rules.resolve("schemas/site.widget.json"), PluginJars.permissiveSchema("site.widget", "site.widget.v1"));
        Path conf = tmp.resolve("config.toml");
        Files.writeString(conf, "rules_dirs = [\"rules\"]\nplugins_dir = \"plugins\"\n");
        Config c = ConfigLoader.parse(Files.readString(conf), conf, Map.of("XDG_DATA_HOME", tmp.toString()));
        return Interpreters.create(c, FixedClock.CLOCK);
    }

    private static List<String> asked(Interpreter in) throws Exception {
        List<String> lines = new ArrayList<>();
        Interpretation r = in.interpret(new ByteArrayInputStream("From: a@b.org\nSubject: Widget 1\n\nx\n"
                .getBytes(StandardCharsets.UTF_8)), lines::add);
        lines.add("-> " + ((Interpretation.Publishable) r).parserId());
        return lines;
    }

    @Test
    void aJavaParserWithALowerOrderIsAskedFirst() throws Exception {
        Interpreter in = interpreter(500);
        assertThat(in.parsers()).extracting(lp -> lp.parser().id()).containsSubsequence("javaparser", "bodhi", "siterule");
        assertThat(asked(in)).last().isEqualTo("-> javaparser");
        in.registry().close();
    }

    @Test
    void aRuleWithALowerOrderGoesBeforeJavaParsers() throws Exception {
        Interpreter in = interpreter(50);
        // Built-in parsers sit between them too; what matters is that the rule comes first.
        assertThat(in.parsers()).extracting(lp -> lp.parser().id()).startsWith("siterule")
                .containsSubsequence("siterule", "javaparser");
        assertThat(asked(in)).containsExactly(
                "siterule (" + tmp.resolve("rules/site.toml") + "): rule 'widget': matches",
                "siterule (" + tmp.resolve("rules/site.toml") + "): claimed: 1 event(s), trusted",
                "-> siterule");
        in.registry().close();
    }

    @Test
    void equalOrdersAreBrokenById() throws Exception {
        Interpreter in = interpreter(100);
        assertThat(in.parsers()).extracting(lp -> lp.parser().id())
                .filteredOn(id -> id.equals("javaparser") || id.equals("siterule"))
                .containsExactly("javaparser", "siterule");
        assertThat(in.parsers()).filteredOn(lp -> lp.parser().order() == 100).extracting(lp -> lp.parser().id())
                .isSorted();
        in.registry().close();
    }
}
