package org.mailbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code parse --check} and {@code parse --explain} as an administrator uses them. */
class ParseCheckTest {
    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return CliAccess.run(new PrintWriter(out), new PrintWriter(err), args);
    }

    private Path conf(String rule) throws Exception {
        Path rules = Files.createDirectories(tmp.resolve("rules"));
        if (rule != null) {
            Files.writeString(rules.resolve("site.toml"), rule);
        }
        Path conf = tmp.resolve("config.toml");
        Files.writeString(conf, "rules_dirs = [\"rules\"]\nplugins_dir = \"plugins\"\n");
        return conf;
    }

    @Test
    void checkReportsEveryRuleErrorWithFileAndLineAndExits78() throws Exception {
        Path conf = conf("id = \"site\"\nsenders = [\"*\"]\n[[rule]]\nname = \"r\"\nmatch.all = [{ in = \"subject\","
                + " regex = '(' }]\ntopic = \"x.{{y}}\"\nschema = \"s\"\nbody = {}\n");
        assertThat(run("parse", "--check", "--conf", conf.toString())).isEqualTo(78);
        Path file = tmp.resolve("rules/site.toml");
        assertThat(err.toString()).contains(file + ":5: rule[0].match.all[0].regex: bad regular expression")
                .contains(file + ":6: rule[0].topic: template error: no field 'y' is defined before this");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void checkListsWhatWouldBeLoaded() throws Exception {
        assertThat(run("parse", "--check", "--conf", conf(null).toString())).isZero();
        assertThat(out.toString()).containsPattern("(?m)^pagure +rule +500  bundled:parsers/pagure\\.toml +pagure\\.");
    }

    @Test
    void parsersColumnsStayAlignedForALongIdAndSource() throws Exception {
        // Covers the bug where ids longer than 12 characters pushed every later column of their row right.
        Path conf = conf("id = \"a-rather-long-site-parser-id\"\nsenders = [\"*\"]\n[[rule]]\nname = \"r\"\n"
                + "match.all = [{ in = \"subject\", regex = 'x' }]\ntopic = \"site.x\"\nschema = \"s\"\nbody = {}\n");
        assertThat(run("parsers", "--conf", conf.toString())).as(err.toString()).isZero();
        java.util.List<String> lines = out.toString().lines().toList();
        int kind = lines.get(0).indexOf("KIND");
        int source = lines.get(0).indexOf("SOURCE");
        assertThat(lines).hasSizeGreaterThan(3);
        for (String l : lines.subList(1, lines.size())) {
            assertThat(l.charAt(kind - 1)).as(l).isEqualTo(' ');
            assertThat(l.substring(kind)).as(l).matches("(java|rule|plugin) .*");
            assertThat(l.charAt(source - 1)).as(l).isEqualTo(' ');
            assertThat(l.charAt(source)).as(l).isNotEqualTo(' ');
        }
    }

    @Test
    void ignoredMailIsNoErrorForParseAndItsHelpSaysSo() throws Exception {
        Path mail = Path.of("src/test/resources/mail/bugzilla/upstream-whine-ignored.eml");
        Path conf = Path.of("src/test/resources/mail/bugzilla/config.toml");
        assertThat(run("parse", "--conf", conf.toString(), mail.toString())).as(err.toString()).isZero();
        assertThat(err.toString()).contains("ignored");
        assertThat(out.toString()).isEmpty();
        StringWriter help = new StringWriter();
        CliAccess.run(new PrintWriter(help), new PrintWriter(new StringWriter()), "parse", "--help");
        assertThat(help.toString()).contains("  0   success: events for each message, or ignored mail").contains(" 65   a message gives no event");
    }

    @Test
    void parseWithoutFilesOrCheckIsAUsageError() throws Exception {
        assertThat(run("parse", "--conf", conf(null).toString())).isEqualTo(64);
        assertThat(err.toString()).contains("FILE is required (or --check)");
    }

    @Test
    void explainSaysWhichRulesWereTriedAndWhy() throws Exception {
        Path mail = tmp.resolve("koji.eml");
        Files.writeString(mail, "From: buildsys@fedoraproject.org\nSubject: Package: a-1-1 Tag: f41 Status: failed"
                + " Built by: al\nX-Koji-Builder: al\n\nID: 5\n");
        assertThat(run("parse", "--explain", "--conf", conf(null).toString(), mail.toString())).isZero();
        assertThat(err.toString()).contains(mail + ": bodhi (bundled:parsers/bodhi.toml): rule 'comment': no match:"
                + " header:X-Bodhi is absent")
                .contains(mail + ": koji (bundled:parsers/koji.toml): rule 'build-state-change': matches")
                .contains(mail + ": 1 event(s) from parser koji, trusted");
        assertThat(out.toString()).contains("\"topic\":\"org.fedoraproject.prod.buildsys.build.state.change\"")
                .contains("\"new\":3");
    }
}
