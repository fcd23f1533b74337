package org.mailbridge.parse.bugzilla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mailbridge.parse.bugzilla.Bugmails.body;
import static org.mailbridge.parse.bugzilla.Bugmails.map;
import static org.mailbridge.parse.bugzilla.Bugmails.parse;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.mailbridge.spi.ParseOutcome;

/** Event bodies for cases the golden files do not show on their own. */
class BugzillaBodyTest {
    private static byte[] newBug(String afterTable) {
        String table = "            Bug ID: 4242\n           Summary: Widget crash\n          Reporter: erin@example.org\n";
        String b = Bugmails.BASE + "show_bug.cgi?id=4242\n\n" + table + afterTable + Bugmails.FOOTER;
        return (Bugmails.headers("new", "bug_id short_desc reporter", "text/plain; charset=UTF-8", "8bit") + "\n" + b)
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aNewBugWithoutDescriptionHasNoComment() throws Exception {
        Map<String, Object> body = body(parse(newBug("\n")));
        assertThat(body).doesNotContainKey("comment");
        assertThat(map(body, "bug")).containsEntry("summary", "Widget crash");
        assertThat(map(map(body, "bug"), "reporter")).containsEntry("login", "erin@example.org");
    }

    @Test
    void aNewBugDescriptionIsCommentZeroByTheReporter() throws Exception {
        Map<String, Object> comment = map(body(parse(newBug("\nIt crashes.\n"))), "comment");
        assertThat(comment).containsEntry("number", 0L).containsEntry("author", "erin@example.org")
                .containsEntry("body", "It crashes.");
    }

    @Test
    void aBlockersRowsAreChangesButNotThisBugsState() throws Exception {
        String b = Bugmails.BASE + "show_bug.cgi?id=4242\nBug 4242 depends on bug 4302, which changed state.\n\n"
                + "Bug 4302 Summary: Add a test\n" + Bugmails.BASE + "show_bug.cgi?id=4302\n\n" + Bugmails.TABLE_HEAD
                + "                URL|                            |https://example.org/x\n" + Bugmails.FOOTER;
        byte[] raw = (Bugmails.headers("dep_changed", "bug_file_loc", "text/plain; charset=UTF-8", "8bit") + "\n" + b)
                .getBytes(StandardCharsets.UTF_8);
        Map<String, Object> body = body(parse(raw));
        assertThat(map(body, "bug")).containsEntry("url", "");
        assertThat((List<?>) map(body, "event").get("changes")).hasSize(1);
        assertThat(map(map(body, "mailbridge"), "blocker")).containsEntry("id", 4302L);
    }

    @Test
    void mailWithoutTheInstanceHeaderIsUntrusted() throws Exception {
        String raw = new String(newBug("\nIt crashes.\n"), StandardCharsets.UTF_8)
                .replace("X-Bugzilla-URL: " + Bugmails.BASE + "\n", "");
        ParseOutcome.Events ev = (ParseOutcome.Events) parse(raw.getBytes(StandardCharsets.UTF_8));
        assertThat(ev.trust().trusted()).isFalse();
        assertThat(ev.trust().why()).isEqualTo("no X-Bugzilla-URL header");
    }

    @Test
    void theInstanceAndSenderOfTheSettingsAreTrusted() throws Exception {
        ParseOutcome.Events ev = (ParseOutcome.Events) parse(newBug("\nIt crashes.\n"));
        assertThat(ev.trust().trusted()).isTrue();
    }
}
