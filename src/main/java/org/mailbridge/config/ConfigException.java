package org.mailbridge.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The configuration is unusable. The message names the file, the line where known, and the key,
 * because an operator reads it in a journal far from the file. Maps to exit code 78.
 *
 * <p>The key and the location are carried as values, not only as text: whoever finds the
 * problem names the key ({@link #forKey}); the loader, which has the file, adds where it is
 * ({@link #at}): Jackson's line for a TOML syntax error, else the line of the key in the text.
 */
public class ConfigException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String detail;
    private final String key;
    private final transient Path file;
    private final int line;

    public ConfigException(String message) {
        this(message, "", null, 0, null);
    }

    public ConfigException(String message, Throwable cause) {
        this(message, "", null, 0, cause);
    }

    private ConfigException(String detail, String key, Path file, int line, Throwable cause) {
        super(detail, cause);
        this.detail = detail;
        this.key = key;
        this.file = file;
        this.line = line;
    }

    /** A problem with one key, such as {@code domains.infra.url}; the message names it too. */
    public static ConfigException forKey(String key, String message) {
        return new ConfigException(message, key, null, 0, null);
    }

    /** A problem with one key, caused by {@code cause}. */
    public static ConfigException forKey(String key, String message, Throwable cause) {
        return new ConfigException(message, key, null, 0, cause);
    }

    /** The same problem, located in {@code file} at {@code line} (0 when the line is not known). */
    public ConfigException at(Path file, int line) {
        ConfigException e = new ConfigException(detail, key, file, Math.max(line, 0), getCause());
        e.setStackTrace(getStackTrace());
        return e;
    }

    /** The key the problem is about, if one is. */
    public Optional<String> key() {
        return key.isEmpty() ? Optional.empty() : Optional.of(key);
    }

    /** The file, once located. */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    /** The line in {@link #file()}, or 0. */
    public int line() {
        return line;
    }

    /** The message without the location. */
    public String detail() {
        return detail;
    }

    /** {@code file:line: detail}, {@code file: detail} or the detail alone. */
    @Override
    public String getMessage() {
        if (file == null) {
            return detail;
        }
        return file + (line > 0 ? ":" + line : "") + ": " + detail;
    }
}
