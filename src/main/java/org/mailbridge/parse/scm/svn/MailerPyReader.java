package org.mailbridge.parse.scm.svn;

import java.util.Set;

import org.mailbridge.parse.scm.LineCursor;
import org.mailbridge.parse.scm.MalformedScmMail;

/**
 * The body of Subversion's {@code tools/hook-scripts/mailer/mailer.py}:
 * <pre>
 * Author: alice
 * Date: Sun Sep  9 07:20:00 2001
 * New Revision: 3
 * URL: https://svn.example.org/r3            (optional)
 *
 * Log:
 * the message
 *
 * Added:
 *    dir2/file7
 *       - copied unchanged from r2, file1
 *    dir3/   (props changed)
 * Modified:
 *    file2
 *
 * Modified: file2
 * ==============================================================================
 * --- …
 * </pre>
 * Older releases put {@code Log:} after the lists. The lists end at the first per-file diff
 * heading ({@code Modified: <path>} followed by a line of {@code =}); diffs are not read.
 */
final class MailerPyReader {
    private static final Set<String> LISTS = Set.of("Added:", "Replaced:", "Deleted:", "Modified:");
    private static final Set<String> DIFF_HEADINGS = Set.of("Added", "Deleted", "Modified", "Copied",
            "Copied and modified");
    private static final String OTHER_AREAS = "Changes in other areas also in this revision:";
    private static final String OTHER_AREAS_HIDDEN = "and changes in other areas";

    private MailerPyReader() {
    }

    /** Whether a body opens with mailer.py's {@code Author:}/{@code Date:}/{@code New Revision:} lines. */
    static boolean opens(String body) {
        LineCursor c = new LineCursor(body);
        c.skipBlank();
        return c.hasNext() && c.next().startsWith("Author: ") && c.hasNext() && c.next().startsWith("Date: ")
                && c.hasNext() && c.next().startsWith("New Revision: ");
    }

    static SvnCommit read(String body) throws MalformedScmMail {
        SvnCommit s = new SvnCommit();
        LineCursor c = new LineCursor(body);
        c.skipBlank();
        while (c.hasNext() && !c.peek().isBlank()) {
            String line = c.next();
            if (line.startsWith("Author: ")) {
                s.author = line.substring(8).strip();
            } else if (line.startsWith("Date: ")) {
                s.dateText = line.substring(6).strip();
            } else if (line.startsWith("New Revision: ")) {
                s.revision = SvnNumbers.revision(line.substring(14));
            } else if (line.startsWith("URL: ")) {
                s.url = line.substring(5).strip();
            }
        }
        if (s.revision < 0) {
            throw new MalformedScmMail("no readable \"New Revision:\" line");
        }
        while (c.hasNext()) {
            String line = c.peek();
            if (line.equals("Log:")) {
                c.next();
                readLog(c, s);
            } else if (LISTS.contains(line) || line.equals(OTHER_AREAS)) {
                c.next();
                if (!line.equals(OTHER_AREAS)) {
                    readList(c, s, s.section(line.substring(0, line.length() - 1)));
                }
            } else if (line.equals(OTHER_AREAS_HIDDEN)) {
                c.next();
                s.pathsPartial = true;
            } else if (isDiffHeading(c)) {
                break;
            } else {
                c.next();
            }
        }
        if (!s.messageSeen) {
            throw new MalformedScmMail("no \"Log:\" section");
        }
        return s;
    }

    /** The message: up to a blank line that is followed by a list or a diff heading. */
    private static void readLog(LineCursor c, SvnCommit s) {
        StringBuilder b = new StringBuilder();
        while (c.hasNext()) {
            long mark = c.mark();
            String line = c.next();
            if (line.isEmpty() && (!c.hasNext() || endsLog(c))) {
                c.reset(mark);
                break;
            }
            if (b.length() > 0 || !line.isEmpty()) {
                b.append(line).append('\n');
            }
        }
        s.message = b.toString().strip();
        s.messageSeen = true;
    }

    private static boolean endsLog(LineCursor c) {
        String next = c.peek();
        if (next.equals(OTHER_AREAS) || next.equals(OTHER_AREAS_HIDDEN) || next.startsWith("NOTE: this message was")) {
            return true;
        }
        if (LISTS.contains(next)) {
            long mark = c.mark();
            c.next();
            boolean path = c.hasNext() && c.peek().startsWith("   ");
            c.reset(mark);
            return path;
        }
        return isDiffHeading(c);
    }

    /** Paths indented 3, each optionally followed by a copy line indented 6. */
    private static void readList(LineCursor c, SvnCommit s, Set<String> into) {
        String last = null;
        while (c.hasNext() && c.peek().startsWith("   ")) {
            String line = c.next();
            if (line.startsWith("      - copied") && last != null) {
                SvnCommit.Copy copy = SvnNumbers.copy(last, line.strip());
                if (copy != null) {
                    s.copies.add(copy);
                }
                continue;
            }
            last = SvnNumbers.stripAnnotation(line.substring(3));
            into.add(last);
        }
    }

    /** {@code Modified: <path>} (or Added, Deleted, Copied…) followed by a rule or a URL. */
    private static boolean isDiffHeading(LineCursor c) {
        String line = c.peek();
        int colon = line.indexOf(": ");
        if (colon <= 0 || !DIFF_HEADINGS.contains(line.substring(0, colon))) {
            return false;
        }
        long mark = c.mark();
        c.next();
        String next = c.hasNext() ? c.peek() : "";
        c.reset(mark);
        return next.startsWith("=====") || next.startsWith("URL: ");
    }
}
