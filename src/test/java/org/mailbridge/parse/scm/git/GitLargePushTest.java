package org.mailbridge.parse.scm.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.mailbridge.parse.scm.ScmLimits;
import org.mailbridge.parse.scm.ScmTestSupport;
import org.mailbridge.spi.EventDraft;
import org.mailbridge.spi.Mail;
import org.mailbridge.spi.ParseOutcome;

/**
 * A push of 5,000 commits, as post-receive-email mails it with {@code hooks.showrev} set to
 * {@code git show}: every commit's patch in the log, one of them a 100,000-line diff, and the
 * mail cut by {@code hooks.emailmaxlines} inside the last commit. Parsing must stay linear, keep
 * patches within {@link ScmLimits}, and still count the huge diff's lines.
 */
class GitLargePushTest {
    private static final int COMMITS = 5_000;
    private static final int HUGE = 2_500;
    private static final int HUGE_LINES = 100_000;

    @Test
    void fiveThousandCommitsParseInBoundedTimeAndMemory() throws Exception {
        byte[] raw = postReceiveMail().getBytes(StandardCharsets.UTF_8);
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        PostReceiveEmailParser parser = ScmTestSupport.init(new PostReceiveEmailParser());
        System.gc();
        long before = memory.getHeapMemoryUsage().getUsed();
        long start = System.nanoTime();
        Mail mail = ScmTestSupport.mail(raw);
        ParseOutcome o = parser.parse(mail);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        mail = null;
        System.gc();
        long retained = memory.getHeapMemoryUsage().getUsed() - before;

        assertThat(o).isInstanceOf(ParseOutcome.Events.class);
        List<EventDraft> events = ((ParseOutcome.Events) o).events();
        // The ref event, then every commit but the one emailmaxlines cut (commit 1, last in the log).
        assertThat(events).hasSize(COMMITS);
        Map<String, Object> ref = events.get(0).body();
        assertThat((List<?>) ref.get("commits")).hasSize(COMMITS);
        // Oldest first: commit 1, whose log entry emailmaxlines cut, has no subject in the mail.
        assertThat(unknown(ref)).containsExactly("agent", "commits[0].summary");

        long patchChars = 0;
        for (EventDraft e : events.subList(1, events.size())) {
            String patch = (String) commit(e).get("patch");
            assertThat(patch.length()).isLessThanOrEqualTo(ScmLimits.DEFAULT.perCommit());
            patchChars += patch.length();
        }
        assertThat(patchChars).isLessThanOrEqualTo(ScmLimits.DEFAULT.perMail());
        EventDraft huge = events.get(HUGE - 1); // events[k] is commit k + 1
        assertThat(commit(huge).get("summary")).isEqualTo("Commit number " + HUGE);
        assertThat(((Map<?, ?>) huge.body().get("mailbridge")).get("patch_truncated")).isEqualTo(true);
        Map<?, ?> total = (Map<?, ?>) ((Map<?, ?>) commit(huge).get("stats")).get("total");
        assertThat(total.get("additions")).isEqualTo(HUGE_LINES);

        long json = new ObjectMapper().writeValueAsBytes(events.stream().map(EventDraft::body).toList()).length;
        System.out.printf("5,000-commit push: mail %,d bytes, parsed in %d ms, events retain ~%,d bytes of heap,"
                + " %,d bytes as JSON, patches %,d chars%n", raw.length, took.toMillis(), retained, json, patchChars);
        assertThat(took).isLessThan(Duration.ofSeconds(30));
        // Patches are capped at 1 MiB; the rest is ~0.5 KiB of facts per commit.
        assertThat(json).isLessThan(ScmLimits.DEFAULT.perMail() + COMMITS * 2_000L);
        assertThat(retained).isLessThan(128L << 20);
    }

    @Test
    void aFiveThousandLineRefChangeTableIsReadWhole() {
        StringBuilder b = new StringBuilder(multimailHeaders());
        b.append("    from ").append(sha(0), 0, 7).append("  Before the push\n");
        for (int i = 1; i <= COMMITS; i++) {
            b.append("     new ").append(sha(i), 0, 7).append("  Commit number ").append(i).append('\n');
        }
        b.append("\n... 4 lines suppressed ...\n\n-- \nTo stop receiving notification emails like this one, "
                + "please contact\nthe administrator.\n");
        ParseOutcome.Events o = ScmTestSupport.events(ScmTestSupport.init(new MultimailParser()), b.toString());
        Map<String, Object> ref = o.events().get(0).body();
        assertThat((List<?>) ref.get("commits")).hasSize(COMMITS);
        assertThat(ref.get("forced")).isEqualTo(false);
        // Lines after the table were suppressed, so the table may have been cut: the list is not vouched for.
        assertThat(unknown(ref)).containsExactly("commits");
    }

    private static String postReceiveMail() {
        StringBuilder b = new StringBuilder(12 << 20);
        b.append("To: widget-commits@lists.example.org\n")
                .append("Subject: [SCM] widget branch main updated. v2.0-5000-g").append(sha(COMMITS), 0, 7).append('\n')
                .append("MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n")
                .append("X-Git-Refname: refs/heads/main\nX-Git-Reftype: branch\n")
                .append("X-Git-Oldrev: ").append(sha(0)).append("\nX-Git-Newrev: ").append(sha(COMMITS)).append('\n')
                .append("Message-Id: <large-push@scm.example.org>\nFrom: git@scm.example.org\n\n")
                .append(PostReceiveBody.OPENING).append('\n')
                .append("generated because a ref change was pushed to the repository containing\n")
                .append("the project \"widget\".\n\nThe branch, main has been updated\n");
        for (int i = COMMITS; i >= 1; i--) {
            b.append("       via  ").append(sha(i)).append(" (commit)\n");
        }
        b.append("      from  ").append(sha(0)).append(" (commit)\n\n")
                .append("- Log -----------------------------------------------------------------\n");
        for (int i = COMMITS; i >= 1; i--) {
            b.append("commit ").append(sha(i)).append("\nAuthor: Ada Example <ada@example.org>\n")
                    .append("Date:   Tue May 14 11:10:42 2024 +0200\n\n    Commit number ").append(i).append("\n\n")
                    .append("diff --git a/f").append(i).append(".c b/f").append(i).append(".c\n")
                    .append("--- a/f").append(i).append(".c\n+++ b/f").append(i).append(".c\n");
            int lines = i == HUGE ? HUGE_LINES : 8;
            b.append("@@ -1,1 +1,").append(lines + 1).append(" @@\n int keep;\n");
            for (int k = 0; k < lines; k++) {
                b.append("+int line").append(k).append(" = ").append(k).append(";\n");
                if (i == 1 && k == 3) {
                    b.append("... 17 lines suppressed ...\n\n\nhooks/post-receive\n-- \nwidget\n");
                    return b.toString();
                }
            }
            b.append('\n');
        }
        throw new AssertionError("the last commit ends the mail");
    }

    private static String multimailHeaders() {
        return "To: widget-commits@lists.example.org\nSubject: [widget] branch main updated\n"
                + "MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n"
                + "Message-ID: <large-refchange@scm.example.org>\nFrom: git@scm.example.org\n"
                + "X-Git-Repo: widget\nX-Git-Refname: refs/heads/main\nX-Git-Reftype: branch\n"
                + "X-Git-Oldrev: " + sha(0) + "\nX-Git-Newrev: " + sha(COMMITS) + "\n"
                + "X-Git-NotificationType: ref_changed\n\n"
                + "This is an automated email from the git hooks/post-receive script.\n\n"
                + "alice pushed a change to branch main\nin repository widget.\n\n";
    }

    /** A distinct full id for commit {@code i}. */
    private static String sha(int i) {
        String hex = String.format("%08x", i * 2654435761L & 0xffffffffL);
        return (hex + "0123456789abcdef0123456789abcdef").substring(0, 40);
    }

    private static Map<?, ?> commit(EventDraft e) {
        return (Map<?, ?>) e.body().get("commit");
    }

    @SuppressWarnings("unchecked")
    private static List<String> unknown(Map<String, Object> body) {
        return (List<String>) ((Map<?, ?>) body.get("mailbridge")).get("unknown");
    }
}
