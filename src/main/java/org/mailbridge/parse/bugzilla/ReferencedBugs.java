package org.mailbridge.parse.bugzilla;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The "Referenced Bugs" block that Bugzilla 5.0+ puts between the comments and the footer when
 * Depends on or Blocks changed: a {@code Referenced Bugs:} line, a blank line, then per bug its
 * link and {@code [Bug N] <summary>} wrapped at 80 columns.
 */
final class ReferencedBugs {
    /**
     * A bug the mail refers to.
     *
     * @param id the bug id
     * @param summary its summary as shown
     */
    record Ref(long id, String summary) {
        Ref {
            Objects.requireNonNull(summary, "summary");
        }
    }

    /**
     * The block found.
     *
     * @param start the index of its "Referenced Bugs:" line, or the footer's when there is none
     * @param refs the bugs, in order
     */
    record Block(int start, List<Ref> refs) {
    }

    private ReferencedBugs() {
    }

    /** Finds the block that ends at the footer line {@code footer}, looking no earlier than {@code from}. */
    static Block find(List<String> lines, int from, int footer) {
        for (int i = footer - 1; i >= from; i--) {
            String l = lines.get(i);
            if (l.startsWith("Referenced ") && l.endsWith(":") && l.indexOf(' ', 11) < 0 && l.length() > 12) {
                List<Ref> refs = parse(lines, i + 1, footer);
                return refs == null ? new Block(footer, List.of()) : new Block(i, refs);
            }
            if (Comments.isHeader(l)) {
                break;
            }
        }
        return new Block(footer, List.of());
    }

    /** The entries, or null when the lines are not a referenced-bugs list. */
    private static List<Ref> parse(List<String> lines, int from, int to) {
        List<Ref> refs = new ArrayList<>();
        long id = -1;
        Wrapped summary = null;
        for (int i = from; i < to; i++) {
            String l = lines.get(i);
            long link = BodyText.bugLinkId(l);
            if (link > 0) {
                if (summary != null) {
                    refs.add(ref(id, summary));
                }
                id = link;
                summary = new Wrapped(Integer.MAX_VALUE);
            } else if (!BodyText.blank(l)) {
                if (summary == null) {
                    return null;
                }
                summary.add(l);
            }
        }
        if (summary != null) {
            refs.add(ref(id, summary));
        }
        return refs.isEmpty() ? null : refs;
    }

    private static Ref ref(long id, Wrapped summary) {
        String s = summary.value();
        String tag = "] ";
        int close = s.indexOf(tag);
        if (s.startsWith("[") && close > 0 && s.substring(1, close).endsWith(" " + id)) {
            s = s.substring(close + tag.length());
        }
        return new Ref(id, s);
    }
}
