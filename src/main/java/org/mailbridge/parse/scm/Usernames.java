package org.mailbridge.parse.scm;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The accounts an event concerns, for the {@code fedora_messaging_user_<name>} headers. Only
 * values that are account names (a login: letters, digits, {@code . _ -}) qualify; a display
 * name or an address is not an account and is left out rather than mangled into one.
 */
public final class Usernames {
    private static final int MAX = 64;

    private Usernames() {
    }

    /** The logins among {@code candidates}, in order, without duplicates. */
    public static Set<String> of(String... candidates) {
        Set<String> out = new LinkedHashSet<>();
        for (String c : candidates) {
            if (isLogin(c)) {
                out.add(c);
            }
        }
        return out;
    }

    /** Whether {@code s} looks like an account name. */
    public static boolean isLogin(String s) {
        if (s == null || s.isEmpty() || s.length() > MAX || s.charAt(0) == '-' || s.charAt(0) == '.') {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_'
                    || c == '-')) {
                return false;
            }
        }
        return true;
    }
}
