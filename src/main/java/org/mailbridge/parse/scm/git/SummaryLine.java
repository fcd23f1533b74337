package org.mailbridge.parse.scm.git;

import java.util.Set;

/**
 * A line of a ref-change mail's summary table: a right-aligned keyword, a revision and a text,
 * such as {@code      new d245c99  m1} (git-multimail), {@code       via  <sha> (commit)}
 * (post-receive-email) or {@code  tagging 1034ac6… (commit)}. git-multimail's
 * {@code emailmaxlinelength} may cut a line and end it with {@code [...]}; a revision cut
 * that way is not trusted.
 *
 * @param action the keyword: {@code new}, {@code add}, {@code omit}, {@code discard},
 *     {@code from}, {@code at}, {@code was}, {@code via}, {@code to}, {@code tagging}, …
 *     (older git-multimail wrote {@code adds}, {@code omits}, {@code discards}: they are
 *     reported without the {@code s})
 * @param rev the revision, or null when the line shows none or only a cut one
 * @param text the rest: a commit subject, or {@code (commit)}/{@code (tag)}, or empty
 */
record SummaryLine(String action, String rev, String text) {
    private static final Set<String> ACTIONS = Set.of("new", "add", "adds", "omit", "omits", "discard", "discards",
            "from", "at", "was", "via", "to", "tagging", "replaces", "by", "on", "length");
    /** What git-multimail puts at the end of a line it cut. */
    static final String CUT = "[...]";

    /** The line as a summary line, or null when it is not one. */
    static SummaryLine parse(String line) {
        int i = skipSpaces(line, 0);
        if (i == 0 && !line.startsWith("tagged by")) {
            return null; // the keyword is always right-aligned behind at least one space
        }
        int end = line.indexOf(' ', i);
        String action = end < 0 ? line.substring(i) : line.substring(i, end);
        if (action.equals("tagged") && line.startsWith(" by", end)) {
            action = "tagged by";
            end = line.indexOf(' ', end + 1);
        } else if (!ACTIONS.contains(action)) {
            return null;
        }
        if (action.equals("adds") || action.equals("omits") || action.equals("discards")) {
            action = action.substring(0, action.length() - 1);
        }
        if (end < 0) {
            return new SummaryLine(action, null, "");
        }
        int r = skipSpaces(line, end);
        int rEnd = line.indexOf(' ', r);
        String token = rEnd < 0 ? line.substring(r) : line.substring(r, rEnd);
        if (!GitRevs.isAbbrev(token)) {
            return new SummaryLine(action, null, line.substring(r).strip());
        }
        String text = rEnd < 0 ? "" : line.substring(rEnd).strip();
        boolean cutAfterRev = text.equals(CUT) && !line.startsWith("  ", rEnd);
        return new SummaryLine(action, cutAfterRev ? null : token, text);
    }

    /** Whether git-multimail cut this line's text. */
    boolean cut() {
        return text.endsWith(CUT);
    }

    private static int skipSpaces(String s, int from) {
        int i = from;
        while (i < s.length() && s.charAt(i) == ' ') {
            i++;
        }
        return i;
    }
}
