package org.mailbridge.parse.bugzilla;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.mailbridge.spi.Mail;
import org.mailbridge.spi.MailPart;

/**
 * The lines of a bugmail's text: the {@code text/plain} part that holds the bug link (a mailing
 * list may wrap the mail in {@code multipart/mixed} and add a footer part, or prepend a header),
 * split into lines without their line ends.
 */
final class BodyText {
    private BodyText() {
    }

    /** The text part that carries the bugmail: the first with a {@code show_bug.cgi} link, else the first. */
    static String plainPart(Mail mail) {
        return bugmailPart(mail).map(MailPart::text).orElseGet(mail::text);
    }

    /** Whether decoding the bugmail's text part had to replace invalid bytes (a wrong charset). */
    static boolean lossy(Mail mail) {
        return bugmailPart(mail).map(MailPart::lossy).orElse(false);
    }

    private static Optional<MailPart> bugmailPart(Mail mail) {
        MailPart first = null;
        for (MailPart p : mail.parts()) {
            if (p.mimeType().equals("text/plain") && !p.isAttachment()) {
                if (p.text().contains("show_bug.cgi?id=")) {
                    return Optional.of(p);
                }
                first = first == null ? p : first;
            }
        }
        return Optional.ofNullable(first);
    }

    /** The HTML alternative, when the mail has one. */
    static Optional<String> htmlPart(Mail mail) {
        return mail.html();
    }

    /** Splits text into lines, accepting LF, CRLF and lone CR; a final line end adds no empty line. */
    static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                out.add(text.substring(start, i));
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        if (start < n) {
            out.add(text.substring(start));
        }
        return out;
    }

    /** The index of the first line that is a bug link ({@code <base>show_bug.cgi?id=N}), or -1. */
    static int firstBugLink(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            if (bugLinkId(lines.get(i)) > 0) {
                return i;
            }
        }
        return -1;
    }

    /** The bug id of a line that is exactly a bug link, or -1. */
    static long bugLinkId(String line) {
        String s = line.strip();
        int q = s.indexOf("show_bug.cgi?id=");
        if (q < 0 || !(s.startsWith("http://") || s.startsWith("https://")) || s.indexOf(' ') >= 0) {
            return -1;
        }
        return Numbers.positive(s.substring(q + "show_bug.cgi?id=".length()));
    }

    /** The index of the last signature marker line ({@code "-- "}) at or after {@code from}, or -1. */
    static int footer(List<String> lines, int from) {
        for (int i = lines.size() - 1; i >= from; i--) {
            String l = lines.get(i);
            if (l.equals("-- ") || l.equals("--")) {
                return i;
            }
        }
        return -1;
    }

    /** Whether a line is empty or only white space. */
    static boolean blank(String line) {
        return line.isBlank();
    }
}
