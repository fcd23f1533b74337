package org.mailbridge.spi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code [parsers.<id>]} table of the configuration file, with typed access. The keys
 * {@code enabled} and {@code senders} are common to every parser; a parser declares its own
 * with {@link #allowOnly} so that a typo is an error, not an ignored line.
 */
public final class ParserSettings {
    /** Keys every parser accepts. */
    public static final Set<String> COMMON_KEYS = Set.of("enabled", "senders");

    private final String parserId;
    private final Map<String, Object> values;

    public ParserSettings(String parserId, Map<String, Object> values) {
        this.parserId = parserId;
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** The raw values. */
    public Map<String, Object> asMap() {
        return values;
    }

    /**
     * Refuses keys other than the common ones and these.
     *
     * @throws ParserConfigException naming the first unknown key
     */
    public void allowOnly(Set<String> parserKeys) throws ParserConfigException {
        for (String k : values.keySet()) {
            if (!COMMON_KEYS.contains(k) && !parserKeys.contains(k)) {
                Set<String> known = new TreeSet<>(COMMON_KEYS);
                known.addAll(parserKeys);
                throw new ParserConfigException("unknown key 'parsers." + parserId + "." + k + "' (known: "
                        + String.join(", ", known) + ")");
            }
        }
    }

    /** Whether the parser is enabled ({@code enabled}, default true). */
    public boolean enabled() throws ParserConfigException {
        return bool("enabled", true);
    }

    /** A string value. */
    public Optional<String> string(String key) throws ParserConfigException {
        Object v = values.get(key);
        if (v == null) {
            return Optional.empty();
        }
        if (v instanceof String s) {
            return Optional.of(s);
        }
        throw wrongType(key, "a string");
    }

    /** A list of strings; a single string counts as a list of one. */
    public Optional<List<String>> strings(String key) throws ParserConfigException {
        Object v = values.get(key);
        if (v == null) {
            return Optional.empty();
        }
        if (v instanceof String s) {
            return Optional.of(List.of(s));
        }
        if (v instanceof List<?> l) {
            List<String> out = new ArrayList<>();
            for (Object o : l) {
                if (!(o instanceof String s)) {
                    throw wrongType(key, "a list of strings");
                }
                out.add(s);
            }
            return Optional.of(List.copyOf(out));
        }
        throw wrongType(key, "a list of strings");
    }

    /** A boolean value. */
    public boolean bool(String key, boolean dflt) throws ParserConfigException {
        Object v = values.get(key);
        if (v == null) {
            return dflt;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        throw wrongType(key, "true or false");
    }

    /** An integer value. */
    public long integer(String key, long dflt) throws ParserConfigException {
        Object v = values.get(key);
        if (v == null) {
            return dflt;
        }
        if (v instanceof Number n && n.longValue() == n.doubleValue()) {
            return n.longValue();
        }
        throw wrongType(key, "an integer");
    }

    /**
     * The sender policy: the {@code senders} key, or the parser's defaults when the key is absent.
     */
    public SenderPolicy senders(List<String> defaults) throws ParserConfigException {
        List<String> patterns = strings("senders").orElse(defaults);
        try {
            return SenderPolicy.of(patterns);
        } catch (IllegalArgumentException e) {
            throw new ParserConfigException("key 'parsers." + parserId + ".senders': " + e.getMessage());
        }
    }

    private ParserConfigException wrongType(String key, String what) {
        return new ParserConfigException("key 'parsers." + parserId + "." + key + "' must be " + what);
    }
}
