package org.mailbridge.parse.bugzilla;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The table readers and the rejoin rule, on tables laid out exactly as Bugzilla lays them out. */
class BugzillaTablesTest {
    static Stream<Arguments> joins() {
        return Stream.of(
                Arguments.of("short pieces join with a space", List.of("Widget daemon crashes at", "startup"), false,
                        "Widget daemon crashes at startup"),
                Arguments.of("a full piece without spaces was cut", List.of("documentation_man-pages@ker",
                        "nel-bugs.osdl.org"), false, "documentation_man-pages@kernel-bugs.osdl.org"),
                Arguments.of("a full piece with a space broke at a space", List.of("gnome-widget-daemon crashes",
                        "in"), false, "gnome-widget-daemon crashes in"),
                Arguments.of("several cuts", List.of("https://docs.kernel.org/vir", "t/uml/user_mode_linux_howto",
                        "_v2.html"), false, "https://docs.kernel.org/virt/uml/user_mode_linux_howto_v2.html"),
                Arguments.of("a list item ending in a comma broke at the space", List.of("mexample@fedoraproject.org,",
                        "bob@example.org"), true, "mexample@fedoraproject.org, bob@example.org"),
                Arguments.of("outside lists a full comma piece is a cut", List.of("abcdefghijklmnopqrstuvwxyz,",
                        "x"), false, "abcdefghijklmnopqrstuvwxyz,x"),
                Arguments.of("blank pieces are skipped", List.of("a", "   ", "b"), false, "a b"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("joins")
    void rejoinsWrappedPieces(String name, List<String> pieces, boolean list, String expected) {
        Wrapped w = new Wrapped(27);
        pieces.forEach(w::add);
        assertThat(w.value(list)).isEqualTo(expected);
    }

    @Test
    void readsWrappedLabelsAndValues() throws Exception {
        List<String> lines = List.of(
                "           What    |Removed                     |Added",
                "-".repeat(76),
                "   Attachment #1201|0                           |1",
                "        is obsolete|                            |",
                "   Attachment #1202|                            |review?(bob@example.org)",
                "              Flags|                            |",
                "      Comment #2 is|0                           |1",
                "            private|                            |",
                "           Assignee|nobody@fedoraproject.org    |python-packagers-sig@fedora",
                "                   |                            |project.org",
                "                 CC|                            |mexample@fedoraproject.org,",
                "                   |                            |python-packagers-sig@fedora",
                "                   |                            |project.org",
                "",
                "--- Comment #6 from Alice <alice@example.org> ---");
        ChangeTable.Result r = ChangeTable.read(lines, 0);
        assertThat(r.end()).isEqualTo(13);
        assertThat(r.rows()).containsExactly(
                new TableRow("Attachment #1201 is obsolete", "0", "1"),
                new TableRow("Attachment #1202 Flags", "", "review?(bob@example.org)"),
                new TableRow("Comment #2 is private", "0", "1"),
                new TableRow("Assignee", "nobody@fedoraproject.org", "python-packagers-sig@fedoraproject.org"),
                new TableRow("CC", "", "mexample@fedoraproject.org, python-packagers-sig@fedoraproject.org"));
    }

    @Test
    void columnsCountCharactersNotUtf16Units() throws Exception {
        List<String> lines = List.of("           What    |Removed                     |Added", "-".repeat(76),
                "            Summary|Emoji \uD83D\uDE00 in the summary      |No emoji");
        assertThat(ChangeTable.read(lines, 0).rows())
                .containsExactly(new TableRow("Summary", "Emoji \uD83D\uDE00 in the summary", "No emoji"));
    }

    @Test
    void readsTheNewBugTable() throws Exception {
        List<String> lines = List.of(
                "            Bug ID: 4242",
                "           Summary: Widget daemon crashes at startup when its config file",
                "                    is empty or missing",
                "               URL: https://retrace.fedoraproject.org/faf/reports/bthash/0a1b2",
                "                    c3d4e5f",
                "",
                "Description");
        NewBugTable.Result r = NewBugTable.read(lines, 0);
        assertThat(r.end()).isEqualTo(5);
        assertThat(r.rows()).containsExactly(new TableRow("Bug ID", "", "4242"),
                new TableRow("Summary", "", "Widget daemon crashes at startup when its config file is empty or missing"),
                new TableRow("URL", "", "https://retrace.fedoraproject.org/faf/reports/bthash/0a1b2c3d4e5f"));
    }

    @Test
    void htmlCellsAreUnescapedAndUnwrapped() {
        String html = "<table><tr><th>What</th><th>Removed</th><th>Added</th></tr>\n<tr>\n"
                + "<td style=\"text-align:right;\">Assignee</td>\n<td>mesa-dev&#64;lists.freedesktop.org\n</td>\n"
                + "<td>&nbsp;\n</td></tr><tr><td>URL</td><td>&lt;a&gt; &amp; b</td><td><a href=\"x\">link</a></td></tr>"
                + "<tr><th>Reporter</th><td>ada&#x40;example.com</td></tr></table>";
        assertThat(HtmlTables.changeRows(html)).containsExactly(
                new TableRow("Assignee", "mesa-dev@lists.freedesktop.org", ""), new TableRow("URL", "<a> & b", "link"));
        assertThat(HtmlTables.fieldRows(html)).containsExactly(new TableRow("Reporter", "", "ada@example.com"));
    }

    @Test
    void htmlReplacesTextRowsOnlyWhenTheyAreTheSameRows() {
        List<TableRow> text = List.of(new TableRow("Whiteboard", "", "AcceptedFreezeException-F40needs-retest"));
        List<TableRow> html = List.of(new TableRow("Whiteboard", "", "AcceptedFreezeException-F40 needs-retest"));
        assertThat(BugmailReader.confirm(text, Optional.of(html))).isEqualTo(html);
        assertThat(BugmailReader.confirm(text, Optional.of(List.of(new TableRow("URL", "", "x"))))).isEqualTo(text);
        assertThat(BugmailReader.confirm(text, Optional.empty())).isEqualTo(text);
    }

    static Stream<Arguments> identities() {
        return Stream.of(
                Arguments.of("Ada Example <ada@example.org>", "ada@example.org", "Ada Example"),
                Arguments.of("Artem S. Tashkinov (aros@gmx.com)", "aros@gmx.com", "Artem S. Tashkinov"),
                Arguments.of("M. John (marian@famion.eu)", "marian@famion.eu", "M. John"),
                Arguments.of("teika@gmx.com", "teika@gmx.com", ""),
                Arguments.of("Коренберг Марк (socketpair@gmail.com)", "socketpair@gmail.com", "Коренберг Марк"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("identities")
    void readsIdentities(String text, String login, String name) {
        assertThat(Identity.parse(text)).contains(new Identity(login, name));
    }

    @Test
    void refusesWhatIsNoIdentity() {
        assertThat(Identity.parse("Nobody in particular")).isEmpty();
        assertThat(Identity.parse("")).isEmpty();
        assertThat(Identity.parse("Name <not an address>")).isEmpty();
    }

    @Test
    void namesFieldsFromTheirLabelsAndTheChangedFieldsHeader() {
        List<TableRow> rows = List.of(new TableRow("Status", "NEW", "ON_QA"),
                new TableRow("Story Points", "", "3"), new TableRow("Fixed In Version", "", "widget-1.0-1.fc40"));
        assertThat(ChangeFields.internalNames(rows, Optional.of(List.of("bug_status", "cf_story_points",
                "cf_fixed_in")))).containsExactly(Optional.of("bug_status"), Optional.of("cf_story_points"),
                Optional.of("cf_fixed_in"));
        // A header that does not fit the table is not used: known labels still get their names.
        assertThat(ChangeFields.internalNames(rows, Optional.of(List.of("bug_status"))))
                .containsExactly(Optional.of("bug_status"), Optional.empty(), Optional.of("cf_fixed_in"));
        assertThat(FieldNames.api("bug_status")).isEqualTo("status");
        assertThat(FieldNames.api("dependson")).isEqualTo("depends_on");
        assertThat(FieldNames.internal("Attachment #12 is obsolete")).contains("attachments.isobsolete");
        assertThat(FieldNames.internal("Comment #3 is private")).contains("longdescs.isprivate");
    }
}
