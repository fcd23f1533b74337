package org.mailbridge.parse.bugzilla;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Collects the JSON paths of values a mail does not carry. Such a value is written in the
 * schema's neutral form (0, "", [], false or null) and its path listed in
 * {@code body.mailbridge.unknown}, so that no placeholder passes for a fact.
 */
final class Unknowns {
    private final List<String> paths = new ArrayList<>();

    /** Puts the value when known, else the neutral value, recording {@code path}. */
    <T> void put(Map<String, Object> target, String key, Optional<T> value, Object neutral, String path) {
        if (value.isPresent()) {
            target.put(key, value.get());
        } else {
            target.put(key, neutral);
            paths.add(path);
        }
    }

    /** Records a path whose neutral value the caller wrote. */
    void add(String path) {
        paths.add(path);
    }

    /** The paths, in the order recorded. */
    List<String> paths() {
        return List.copyOf(paths);
    }
}
