package org.mailbridge.config;

/**
 * The configuration is unusable. The message names the file, the line where known, and the key,
 * because an operator reads it in a journal far from the file. Maps to exit code 78.
 */
public class ConfigException extends Exception {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
