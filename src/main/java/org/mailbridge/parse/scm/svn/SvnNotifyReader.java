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
 *
 * <p>What SVN::Notify's {@code output()} may add around that, all read past: a {@code --header}
 * text and a blank line before the metadata ({@code start_body}), an {@code --author-url} line
 * under {@code Author:}, {@code Revision Links:} and {@code Ticket Links:} sections after the log
 * message, a {@code --footer} after the lists ({@code end_body}).
 */
final class SvnNotifyReader {
    private static final Set<String> SECTIONS = Set.of("Modified Paths:", "Added Paths:", "Removed Paths:",
            "Property Changed:", "Revision Links:", "Ticket Links:");

    private SvnNotifyReader() {
    }

    /** How many lines of a {@code --header} text are looked through for the metadata. */
    private static final int HEADER_LINES = 100;

    /** Whether a body has svnnotify's {@code Revision:} line (after any header) and its log heading. */
    static boolean opens(String body) {
        return start(new LineCursor(body));
    }

    /**
     * Moves the cursor to svnnotify's {@code Revision: <n>} line: the first one, within
     * {@link #HEADER_LINES} lines, that is followed by {@code Author:} and, within the next few
     * lines, by the {@code Log Message:} heading and its dashes.
     */
    private static boolean start(LineCursor c) {
        for (int i = 0; i < HEADER_LINES && c.hasNext(); i++) {
            if (c.nextStartsWith("Revision: ")) {
                long at = c.mark();
                c.next();
                boolean found = metadataFollows(c);
                c.reset(at);
                if (found) {
                    return true;
                }
            }
            c.skip();
        }
        return false;
    }

    private static boolean metadataFollows(LineCursor c) {
        boolean author = false;
        for (int i = 0; i < 8 && c.hasNext(); i++) {
            String line = c.next();
            author |= line.startsWith("Author:");
            if (line.equals("Log Message:")) {
                return author && c.hasNext() && c.peek().startsWith("---");
            }
        }
        return false;
    }

    static SvnCommit read(String body) throws MalformedScmMail {
        SvnCommit s = new SvnCommit();
        LineCursor c = new LineCursor(body);
        if (!start(c)) {
            throw new MalformedScmMail("no readable svnnotify \"Revision:\", \"Author:\" and \"Log Message:\" lines");
        }
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
