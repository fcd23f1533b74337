package org.mailbridge.rules;

import java.util.ArrayList;
import java.util.List;

import org.mailbridge.spi.Accounts;
import org.mailbridge.spi.Mail;

/**
 * One mail as the rules of one parse see it: the text body split into lines once, every text cut
 * to {@link #MAX_LINE} characters and the body to {@link #MAX_LINES} lines, and a {@link Budget}
 * shared by every regular expression run on it. These bounds keep a hostile mail from making
 * matching slow: each match runs on one line of bounded length, and the budget stops the rest.
 */
final class MailView {
    /** Longest text (line, header value, subject) a pattern sees; the rest of a longer one is ignored. */
    static final int MAX_LINE = 4096;
    /** Most body lines a rule reads; later lines are ignored. */
    static final int MAX_LINES = 20_000;

    private final Mail mail;
    private final Budget budget;
    private final Accounts accounts;
    private List<String> lines;

    MailView(Mail mail, Budget budget) {
        this(mail, budget, Accounts.none());
    }

    /** @param accounts the resolver {@code account} fields use */
    MailView(Mail mail, Budget budget, Accounts accounts) {
        this.mail = mail;
        this.budget = budget;
        this.accounts = accounts;
    }

    Accounts accounts() {
        return accounts;
    }

    Mail mail() {
        return mail;
    }

    Budget budget() {
        return budget;
    }

    /** The text cut to {@link #MAX_LINE}. */
    String capped(String s) {
        return s.length() <= MAX_LINE ? s : s.substring(0, MAX_LINE);
    }

    /** The lines of the first text/plain part, without line ends, within the bounds. */
    List<String> bodyLines() {
        if (lines == null) {
            List<String> out = new ArrayList<>();
            String text = mail.text();
            int start = 0;
            while (start <= text.length() && out.size() < MAX_LINES) {
                int nl = text.indexOf('\n', start);
                int end = nl < 0 ? text.length() : nl;
                if (end > start && text.charAt(end - 1) == '\r') {
                    end--;
                }
                if (nl < 0 && end == start) {
                    break;
                }
                // Copy at most MAX_LINE characters: a huge unbroken line costs no more than a short one.
                out.add(text.substring(start, Math.min(end, start + MAX_LINE)));
                if (nl < 0) {
                    break;
                }
                start = nl + 1;
            }
            lines = List.copyOf(out);
        }
        return lines;
    }
}
