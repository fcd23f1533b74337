package org.mailbridge.parse.scm.svn;

import java.util.Set;

import org.mailbridge.parse.scm.LineCursor;
import org.mailbridge.parse.scm.MalformedScmMail;

/**
 * The plain-text body of SVN::Notify's {@code svnnotify} (subject {@code [111] <first line>}):
 * <pre>
 * Revision: 111
 *           https://svn.example.org/?rev=111     (optional revision_url)
 * Author:   theory
 * Date:     2004-04-20 01:33:35 -0700 (Tue, 20 Apr 2004)
 * Log Message:
 * -----------
 * the message
 *
 * Modified Paths:
 * --------------
 *     trunk/Changes
 * </pre>
 * Lists are {@code Modified Paths}, {@code Added Paths}, {@code Removed Paths} and
 * {@code Property Changed} (reported as modified). A diff may follow; it is not read.
 */
final class SvnNotifyReader {
    private static final Set<String> SECTIONS = Set.of("Modified Paths:", "Added Paths:", "Removed Paths:",
            "Property Changed:", "Revision Links:", "Ticket Links:");

    private SvnNotifyReader() {
    }

    /** Whether a body opens with svnnotify's {@code Revision:} line and has its log heading. */
    static boolean opens(String body) {
        LineCursor c = new LineCursor(body);
        c.skipBlank();
        if (!c.hasNext() || !c.next().startsWith("Revision: ")) {
            return false;
        }
        for (int i = 0; i < 8 && c.hasNext(); i++) {
            if (c.next().equals("Log Message:")) {
                return c.hasNext() && c.peek().startsWith("---");
            }
        }
        return false;
    }

    static SvnCommit read(String body) throws MalformedScmMail {
        SvnCommit s = new SvnCommit();
        LineCursor c = new LineCursor(body);
        c.skipBlank();
        String last = "";
        while (c.hasNext() && !c.peek().equals("Log Message:")) {
            String line = c.next();
            if (line.startsWith("Revision:")) {
                s.revision = SvnNumbers.revision(line.substring(9));
            } else if (line.startsWith("Author:")) {
                s.author = line.substring(7).strip();
            } else if (line.startsWith("Date:")) {
                s.dateText = line.substring(5).strip();
            } else if (line.startsWith("          ") && last.startsWith("Revision:")) {
                s.url = line.strip();
            }
            last = line;
        }
        if (s.revision < 0 || !c.hasNext()) {
            throw new MalformedScmMail("no readable \"Revision:\" line before \"Log Message:\"");
        }
        c.next();
        c.next(); // the dashes under the heading
        StringBuilder log = new StringBuilder();
        while (c.hasNext() && !atSection(c)) {
            log.append(c.next()).append('\n');
        }
        s.message = log.toString().strip();
        s.messageSeen = true;
        while (c.hasNext() && atSection(c)) {
            if (c.peek().isBlank()) {
                c.next();
            }
            String title = c.next();
            c.next(); // dashes
            var into = s.section(title.substring(0, title.length() - 1));
            while (c.hasNext() && c.peek().startsWith("    ")) {
                String path = c.next().strip();
                if (into != null) {
                    into.add(path);
                }
            }
        }
        return s;
    }

    /**
     * At a section title and its dashes, or at the one blank line svnnotify prints before it.
     * Looks at most three lines ahead, so that reading stays linear on any input.
     */
    private static boolean atSection(LineCursor c) {
        long mark = c.mark();
        if (c.peek().isBlank()) {
            c.next();
        }
        boolean at = c.hasNext() && SECTIONS.contains(c.peek());
        if (at) {
            c.next();
            at = c.hasNext() && c.peek().startsWith("---");
        }
        c.reset(mark);
        return at;
    }
}
