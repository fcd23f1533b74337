package org.mailbridge.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One test of a rule's {@code match}: a {@link Source} and a regular expression that must be
 * found in one of its values (one line, for the body). Without a regular expression the test is
 * that the source has a value at all (a header is present). Named groups
 * ({@code (?<nvr>\S+)}) of a successful match become fields of the rule.
 *
 * @param source where to look
 * @param regex what to find, or null for "present"
 * @param groups the names of the regex's named groups
 */
record Condition(Source source, Pattern regex, List<String> groups) {
    private static final Pattern NAMED_GROUP = Pattern.compile("(?<!\\\\)\\(\\?<([a-zA-Z][a-zA-Z0-9]*)>");

    Condition {
        groups = List.copyOf(groups);
    }

    /** A condition; the regex (may be null) is compiled by the caller, which reports syntax errors. */
    static Condition of(Source source, Pattern regex) {
        List<String> names = new ArrayList<>();
        if (regex != null) {
            Matcher m = NAMED_GROUP.matcher(regex.pattern());
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return new Condition(source, regex, names);
    }

    /** What a test found; {@link #why} words it, only when someone reads it. */
    enum Verdict {
        /** The condition holds. */
        HOLDS,
        /** The source has no value. */
        ABSENT,
        /** The source has values, and the regex is found in none. */
        NO_MATCH
    }

    /**
     * Tests the mail; on success puts the named groups into {@code captures}.
     *
     * @return {@link Verdict#HOLDS}, or why not
     */
    Verdict test(MailView mail, Map<String, Object> fields, Map<String, Object> captures) {
        List<String> values = source.values(mail, fields);
        if (regex == null) {
            return values.isEmpty() ? Verdict.ABSENT : Verdict.HOLDS;
        }
        for (String v : values) {
            Matcher m = regex.matcher(mail.budget().wrap(v));
            if (m.find()) {
                for (String g : groups) {
                    String s = m.group(g);
                    if (s != null) {
                        captures.putIfAbsent(g, s.strip());
                    }
                }
                return Verdict.HOLDS;
            }
        }
        return values.isEmpty() ? Verdict.ABSENT : Verdict.NO_MATCH;
    }

    /** Why the condition does not hold, for {@code --explain}. */
    String why(Verdict v) {
        return v == Verdict.ABSENT ? source + " is absent" : source + " !~ /" + regex.pattern() + "/";
    }

    @Override
    public String toString() {
        return regex == null ? source + " present" : source + " ~ /" + regex.pattern() + "/";
    }
}
