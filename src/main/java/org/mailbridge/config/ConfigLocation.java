package org.mailbridge.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the configuration file and the default directories. Lookup order: {@code --conf}, then
 * {@code $MAILBRIDGE_CONF}, then {@code /etc/mailbridge/config.toml}; with none of them the bridge
 * runs on coded defaults. JDK only: {@code deliver} uses it.
 */
public final class ConfigLocation {
    /** The system-wide configuration file. */
    public static final Path SYSTEM_CONF = Path.of("/etc/mailbridge/config.toml");
    /** Environment variable naming the configuration file. */
    public static final String ENV_CONF = "MAILBRIDGE_CONF";

    private ConfigLocation() {
    }

    /**
     * The configuration file to read.
     *
     * @param explicit the {@code --conf} value, or null
     * @param env the process environment
     * @return the file, or empty to run on defaults
     * @throws ConfigException when the file named by {@code --conf} or the environment is missing
     */
    public static Optional<Path> find(Path explicit, Map<String, String> env) throws ConfigException {
        if (explicit != null) {
            return Optional.of(requireReadable(explicit, "--conf"));
        }
        String fromEnv = env.get(ENV_CONF);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Optional.of(requireReadable(Path.of(fromEnv), "$" + ENV_CONF));
        }
        return Files.isRegularFile(SYSTEM_CONF) ? Optional.of(SYSTEM_CONF) : Optional.empty();
    }

    private static Path requireReadable(Path p, String origin) throws ConfigException {
        if (!Files.isRegularFile(p) || !Files.isReadable(p)) {
            throw new ConfigException("configuration file (from " + origin + ") does not exist or is not readable").at(p, 0);
        }
        return p;
    }

    /** The per-user data directory: {@code $XDG_DATA_HOME/mailbridge}, else {@code ~/.local/share/mailbridge}. */
    public static Path dataDir(Map<String, String> env) {
        String xdg = env.get("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()
                ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".local", "share");
        return base.resolve("mailbridge");
    }

    /** The spool used when the configuration names none. */
    public static Path defaultSpool(Map<String, String> env) {
        return dataDir(env).resolve("spool");
    }
}
