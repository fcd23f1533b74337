package org.mailbridge.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.mailbridge.config.Config;
import org.mailbridge.config.ConfigLoader;

/** Configurations for tests, written as the TOML an operator would write. */
public final class TestConfigs {
    private TestConfigs() {
    }

    /** A config with a spool and one Qpid domain at {@code url}, publishing unclaimed mail. */
    public static String toml(Path spool, String url) {
        return """
                spool = "%s"
                unclaimed = "publish"
                rules_dirs = []

                [daemon]
                poll_interval = "200ms"
                retry_min = "200ms"
                retry_max = "1s"
                publish_timeout = "10s"

                [domains.main]
                url = "%s"
                broker = "qpid-broker-j"
                """.formatted(spool, url);
    }

    /** Writes TOML to {@code dir/config.toml} and loads it. */
    public static Config write(Path dir, String toml) throws Exception {
        Path f = dir.resolve("config.toml");
        Files.writeString(f, toml);
        return ConfigLoader.load(f, Map.of("XDG_DATA_HOME", dir.resolve("xdg").toString()));
    }
}
