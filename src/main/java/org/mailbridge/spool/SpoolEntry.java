package org.mailbridge.spool;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One message file in the spool: its unique name and where it is now. The directory it sits in
 * ({@code new/}, {@code cur/}, {@code quarantine/}) is its state; moving it makes a new entry.
 *
 * @param name the unique file name, the same in every directory it passes through
 * @param path the file's current location
 */
public record SpoolEntry(String name, Path path) {
    public SpoolEntry {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(path, "path");
        if (!path.getFileName().toString().equals(name)) {
            throw new IllegalArgumentException("path " + path + " does not end in " + name);
        }
    }
}
