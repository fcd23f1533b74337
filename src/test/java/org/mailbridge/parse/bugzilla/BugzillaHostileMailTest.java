package org.mailbridge.parse.bugzilla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.mailbridge.parse.bugzilla.Bugmails.body;
import static org.mailbridge.parse.bugzilla.Bugmails.changed;
import static org.mailbridge.parse.bugzilla.Bugmails.map;
import static org.mailbridge.parse.bugzilla.Bugmails.parse;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mailbridge.spi.ParseOutcome;

/**
 * Hostile and broken bugmail: each gives a correct event or a {@code Malformed} outcome with a
 * clear reason, within a time bound, never an exception.
 */
class BugzillaHostileMailTest {
    private static final Duration BOUND = Duration.ofSeconds(20);

    static Stream<Arguments> malformed() {
        String link = Bugmails.BASE + "show_bug.cgi?id=4242\n\n";
        return Stream.of(
                Arguments.of("row cut short", Bugmails.body("             Status|NEW", ""), "cut short"),
                Arguments.of("table without rows", Bugmails.body("", ""), "has no rows"),
                Arguments.of("header without its rule", link + "Bob changed:\n\n"
                        + "           What    |Removed                     |Added\n             Status|NEW"
                        + "                         |RESOLVED" + Bugmails.FOOTER, "no rule line"),
                Arguments.of("continuation first", Bugmails.body("                   |NEW"
                        + "                         |RESOLVED", ""), "continuation"),
                Arguments.of("no footer", link + "--- Comment #1 from Bob <bob@example.org> ---\nText cut he",
                        "truncated"),
                Arguments.of("no bug link", "Hello.\n\n-- \nYou are receiving this mail because:", "show_bug.cgi"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void brokenBugmailIsMalformedWithAReason(String name, String body, String reason) throws Exception {
        ParseOutcome o = parse(changed("bug_status", body));
        assertThat(o).isInstanceOf(ParseOutcome.Malformed.class);
        assertThat(((ParseOutcome.Malformed) o).reason()).contains(reason);
    }

    @Test
    void aHugeCommentIsKeptWholeInLinearTime() {
        String line = "All work and no play makes Jack a dull boy, over and over again.\n";
        String text = line.repeat(200_000); // 13 MB
        String b = Bugmails.BASE + "show_bug.cgi?id=4242\n\n--- Comment #1 from Bob <bob@example.org> ---\n" + text
                + Bugmails.FOOTER;
        Map<String, Object> body = assertTimeoutPreemptively(BOUND, () -> body(parse(changed("", b))));
        assertThat((String) map(body, "comment").get("body")).hasSize(text.length() - 1).startsWith(line);
    }

    @Test
    void tenThousandCcEntriesInANewBugTable() throws Exception {
        String cc = IntStream.range(0, 10_000).mapToObj(i -> "user" + i + "@fedoraproject.org")
                .collect(Collectors.joining(", "));
        StringBuilder table = new StringBuilder("            Bug ID: 4242\n           Summary: Widget crash\n");
        List<String> pieces = wrap(cc, 55);
        table.append("                CC: ").append(pieces.get(0)).append('\n');
        pieces.subList(1, pieces.size()).forEach(p -> table.append(" ".repeat(20)).append(p).append('\n'));
        String b = Bugmails.BASE + "show_bug.cgi?id=4242\n\n" + table + "\nThe description." + Bugmails.FOOTER;
        byte[] raw = (Bugmails.headers("new", "bug_id short_desc cc", "text/plain; charset=UTF-8", "8bit") + "\n" + b)
                .getBytes(StandardCharsets.UTF_8);
        ParseOutcome o = assertTimeoutPreemptively(BOUND, () -> parse(raw));
        @SuppressWarnings("unchecked")
        List<String> got = (List<String>) map(body(o), "bug").get("cc");
        assertThat(got).hasSize(10_000).startsWith("user0@fedoraproject.org").endsWith("user9999@fedoraproject.org");
    }

    @Test
    void tenThousandCcAddedCapsTheUserHeaders() throws Exception {
        String cc = IntStream.range(0, 10_000).mapToObj(i -> "user" + i + "@fedoraproject.org")
                .collect(Collectors.joining(", "));
        StringBuilder rows = new StringBuilder();
        List<String> pieces = wrap(cc, 28);
        for (int i = 0; i < pieces.size(); i++) {
            rows.append(String.format("%19s|%-28s|%s", i == 0 ? "CC" : "", "", pieces.get(i)).stripTrailing())
                    .append('\n');
        }
        ParseOutcome o = assertTimeoutPreemptively(BOUND, () -> parse(changed("cc", Bugmails.body(rows.toString(), ""))));
        ParseOutcome.Events ev = (ParseOutcome.Events) o;
        @SuppressWarnings("unchecked")
        Map<String, Object> change = ((List<Map<String, Object>>) map(ev.events().get(0).body(), "event")
                .get("changes")).get(0);
        assertThat((String) change.get("added")).isEqualTo(cc);
        // At most MAX addresses are looked up (the reporter and assignee among them), plus the agent.
        assertThat(ev.events().get(0).usernames()).hasSizeBetween(BugUsers.MAX - 2, BugUsers.MAX + 1);
    }

    @Test
    void brokenQuotedPrintableStillGivesTheEvent() throws Exception {
        String b = Bugmails.body("             Status|NEW                         |RESOL=\nVED=ZZ=\n", "")
                .replace("\n-- \n", "\n--=20\n").replace("?id=", "?id=3D");
        byte[] raw = (Bugmails.headers("changed", "bug_status", "text/plain; charset=UTF-8", "quoted-printable")
                + "\n" + b + "=4").getBytes(StandardCharsets.US_ASCII);
        @SuppressWarnings("unchecked")
        Map<String, Object> change = ((List<Map<String, Object>>) map(body(parse(raw)), "event").get("changes")).get(0);
        assertThat(change).containsEntry("removed", "NEW").containsEntry("added", "RESOLVED=ZZ");
    }

    @Test
    void latin1BytesLabelledUtf8AreReadWithoutFailing() throws Exception {
        String b = Bugmails.BASE + "show_bug.cgi?id=4242\n\n--- Comment #1 from Zo\u00eb <zoe@example.org> ---\n"
                + "Gr\u00fc\u00dfe" + Bugmails.FOOTER;
        byte[] raw = (Bugmails.headers("changed", "", "text/plain; charset=UTF-8", "8bit") + "\n" + b)
                .getBytes(StandardCharsets.ISO_8859_1);
        Map<String, Object> body = body(parse(raw));
        assertThat(map(body, "comment")).containsEntry("author", "zoe@example.org").containsEntry("number", 1L);
        assertThat(map(body, "mailbridge")).containsEntry("lossy_text", true);
    }

    @Test
    void pathologicalLinesFinishQuickly() {
        // Each line stays under the reader's 1 MiB line limit, so the parser is what is measured.
        String pipes = "|".repeat(1_000_000);
        String headers = "--- Comment #1 from x ---\n".repeat(100_000);
        String html = "<tr><td>a</td><th>\n".repeat(200_000) + "</tr>";
        byte[] raw = (Bugmails.headers("changed", "", "multipart/alternative; boundary=\"b\"", "7bit") + "\n--b\n"
                + "Content-Type: text/plain; charset=UTF-8\n\n"
                + Bugmails.body("             Status|NEW                         |FIXED\n" + pipes, "\n\n" + headers)
                + "\n--b\n"
                + "Content-Type: text/html; charset=UTF-8\n\n" + html + "\n--b--\n").getBytes(StandardCharsets.UTF_8);
        ParseOutcome o = assertTimeoutPreemptively(BOUND, () -> parse(raw));
        assertThat(o).isInstanceOf(ParseOutcome.Events.class);
        assertThat(body(o).get("mailbridge").toString()).contains("earlier_comments");
    }

    @Test
    void aLabelWrappedOverManyLinesAndHostileHtmlStayLinear() {
        String rows = "             Status|NEW                         |FIXED\n"
                + "abcdefghijklmnopqr |                            |x\n".replace("abcdefghijklmnopqr ", " abcdefghijklmnopqr")
                        .repeat(100_000);
        String html = "<table><tr><td>Status</td><td>" + "&".repeat(1_000_000) + "</td><td>x</td></tr>\n<tr>"
                + "<td>a</td>\n".repeat(200_000) + "</tr></table>";
        byte[] raw = (Bugmails.headers("changed", "", "multipart/alternative; boundary=\"b\"", "7bit") + "\n--b\n"
                + "Content-Type: text/plain; charset=UTF-8\n\n" + Bugmails.body(rows, "") + "\n--b\n"
                + "Content-Type: text/html; charset=UTF-8\n\n" + html + "\n--b--\n").getBytes(StandardCharsets.UTF_8);
        ParseOutcome o = assertTimeoutPreemptively(BOUND, () -> parse(raw));
        assertThat(o).isInstanceOf(ParseOutcome.Events.class);
    }

    @Test
    void aBugIdHeaderThatDisagreesWithTheLinkIsMalformed() throws Exception {
        String raw = new String(changed("", Bugmails.body("             Status|NEW                         |FIXED",
                "")), StandardCharsets.UTF_8).replace("X-Bugzilla-Flags: \n", "X-Bugzilla-Flags: \nX-Bugzilla-ID: 99\n");
        ParseOutcome o = parse(raw.getBytes(StandardCharsets.UTF_8));
        assertThat(((ParseOutcome.Malformed) o).reason()).contains("X-Bugzilla-ID 99");
    }

    @ParameterizedTest
    @MethodSource("nonBugTypes")
    void nonBugTypesAreIgnored(String type) throws Exception {
        byte[] raw = (Bugmails.headers(type, "", "text/plain", "7bit") + "\nYour password was changed.\n")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(parse(raw)).isInstanceOf(ParseOutcome.Ignored.class);
    }

    static Stream<String> nonBugTypes() {
        return Stream.of("admin", "whine", "sanitycheck", "newchanged");
    }

    @Test
    void mailWithoutTheTypeHeaderIsNotMine() throws Exception {
        byte[] raw = "From: a@example.org\nSubject: [Bug 1] x\n\nhttps://bugs.example.org/show_bug.cgi?id=1\n"
                .getBytes(StandardCharsets.UTF_8);
        assertThat(parse(raw)).isInstanceOf(ParseOutcome.NotMine.class);
    }

    /** Text::Wrap as Bugzilla uses it: break at spaces, cut words longer than width - 1. */
    static List<String> wrap(String s, int width) {
        int max = width - 1;
        List<String> out = new java.util.ArrayList<>();
        int p = 0;
        while (p < s.length()) {
            int end = Math.min(s.length(), p + max);
            if (end == s.length()) {
                out.add(s.substring(p));
                break;
            }
            int sp = s.lastIndexOf(' ', end);
            if (sp >= p) {
                out.add(s.substring(p, sp));
                p = sp + 1;
            } else {
                out.add(s.substring(p, end));
                p = end;
            }
        }
        return out;
    }
}
