package org.mailbridge.parse.scm.cvs;

import java.util.List;

import org.mailbridge.parse.scm.LineCursor;
import org.mailbridge.parse.scm.MalformedScmMail;

/**
 * syncmail's body, which is CVS's loginfo text followed by diffs:
 * <pre>
 * Update of /cvsroot/tvision/tvision/examples/progba
 * In directory sc8-pr-cvs1.sourceforge.net:/tmp/cvs-serv17648/examples/progba
 *
 * Modified Files:
 *       Tag: r2_0_1u
 * 	test.mkf
 * Log Message:
 * the message
 *
 * Index: test.mkf
 * ===================================================================
 * </pre>
 * The subject is loginfo's {@code %s} (or {@code %{sVv}}): the directory relative to the
 * repository root, then the files, with their revisions ({@code test.mkf,1.1.2.1,1.1.2.2}).
 */
final class SyncmailReader {
    private static final String UPDATE = "Update of ";
    private static final String LIST_FOOTER = "_______________________________________________";

    private SyncmailReader() {
    }

    /** Whether a body opens with loginfo's {@code Update of}/{@code In directory} lines. */
    static boolean opens(String body) {
        LineCursor c = new LineCursor(body);
        c.skipBlank();
        return c.hasNext() && c.next().startsWith(UPDATE) && c.hasNext() && c.next().startsWith("In directory ");
    }

    static CvsCommit read(String body, String subject) throws MalformedScmMail {
        CvsCommit s = new CvsCommit();
        LineCursor c = new LineCursor(body);
        c.skipBlank();
        String updateOf = c.next().substring(UPDATE.length()).strip();
        locate(s, updateOf, subject);
        List<String> into = null;
        while (c.hasNext()) {
            String line = c.next();
            if (line.equals("Log Message:")) {
                readLog(c, s);
                break;
            }
            if (line.endsWith("Files:") && !line.startsWith("\t")) {
                into = s.section(line.strip());
            } else if (line.strip().startsWith("Tag: ")) {
                s.branch = line.strip().substring(5).strip();
            } else if (line.startsWith("\t") && into != null) {
                for (String f : line.strip().split(" ")) {
                    if (!f.isEmpty()) {
                        into.add(f);
                    }
                }
            }
        }
        if (!s.messageSeen) {
            throw new MalformedScmMail("no \"Log Message:\" section");
        }
        return s;
    }

    /**
     * The root, module and directory: the subject's first token that the {@code Update of}
     * path ends with is the directory relative to the root; the rest of that path is the root.
     * The tokens after it are the files, with revisions when the site used {@code %{sVv}}.
     */
    private static void locate(CvsCommit s, String updateOf, String subject) {
        String[] tokens = subject.split(" ");
        for (int i = 0; i < tokens.length; i++) {
            String t = tokens[i];
            if (!t.isEmpty() && updateOf.endsWith("/" + t) && updateOf.length() > t.length() + 1) {
                s.directory = t;
                s.root = updateOf.substring(0, updateOf.length() - t.length() - 1);
                int slash = t.indexOf('/');
                s.module = slash < 0 ? t : t.substring(0, slash);
                for (int j = i + 1; j < tokens.length; j++) {
                    if (tokens[j].chars().filter(ch -> ch == ',').count() == 2) {
                        s.revisions.add(tokens[j]);
                    }
                }
                return;
            }
        }
    }

    /**
     * The message: up to the first diff syncmail appends, or to the footer a mailing list
     * appends to a plain mail (Mailman's line of underscores); trailing blank lines dropped.
     */
    private static void readLog(LineCursor c, CvsCommit s) {
        StringBuilder b = new StringBuilder();
        boolean afterBlank = false;
        while (c.hasNext()) {
            String line = c.peek();
            if (afterBlank && (line.startsWith("Index: ") || line.startsWith("--- NEW FILE: ")
                    || line.startsWith("--- ") && line.endsWith(" DELETED ---") || line.startsWith(LIST_FOOTER))) {
                break;
            }
            afterBlank = line.isBlank();
            b.append(c.next()).append('\n');
        }
        s.message = b.toString().strip();
        s.messageSeen = true;
    }
}
