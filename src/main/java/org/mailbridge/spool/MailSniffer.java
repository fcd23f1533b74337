package org.mailbridge.spool;

import java.util.Optional;

/**
 * A cheap look at the first block of an input to tell a mail message from junk (empty input,
 * binary data, random text) without loading a MIME parser into {@code deliver}'s short-lived JVM.
 * It only rejects what cannot be mail; the daemon's full parse judges the rest.
 */
public final class MailSniffer {
    private MailSniffer() {
    }

    /**
     * Judges the start of an input.
     *
     * @param head the first bytes of the input (a few KiB are plenty)
     * @param size the full input size
     * @return empty when it looks like a message, else why it does not
     */
    public static Optional<String> whyNotMail(byte[] head, long size) {
        if (size == 0) {
            return Optional.of("empty input");
        }
        int end = headerBlockEnd(head);
        for (int i = 0; i < end; i++) {
            if (head[i] == 0) {
                return Optional.of("NUL byte in the header section: binary data, not a mail message");
            }
        }
        int pos = 0;
        if (startsWith(head, "From ")) {
            // The mbox envelope line that procmail and MTAs put before the headers.
            pos = nextLine(head, 0);
        }
        if (pos >= head.length) {
            return Optional.of("no header fields after the envelope line");
        }
        int nameEnd = pos;
        while (nameEnd < head.length && isFieldNameChar(head[nameEnd])) {
            nameEnd++;
        }
        if (nameEnd == pos || nameEnd >= head.length || head[nameEnd] != ':') {
            return Optional.of("does not start with a header field (Name: value)");
        }
        return Optional.empty();
    }

    /** RFC 5322 field names: printable US-ASCII except colon. */
    private static boolean isFieldNameChar(byte b) {
        return b >= 33 && b <= 126 && b != ':';
    }

    private static boolean startsWith(byte[] head, String prefix) {
        if (head.length < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (head[i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static int nextLine(byte[] head, int from) {
        int i = from;
        while (i < head.length && head[i] != '\n') {
            i++;
        }
        return Math.min(i + 1, head.length);
    }

    /** Index just past the blank line that ends the headers, or the whole block if none is seen. */
    private static int headerBlockEnd(byte[] head) {
        for (int i = 1; i < head.length; i++) {
            if (head[i] == '\n' && (head[i - 1] == '\n' || (head[i - 1] == '\r' && i > 1 && head[i - 2] == '\n'))) {
                return i;
            }
        }
        return head.length;
    }
}
