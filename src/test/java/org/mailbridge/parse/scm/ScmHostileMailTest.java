package org.mailbridge.parse.scm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.function.IntFunction;

import org.junit.jupiter.api.Test;
import org.mailbridge.parse.scm.cvs.CvsParser;
import org.mailbridge.parse.scm.git.DistGitParser;
import org.mailbridge.parse.scm.git.MultimailParser;
import org.mailbridge.parse.scm.git.PagureCommitsParser;
import org.mailbridge.parse.scm.git.PostReceiveEmailParser;
import org.mailbridge.parse.scm.hg.HgNotifyParser;
import org.mailbridge.parse.scm.svn.SvnParser;
import org.mailbridge.spi.MailParser;
import org.mailbridge.spi.ParseOutcome;

/**
 * Mail is hostile input. Each mail here claims a commit-mail format and then repeats, 200,000
 * times, a line that makes a careless reader look ahead, back or everywhere; a reader that is
 * not linear would take minutes. Each must answer (events or Malformed, never an exception) in
 * seconds.
 */
class ScmHostileMailTest {
    private static final int LINES = 200_000;
    private static final Duration LIMIT = Duration.ofSeconds(20);
    private static final String SHA = "4c1e0a9b8d7c6e5f4a3b2c1d0e9f8a7b6c5d4e3f";
    private static final String ZERO = "0000000000000000000000000000000000000000";

    @Test
    void multimailTableOfUnreadableLines() {
        answers(new MultimailParser(), gitHeaders("ref_changed") + multimailIntro(), i -> "     new [...]");
    }

    @Test
    void multimailDiffWhoseHunkNeverEnds() {
        answers(new MultimailParser(), gitHeaders("diff") + multimailIntro().replace("a change", "a commit")
                + "commit " + SHA + "\nAuthor: A <a@example.org>\nAuthorDate: Tue May 14 11:10:42 2024 +0200\n\n"
                + "    m\n---\ndiff --git a/x b/x\n--- a/x\n+++ b/x\n@@ -1,999999999 +1,999999999 @@\n", i -> " -- ");
    }

    @Test
    void multimailMessageOfBlankLines() {
        answers(new MultimailParser(), gitHeaders("diff") + multimailIntro().replace("a change", "a commit")
                + "commit " + SHA + "\nAuthor: A <a@example.org>\n\n    m\n", i -> i % 2 == 0 ? "" : "    ");
    }

    @Test
    void postReceiveLogOfHeaderLines() {
        answers(new PostReceiveEmailParser(), gitHeaders("") + "This is an automated email from the git hooks/"
                + "post-receive script. It was\n\nThe branch, main has been updated\n       via  " + SHA
                + " (commit)\n\n- Log -----\ncommit " + SHA + "\n", i -> "Author" + i + ": x");
    }

    @Test
    void mailerPyLogOfBlankLinesAndListTitles() {
        answers(new SvnParser(), "Subject: r1 - x\nX-Svn-Commit-Revision: 1\n\nAuthor: a\nDate: d\nNew Revision: 1\n\n"
                + "Log:\n", i -> i % 2 == 0 ? "" : "Added:");
    }

    @Test
    void svnnotifyLogOfBlankLines() {
        answers(new SvnParser(), "Subject: [1] x\nX-Mailer: SVN::Notify 2.87\n\nRevision: 1\nAuthor: a\n"
                + "Date: 2004-04-20 01:33:35 -0700\nLog Message:\n-----------\n", i -> i % 3 == 0 ? "Modified Paths:" : "");
    }

    @Test
    void hgDescriptionThatNeverEnds() {
        answers(new HgNotifyParser(), "Subject: x\nX-Hg-Notification: changeset 3f2c1b0a9e8d\n\n"
                + "changeset 3f2c1b0a9e8d in /r\ndetails: u\ndescription:\n", i -> "\tchangeset 3f2c1b0a9e8d in /r");
    }

    @Test
    void logAccumFilesInEverDeeperDirectories() {
        answers(new CvsParser(), "Subject: x\n\nCVSROOT:\t/cvs\nModule name:\tm\nChanges by:\ta@h\t04/06/24 07:57:22\n\n"
                + "Modified files:\n", i -> "\t" + "d/".repeat(i % 50) + "x: f" + i + " ");
    }

    @Test
    void syncmailSubjectOfManyTokens() {
        answers(new CvsParser(), "Subject: CVS: " + "a ".repeat(50_000) + "\n\nUpdate of /cvsroot/p/a\n"
                + "In directory h:/tmp\n\nModified Files:\n", i -> "\tf" + i + " ");
    }

    @Test
    void distGitAndPagureWithEndlessBodies() {
        answers(new DistGitParser(), "Subject: [widget] x\nFrom: a@fedoraproject.org\n\ncommit " + SHA
                + "\nAuthor: A <a@example.org>\n\n", i -> "    -- ");
        answers(new PagureCommitsParser(), "Subject: x\nX-pagure: https://pagure.example.org\n\n"
                + "The following commits were pushed to the repo p on branch\nmain, which you are following:\n",
                i -> SHA + "    A    s" + i);
    }

    @Test
    void aMegabyteLineIsJustALine() {
        answers(new MultimailParser(), gitHeaders("ref_changed") + multimailIntro() + "     new " + "f".repeat(1 << 19)
                + "\n", i -> "x".repeat(i % 7));
    }

    private static void answers(MailParser parser, String head, IntFunction<String> line) {
        StringBuilder b = new StringBuilder(head);
        for (int i = 0; i < LINES; i++) {
            b.append(line.apply(i)).append('\n');
        }
        String raw = b.toString();
        MailParser p = ScmTestSupport.init(parser);
        ParseOutcome o = assertTimeoutPreemptively(LIMIT, () -> p.parse(ScmTestSupport.mail(raw)));
        assertThat(o).as(p.id()).isNotInstanceOf(ParseOutcome.NotMine.class);
    }

    private static String gitHeaders(String type) {
        return "Subject: x\nX-Git-Repo: r\nX-Git-Refname: refs/heads/main\nX-Git-Reftype: branch\n"
                + "X-Git-Oldrev: " + ZERO + "\nX-Git-Newrev: " + SHA + "\nX-Git-Rev: " + SHA + "\n"
                + (type.isEmpty() ? "" : "X-Git-NotificationType: " + type + "\n") + "\n";
    }

    private static String multimailIntro() {
        return "This is an automated email from the git hooks/post-receive script.\n\n"
                + "alice pushed a change to branch main\nin repository r.\n\n";
    }
}
