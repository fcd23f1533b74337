package org.mailbridge.privacy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.mailbridge.event.Event;
import org.mailbridge.spi.Whitespace;

/**
 * The last check before anything is published: no finished event may carry a text its parser
 * declared non-public ({@link org.mailbridge.spi.ParseOutcome.Events#withheld()}). Every string
 * of the topic, the header names and values and the body (keys and values, at any depth) is
 * searched, with white space runs compared as one space so that rewrapping hides nothing. A
 * withheld text is searched line by line: each line of at least {@link #MIN_NEEDLE} characters,
 * or the whole text when it is one shorter line of at least {@link #MIN_SHORT} (a file name).
 * Shorter texts are too common to search for without false alarms.
 */
public final class PrivacyGuard {
    /** The shortest withheld line searched for on its own. */
    static final int MIN_NEEDLE = 8;
    /** The shortest one-line withheld text searched for. */
    static final int MIN_SHORT = 4;

    private PrivacyGuard() {
    }

    /**
     * Where the first withheld text shows, as {@code "event N <place>"}; empty when nowhere.
     * The answer never quotes the text itself.
     */
    public static Optional<String> leak(List<Event> events, Set<String> withheld) {
        List<String> needles = needles(withheld);
        if (needles.isEmpty()) {
            return Optional.empty();
        }
        for (int i = 0; i < events.size(); i++) {
            Event e = events.get(i);
            if (contains(e.topic(), needles)) {
                return Optional.of("event " + i + " topic");
            }
            for (Map.Entry<String, Object> h : e.headers().entrySet()) {
                if (contains(h.getKey(), needles) || contains(String.valueOf(h.getValue()), needles)) {
                    return Optional.of("event " + i + " header " + h.getKey());
                }
            }
            Optional<String> at = find(e.body(), "body", needles);
            if (at.isPresent()) {
                return Optional.of("event " + i + " " + at.get());
            }
        }
        return Optional.empty();
    }

    static List<String> needles(Collection<String> withheld) {
        List<String> out = new ArrayList<>();
        for (String text : withheld) {
            String whole = Whitespace.squash(text);
            if (whole.length() >= MIN_SHORT && whole.length() < MIN_NEEDLE && text.strip().indexOf('\n') < 0) {
                out.add(whole);
                continue;
            }
            for (String line : text.split("\n")) {
                String l = Whitespace.squash(line);
                if (l.length() >= MIN_NEEDLE) {
                    out.add(l);
                }
            }
        }
        return out;
    }

    private static Optional<String> find(Object node, String path, List<String> needles) {
        if (node instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> en : m.entrySet()) {
                String key = String.valueOf(en.getKey());
                if (contains(key, needles)) {
                    return Optional.of(path + " key");
                }
                Optional<String> at = find(en.getValue(), path + "." + key, needles);
                if (at.isPresent()) {
                    return at;
                }
            }
        } else if (node instanceof Collection<?> c) {
            int i = 0;
            for (Object o : c) {
                Optional<String> at = find(o, path + "[" + i++ + "]", needles);
                if (at.isPresent()) {
                    return at;
                }
            }
        } else if (node instanceof String s && contains(s, needles)) {
            return Optional.of(path);
        }
        return Optional.empty();
    }

    private static boolean contains(String haystack, List<String> needles) {
        String h = Whitespace.squash(haystack);
        for (String n : needles) {
            if (h.contains(n)) {
                return true;
            }
        }
        return false;
    }
}
