package org.mailbridge.accounts;

import java.util.Optional;

/**
 * The addr-spec in a text: the whole text when it is {@code local@domain}, or what stands in
 * the last {@code <...>} of {@code Display Name <local@domain>}. Anything with white space,
 * control characters or no {@code @} in the address is none.
 */
final class AddrSpec {
    /** Longer than an address may be (RFC 5321: 254). */
    private static final int MAX = 254;

    private AddrSpec() {
    }

    static Optional<String> of(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = text.strip();
        int lt = s.lastIndexOf('<');
        if (lt >= 0 && s.endsWith(">")) {
            s = s.substring(lt + 1, s.length() - 1).strip();
        }
        int at = s.lastIndexOf('@');
        if (s.isEmpty() || s.length() > MAX || at <= 0 || at == s.length() - 1) {
            return Optional.empty();
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= ' ' || c == 0x7f || c == '<' || c == '>' || c == ',' || c == '(' || c == ')') {
                return Optional.empty();
            }
        }
        return Optional.of(s);
    }
}
