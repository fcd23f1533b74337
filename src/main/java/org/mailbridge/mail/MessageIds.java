package org.mailbridge.mail;

import java.util.List;
import java.util.Optional;

/**
 * When a Message-ID can be a mail's key: one {@code Message-ID} field holding exactly one
 * msg-id {@code <left@right>} (RFC 5322 3.6.4), whose left part has a letter or digit (not a
 * placeholder such as {@code <...>} or {@code <@host>}) and no white space. Mailers that print a
 * placeholder, an empty field, or several ids give mails whose ids collide; those are keyed by
 * their content instead.
 */
final class MessageIds {
    /** Longer ids are not a mailer's; keep keys bounded. */
    private static final int MAX = 998;

    private MessageIds() {
    }

    /** The msg-id to key the mail by, or empty when the fields do not make one. */
    static Optional<String> key(List<String> fields) {
        if (fields.size() != 1) {
            return Optional.empty();
        }
        String s = fields.get(0).strip();
        if (s.length() < 5 || s.length() > MAX || s.charAt(0) != '<' || s.charAt(s.length() - 1) != '>'
                || s.indexOf('<', 1) >= 0 || s.indexOf('>') != s.length() - 1) {
            return Optional.empty();
        }
        String inner = s.substring(1, s.length() - 1);
        int at = inner.lastIndexOf('@');
        if (at <= 0 || at == inner.length() - 1) {
            return Optional.empty();
        }
        boolean real = false;
        for (int i = 0; i < inner.length(); i++) {
            char c = inner.charAt(i);
            if (c <= ' ' || c == 0x7f) {
                return Optional.empty();
            }
            if (i < at && Character.isLetterOrDigit(c)) {
                real = true;
            }
        }
        return real ? Optional.of(s) : Optional.empty();
    }
}
