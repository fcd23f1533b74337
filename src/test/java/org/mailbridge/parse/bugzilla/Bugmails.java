package org.mailbridge.parse.bugzilla;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.mailbridge.config.Limits;
import org.mailbridge.mail.MailReader;
import org.mailbridge.parse.SimpleParserContext;
import org.mailbridge.spi.Mail;
import org.mailbridge.spi.ParseOutcome;
import org.mailbridge.spi.ParserSettings;
import org.mailbridge.testing.FixedClock;

/** Builds bugmail for the parser's unit tests and runs the parser on it. */
final class Bugmails {
    static final String BASE = "https://bugs.example.org/";
    static final String RULE = "-".repeat(76);
    static final String TABLE_HEAD = "           What    |Removed                     |Added\n" + RULE + "\n";
    static final String FOOTER = "\n\n-- \nYou are receiving this mail because:\nYou are the assignee for the bug.";

    private Bugmails() {
    }

    /** The header section of a changed mail about bug 4242 (8bit UTF-8 text unless told). */
    static String headers(String type, String changedFields, String contentType, String encoding) {
        return "From: bugzilla-daemon@bugs.example.org\n"
                + "To: bridge@example.org\n"
                + "Subject: [Bug 4242] Widget daemon crashes at startup\n"
                + "Date: Mon, 08 Jul 2024 09:09:09 +0000\n"
                + "X-Bugzilla-Reason: AssignedTo\n"
                + "X-Bugzilla-Type: " + type + "\n"
                + "X-Bugzilla-Watch-Reason: None\n"
                + "X-Bugzilla-Product: Widget\n"
                + "X-Bugzilla-Component: daemon\n"
                + "X-Bugzilla-Version: 2.4\n"
                + "X-Bugzilla-Keywords: \n"
                + "X-Bugzilla-Severity: normal\n"
                + "X-Bugzilla-Who: bob@example.org\n"
                + "X-Bugzilla-Status: NEW\n"
                + "X-Bugzilla-Resolution: \n"
                + "X-Bugzilla-Priority: P3\n"
                + "X-Bugzilla-Assigned-To: alice@example.org\n"
                + "X-Bugzilla-Flags: \n"
                + "X-Bugzilla-Changed-Fields: " + changedFields + "\n"
                + "Message-ID: <bug-4242-57-TeStInG001@https.bugs.example.org/>\n"
                + "Content-Type: " + contentType + "\n"
                + "Content-Transfer-Encoding: " + encoding + "\n"
                + "X-Bugzilla-URL: " + BASE + "\n"
                + "Auto-Submitted: auto-generated\n"
                + "MIME-Version: 1.0\n";
    }

    /** A changed mail with an 8bit UTF-8 body. */
    static byte[] changed(String changedFields, String body) {
        return (headers("changed", changedFields, "text/plain; charset=\"UTF-8\"", "8bit") + "\n" + body)
                .getBytes(StandardCharsets.UTF_8);
    }

    /** The body of a changed mail: link, changer, the given table rows and comments, footer. */
    static String body(String rows, String comments) {
        return BASE + "show_bug.cgi?id=4242\n\nBob Builder <bob@example.org> changed:\n\n" + TABLE_HEAD + rows
                + comments + FOOTER;
    }

    static Mail read(byte[] raw) throws Exception {
        return new MailReader(Limits.DEFAULT).read(new ByteArrayInputStream(raw));
    }

    /** Runs a parser configured for the test instance. */
    static ParseOutcome parse(byte[] raw) throws Exception {
        BugzillaParser p = new BugzillaParser();
        p.init(new SimpleParserContext("bugzilla", new ParserSettings("bugzilla",
                Map.of("instances", List.of(BASE), "senders", List.of("@bugs.example.org"))),
                FixedClock.CLOCK));
        return p.parse(read(raw));
    }

    /** The body of the one event, or a failed assertion naming the outcome. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> body(ParseOutcome o) {
        if (!(o instanceof ParseOutcome.Events e) || e.events().size() != 1) {
            throw new AssertionError("expected one event, got " + o);
        }
        return e.events().get(0).body();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Map<String, Object> m, String key) {
        return (Map<String, Object>) m.get(key);
    }
}
