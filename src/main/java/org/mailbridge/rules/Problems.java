package org.mailbridge.rules;

import org.mailbridge.config.TomlLocator;
import java.util.ArrayList;
import java.util.List;

/**
 * The errors found in one rule file, each as {@code file:line: message}. Validation goes on
 * after an error so that an author sees every problem of a file at once.
 */
final class Problems {
    private final String file;
    private final TomlLocator locator;
    private final List<String> messages = new ArrayList<>();

    Problems(String file, TomlLocator locator) {
        this.file = file;
        this.locator = locator;
    }

    /** Records an error at the line of {@code path}. */
    void add(String path, String message) {
        int line = locator == null ? 0 : locator.line(path);
        messages.add(file + ":" + (line > 0 ? line + ":" : "") + " " + (path.isEmpty() ? "" : path + ": ") + message);
    }

    /** Records an error whose location is already known. */
    void addRaw(String message) {
        messages.add(message);
    }

    boolean isEmpty() {
        return messages.isEmpty();
    }

    List<String> messages() {
        return List.copyOf(messages);
    }
}
