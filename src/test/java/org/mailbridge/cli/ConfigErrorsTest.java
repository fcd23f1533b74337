package org.mailbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailbridge.config.Config;
import org.mailbridge.config.ConfigException;
import org.mailbridge.config.ConfigLoader;
import org.mailbridge.config.SpoolKeyReader;
import org.mailbridge.testing.CliProcess;

/** A bad configuration stops every command with exit 78 and a message that names the file, line and key. */
class ConfigErrorsTest {
    @TempDir
    Path dir;

    private static final Path GOOD = Path.of("src/test/resources/config/good.toml");
    private static final Path BAD = Path.of("src/test/resources/config/unknown-key.toml");

    @Test
    void theGoodFixtureLoadsWithEveryKeyApplied() throws Exception {
        Config c = ConfigLoader.load(GOOD, Map.of());
        assertThat(c.spool()).isEqualTo(Path.of("/var/spool/mailbridge"));
        assertThat(c.environment()).isEqualTo("stg");
        assertThat(c.domains()).hasSize(2);
        assertThat(c.domains().get(0).name()).isEqualTo("infra");
        assertThat(c.domains().get(0).address()).isEqualTo("/exchange/amq.topic/{topic}");
        assertThat(c.domains().get(1).address()).isEqualTo("amq.topic/{topic}");
        assertThat(c.domains().get(1).topics()).containsExactly("pagure.#");
        assertThat(c.limits().maxMessageSize()).isEqualTo(10L << 20);
        assertThat(c.parserSettings("mail")).containsEntry("max_body", 1000);
    }

    @Test
    void anUnknownKeyIsNamedWithItsLine() {
        assertThatThrownBy(() -> ConfigLoader.load(BAD, Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("unknown-key.toml:8:")
                .hasMessageContaining("'domains.infra.urll'");
    }

    @Test
    void everyCommandExits78NamingTheKey() throws Exception {
        for (String cmd : new String[] {"parse", "status", "daemon", "replay"}) {
            CliRun r = cmd.equals("parse") ? CliRun.of(cmd, "--conf", BAD.toString(), "x.eml")
                    : CliRun.of(cmd, "--conf", BAD.toString(), "--all");
            if (cmd.equals("status") || cmd.equals("daemon")) {
                r = CliRun.of(cmd, "--conf", BAD.toString());
            }
            assertThat(r.exit).as(cmd + ": " + r.err).isEqualTo(78);
            assertThat(r.err).as(cmd).contains("domains.infra.urll");
        }
    }

    @Test
    void deliverToleratesTheRestOfAFileItDoesNotReadButNotABrokenSpoolValue() throws Exception {
        Path conf = Files.writeString(dir.resolve("c.toml"), "spool = [\"not\", \"a string\"]\n");
        CliProcess.Result r = CliProcess.run(java.util.List.of("deliver", "--conf", conf.toString()), new byte[0], Map.of());
        assertThat(r.exit()).isEqualTo(78);
        assertThat(r.stderr()).contains("c.toml:1").contains("spool");
    }

    @Test
    void aMissingConfFileIs78() {
        CliRun r = CliRun.of("status", "--conf", dir.resolve("absent.toml").toString());
        assertThat(r.exit).isEqualTo(78);
        assertThat(r.err).contains("absent.toml");
    }

    @Test
    void valuesAreChecked() {
        assertThatThrownBy(() -> ConfigLoader.parse("unclaimed = \"drop\"\n", dir.resolve("v.toml"), Map.of()))
                .hasMessageContaining("v.toml:1: key 'unclaimed'");
        assertThatThrownBy(() -> ConfigLoader.parse("[limits]\nmax_message_size = \"lots\"\n", dir.resolve("v.toml"), Map.of()))
                .hasMessageContaining("limits.max_message_size");
        assertThatThrownBy(() -> ConfigLoader.parse("[domains.a]\nurl = \"http://x\"\n", dir.resolve("v.toml"), Map.of()))
                .hasMessageContaining("domains.a.url");
        assertThatThrownBy(() -> ConfigLoader.parse("[domains.a]\nurl = \"amqp://x\"\naddress = \"amq.topic\"\n",
                dir.resolve("v.toml"), Map.of())).hasMessageContaining("{topic}");
        assertThatThrownBy(() -> ConfigLoader.parse("topic_prefix = \"a b\"\n", dir.resolve("v.toml"), Map.of()))
                .hasMessageContaining("topic_prefix");
        assertThatThrownBy(() -> ConfigLoader.parse("spool = \n", dir.resolve("v.toml"), Map.of()))
                .hasMessageContaining("v.toml:1");
    }

    @Test
    void deliverAndTheFullLoaderReadTheSameSpool() throws Exception {
        String[] forms = {
            "spool = \"/srv/spool\"\n",
            "spool='/srv/literal'  # comment\n",
            "  spool   =   \"/srv/with \\\"quote\\\"\"\n",
            "spool = \"/srv/\\u00e9t\\u00e9\"\n",
            "spool_archive = 1\nspool = \"/srv/after\"\n",
            "# spool = \"/commented\"\nspool = \"/srv/real\"\n"
        };
        for (String form : forms) {
            Path f = Files.writeString(dir.resolve("f.toml"), form);
            assertThat(SpoolKeyReader.read(f)).as(form).contains(pathOf(form));
        }
        Path f = Files.writeString(dir.resolve("g.toml"), "[daemon]\nspool = \"/not/top/level\"\n");
        assertThat(SpoolKeyReader.read(f)).isEmpty();
    }

    private String pathOf(String form) throws Exception {
        String text = form.replace("spool_archive = 1\n", "");
        return ConfigLoader.parse(text, dir.resolve("p.toml"), Map.of()).spool().toString();
    }
}
