package org.mailbridge.spi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The body values a mail does not carry, for {@code body.mailbridge.unknown}. Such a value is
 * given its schema's neutral form ({@code ""}, {@code 0}, {@code false}, {@code []},
 * {@code null}) and its path is listed, so that nothing invented passes for fact. Every parser
 * (built-in, rule file, plugin) lists them the same way, with this class.
 *
 * <h2>Path syntax</h2>
 * A path is relative to the body and names one value in it:
 * <ul>
 *   <li>an object member whose key is an identifier (a letter or {@code _}, then letters, digits
 *       or {@code _}) is written as the key, after a {@code .} unless it comes first:
 *       {@code commit.date};</li>
 *   <li>any other key is written in brackets as a JSON string, with {@code "} and {@code \}
 *       escaped and control characters as {@code \}{@code uXXXX}:
 *       {@code commit.stats.files["a b.txt"]};</li>
 *   <li>an array element is its index in brackets: {@code commits[2].summary}.</li>
 * </ul>
 * Build paths with {@link #key(String, String)} and {@link #index(String, int)} rather than by
 * hand, so that odd keys are escaped. A path is listed once, in the order first recorded.
 *
 * <p>Not thread-safe: one instance per event being built.
 */
public final class Unknowns {
    /** The body member the bridge reserves for facts about how the body was read. */
    public static final String BODY_KEY = "mailbridge";
    /** The member of {@link #BODY_KEY} that lists the unknown paths. */
    public static final String LIST_KEY = "unknown";

    private final Set<String> paths = new LinkedHashSet<>();

    /** Records one path. */
    public Unknowns add(String path) {
        paths.add(path);
        return this;
    }

    /** Records each of {@code other}'s paths under {@code prefix} (a path, or empty for the body). */
    public Unknowns addAll(String prefix, Unknowns other) {
        for (String p : other.paths) {
            paths.add(prefix.isEmpty() ? p : p.startsWith("[") ? prefix + p : prefix + "." + p);
        }
        return this;
    }

    /**
     * Puts {@code value} under {@code key} when present; else puts {@code neutral} and records
     * {@code path}, the path of that member.
     */
    public <T> Unknowns put(Map<String, Object> target, String key, Optional<T> value, Object neutral,
                            String path) {
        if (value.isPresent()) {
            target.put(key, value.get());
        } else {
            target.put(key, neutral);
            add(path);
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

    /** The path of member {@code key} of the object at {@code parent} (empty for the body). */
    public static String key(String parent, String key) {
        String k = isIdentifier(key) ? key : "[" + quote(key) + "]";
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
     * The {@code body.mailbridge} object: {@code unknown} with these paths, then {@code extra}
     * (such as {@code date_source}) in its order.
     */
    public Map<String, Object> toMailbridge(Map<String, ?> extra) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(LIST_KEY, list());
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

    private static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }
}
