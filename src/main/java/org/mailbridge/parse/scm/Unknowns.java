package org.mailbridge.parse.scm;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The JSON paths of body values that the mail does not carry. Such a value is given its
 * schema's neutral form ({@code ""}, {@code 0}, {@code []}, {@code null}) and its path is listed
 * in {@code body.mailbridge.unknown}, so that nothing invented passes for fact.
 *
 * <p>Paths are written relative to the body: {@code commit.date}, {@code commits[2].summary},
 * and keys that are not plain identifiers in brackets: {@code commit.stats.files["a b.txt"]}.
 * Not thread-safe: one instance per event being built.
 */
public final class Unknowns {
    private final Set<String> paths = new LinkedHashSet<>();

    /** Records one path. */
    public Unknowns add(String path) {
        paths.add(path);
        return this;
    }

    /** Records each of {@code other}'s paths under {@code prefix}. */
    public Unknowns addAll(String prefix, Unknowns other) {
        for (String p : other.paths) {
            paths.add(prefix.isEmpty() ? p : p.startsWith("[") ? prefix + p : prefix + "." + p);
        }
        return this;
    }

    /** Whether {@code path} was recorded. */
    public boolean contains(String path) {
        return paths.contains(path);
    }

    /** The paths, in the order recorded. */
    public List<String> list() {
        return new ArrayList<>(paths);
    }

    /** The path of {@code key} inside {@code parent} (which may be empty). */
    public static String key(String parent, String key) {
        String k = isIdentifier(key) ? key : "[\"" + key.replace("\\", "\\\\").replace("\"", "\\\"") + "\"]";
        if (parent.isEmpty()) {
            return k;
        }
        return k.startsWith("[") ? parent + k : parent + "." + k;
    }

    /** The path of element {@code index} of the array at {@code parent}. */
    public static String index(String parent, int index) {
        return parent + "[" + index + "]";
    }

    /**
     * The {@code mailbridge} object every SCM body carries: {@code unknown} plus any extra facts
     * about how the body was read.
     */
    public Map<String, Object> toMailbridge(Map<String, Object> extra) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("unknown", list());
        m.putAll(extra);
        return m;
    }

    private static boolean isIdentifier(String s) {
        if (s.isEmpty() || !(Character.isLetter(s.charAt(0)) || s.charAt(0) == '_')) {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '_')) {
                return false;
            }
        }
        return true;
    }
}
