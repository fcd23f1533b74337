package org.mailbridge.parse.bugzilla;

import java.util.Objects;
import java.util.Optional;

/**
 * A Bugzilla user as a mail names them: {@code Real Name <login>} (upstream), {@code Real Name
 * (login)} (bugzilla.kernel.org), or a bare {@code login}.
 *
 * @param login the login (an e-mail address), never blank
 * @param realName the real name, or empty when the mail shows none
 */
record Identity(String login, String realName) {
    Identity {
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(realName, "realName");
        if (login.isBlank()) {
            throw new IllegalArgumentException("blank login");
        }
    }

    /** Reads an identity; empty when the text has no login in any of the three forms. */
    static Optional<Identity> parse(String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            return Optional.empty();
        }
        char last = t.charAt(t.length() - 1);
        if (last == '>' || last == ')') {
            int open = t.lastIndexOf(last == '>' ? '<' : '(');
            if (open >= 0) {
                String login = t.substring(open + 1, t.length() - 1).strip();
                if (isLogin(login)) {
                    return Optional.of(new Identity(login, t.substring(0, open).strip()));
                }
            }
        }
        return isLogin(t) ? Optional.of(new Identity(t, "")) : Optional.empty();
    }

    /** A login is one word with an {@code @} inside it. */
    static boolean isLogin(String s) {
        int at = s.indexOf('@');
        if (at <= 0 || at == s.length() - 1) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || c == '<' || c == '>' || c == '(' || c == ')' || c == ',') {
                return false;
            }
        }
        return true;
    }
}
