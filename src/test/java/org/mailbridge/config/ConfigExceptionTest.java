package org.mailbridge.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Configuration errors carry their key, file and line as values, not only as text. */
class ConfigExceptionTest {
    private static final Path FILE = Path.of("/etc/mailbridge/config.toml");

    private static ConfigException error(String toml) {
        return catchThrowableOfType(ConfigException.class, () -> ConfigLoader.parse(toml, FILE, Map.of()));
    }

    @Test
    void aValueTheBuilderRefusesIsLocatedByItsKey() {
        ConfigException e = error("# comment\ntopic_prefix = \"org.x\"\n\nunclaimed = \"drop\"\n");
        assertThat(e.key()).contains("unclaimed");
        assertThat(e.file()).contains(FILE);
        assertThat(e.line()).isEqualTo(4);
        assertThat(e.getMessage()).isEqualTo(FILE + ":4: " + e.detail()).contains("key 'unclaimed'");
    }

    @Test
    void nestedKeysUnknownKeysAndWrongTypesToo() {
        ConfigException nested = error("[domains.main]\nurl = \"amqp://h\"\n\n[domains.infra]\nurl = \"ftp://h\"\n");
        assertThat(nested.key()).contains("domains.infra.url");
        assertThat(nested.line()).isEqualTo(5);
        ConfigException unknown = error("spool = \"/s\"\n[limits]\nmax_mesage_size = \"1MiB\"\n");
        assertThat(unknown.key()).contains("limits.max_mesage_size");
        assertThat(unknown.line()).isEqualTo(3);
        ConfigException type = error("[limits]\nmax_header_count = \"many\"\n");
        assertThat(type.key()).contains("limits.max_header_count");
        assertThat(type.line()).isEqualTo(2);
    }

    @Test
    void aSyntaxErrorHasTheLineJacksonsTomlReaderReportsAndNoKey() {
        ConfigException e = error("spool = \"/s\"\n\nbroken = = 1\n");
        assertThat(e.key()).isEmpty();
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.getMessage()).startsWith(FILE + ":3: TOML syntax error");
    }

    @Test
    void withoutAFileTheMessageIsTheDetail() {
        ConfigException e = ConfigException.forKey("spool", "key 'spool' must not be empty");
        assertThat(e.getMessage()).isEqualTo("key 'spool' must not be empty");
        assertThat(e.at(FILE, 0).getMessage()).isEqualTo(FILE + ": key 'spool' must not be empty");
        assertThat(e.at(FILE, 7).key()).contains("spool");
    }
}
