package org.mailbridge.rules;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailbridge.config.Config;
import org.mailbridge.config.ConfigException;
import org.mailbridge.config.ConfigLoader;
import org.mailbridge.daemon.Daemon;
import org.mailbridge.testing.FixedClock;

/** The daemon refuses to start with a broken rule file rather than skipping it. */
class BrokenRulesStopTheDaemonTest {
    @TempDir
    Path tmp;

    @Test
    void aBrokenRuleFileIsAConfigurationError() throws Exception {
        Path rules = Files.createDirectories(tmp.resolve("rules"));
        Files.writeString(rules.resolve("bad.toml"), "id = \"bad\"\nsenders = [\"*\"]\n[[rule]]\nname = \"r\"\n"
                + "match.all = [{ in = \"subject\", regex = '[' }]\nignore = \"x\"\n");
        Path conf = tmp.resolve("config.toml");
        Files.writeString(conf, "spool = \"spool\"\nrules_dirs = [\"rules\"]\nplugins_dir = \"plugins\"\n"
                + "[embedded_broker]\nport = 0\nwork_dir = \"broker\"\n");
        Config config = ConfigLoader.parse(Files.readString(conf), conf, Map.of("XDG_DATA_HOME", tmp.toString()));
        assertThatThrownBy(() -> Daemon.start(config, FixedClock.CLOCK)).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(rules.resolve("bad.toml") + ":5: rule[0].match.all[0].regex: bad regular expression");
    }
}
