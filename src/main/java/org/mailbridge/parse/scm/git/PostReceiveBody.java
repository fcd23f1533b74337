package org.mailbridge.parse.scm.git;

import java.util.ArrayList;
import java.util.List;

import org.mailbridge.parse.scm.LineCursor;
import org.mailbridge.parse.scm.MalformedScmMail;
import org.mailbridge.parse.scm.MailBudget;

/**
 * The body of git's contrib {@code post-receive-email}:
 * <pre>
 * This is an automated email from the git hooks/post-receive script. It was
 * generated because a ref change was pushed to the repository containing
 * the project "widget".
 *
 * The branch, main has been updated
 *        via  4c1e… (commit)
 *       from  9ab2… (commit)
 * …
 * - Log -----------------------------------------------------------------
 * commit 4c1e…
 * Author: …
 * -----------------------------------------------------------------------
 * </pre>
 * The keyword lines name full revisions; the log block shows each new commit in full
 * ({@code git rev-list --pretty}, or the site's {@code hooks.showrev}, e.g. {@code git show}).
 *
 * @param project the project description, or empty when unnamed
 * @param summary the keyword lines, in order
 * @param summaryComplete whether the keyword lines were not cut by {@code emailmaxlines}
 * @param commits the commits the log block shows completely
 * @param logComplete whether the log block was read to its end (not cut by {@code emailmaxlines})
 */
record PostReceiveBody(String project, List<SummaryLine> summary, boolean summaryComplete, List<CommitBlock> commits,
                       boolean logComplete) {
    static final String OPENING = "This is an automated email from the git hooks/post-receive script. It was";
    private static final String PROJECT = "the project \"";
    private static final String LOG_BEGIN = "- Log ---";
    private static final String LOG_END = "-----------------------------------------------------------------------";

    /** Whether a body is one of post-receive-email's. */
    static boolean opens(String body) {
        LineCursor c = new LineCursor(body);
        c.skipBlank();
        return OPENING.equals(c.next());
    }

    /**
     * Reads a body.
     *
     * @param readCommits whether to read the log block's commits (branches) or skip it (tags)
     */
    static PostReceiveBody read(String body, boolean readCommits, MailBudget budget) throws MalformedScmMail {
        LineCursor c = new LineCursor(body);
        String project = "";
        while (c.hasNext() && !c.peek().startsWith("The ")) {
            String line = c.next();
            if (line.startsWith(PROJECT) && line.endsWith("\".")) {
                project = line.substring(PROJECT.length(), line.length() - 2);
            }
        }
        if (!c.hasNext() || !c.next().contains(" has been ")) {
            throw new MalformedScmMail("no \"The <type>, <name> has been <change>\" line");
        }
        List<SummaryLine> summary = new ArrayList<>();
        while (c.hasNext()) {
            SummaryLine l = SummaryLine.parse(c.peek());
            if (l == null) {
                break;
            }
            summary.add(l);
            c.next();
        }
        boolean summaryComplete = !(c.hasNext() && MultimailSummary.isSuppressed(c.peek()));
        List<CommitBlock> commits = new ArrayList<>();
        boolean complete = summaryComplete;
        while (c.hasNext() && !c.peek().startsWith(LOG_BEGIN)) {
            complete &= !MultimailSummary.isSuppressed(c.next());
        }
        if (c.hasNext()) {
            c.next();
            complete = readCommits ? readLog(c, budget, commits) : skipLog(c);
        }
        return new PostReceiveBody(project.equals("UNNAMED PROJECT") ? "" : project, summary, summaryComplete,
                commits, complete);
    }

    /** Reads the log's commit blocks; false when the mailer cut the log. */
    private static boolean readLog(LineCursor c, MailBudget budget, List<CommitBlock> out) throws MalformedScmMail {
        while (c.hasNext()) {
            c.skipBlank();
            if (!c.hasNext() || c.peek().equals(LOG_END)) {
                return c.hasNext();
            }
            if (!CommitBlockReader.atCommit(c)) {
                return skipLog(c); // a custom showrev format: the commits are not readable, the end may be
            }
            CommitBlock b = CommitBlockReader.read(c, budget);
            c.skipBlank();
            if (c.hasNext() && (c.peek().equals(LOG_END) || CommitBlockReader.atCommit(c))) {
                out.add(b);
            } else {
                return false; // cut inside the block: its message or diff may be partial
            }
        }
        return false;
    }

    private static boolean skipLog(LineCursor c) {
        while (c.hasNext()) {
            String line = c.next();
            if (line.equals(LOG_END)) {
                return true;
            }
            if (MultimailSummary.isSuppressed(line)) {
                return false;
            }
        }
        return false;
    }
}
