package org.mailbridge.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailbridge.config.ConfigException;

/** Where rule files come from and which one wins. */
class RuleLoaderTest {
    @TempDir
    Path tmp;

    private static String file(String id, String topic) {
        return """
                id = "%s"
                senders = ["*"]
                [[rule]]
                name = "r"
                match.all = [{ in = "subject", regex = 'x' }]
                topic = "%s"
                schema = "s"
                body = {}
                """.formatted(id, topic);
    }

    private Path dir(String name, Map<String, String> files) throws Exception {
        Path d = Files.createDirectories(tmp.resolve(name));
        for (var e : files.entrySet()) {
            Files.writeString(d.resolve(e.getKey()), e.getValue());
        }
        return d;
    }

    @Test
    void theShippedRulesAreBundledAndValid() throws Exception {
        assertThat(RuleLoader.bundled()).containsKeys("koji.toml", "bodhi.toml", "pagure.toml", "pkgdb.toml", "fas.toml");
        assertThat(RuleLoader.load(List.of())).extracting(RuleParser::id)
                .contains("koji", "bodhi", "pagure", "pkgdb", "fas");
    }

    @Test
    void siteFilesOverrideBundledOnesWithTheSameIdAndLaterDirsWin() throws Exception {
        Path usr = dir("usr", Map.of("koji.toml", file("koji", "usr.topic"), "extra.toml", file("extra", "x.t")));
        Path etc = dir("etc", Map.of("my-koji.toml", file("koji", "etc.topic")));
        List<RuleParser> ps = RuleLoader.load(Map.of("koji.toml", file("koji", "bundled.topic")), List.of(usr, etc));
        assertThat(ps).extracting(RuleParser::id).containsExactlyInAnyOrder("koji", "extra");
        RuleParser koji = ps.stream().filter(p -> p.id().equals("koji")).findFirst().orElseThrow();
        assertThat(koji.topics()).containsExactly("etc.topic");
        assertThat(koji.source()).isEqualTo(etc.resolve("my-koji.toml").toString());
    }

    @Test
    void twoFilesWithOneIdInOneDirAreAnError() throws Exception {
        Path etc = dir("etc", Map.of("a.toml", file("same", "t"), "b.toml", file("same", "t")));
        assertThatThrownBy(() -> RuleLoader.load(Map.of(), List.of(etc))).isInstanceOf(ConfigException.class)
                .hasMessage(etc.resolve("b.toml") + ": parser id 'same' is also defined by " + etc.resolve("a.toml"));
    }

    @Test
    void missingDirectoriesAreSkippedAndOtherFilesIgnored() throws Exception {
        Path etc = dir("etc", Map.of("notes.txt", "not a rule", "ok.toml", file("ok", "t")));
        assertThat(RuleLoader.load(Map.of(), List.of(tmp.resolve("absent"), etc))).extracting(RuleParser::id)
                .containsExactly("ok");
    }

    @Test
    void everyBrokenFileIsReportedBeforeLoadingFails() throws Exception {
        Path etc = dir("etc", Map.of("a.toml", "id = 1\n", "b.toml", file("b", "t").replace("regex = 'x'", "regex = '['")));
        assertThatThrownBy(() -> RuleLoader.load(Map.of(), List.of(etc))).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("4 errors in rule files:\n" + etc.resolve("a.toml") + ":1: id: must be a string")
                .hasMessageContaining(etc.resolve("b.toml") + ":5: rule[0].match.all[0].regex: bad regular expression");
    }
}
