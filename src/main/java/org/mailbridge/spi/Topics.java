package org.mailbridge.spi;

import java.util.regex.Pattern;

/**
 * What a topic, or a part of one, looks like: dotted words of ASCII letters, digits, {@code _}
 * and {@code -}, such as {@code bugzilla.bug.update}. The one rule for an {@link EventDraft}'s
 * topic, a rule file's rendered topic and the configured {@code topic_prefix} and
 * {@code environment}, so that every full topic ({@code <prefix>.<environment>.<topic>}) is
 * dotted words too and AMQP routing keys and binding patterns never meet a stray character.
 */
public final class Topics {
    /** The syntax, for error messages. */
    public static final String SYNTAX = "dotted words of A-Z a-z 0-9 _ -";
    /** The rule {@link #isTopic} checks. */
    static final Pattern TOPIC = Pattern.compile("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*");

    private Topics() {
    }

    /** Whether {@code s} is a topic (or a dotted part of one). */
    public static boolean isTopic(String s) {
        // By hand rather than with the pattern (which states the rule): every event's topic passes here.
        if (s == null || s.isEmpty()) {
            return false;
        }
        boolean wordStart = true;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '.') {
                if (wordStart) {
                    return false;
                }
                wordStart = true;
            } else if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-') {
                wordStart = false;
            } else {
                return false;
            }
        }
        return !wordStart;
    }
}
